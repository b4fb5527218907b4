package vexfs.index;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.function.IntPredicate;

import vexfs.base.SearchResult;
import vexfs.base.VectorSource;

/**
 * Bench only: HnswSearcher as it was before the scorer/collector refactor (checkout dd57911), kept verbatim for the
 * same-JVM A/B in {@link ScorerAbBench} (only its two heaps are now made by the NeighborQueue factories that
 * replaced the boolean constructor). Not used by VexFS.
 *
 * <p>Original comment:
 * Per-query scratch: candidate (MIN) and result (MAX) packed-long heaps, a visited set whose reset
 * costs what was touched, and a neighbour buffer. Leased from a {@link SearcherPool}, used by one
 * thread at a time. Every loop is iterative; stack use does not depend on the graph.
 */
final class LegacyHnswSearcher {
    final VisitedSet visited;
    final NeighborQueue candidates = NeighborQueue.closestFirst(256);
    final NeighborQueue results = NeighborQueue.farthestFirst(256);
    final int[] buf;
    private final int[] pending;
    private final float[] pendingDist;
    long[] codes = new long[256];
    /** Linking scratch (one builder call at a time uses a searcher). */
    final int[] linkIds;
    final long[] linkCodes;
    final float[] linkDist;

    private GraphStore g;
    private VectorSource vs;
    private MemorySegment seg;
    private int cap;
    private Quantizer qz;
    private float[] query;
    private float[] pq;
    private long codesBase;
    private int recordSize;
    /** Build mode collects every node but {@link #self} that is not FREE; search mode collects LIVE nodes passing the filter. */
    private boolean build;
    private int self;
    private IntPredicate filter;
    int computed;
    boolean limitHit;
    /** Sum of the bytes {@link #touchCodes} loads: stored so that the JIT cannot drop those loads. */
    private int touched;

    LegacyHnswSearcher(int capacity, int maxDegree) {
        visited = new VisitedSet(capacity);
        buf = new int[maxDegree];
        pending = new int[maxDegree];
        pendingDist = new float[maxDegree + 4];
        linkIds = new int[maxDegree + 1];
        linkCodes = new long[maxDegree + 1];
        linkDist = new float[maxDegree + 8];
    }

    /** Binds the searcher to one query; {@code useCodes} selects int8 traversal when a quantiser exists. */
    void begin(GraphStore graph, VectorSource vectors, float[] prepared, boolean useCodes, boolean buildMode, int selfNode, IntPredicate f) {
        g = graph;
        vs = vectors;
        seg = graph.segment();
        cap = graph.layout.capacityOf(seg.byteSize());
        visited.ensureCapacity(cap);
        qz = useCodes ? graph.quantizer() : null;
        query = prepared;
        if (qz != null && prepared != null) pq = qz.prepareQuery(prepared, pq);
        codesBase = graph.layout.headerBytes();
        recordSize = graph.layout.recordSize();
        build = buildMode;
        self = selfNode;
        filter = f;
        computed = 0;
        limitHit = false;
    }

    void end() {
        visited.clear();
        candidates.clear();
        results.clear();
        filter = null;
        g = null;
        vs = null;
        seg = null;
    }

    boolean usingCodes() {
        return qz != null;
    }

    MemorySegment segment() {
        return seg;
    }

    int capacity() {
        return cap;
    }

    /** Traversal distance from the bound query to {@code node}. */
    float dist(int node) {
        computed++;
        if (qz != null) return qz.distance(pq, seg, codesBase + (long) node * recordSize);
        return vs.distance(query, node);
    }

    /** Distances from node {@code a} to {@code ids[from..from+n)}; {@code out} holds n rounded up to 4. */
    void distancesBetween(int a, int[] ids, int from, int n, float[] out) {
        if (qz != null) {
            qz.distancesFrom(seg, codesBase + (long) a * recordSize, codesBase, recordSize, ids, from, n, out);
        } else {
            for (int i = 0; i < n; i++) out[i] = vs.distance(a, ids[from + i]);
        }
    }

    /** Traversal distance between two nodes, in the same space as {@link #dist}. */
    float distBetween(int a, int b) {
        if (qz != null) return qz.distance(seg, codesBase + (long) a * recordSize, codesBase + (long) b * recordSize);
        return vs.distance(a, b);
    }

    private boolean collectible(int node) {
        byte st = g.state(seg, node);
        if (build) return node != self && st != GraphLayout.FREE;
        return st == GraphLayout.LIVE && (filter == null || filter.test(node));
    }

    /** Greedy walk on {@code level} from {@code start}: moves to any closer neighbour until none is. Returns the node. */
    int greedy(int start, int level, float[] distOut) {
        int cur = start;
        float curD = distOut[0];
        boolean changed = true;
        while (changed) {
            changed = false;
            int n = g.readNeighbors(seg, cur, level, buf);
            int u = 0;
            for (int i = 0; i < n; i++) {
                int id = buf[i];
                if (id >= 0 && id < cap) pending[u++] = id;
            }
            distances(pending, u, pendingDist);
            for (int i = 0; i < u; i++) {
                if (pendingDist[i] < curD) {
                    curD = pendingDist[i];
                    cur = pending[i];
                    changed = true;
                }
            }
        }
        distOut[0] = curD;
        return cur;
    }

    /** Adds an entry point for {@link #expand}. */
    void seed(int node, float d) {
        if (!visited.add(node)) return;
        candidates.add(d, node);
        if (collectible(node)) results.add(d, node);
    }

    /**
     * Best-first beam search on {@code level} from the seeded candidates, keeping the {@code ef}
     * closest collectible nodes in {@link #results}. Stops early (setting {@link #limitHit}) after
     * {@code visitLimit} distance computations.
     */
    void expand(int level, int ef, int visitLimit) {
        int[] b = buf;
        int[] p = pending;
        float[] pd = pendingDist;
        NeighborQueue cand = candidates;
        NeighborQueue res = results;
        while (cand.size() > 0) {
            long c = cand.pop();
            float cd = NeighborQueue.distanceOf(c);
            if (res.size() >= ef && cd > res.topDistance()) break;
            int n = g.readNeighbors(seg, NeighborQueue.nodeOf(c), level, b);
            int u = 0;
            for (int i = 0; i < n; i++) {
                int id = b[i];
                if (id >= 0 && id < cap && visited.add(id)) p[u++] = id;
            }
            touchCodes(p, u);
            distances(p, u, pd);
            for (int i = 0; i < u; i++) {
                float d = pd[i];
                if (res.size() < ef || d < res.topDistance()) {
                    int id = p[i];
                    cand.add(d, id);
                    if (collectible(id)) res.addBounded(d, id, ef);
                }
            }
            if (computed > visitLimit) {
                limitHit = true;
                break;
            }
        }
        cand.clear();
    }

    /**
     * Loads the first two cache lines of each node's codes before any distance is computed: a software prefetch
     * (Java has no prefetch instruction). The loads are independent, so the CPU has the whole hop's misses in
     * flight at once instead of the eight the distance kernel interleaves; the kernel then reads from cache.
     * Measured in one JVM, alternating (thread CPU time, 6 rounds): 1M x 128 +13 % QPS at ef=80 and +18 % at
     * ef=20, 200k x 128 about +5 %, Fashion-MNIST (784-d, the kernel streams 13 lines per node) unchanged.
     */
    private void touchCodes(int[] ids, int n) {
        if (qz == null) return;
        int sum = 0;
        for (int i = 0; i < n; i++) {
            long o = codesBase + (long) ids[i] * recordSize;
            sum += seg.get(ValueLayout.JAVA_BYTE, o) + seg.get(ValueLayout.JAVA_BYTE, o + 64);
        }
        touched += sum;
    }

    /** Traversal distances to {@code n} nodes; int8 codes are scored several at a time. */
    private void distances(int[] ids, int n, float[] out) {
        computed += n;
        if (qz != null) {
            qz.distances(pq, seg, codesBase, recordSize, ids, n, out);
        } else {
            for (int i = 0; i < n; i++) out[i] = vs.distance(query, ids[i]);
        }
    }

    /**
     * How many code-ranked candidates get an exact distance: 1.5k (at least k + 4). On Fashion-MNIST
     * re-ranking 1.2k already gives the same recall as re-ranking all ef (docs/hnsw.md).
     */
    static int rerankCount(int k) {
        return Math.max(k + 4, k + k / 2);
    }

    /** Moves results into {@link #codes}, closest first; returns how many. */
    int drainResults() {
        int n = results.size();
        if (codes.length < n) codes = new long[n];
        for (int i = n - 1; i >= 0; i--) codes[i] = results.pop();
        return n;
    }

    /** Re-seeds the candidates from the first {@code n} entries of {@link #codes} with a fresh visited set. */
    void reseed(int n) {
        visited.clear();
        if (!build) return;
        visited.add(self);
        for (int i = 0; i < n; i++) seed(NeighborQueue.nodeOf(codes[i]), NeighborQueue.distanceOf(codes[i]));
    }

    /**
     * Full search: greedy descent on upper levels, beam on level 0, exact re-rank when traversal used
     * codes. Returns null if {@code visitLimit} was hit before the beam converged.
     */
    SearchResult search(int k, int ef, int visitLimit) {
        long e = g.entry();
        int ep = GraphStore.entryNode(e);
        if (ep < 0 || ep >= cap) return new SearchResult(new int[0], new float[0], 0, false);
        float[] d = {dist(ep)};
        int cur = ep;
        for (int l = GraphStore.entryLevel(e); l > 0; l--) cur = greedy(cur, l, d);
        seed(cur, d[0]);
        expand(0, Math.max(ef, k), visitLimit);
        if (limitHit) return null;
        int n = drainResults();
        if (qz != null) {
            n = Math.min(n, rerankCount(k));
            int[] ids = pending.length >= n ? pending : new int[n];
            float[] exact = pendingDist.length >= n ? pendingDist : new float[n];
            for (int i = 0; i < n; i++) ids[i] = NeighborQueue.nodeOf(codes[i]);
            vs.distances(query, ids, n, exact);
            for (int i = 0; i < n; i++) codes[i] = NeighborQueue.encode(exact[i], ids[i]);
            java.util.Arrays.sort(codes, 0, n);
            computed += n;
        }
        int r = Math.min(k, n);
        int[] slots = new int[r];
        float[] dists = new float[r];
        for (int i = 0; i < r; i++) {
            slots[i] = NeighborQueue.nodeOf(codes[i]);
            dists[i] = NeighborQueue.distanceOf(codes[i]);
        }
        return new SearchResult(slots, dists, computed, false);
    }
}
