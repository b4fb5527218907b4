package vexfs.fuse;

/** Reply to lookup, mkdir, mknod, symlink, link: an entry (one lookup reference) or an error. */
public final class ReplyEntry extends Reply {
    ReplyEntry(ReplySink sink, long req, Completion completion) {
        super(sink, req, completion);
    }

    public void entry(EntryParam e) {
        send(() -> sink.entry(req, e));
    }
}
