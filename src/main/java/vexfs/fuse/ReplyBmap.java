package vexfs.fuse;

/** Reply to bmap. */
public final class ReplyBmap extends Reply {
    ReplyBmap(ReplySink sink, long req, Completion completion) {
        super(sink, req, completion);
    }

    public void block(long idx) {
        send(() -> sink.bmap(req, idx));
    }
}
