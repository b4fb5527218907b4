package vexfs.store;

import java.lang.foreign.MemorySegment;

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
