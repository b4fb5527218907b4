package vexfs.base;

/**
 * What the HNSW graph needs from the vector store: distances by slot, never vector objects.
 * Graph node ids are vector-store slot numbers. Implementations read straight from the
 * memory-mapped vector file; they must be safe for concurrent readers.
 */
public interface VectorSource {
    int dimension();

    Metric metric();

    /** Number of slots that may hold a vector: valid slots are {@code [0, slotCount())}. */
    int slotCount();

    /** Distance (lower is closer) from a query prepared by {@link #prepareQuery} to the vector in {@code slot}. */
    float distance(float[] preparedQuery, int slot);

    /**
     * Distances from a prepared query to {@code n} slots ({@code out[i]} for {@code slots[i]}).
     * The index re-ranks its final candidates through this call. The default scores one at a time;
     * the mapped store first loads the leading lines of every vector so their misses overlap (a
     * two-vectors-per-pass kernel measured no reliable gain: docs/benchmarks.md "Exact search (JMH)").
     */
    default void distances(float[] preparedQuery, int[] slots, int n, float[] out) {
        for (int i = 0; i < n; i++) out[i] = distance(preparedQuery, slots[i]);
    }

    /** Distance between the vectors in two slots. */
    float distance(int slotA, int slotB);

    /** Copies the vector of {@code slot} into {@code dst} (length dimension()) as stored, for re-ranking or rebuilds. */
    void read(int slot, float[] dst);

    /**
     * Turns a raw query into the form {@link #distance(float[], int)} expects (e.g. normalised for cosine).
     * Returns a new array; the argument is not changed.
     */
    float[] prepareQuery(float[] query);
}
