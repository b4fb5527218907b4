package vexfs.fuse;

/** Reply to write and copy_file_range: the number of bytes written. */
public final class ReplyWrite extends Reply {
    ReplyWrite(ReplySink sink, long req, Completion completion) {
        super(sink, req, completion);
    }

    public void written(long count) {
        send(() -> sink.write(req, count));
    }
}
