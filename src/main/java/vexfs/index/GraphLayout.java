package vexfs.index;

/**
 * Geometry of the graph file (see docs/format-graph.md). The file is a header region of
 * {@code headerBytes} followed by one fixed-size level-0 record per slot:
 * <pre>
 *   [0, dim)                      int8 traversal codes (absent without quantisation); records are
 *                                 64-byte aligned and meta = roundUp(dim, 8), so the state byte
 *                                 shares the last code cache line (read for free with the distance)
 *   meta + 0   byte  state        FREE=0, INSERTING=1, LIVE=2, DELETED=3
 *   meta + 1   byte  level        top level of the node
 *   meta + 4   int   upperRef     first level block in the upper file (levels 1..level)
 *   meta + 8   int   count0       number of level-0 neighbours, written after the ids (release)
 *   meta + 16  int[m0]            level-0 neighbour ids
 * </pre>
 * Upper levels live in a separate file of {@code 4 * (m + 1)}-byte blocks: [count][m ids].
 */
record GraphLayout(int dim, int m, int codeBytes, int metaOffset, int headerBytes, int recordSize) {
    static final byte FREE = 0;
    static final byte INSERTING = 1;
    static final byte LIVE = 2;
    static final byte DELETED = 3;

    /** Bytes before the quantiser arrays in the header region. */
    static final int FIXED_HEADER = 4096;
    /** Upper file: a small header, then blocks. */
    static final int UPPER_HEADER = 64;

    /**
     * Kernels read codes in whole SIMD vectors up to codeBytes = roundUp(dim, 64), i.e. possibly into
     * meta and neighbour ids; quantiser lanes at and beyond dim have zero scale and offset, so those
     * bytes contribute nothing. recordSize >= codeBytes keeps every read inside the mapping.
     */
    static GraphLayout of(int dim, int m, boolean quantize) {
        int codeBytes = quantize ? roundUp(dim, 64) : 0;
        int headerBytes = roundUp(FIXED_HEADER + 8 * codeBytes, 4096);
        int meta = quantize ? roundUp(dim, 8) : 0;
        int recordSize = roundUp(Math.max(meta + 16 + 4 * (2 * m), codeBytes), quantize ? 64 : 16);
        return new GraphLayout(dim, m, codeBytes, meta, headerBytes, recordSize);
    }

    static int roundUp(int v, int a) {
        return (v + a - 1) / a * a;
    }

    int m0() {
        return 2 * m;
    }

    int maxConn(int level) {
        return level == 0 ? 2 * m : m;
    }

    long record(int node) {
        return headerBytes + (long) node * recordSize;
    }

    long stateOffset(int node) {
        return record(node) + metaOffset;
    }

    long levelOffset(int node) {
        return record(node) + metaOffset + 1;
    }

    long upperRefOffset(int node) {
        return record(node) + metaOffset + 4;
    }

    /** Offset of the level-0 count; the ids follow at +8. */
    long count0Offset(int node) {
        return record(node) + metaOffset + 8;
    }

    long fileBytesFor(int capacity) {
        return headerBytes + (long) capacity * recordSize;
    }

    int capacityOf(long segmentBytes) {
        return (int) Math.min(Integer.MAX_VALUE, (segmentBytes - headerBytes) / recordSize);
    }

    int upperBlockBytes() {
        return 4 * (m + 1);
    }

    /** Offset in the upper file of the count of level {@code level >= 1} of a node whose first block is upperRef. */
    long upperListOffset(int upperRef, int level) {
        return UPPER_HEADER + (long) (upperRef + level - 1) * upperBlockBytes();
    }
}
