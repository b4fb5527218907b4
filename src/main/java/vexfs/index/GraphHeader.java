package vexfs.index;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.zip.CRC32C;

/**
 * Field offsets and accessors of the graph-file header (first {@link GraphLayout#FIXED_HEADER}
 * bytes), then the quantiser arrays {@code offset[codeBytes]} and {@code scale[codeBytes]} (float32).
 * The CRC32C at {@link #CHECKSUM} covers the header region except itself; it is only valid while the
 * DIRTY flag is clear, which is the state {@code sync()} and {@code close()} leave behind.
 */
final class GraphHeader {
    static final long MAGIC_VALUE = 0x3130304850524758L; // "XGRPH001" little-endian bytes: 58 47 52 50 48 30 30 31
    static final int VERSION_VALUE = 1;

    static final long MAGIC = 0;
    static final long VERSION = 8;
    static final long HEADER_BYTES = 12;
    static final long DIM = 16;
    static final long METRIC = 20;
    static final long M = 24;
    static final long EF_CONSTRUCTION = 28;
    static final long EF_SEARCH = 32;
    static final long FLAGS = 36;
    static final long LEVEL_SEED = 40;
    static final long ENTRY_POINT = 48;
    static final long MAX_LEVEL = 52;
    static final long CAPACITY = 56;
    static final long RECORD_SIZE = 60;
    static final long UPPER_USED = 64;
    static final long LIVE_COUNT = 68;
    static final long TOMBSTONES = 72;
    static final long CODE_BYTES = 76;
    static final long TRAIN_SIZE = 80;
    static final long QUANT_SPLIT = 84;
    /** The creation id of the vector store the graph was built for (0: not recorded, graphs made before it was). */
    static final long STORE_ID = 88;
    static final long CHECKSUM = GraphLayout.FIXED_HEADER - 4;
    static final long QUANT_OFFSET = GraphLayout.FIXED_HEADER;

    static final int FLAG_DIRTY = 1;
    static final int FLAG_QUANTIZE = 2;
    static final int FLAG_CODES_READY = 4;

    private GraphHeader() {
    }

    static int getInt(MemorySegment s, long off) {
        return s.get(ValueLayout.JAVA_INT_UNALIGNED, off);
    }

    static void setInt(MemorySegment s, long off, int v) {
        s.set(ValueLayout.JAVA_INT_UNALIGNED, off, v);
    }

    static long getLong(MemorySegment s, long off) {
        return s.get(ValueLayout.JAVA_LONG_UNALIGNED, off);
    }

    static void setLong(MemorySegment s, long off, long v) {
        s.set(ValueLayout.JAVA_LONG_UNALIGNED, off, v);
    }

    static int checksum(MemorySegment s, int headerBytes) {
        CRC32C crc = new CRC32C();
        crc.update(s.asSlice(0, CHECKSUM).asByteBuffer());
        crc.update(s.asSlice(GraphLayout.FIXED_HEADER, headerBytes - GraphLayout.FIXED_HEADER).asByteBuffer());
        return (int) crc.getValue();
    }

    static void seal(MemorySegment s, int headerBytes) {
        setInt(s, CHECKSUM, checksum(s, headerBytes));
    }

    /** Throws naming the bad value if the header is not a usable graph header for this file size. */
    static GraphLayout validate(MemorySegment s, long fileSize) throws CorruptGraphException {
        if (fileSize < GraphLayout.FIXED_HEADER) throw new CorruptGraphException("graph file too short: " + fileSize + " bytes");
        long magic = getLong(s, MAGIC);
        if (magic != MAGIC_VALUE) throw new CorruptGraphException(String.format(java.util.Locale.ROOT, "bad graph magic 0x%016x", magic));
        int version = getInt(s, VERSION);
        if (version != VERSION_VALUE) throw new CorruptGraphException("unsupported graph version " + version);
        int dim = getInt(s, DIM);
        int m = getInt(s, M);
        int flags = getInt(s, FLAGS);
        if (dim < 1 || dim > 65536 || m < 2 || m > 512) throw new CorruptGraphException("bad geometry dim=" + dim + " m=" + m);
        GraphLayout layout = GraphLayout.of(dim, m, (flags & FLAG_QUANTIZE) != 0);
        if (getInt(s, HEADER_BYTES) != layout.headerBytes() || getInt(s, RECORD_SIZE) != layout.recordSize()
                || getInt(s, CODE_BYTES) != layout.codeBytes())
            throw new CorruptGraphException("header geometry mismatch: headerBytes=" + getInt(s, HEADER_BYTES)
                    + " recordSize=" + getInt(s, RECORD_SIZE) + " codeBytes=" + getInt(s, CODE_BYTES)
                    + " expected " + layout);
        int capacity = getInt(s, CAPACITY);
        if (capacity < 0 || layout.fileBytesFor(capacity) > fileSize)
            throw new CorruptGraphException("capacity " + capacity + " does not fit file of " + fileSize + " bytes");
        if ((flags & FLAG_DIRTY) == 0) {
            int stored = getInt(s, CHECKSUM);
            int actual = checksum(s, layout.headerBytes());
            if (stored != actual)
                throw new CorruptGraphException(String.format(java.util.Locale.ROOT, "header checksum mismatch: stored %08x, computed %08x", stored, actual));
        }
        return layout;
    }
}
