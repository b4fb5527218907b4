package vexfs.volume;

/**
 * Store keys of a document's chunks (docs/format.md, "Store key"). A file's own key is its backing inode number; the
 * key of its chunk {@code i} sets the top bit, keeps {@code i} in bits 40..62 and the inode in bits 0..39. Inode
 * numbers never have the top bit set (they are below 2^63 everywhere), so the two kinds of key cannot meet; a file
 * whose inode number needs more than 40 bits (rare: 64-bit inode numbers on a very large XFS or btrfs) gets no
 * chunks, only its whole-file vector. The chunks of a file are numbered 0..n-1 without gaps, so "all of them" is a
 * walk from 0 to the first missing key — nothing else records how many there are.
 */
public final class ChunkKeys {
    static final int INO_BITS = 40;
    static final long INO_MASK = (1L << INO_BITS) - 1;
    /** More chunks than a document may have ({@code vexfs.embed.TextWindows.MAX_WINDOWS} is far below). */
    static final int MAX_INDEX = (1 << (63 - INO_BITS)) - 1;

    private ChunkKeys() {}

    /** True if {@code fileKey} (an inode number) can have chunk keys. */
    public static boolean fits(long fileKey) {
        return fileKey >= 0 && fileKey <= INO_MASK;
    }

    /** The key of chunk {@code index} of the file {@code fileKey} (which {@link #fits}). */
    public static long of(long fileKey, int index) {
        if (!fits(fileKey) || index < 0 || index > MAX_INDEX) {
            throw new IllegalArgumentException("no chunk key for ino " + fileKey + " chunk " + index);
        }
        return Long.MIN_VALUE | ((long) index << INO_BITS) | fileKey;
    }

    /** True for a chunk's key. */
    public static boolean isChunk(long key) {
        return key < 0;
    }

    /** The file a key belongs to: the key itself for a file's own key. */
    public static long owner(long key) {
        return key < 0 ? key & INO_MASK : key;
    }

    /** The chunk number of a chunk's key. */
    public static int index(long key) {
        return (int) ((key & Long.MAX_VALUE) >>> INO_BITS);
    }
}
