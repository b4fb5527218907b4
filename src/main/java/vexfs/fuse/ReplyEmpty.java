package vexfs.fuse;

/** Reply carrying only success or an error (unlink, rmdir, rename, flush, release, fsync, setxattr, ...). */
public final class ReplyEmpty extends Reply {
    ReplyEmpty(ReplySink sink, long req, Completion completion) {
        super(sink, req, completion);
    }

    public void ok() {
        send(() -> sink.err(req, 0));
    }

    /** For forget and forget_multi, which get no reply at all but must still be accounted for once. */
    void none() {
        send(() -> sink.none(req));
    }
}
