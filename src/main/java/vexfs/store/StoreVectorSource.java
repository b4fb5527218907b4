package vexfs.store;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import vexfs.base.Distances;
import vexfs.base.Metric;
import vexfs.base.VectorSource;

/**
 * {@link VectorSource} over the store's mapping. Stateless apart from the store reference, so one
 * instance serves all threads; each call reads the current mapping once (a snapshot that stays
 * valid until the store is closed, even if the file grows meanwhile).
 */
final class StoreVectorSource implements VectorSource {
    private final VectorStore store;
    private final Metric metric;
    private final int dim;

    StoreVectorSource(VectorStore store) {
        this.store = store;
        this.metric = store.metric();
        this.dim = store.dimension();
    }

    @Override
    public int dimension() {
        return dim;
    }

    @Override
    public Metric metric() {
        return metric;
    }

    @Override
    public int slotCount() {
        return store.slotCount();
    }

    @Override
    public float distance(float[] preparedQuery, int slot) {
        MemorySegment seg = store.segment();
        return Distances.distance(metric, preparedQuery, seg, store.searchOffsetOf(slot));
    }

    /** Lines of each vector {@link #distances} loads before computing any distance. */
    private static final int TOUCH_LINES = 8;
    /** Written only if the touched bytes sum to an impossible value: the JIT must keep the loads, threads share no line. */
    private int touched;

    /**
     * The index re-ranks its final candidates here (1.5 × k of them, each a vector the graph walk never read). Their
     * first lines are loaded for all of them before any distance: independent loads whose misses overlap, instead
     * of one vector's miss after the other's (200k x 128, ef=20: +3 %; 784-d: no change, the prefetcher streams
     * those vectors anyway).
     */
    @Override
    public void distances(float[] preparedQuery, int[] slots, int n, float[] out) {
        MemorySegment seg = store.segment();
        int lines = Math.min(TOUCH_LINES, (dim * 4 + 63) / 64);
        int sum = 0;
        for (int i = 0; i < n; i++) {
            long o = store.searchOffsetOf(slots[i]);
            for (int l = 0; l < lines; l++) sum += seg.get(ValueLayout.JAVA_BYTE, o + 64L * l);
        }
        if (sum == Integer.MIN_VALUE) touched = sum;
        for (int i = 0; i < n; i++) out[i] = Distances.distance(metric, preparedQuery, seg, store.searchOffsetOf(slots[i]));
    }

    @Override
    public float distance(int slotA, int slotB) {
        MemorySegment seg = store.segment();
        return Distances.distance(metric, seg, store.searchOffsetOf(slotA), store.searchOffsetOf(slotB), dim);
    }

    @Override
    public void read(int slot, float[] dst) {
        if (dst.length != dim) {
            throw new IllegalArgumentException("destination has length " + dst.length + ", dimension is " + dim);
        }
        store.readOriginal(slot, dst);
    }

    @Override
    public float[] prepareQuery(float[] query) {
        if (query.length != dim) {
            throw new InvalidVectorException("expected " + dim + " values, got " + query.length);
        }
        if (metric == Metric.COSINE) {
            VectorCodec.validate(query, dim, metric);
            return Distances.normalized(query);
        }
        return query.clone();
    }
}
