package vexfs.index;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import vexfs.base.Metric;
import vexfs.base.VectorSource;

/** Test and bench VectorSource over one flat heap array (slot i at [i*dim, (i+1)*dim)). Cosine vectors are normalised on entry. */
final class ArrayVectorSource implements VectorSource {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    final float[] data;
    final int dim;
    final Metric metric;
    private final int slots;

    ArrayVectorSource(float[] data, int dim, Metric metric) {
        this.data = data;
        this.dim = dim;
        this.metric = metric;
        this.slots = data.length / dim;
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
        return slots;
    }

    @Override
    public float distance(float[] q, int slot) {
        return metric == Metric.L2 ? l2(q, 0, data, slot * dim) : toDistance(dot(q, 0, data, slot * dim), slot, q);
    }

    /** L2 scores four vectors per loop (as the store's kernels should); other metrics one at a time. */
    @Override
    public void distances(float[] q, int[] ids, int n, float[] out) {
        int i = 0;
        if (metric == Metric.L2 && dim % F.length() == 0) {
            for (; i + 4 <= n; i += 4) {
                int o0 = ids[i] * dim, o1 = ids[i + 1] * dim, o2 = ids[i + 2] * dim, o3 = ids[i + 3] * dim;
                FloatVector a0 = FloatVector.zero(F), a1 = a0, a2 = a0, a3 = a0;
                for (int d = 0; d < dim; d += F.length()) {
                    FloatVector x = FloatVector.fromArray(F, q, d);
                    FloatVector d0 = x.sub(FloatVector.fromArray(F, data, o0 + d));
                    FloatVector d1 = x.sub(FloatVector.fromArray(F, data, o1 + d));
                    FloatVector d2 = x.sub(FloatVector.fromArray(F, data, o2 + d));
                    FloatVector d3 = x.sub(FloatVector.fromArray(F, data, o3 + d));
                    a0 = d0.fma(d0, a0);
                    a1 = d1.fma(d1, a1);
                    a2 = d2.fma(d2, a2);
                    a3 = d3.fma(d3, a3);
                }
                out[i] = sum(a0);
                out[i + 1] = sum(a1);
                out[i + 2] = sum(a2);
                out[i + 3] = sum(a3);
            }
        }
        for (; i < n; i++) out[i] = distance(q, ids[i]);
    }

    @Override
    public float distance(int a, int b) {
        if (metric == Metric.L2) return l2(data, a * dim, data, b * dim);
        float[] qa = new float[dim];
        read(a, qa);
        return distance(prepareQuery(qa), b);
    }

    private float toDistance(float dot, int slot, float[] q) {
        if (metric == Metric.DOT) return -dot;
        float n = (float) Math.sqrt(dot(data, slot * dim, data, slot * dim));
        return 1f - (n == 0 ? 0 : dot / n);
    }

    @Override
    public void read(int slot, float[] dst) {
        System.arraycopy(data, slot * dim, dst, 0, dim);
    }

    @Override
    public float[] prepareQuery(float[] query) {
        float[] q = query.clone();
        if (metric == Metric.COSINE) {
            double n = 0;
            for (float v : q) n += v * v;
            n = Math.sqrt(n);
            if (n > 0) for (int i = 0; i < q.length; i++) q[i] /= (float) n;
        }
        return q;
    }

    private float l2(float[] a, int ao, float[] b, int bo) {
        int i = 0;
        FloatVector acc = FloatVector.zero(F);
        for (; i + F.length() <= dim; i += F.length()) {
            FloatVector d = FloatVector.fromArray(F, a, ao + i).sub(FloatVector.fromArray(F, b, bo + i));
            acc = d.fma(d, acc);
        }
        float s = sum(acc);
        for (; i < dim; i++) {
            float d = a[ao + i] - b[bo + i];
            s += d * d;
        }
        return s;
    }

    private float dot(float[] a, int ao, float[] b, int bo) {
        int i = 0;
        FloatVector acc = FloatVector.zero(F);
        for (; i + F.length() <= dim; i += F.length()) {
            acc = FloatVector.fromArray(F, a, ao + i).fma(FloatVector.fromArray(F, b, bo + i), acc);
        }
        float s = sum(acc);
        for (; i < dim; i++) s += a[ao + i] * b[bo + i];
        return s;
    }

    /**
     * Lane sum in a fixed order: {@code reduceLanes(ADD)} may associate differently when
     * interpreted and when C2-compiled, so the same distance could change bits mid-test.
     */
    private static float sum(FloatVector v) {
        float s = 0f;
        for (int l = 0; l < v.length(); l++) s += v.lane(l);
        return s;
    }
}
