package vexfs.index;

import java.lang.foreign.MemorySegment;

/**
 * Where a beam search on one level puts what it finds (Lucene's {@code KnnCollector}, with distances: lower is
 * closer). It keeps the {@code ef} closest nodes it {@link #accepts}, says whether a distance can still enter them
 * ({@link #competitive}) and when the beam may stop ({@link #beyondWorst}), and counts distance computations against
 * a visit limit. The search loop does not know what {@code ef}, a filter or the node being linked mean: the two kinds
 * of collection are the two subclasses, {@link SearchCollector} (queries) and {@link BuildCollector} (the candidates
 * of a node being linked).
 *
 * <p>A collector is scratch of one {@link HnswSearcher}, re-bound for every query or insert: no allocation per
 * search, none per hop.
 */
abstract sealed class NeighborCollector permits SearchCollector, BuildCollector {
    /** The closest accepted nodes so far, farthest on top. */
    private final NeighborQueue results = NeighborQueue.farthestFirst(256);
    private int ef;
    private int visitLimit;
    private int visited;
    private boolean earlyTerminated;
    GraphStore graph;
    MemorySegment seg;

    /** Starts a collection of the {@code ef} closest nodes over {@code graph}'s current mapping. */
    final void reset(GraphStore g, MemorySegment segment, int beamWidth) {
        graph = g;
        seg = segment;
        ef = beamWidth;
        visitLimit = Integer.MAX_VALUE;
        visited = 0;
        earlyTerminated = false;
        results.clear();
    }

    void unbind() {
        results.clear();
        graph = null;
        seg = null;
    }

    /** True if {@code node} may be a result; every node reached is traversed either way. */
    abstract boolean accepts(int node);

    /** Offers {@code node} at {@code distance}: kept if accepted, dropping the farthest when more than ef are kept. */
    final void collect(int node, float distance) {
        if (accepts(node)) results.addBounded(distance, node, ef);
    }

    /** True if a node at {@code distance} could still enter the results: fewer than ef kept, or closer than the farthest. */
    final boolean competitive(float distance) {
        return results.size() < ef || distance < results.topDistance();
    }

    /**
     * True if the beam may stop at a candidate at {@code distance}: ef nodes are kept and the candidate (the closest
     * not yet expanded) is farther than all of them.
     */
    final boolean beyondWorst(float distance) {
        return results.size() >= ef && distance > results.topDistance();
    }

    /** Stops the beam once more than {@code limit} distances were computed ({@link #earlyTerminated()}). */
    final void setVisitLimit(int limit) {
        visitLimit = limit;
    }

    /** Counts {@code n} distance computations. */
    final void visited(int n) {
        visited += n;
    }

    /** Distance computations so far (traversal and re-ranking). */
    final int visitedCount() {
        return visited;
    }

    /** True once the distance computations exceed the visit limit. */
    final boolean visitLimitReached() {
        return visited > visitLimit;
    }

    /** Records that the beam stopped at the visit limit, before it converged. */
    final void terminateEarly() {
        earlyTerminated = true;
    }

    /** True if a search stopped at the visit limit: the results are what it had found by then, not the ef closest. */
    final boolean earlyTerminated() {
        return earlyTerminated;
    }

    /**
     * Empties the results into {@code out}, closest first, as packed (distance, node) codes ({@link NeighborQueue});
     * returns {@code out}, or a larger array if it was too small. {@link #size()} gives the count beforehand.
     */
    final long[] drainInto(long[] out) {
        int n = results.size();
        if (out.length < n) out = new long[n];
        for (int i = n - 1; i >= 0; i--) out[i] = results.pop();
        return out;
    }

    /** Empties the results into a new array of their size, closest first (packed codes). */
    final long[] drain() {
        return drainInto(new long[results.size()]);
    }

    final int size() {
        return results.size();
    }
}
