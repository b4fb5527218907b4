package vexfs.fuse;

/** Reply to lseek: the resulting offset. */
public final class ReplyLseek extends Reply {
    ReplyLseek(ReplySink sink, long req, Completion completion) {
        super(sink, req, completion);
    }

    public void offset(long offset) {
        send(() -> sink.lseek(req, offset));
    }
}
