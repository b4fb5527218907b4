package vexfs.index;

import java.lang.foreign.MemorySegment;

import vexfs.base.Distances;
import vexfs.base.SearchResult;
import vexfs.base.VectorSource;

/**
 * The HNSW search loops and their scratch (Lucene's {@code HnswGraphSearcher}): a candidate MIN heap of packed
 * (distance, node) longs, a visited set whose reset costs what was touched, neighbour buffers, and one reusable
 * instance of each {@link NodeScorer} and {@link NeighborCollector}. Leased from a {@link SearcherPool}, used by one
 * thread at a time.
 *
 * <p>A search is bound first: {@link #startSearch} for a query, {@link #startInsert} for linking a node,
 * {@link #startRepair} for compaction. Binding picks the scorer once (int8 codes if the graph has a quantiser, else
 * exact float32) and returns the collector that decides what is kept. The loops then are: {@link #greedy} on the
 * upper levels, {@link #searchLevel} (best-first beam) below, and for a query the exact re-rank of the code-ranked
 * results ({@link #search}). Every loop is iterative; stack use does not depend on the graph, and no loop allocates.
 */
final class HnswSearcher {
    private final VisitedSet visited;
    /** Nodes reached but not yet expanded, closest first. */
    private final NeighborQueue candidates = NeighborQueue.closestFirst(256);
    /** The neighbour list of the node being expanded, as read from the graph. */
    private final int[] friends;
    /** The friends to score on this hop (in range; in a beam also not visited before), and their distances. */
    private final int[] toScore;
    private final float[] scores;
    /** A query's results, closest first, as packed (distance, node) codes; grows when ef does. */
    private long[] ranked = new long[256];
    /** Linking scratch (one builder call at a time uses a searcher). */
    final int[] linkIds;
    final long[] linkCodes;
    final float[] linkDist;

    private final ExactScorer exactScorer = new ExactScorer();
    private final CodeScorer codeScorer = new CodeScorer();
    private final SearchCollector searchCollector = new SearchCollector();
    private final BuildCollector buildCollector = new BuildCollector();

    private GraphStore g;
    private VectorSource vs;
    private MemorySegment seg;
    private int cap;
    private float[] query;
    private NodeScorer scorer;

    HnswSearcher(int capacity, int maxDegree) {
        visited = new VisitedSet(capacity);
        friends = new int[maxDegree];
        toScore = new int[maxDegree];
        scores = new float[maxDegree + 4];
        linkIds = new int[maxDegree + 1];
        linkCodes = new long[maxDegree + 1];
        linkDist = new float[maxDegree + 8];
    }

    /**
     * Binds to a query ({@code prepared} by the vector source) for the {@code k} nearest live nodes of a beam of
     * max(ef, k). Returns the collector, which the caller may narrow ({@link SearchCollector#acceptOnly},
     * {@link SearchCollector#limitVisits}) before passing it to {@link #search}.
     */
    SearchCollector startSearch(GraphStore graph, VectorSource vectors, float[] prepared, int k, int ef) {
        bind(graph, vectors, prepared);
        return searchCollector.bind(graph, seg, k, Math.max(ef, k));
    }

    /**
     * Binds to linking {@code node}, whose {@code prepared} vector (and codes) are written: the collector gathers
     * up to {@code efConstruction} link candidates per level, never the node itself.
     */
    BuildCollector startInsert(GraphStore graph, VectorSource vectors, float[] prepared, int node, int efConstruction) {
        bind(graph, vectors, prepared);
        visited.add(node);
        return buildCollector.bind(graph, seg, node, efConstruction);
    }

    /** Binds to no query, for re-choosing neighbour lists: only the scorer's node-to-node distances are used. */
    NodeScorer startRepair(GraphStore graph, VectorSource vectors) {
        bind(graph, vectors, null);
        return scorer;
    }

    /** The one place that chooses between int8 and exact traversal. */
    private void bind(GraphStore graph, VectorSource vectors, float[] prepared) {
        g = graph;
        vs = vectors;
        seg = graph.segment();
        // ids at or beyond either bound are skipped (a torn or damaged list): a node id is always a slot the
        // store had allocated, and both vectors' and codes' reads stay inside their mappings
        cap = Math.min(graph.layout.capacityOf(seg.byteSize()), vectors.slotCount());
        visited.ensureCapacity(cap);
        query = prepared;
        Quantizer qz = graph.quantizer();
        scorer = qz != null ? codeScorer.bind(graph, seg, qz, prepared) : exactScorer.bind(vectors, prepared);
    }

    /** Node ids below this are inside the mapping this searcher is bound to. */
    int boundCapacity() {
        return cap;
    }

    void end() {
        visited.clear();
        candidates.clear();
        searchCollector.unbind();
        buildCollector.unbind();
        exactScorer.unbind();
        codeScorer.unbind();
        scorer = null;
        query = null;
        g = null;
        vs = null;
        seg = null;
    }

    /**
     * The scorer chosen by the last start call, for node-to-node distances while linking, on the graph's current
     * mapping: another insert may have grown the graph since this searcher was bound, and the lists read now can name
     * its new nodes (reading their codes through the old mapping was an IndexOutOfBounds in a parallel bulk import of
     * Fashion-MNIST). The query, the candidates and {@link #boundCapacity} stay as bound.
     */
    NodeScorer scorer() {
        if (scorer == codeScorer) codeScorer.follow(g.segment());
        return scorer;
    }

    /** Scores the entry point {@code node}: the packed (distance, node) to start {@link #greedy} from. */
    long score(int node, NeighborCollector results) {
        results.visited(1);
        return NeighborQueue.encode(scorer.distance(node), node);
    }

    /**
     * Greedy walk on {@code level} from {@code start} (packed distance and node): moves to any closer friend until
     * none is. Returns where it stopped, packed the same way.
     */
    long greedy(long start, int level, NeighborCollector results) {
        int[] friends = this.friends;
        int[] toScore = this.toScore;
        float[] scores = this.scores;
        int current = NeighborQueue.nodeOf(start);
        float currentDistance = NeighborQueue.distanceOf(start);
        boolean moved = true;
        while (moved) {
            moved = false;
            int n = g.readNeighbors(seg, current, level, friends);
            int count = 0;
            for (int i = 0; i < n; i++) {
                int friend = friends[i];
                if (friend >= 0 && friend < cap) toScore[count++] = friend;
            }
            scorer.distances(toScore, count, scores);
            results.visited(count);
            for (int i = 0; i < count; i++) {
                if (scores[i] < currentDistance) {
                    currentDistance = scores[i];
                    current = toScore[i];
                    moved = true;
                }
            }
        }
        return NeighborQueue.encode(currentDistance, current);
    }

    /** Adds an entry point (packed distance and node) for {@link #searchLevel}, and offers it to the collector. */
    void seed(long entry, NeighborCollector results) {
        int node = NeighborQueue.nodeOf(entry);
        if (!visited.add(node)) return;
        float distance = NeighborQueue.distanceOf(entry);
        candidates.add(distance, node);
        results.collect(node, distance);
    }

    /**
     * Seeds the next level down of an insert with the candidates found on this one ({@code found}, packed), with a
     * fresh visited set that again holds the node being linked.
     */
    void reseed(long[] found, BuildCollector results) {
        visited.clear();
        visited.add(results.node());
        for (long entry : found) seed(entry, results);
    }

    /**
     * Best-first beam search on {@code level} from the seeded candidates: expands the closest candidate, scores its
     * friends not visited before, and queues those the collector finds competitive, until the closest candidate is
     * beyond the collector's worst result or the visit limit is reached ({@link NeighborCollector#earlyTerminated}).
     */
    void searchLevel(int level, NeighborCollector results) {
        int[] friends = this.friends;
        int[] toScore = this.toScore;
        float[] scores = this.scores;
        NeighborQueue candidates = this.candidates;
        while (candidates.size() > 0) {
            long candidate = candidates.pop();
            if (results.beyondWorst(NeighborQueue.distanceOf(candidate))) break;
            int n = g.readNeighbors(seg, NeighborQueue.nodeOf(candidate), level, friends);
            int count = 0;
            for (int i = 0; i < n; i++) {
                int friend = friends[i];
                if (friend >= 0 && friend < cap && visited.add(friend)) toScore[count++] = friend;
            }
            scorer.prefetch(toScore, count);
            scorer.distances(toScore, count, scores);
            results.visited(count);
            for (int i = 0; i < count; i++) {
                float distance = scores[i];
                if (results.competitive(distance)) {
                    int friend = toScore[i];
                    candidates.add(distance, friend);
                    results.collect(friend, distance);
                }
            }
            if (results.visitLimitReached()) {
                results.terminateEarly();
                break;
            }
        }
        candidates.clear();
    }

    /**
     * How many code-ranked candidates get an exact distance: 1.5k (at least k + 4). On Fashion-MNIST
     * re-ranking 1.2k already gives the same recall as re-ranking all ef (docs/hnsw.md).
     */
    static int rerankCount(int k) {
        return Math.max(k + 4, k + k / 2);
    }

    /**
     * The query search: greedy descent on the upper levels, beam on level 0, and an exact re-rank of the first
     * {@link #rerankCount} results when the scorer is not exact. If the visit limit stopped the beam
     * ({@link NeighborCollector#earlyTerminated()}), the result holds what was found by then.
     */
    SearchResult search(SearchCollector results) {
        long e = g.entry();
        int entry = GraphStore.entryNode(e);
        // another thread grew the graph and promoted a node beyond this binding's mapping: the caller binds again
        if (entry >= cap && entry < g.capacity() && entry < vs.slotCount()) return null;
        if (entry < 0 || entry >= cap) return new SearchResult(new int[0], new float[0], 0, false);
        int top = GraphStore.entryLevel(e);
        if (top < 0 || top > GraphStore.MAX_LEVEL) throw badEntryLevel(top);
        long nearest = score(entry, results);
        for (int l = top; l > 0; l--) nearest = greedy(nearest, l, results);
        seed(nearest, results);
        searchLevel(0, results);
        int n = results.size();
        long[] ranked = this.ranked = results.drainInto(this.ranked);
        int k = results.k();
        if (!scorer.isExact()) n = rerank(ranked, Math.min(n, rerankCount(k)), results);
        int r = Math.min(k, n);
        int[] slots = new int[r];
        float[] distances = new float[r];
        for (int i = 0; i < r; i++) {
            slots[i] = NeighborQueue.nodeOf(ranked[i]);
            distances[i] = NeighborQueue.distanceOf(ranked[i]);
        }
        return new SearchResult(slots, distances, results.visitedCount(), false);
    }

    /** Out of line: the message is built only on the cold path, and the search loop's method stays small. */
    private static RuntimeException badEntryLevel(int level) {
        return CorruptGraphException.damaged("entry point level " + level);
    }

    /** Replaces the first {@code n} code distances in {@code ranked} by exact ones and sorts them again; returns n. */
    private int rerank(long[] ranked, int n, NeighborCollector results) {
        int[] ids = toScore.length >= n ? toScore : new int[n];
        float[] exact = scores.length >= n ? scores : new float[n];
        for (int i = 0; i < n; i++) ids[i] = NeighborQueue.nodeOf(ranked[i]);
        vs.distances(query, ids, n, exact);
        for (int i = 0; i < n; i++) ranked[i] = NeighborQueue.encode(exact[i], ids[i]);
        java.util.Arrays.sort(ranked, 0, n);
        results.visited(n);
        return n;
    }
}
