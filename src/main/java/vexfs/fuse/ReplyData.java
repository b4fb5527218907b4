package vexfs.fuse;

/** Reply to read and getxattr values: bytes, either from the heap or read by libfuse straight from a descriptor. */
public final class ReplyData extends Reply {
    ReplyData(ReplySink sink, long req, Completion completion) {
        super(sink, req, completion);
    }

    public void data(byte[] bytes) {
        data(bytes, 0, bytes.length);
    }

    public void data(byte[] bytes, int offset, int length) {
        send(() -> sink.buf(req, bytes, offset, length));
    }

    /** Zero-copy read: libfuse reads {@code size} bytes of {@code fd} at {@code offset} into the reply. */
    public void fromFd(int fd, long offset, long size) {
        send(() -> sink.dataFromFd(req, fd, offset, size));
    }
}
