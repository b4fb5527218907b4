package vexfs.fuse;

/** Reply to getxattr/listxattr size probes (size 0 requests): the size the value or list needs. */
public final class ReplyXattr extends Reply {
    ReplyXattr(ReplySink sink, long req, Completion completion) {
        super(sink, req, completion);
    }

    public void size(long size) {
        send(() -> sink.xattrSize(req, size));
    }

    /** The value itself (when the caller gave a non-zero size that is big enough). */
    public void data(byte[] bytes) {
        send(() -> sink.buf(req, bytes, 0, bytes.length));
    }
}
