package vexfs.index;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Per-dimension int8 scalar quantiser for graph traversal: {@code x[i] ~= offset[i] + c[i] * scale[i]}
 * with {@code c in [-127, 127]}. Codes are only used to steer the search; final candidates are
 * re-ranked with exact float32 distances from the {@link VectorSource}. Arrays are padded to
 * {@code codeBytes} with zero scale and offset so kernels need no tail loop (padding contributes 0).
 * Distances keep the sign conventions of {@link Metric} (lower is closer) so query-to-node and
 * node-to-node distances compare in the same space while linking.
 */
final class Quantizer {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> B = VectorSpecies.of(byte.class, VectorShape.forBitSize(F.length() * 8));

    final Metric metric;
    final int dim;
    final int codeBytes;
    /** Bytes the kernels read: dim rounded up to whole SIMD vectors (<= codeBytes). */
    private final int codeLen;
    final float[] offset;
    final float[] scale;
    private final float[] scale2;

    Quantizer(Metric metric, int dim, int codeBytes, float[] offset, float[] scale) {
        if (codeBytes % 64 != 0 || codeBytes < dim) throw new IllegalArgumentException("codeBytes " + codeBytes + " not a multiple of 64 covering dim " + dim);
        this.metric = metric;
        this.dim = dim;
        this.codeBytes = codeBytes;
        this.codeLen = (dim + F.length() - 1) / F.length() * F.length();
        this.offset = offset;
        this.scale = scale;
        this.scale2 = new float[codeBytes];
        for (int i = 0; i < codeBytes; i++) scale2[i] = scale[i] * scale[i];
    }

    /** Trains ranges from prepared (normalised for cosine) sample vectors, widened so later data rarely clamps. */
    static Quantizer train(Metric metric, int dim, int codeBytes, float[][] sample) {
        float[] lo = new float[dim];
        float[] hi = new float[dim];
        java.util.Arrays.fill(lo, Float.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Float.NEGATIVE_INFINITY);
        for (float[] v : sample) {
            for (int i = 0; i < dim; i++) {
                lo[i] = Math.min(lo[i], v[i]);
                hi[i] = Math.max(hi[i], v[i]);
            }
        }
        double meanRange = 0;
        for (int i = 0; i < dim; i++) meanRange += sample.length == 0 ? 0 : hi[i] - lo[i];
        meanRange /= dim;
        float[] offset = new float[codeBytes];
        float[] scale = new float[codeBytes];
        for (int i = 0; i < dim; i++) {
            if (sample.length == 0) {
                lo[i] = -1;
                hi[i] = 1;
            }
            double r = Math.max(hi[i] - lo[i], Math.max(0.25 * meanRange, 1e-6));
            double mid = 0.5 * ((double) lo[i] + hi[i]);
            double half = 0.55 * r; // 5% margin each side
            offset[i] = (float) mid;
            scale[i] = (float) (half / 127.0);
        }
        return new Quantizer(metric, dim, codeBytes, offset, scale);
    }

    static Quantizer read(Metric metric, int dim, int codeBytes, MemorySegment header) {
        float[] offset = new float[codeBytes];
        float[] scale = new float[codeBytes];
        MemorySegment.copy(header, ValueLayout.JAVA_FLOAT_UNALIGNED, GraphHeader.QUANT_OFFSET, offset, 0, codeBytes);
        MemorySegment.copy(header, ValueLayout.JAVA_FLOAT_UNALIGNED, GraphHeader.QUANT_OFFSET + 4L * codeBytes, scale, 0, codeBytes);
        return new Quantizer(metric, dim, codeBytes, offset, scale);
    }

    void write(MemorySegment header) {
        MemorySegment.copy(offset, 0, header, ValueLayout.JAVA_FLOAT_UNALIGNED, GraphHeader.QUANT_OFFSET, codeBytes);
        MemorySegment.copy(scale, 0, header, ValueLayout.JAVA_FLOAT_UNALIGNED, GraphHeader.QUANT_OFFSET + 4L * codeBytes, codeBytes);
    }

    /** Writes the codes of a prepared vector at {@code at}. */
    void encode(float[] prepared, MemorySegment seg, long at) {
        for (int i = 0; i < dim; i++) {
            int c = 0;
            if (scale[i] > 0) {
                c = Math.round((prepared[i] - offset[i]) / scale[i]);
                c = Math.max(-127, Math.min(127, c));
            }
            seg.set(ValueLayout.JAVA_BYTE, at + i, (byte) c);
        }
    }

    /**
     * Per-query arrays: for L2 {@code offset - q} (length codeBytes); for DOT/COSINE {@code q * scale}
     * with the constant {@code sum(q * offset)} in the last slot of a codeBytes+1 array.
     */
    float[] prepareQuery(float[] prepared, float[] dst) {
        if (dst == null || dst.length < codeBytes + 1) dst = new float[codeBytes + 1];
        if (metric == Metric.L2) {
            float[] qa = dst;
            for (int i = 0; i < dim; i++) qa[i] = offset[i] - prepared[i];
            return qa;
        }
        float[] qs = dst;
        double c = 0;
        for (int i = 0; i < dim; i++) {
            qs[i] = prepared[i] * scale[i];
            c += (double) prepared[i] * offset[i];
        }
        qs[codeBytes] = (float) c;
        return qs;
    }

    /** Distance from a query prepared by {@link #prepareQuery} to the codes at {@code off}. */
    float distance(float[] pq, MemorySegment seg, long off) {
        if (metric == Metric.L2) return l2Query(pq, seg, off);
        float dot = pq[codeBytes] + dotQuery(pq, seg, off);
        return metric == Metric.COSINE ? 1f - dot : -dot;
    }

    /** Distance between the codes at {@code a} and {@code b}. */
    float distance(MemorySegment seg, long a, long b) {
        if (metric == Metric.L2) return l2Codes(seg, a, b);
        float dot = dotCodes(seg, a, b);
        return metric == Metric.COSINE ? 1f - dot : -dot;
    }

    /**
     * Query distances to {@code n} nodes at once ({@code base + id * stride}), four interleaved so
     * that the cache misses of four code vectors are in flight together. {@code out} must hold
     * {@code n} rounded up to a multiple of 4 (entries past n are scratch).
     */
    void distances(float[] pq, MemorySegment seg, long base, long stride, int[] ids, int n, float[] out) {
        for (int i = 0; i < n; i += 4) {
            // a short tail repeats its last id: the repeated vector is already in L1, and one
            // interleaved call still beats single-vector calls that wait on each miss in turn
            int last = n - 1;
            long o0 = base + ids[i] * stride;
            long o1 = base + ids[Math.min(i + 1, last)] * stride;
            long o2 = base + ids[Math.min(i + 2, last)] * stride;
            long o3 = base + ids[Math.min(i + 3, last)] * stride;
            if (metric == Metric.L2) {
                l2Query4(pq, seg, o0, o1, o2, o3, out, i);
            } else {
                dotQuery4(pq, seg, o0, o1, o2, o3, out, i);
                float c = pq[codeBytes];
                for (int j = i; j < i + 4; j++) out[j] = metric == Metric.COSINE ? 1f - (c + out[j]) : -(c + out[j]);
            }
        }
    }

    /**
     * Distances from the codes at {@code a} to those of {@code n} nodes {@code ids[from..from+n)}
     * (four interleaved); {@code out} must hold n rounded up to 4.
     */
    void distancesFrom(MemorySegment seg, long a, long base, long stride, int[] ids, int from, int n, float[] out) {
        for (int i = 0; i < n; i += 4) {
            int last = from + n - 1;
            long o0 = base + ids[from + i] * stride;
            long o1 = base + ids[Math.min(from + i + 1, last)] * stride;
            long o2 = base + ids[Math.min(from + i + 2, last)] * stride;
            long o3 = base + ids[Math.min(from + i + 3, last)] * stride;
            if (metric == Metric.L2) {
                l2Codes4(seg, a, o0, o1, o2, o3, out, i);
            } else {
                out[i] = distance(seg, a, o0);
                out[i + 1] = distance(seg, a, o1);
                out[i + 2] = distance(seg, a, o2);
                out[i + 3] = distance(seg, a, o3);
            }
        }
    }

    private void l2Codes4(MemorySegment seg, long a, long o0, long o1, long o2, long o3, float[] out, int at) {
        FloatVector a0 = FloatVector.zero(F);
        FloatVector a1 = FloatVector.zero(F);
        FloatVector a2 = FloatVector.zero(F);
        FloatVector a3 = FloatVector.zero(F);
        for (int i = 0; i < codeLen; i += F.length()) {
            FloatVector x = load(seg, a + i);
            FloatVector s2 = FloatVector.fromArray(F, scale2, i);
            FloatVector d0 = x.sub(load(seg, o0 + i));
            FloatVector d1 = x.sub(load(seg, o1 + i));
            FloatVector d2 = x.sub(load(seg, o2 + i));
            FloatVector d3 = x.sub(load(seg, o3 + i));
            a0 = d0.mul(d0).fma(s2, a0);
            a1 = d1.mul(d1).fma(s2, a1);
            a2 = d2.mul(d2).fma(s2, a2);
            a3 = d3.mul(d3).fma(s2, a3);
        }
        out[at] = a0.reduceLanes(VectorOperators.ADD);
        out[at + 1] = a1.reduceLanes(VectorOperators.ADD);
        out[at + 2] = a2.reduceLanes(VectorOperators.ADD);
        out[at + 3] = a3.reduceLanes(VectorOperators.ADD);
    }

    private void dotQuery4(float[] qs, MemorySegment seg, long o0, long o1, long o2, long o3, float[] out, int at) {
        FloatVector a0 = FloatVector.zero(F);
        FloatVector a1 = FloatVector.zero(F);
        FloatVector a2 = FloatVector.zero(F);
        FloatVector a3 = FloatVector.zero(F);
        for (int i = 0; i < codeLen; i += F.length()) {
            FloatVector q = FloatVector.fromArray(F, qs, i);
            a0 = load(seg, o0 + i).fma(q, a0);
            a1 = load(seg, o1 + i).fma(q, a1);
            a2 = load(seg, o2 + i).fma(q, a2);
            a3 = load(seg, o3 + i).fma(q, a3);
        }
        out[at] = a0.reduceLanes(VectorOperators.ADD);
        out[at + 1] = a1.reduceLanes(VectorOperators.ADD);
        out[at + 2] = a2.reduceLanes(VectorOperators.ADD);
        out[at + 3] = a3.reduceLanes(VectorOperators.ADD);
    }

    private void l2Query4(float[] qa, MemorySegment seg, long o0, long o1, long o2, long o3, float[] out, int at) {
        FloatVector a0 = FloatVector.zero(F);
        FloatVector a1 = FloatVector.zero(F);
        FloatVector a2 = FloatVector.zero(F);
        FloatVector a3 = FloatVector.zero(F);
        for (int i = 0; i < codeLen; i += F.length()) {
            FloatVector s = FloatVector.fromArray(F, scale, i);
            FloatVector q = FloatVector.fromArray(F, qa, i);
            FloatVector d0 = load(seg, o0 + i).fma(s, q);
            FloatVector d1 = load(seg, o1 + i).fma(s, q);
            FloatVector d2 = load(seg, o2 + i).fma(s, q);
            FloatVector d3 = load(seg, o3 + i).fma(s, q);
            a0 = d0.fma(d0, a0);
            a1 = d1.fma(d1, a1);
            a2 = d2.fma(d2, a2);
            a3 = d3.fma(d3, a3);
        }
        out[at] = a0.reduceLanes(VectorOperators.ADD);
        out[at + 1] = a1.reduceLanes(VectorOperators.ADD);
        out[at + 2] = a2.reduceLanes(VectorOperators.ADD);
        out[at + 3] = a3.reduceLanes(VectorOperators.ADD);
    }

    private static FloatVector load(MemorySegment seg, long off) {
        return (FloatVector) ByteVector.fromMemorySegment(B, seg, off, ByteOrder.LITTLE_ENDIAN)
                .convertShape(VectorOperators.B2F, F, 0);
    }

    private float l2Query(float[] qa, MemorySegment seg, long off) {
        FloatVector acc0 = FloatVector.zero(F);
        FloatVector acc1 = FloatVector.zero(F);
        int step = F.length();
        int i = 0;
        for (; i + 2 * step <= codeLen; i += 2 * step) {
            FloatVector d0 = load(seg, off + i).fma(FloatVector.fromArray(F, scale, i), FloatVector.fromArray(F, qa, i));
            FloatVector d1 = load(seg, off + i + step).fma(FloatVector.fromArray(F, scale, i + step), FloatVector.fromArray(F, qa, i + step));
            acc0 = d0.fma(d0, acc0);
            acc1 = d1.fma(d1, acc1);
        }
        for (; i < codeLen; i += step) {
            FloatVector d0 = load(seg, off + i).fma(FloatVector.fromArray(F, scale, i), FloatVector.fromArray(F, qa, i));
            acc0 = d0.fma(d0, acc0);
        }
        return acc0.add(acc1).reduceLanes(VectorOperators.ADD);
    }

    private float dotQuery(float[] qs, MemorySegment seg, long off) {
        FloatVector acc0 = FloatVector.zero(F);
        FloatVector acc1 = FloatVector.zero(F);
        int step = F.length();
        int i = 0;
        for (; i + 2 * step <= codeLen; i += 2 * step) {
            acc0 = load(seg, off + i).fma(FloatVector.fromArray(F, qs, i), acc0);
            acc1 = load(seg, off + i + step).fma(FloatVector.fromArray(F, qs, i + step), acc1);
        }
        for (; i < codeLen; i += step) acc0 = load(seg, off + i).fma(FloatVector.fromArray(F, qs, i), acc0);
        return acc0.add(acc1).reduceLanes(VectorOperators.ADD);
    }

    private float l2Codes(MemorySegment seg, long a, long b) {
        FloatVector acc = FloatVector.zero(F);
        for (int i = 0; i < codeLen; i += F.length()) {
            FloatVector d = load(seg, a + i).sub(load(seg, b + i));
            acc = d.mul(d).fma(FloatVector.fromArray(F, scale2, i), acc);
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }

    private float dotCodes(MemorySegment seg, long a, long b) {
        FloatVector acc = FloatVector.zero(F);
        for (int i = 0; i < codeLen; i += F.length()) {
            FloatVector s = FloatVector.fromArray(F, scale, i);
            FloatVector o = FloatVector.fromArray(F, offset, i);
            acc = load(seg, a + i).fma(s, o).fma(load(seg, b + i).fma(s, o), acc);
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }
}
