package vexfs.fuse;

/**
 * What an open/create/opendir reply tells the kernel about caching of this open file.
 *
 * @param passthrough the handle is a descriptor of the backing file, and the kernel may read and write it
 *                    directly (kernel FUSE passthrough, {@link KernelPassthrough}) instead of asking the daemon;
 *                    only a request: the session uses it where libfuse and the kernel offer passthrough
 */
public record OpenOptions(boolean directIo, boolean keepCache, boolean nonseekable, boolean cacheReaddir,
                          boolean passthrough) {
    public static final OpenOptions DEFAULT = new OpenOptions(false, false, false, false);
    public static final OpenOptions DIRECT = new OpenOptions(true, false, true, false);
    /** A regular file whose handle is its backing descriptor: cached, and passthrough where available. */
    public static final OpenOptions BACKING_FILE = new OpenOptions(false, false, false, false, true);

    public OpenOptions(boolean directIo, boolean keepCache, boolean nonseekable, boolean cacheReaddir) {
        this(directIo, keepCache, nonseekable, cacheReaddir, false);
    }
}
