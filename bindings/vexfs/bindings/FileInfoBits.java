package vexfs.bindings;

import vexfs.fuse.FuseLibrary;

/**
 * The masks of the bitfields in the first bitfield word of {@code struct fuse_file_info} (offset
 * {@link #WORD_OFFSET}), for one libfuse ABI. jextract cannot express C bitfields, so they live here, beside the
 * generated shape. They moved twice: libfuse 3.14.1 inserted {@code parallel_direct_writes} at bit 3 (shifting
 * flush..noflush up by one), and 3.17 restored 3.14.0's (= 3.10's) order and put it at bit 8. {@code
 * fuse_version()} says 314 for both 3.14.0 and 3.14.1, so {@link FuseAbi} picks the instance from
 * {@code fuse_pkgversion()}. AbiProbeTest checks each instance against the C compiler for every header set it
 * has (the probe sets one bitfield at a time and reports the word and mask it changed).
 *
 * @param parallel_direct_writes 0 where the field does not exist (3.14.0)
 */
public record FileInfoBits(int writepage, int direct_io, int keep_cache, int flush, int nonseekable,
                           int flock_release, int cache_readdir, int noflush, int parallel_direct_writes) {
    /** Byte offset of the 32-bit word holding the bitfields (after {@code int flags}); the same in every ABI. */
    public static final long WORD_OFFSET = 4;

    /** libfuse 3.14.0 (Debian 12, Ubuntu 24.04): the 3.10 order, no parallel_direct_writes. */
    public static final FileInfoBits V3_14_0 = new FileInfoBits(1, 1 << 1, 1 << 2, 1 << 3, 1 << 4, 1 << 5, 1 << 6,
            1 << 7, 0);
    /** libfuse 3.14.1 to 3.16.2: parallel_direct_writes at bit 3, everything after it one bit higher. */
    public static final FileInfoBits V3_14_1 = new FileInfoBits(1, 1 << 1, 1 << 2, 1 << 4, 1 << 5, 1 << 6, 1 << 7,
            1 << 8, 1 << 3);
    /** libfuse 3.17.x (Debian 13): the 3.10 order again, parallel_direct_writes appended at bit 8. */
    public static final FileInfoBits V3_17 = new FileInfoBits(1, 1 << 1, 1 << 2, 1 << 3, 1 << 4, 1 << 5, 1 << 6,
            1 << 7, 1 << 8);
}
