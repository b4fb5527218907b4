package vexfs.bindings;

import vexfs.fuse.FuseLibrary;

/**
 * The bitfield word of {@code struct fuse_file_info} (offset {@link #WORD_OFFSET}). jextract cannot express
 * C bitfields, so the masks live here, beside the generated shape; AbiProbeTest checks each against the
 * probe, which sets one bitfield at a time in C and reports the word and mask it changed. libfuse moved
 * these bits between 3.14.1 and 3.16; FuseLibrary refuses versions whose layout has not been verified.
 */
public final class FileInfoBits {
    private FileInfoBits() {}

    public static final long WORD_OFFSET = 4;
    public static final int writepage = 1;
    public static final int direct_io = 1 << 1;
    public static final int keep_cache = 1 << 2;
    public static final int flush = 1 << 3;
    public static final int nonseekable = 1 << 4;
    public static final int flock_release = 1 << 5;
    public static final int cache_readdir = 1 << 6;
    public static final int noflush = 1 << 7;
}
