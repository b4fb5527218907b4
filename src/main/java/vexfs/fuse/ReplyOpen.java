package vexfs.fuse;

/** Reply to open and opendir: our handle for this open file. */
public final class ReplyOpen extends Reply {
    /** The file's inode; 0 for opendir (directories are never passthrough, and end in RELEASEDIR). */
    private final long ino;

    ReplyOpen(ReplySink sink, long req, long ino, Completion completion) {
        super(sink, req, completion);
        this.ino = ino;
    }

    public void opened(long fh, OpenOptions options) {
        send(() -> sink.open(req, ino, fh, options));
    }
}
