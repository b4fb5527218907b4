package vexfs.fuse;

/** Reply to open and opendir: our handle for this open file. */
public final class ReplyOpen extends Reply {
    ReplyOpen(ReplySink sink, long req, Completion completion) {
        super(sink, req, completion);
    }

    public void opened(long fh, OpenOptions options) {
        send(() -> sink.open(req, fh, options));
    }
}
