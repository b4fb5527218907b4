package vexfs.fuse;

/** What an open/create/opendir reply tells the kernel about caching of this open file. */
public record OpenOptions(boolean directIo, boolean keepCache, boolean nonseekable, boolean cacheReaddir) {
    public static final OpenOptions DEFAULT = new OpenOptions(false, false, false, false);
    public static final OpenOptions DIRECT = new OpenOptions(true, false, true, false);
}
