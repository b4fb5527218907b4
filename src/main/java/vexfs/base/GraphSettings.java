package vexfs.base;

/**
 * The HNSW parameters a volume is made with ({@code vexfs mkfs --m --ef-construction --ef}), kept in the vector
 * store's header so that every build, rebuild, import and search of that volume uses the same ones.
 *
 * @param m              maximum degree above level 0 (level 0 allows 2m), 2..512
 * @param efConstruction beam width while linking a new node, 1..10000
 * @param efSearch       default beam width of a search (a query's {@code ef=} overrides it), 1..10000
 */
public record GraphSettings(int m, int efConstruction, int efSearch) {
    public static final int MAX_EF = 10_000;
    /** M=16, efConstruction=200, ef=64 (as hnswlib's and Lucene's usual settings). */
    public static final GraphSettings DEFAULT = new GraphSettings(16, 200, 64);

    public GraphSettings {
        if (m < 2 || m > 512) throw new IllegalArgumentException("m must be between 2 and 512, got " + m);
        if (efConstruction < 1 || efConstruction > MAX_EF) {
            throw new IllegalArgumentException("ef-construction must be between 1 and " + MAX_EF + ", got " + efConstruction);
        }
        if (efSearch < 1 || efSearch > MAX_EF) {
            throw new IllegalArgumentException("ef must be between 1 and " + MAX_EF + ", got " + efSearch);
        }
    }

    @Override
    public String toString() {
        return "m=" + m + " ef-construction=" + efConstruction + " ef=" + efSearch;
    }
}
