package vexfs.index;

/**
 * Distances in the space the graph is traversed in, bound to one query (Lucene's {@code RandomVectorScorer}, jvector's
 * {@code ScoreFunction}; here lower is closer, as everywhere in VexFS). {@link HnswSearcher} picks the implementation
 * once per query or insert: {@link CodeScorer} over the int8 codes when the graph has a quantiser, else
 * {@link ExactScorer} over the float32 vectors. The search loops call it without asking which one it is.
 *
 * <p>Node-to-node distances are in the same space as query distances: linking compares a candidate's distance to
 * the new node (a query distance) with its distance to the neighbours kept so far (a node-to-node distance). They do
 * not depend on the bound query, so compaction uses a scorer bound to none.
 *
 * <p>A scorer is scratch of one {@link HnswSearcher} and is used by one thread at a time.
 */
sealed interface NodeScorer permits ExactScorer, CodeScorer {
    /** Distance from the bound query to {@code node}. */
    float distance(int node);

    /** Distances from the bound query to {@code nodes[0..n)}; {@code out} must hold n rounded up to 4. */
    void distances(int[] nodes, int n, float[] out);

    /**
     * Called before {@link #distances} with the same nodes: starts their memory loads so that a hop's cache misses
     * overlap. A no-op where that measured no gain.
     */
    void prefetch(int[] nodes, int n);

    /** Distance between nodes {@code a} and {@code b}. */
    float distanceBetween(int a, int b);

    /** Distances from node {@code a} to {@code nodes[from..from+n)}; {@code out} must hold n rounded up to 4. */
    void distancesFrom(int a, int[] nodes, int from, int n, float[] out);

    /** True if distances are exact; false if they are approximations that the search re-ranks with exact ones. */
    boolean isExact();
}
