package vexfs.index;

import vexfs.base.VectorSource;

/** {@link NodeScorer} over the float32 vectors of the {@link VectorSource}: graphs without int8 codes. */
final class ExactScorer implements NodeScorer {
    private VectorSource vectors;
    private float[] query;

    /** Binds to {@code prepared} (null: node-to-node distances only). Returns this. */
    ExactScorer bind(VectorSource vs, float[] prepared) {
        vectors = vs;
        query = prepared;
        return this;
    }

    void unbind() {
        vectors = null;
        query = null;
    }

    @Override
    public float distance(int node) {
        return vectors.distance(query, node);
    }

    @Override
    public void distances(int[] nodes, int n, float[] out) {
        for (int i = 0; i < n; i++) out[i] = vectors.distance(query, nodes[i]);
    }

    /** Nothing: a vector is streamed by the hardware prefetcher once its first line is read. */
    @Override
    public void prefetch(int[] nodes, int n) {
    }

    @Override
    public float distanceBetween(int a, int b) {
        return vectors.distance(a, b);
    }

    @Override
    public void distancesFrom(int a, int[] nodes, int from, int n, float[] out) {
        for (int i = 0; i < n; i++) out[i] = vectors.distance(a, nodes[from + i]);
    }

    @Override
    public boolean isExact() {
        return true;
    }
}
