package vexfs.fuse;

/** Reply to create: the new entry and its open handle. */
public final class ReplyCreate extends Reply {
    ReplyCreate(ReplySink sink, long req, Completion completion) {
        super(sink, req, completion);
    }

    public void created(EntryParam e, long fh, OpenOptions options) {
        send(() -> sink.create(req, e, fh, options));
    }
}
