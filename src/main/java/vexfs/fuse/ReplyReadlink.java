package vexfs.fuse;

/** Reply to readlink: the target bytes (no NUL). */
public final class ReplyReadlink extends Reply {
    ReplyReadlink(ReplySink sink, long req, Completion completion) {
        super(sink, req, completion);
    }

    public void target(byte[] target) {
        send(() -> sink.readlink(req, target));
    }
}
