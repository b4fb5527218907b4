package vexfs.index;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

import vexfs.base.Distances;
import vexfs.base.Metric;
import vexfs.base.VectorSource;

/**
 * Per-dimension int8 scalar quantiser for graph traversal:
 * {@code x[i] ~= offset[i] + c[i] * scale[i]} with {@code c in [-127, 127]}. Codes only steer
 * the search; final candidates are re-ranked with exact float32 distances from the VectorSource.
 * Arrays are padded to codeBytes with zero scale and offset, so lanes past dim contribute nothing
 * whatever bytes the kernels read there. Distances keep Metric's sign conventions so query-to-node
 * and node-to-node distances compare in the same space while linking.
 *
 */
final class Quantizer {
    final Metric metric;
    final int dim;
    final int codeBytes;
    /** Bytes the kernels read: dim rounded up to whole SIMD vectors (<= codeBytes). */
    final int codeLen;
    final float[] offset;
    final float[] scale;
    private final float[] scale2;

    Quantizer(Metric metric, int dim, int codeBytes, float[] offset, float[] scale) {
        if (codeBytes % 64 != 0 || codeBytes < dim)
            throw new IllegalArgumentException("codeBytes " + codeBytes + " not a multiple of 64 covering dim " + dim);
        this.metric = metric;
        this.dim = dim;
        this.codeBytes = codeBytes;
        this.codeLen = (dim + CodeKernels.LANES - 1) / CodeKernels.LANES * CodeKernels.LANES;
        this.offset = offset;
        this.scale = scale;
        this.scale2 = new float[codeBytes];
        for (int i = 0; i < codeBytes; i++) scale2[i] = scale[i] * scale[i];
    }

    /** Trains per-dimension ranges from prepared (normalised for cosine) sample vectors, widened so later data rarely clamps. */
    static Quantizer train(Metric metric, int dim, int codeBytes, float[][] sample) {
        double[] lo = new double[dim];
        double[] hi = new double[dim];
        Arrays.fill(lo, sample.length == 0 ? -1 : Double.POSITIVE_INFINITY);
        Arrays.fill(hi, sample.length == 0 ? 1 : Double.NEGATIVE_INFINITY);
        for (float[] v : sample) {
            for (int i = 0; i < dim; i++) {
                lo[i] = Math.min(lo[i], v[i]);
                hi[i] = Math.max(hi[i], v[i]);
            }
        }
        double meanRange = 0;
        for (int i = 0; i < dim; i++) meanRange += hi[i] - lo[i];
        meanRange /= dim;
        float[] offset = new float[codeBytes];
        float[] scale = new float[codeBytes];
        for (int i = 0; i < dim; i++) {
            double r = Math.max(hi[i] - lo[i], Math.max(0.25 * meanRange, 1e-6));
            offset[i] = (float) (0.5 * (lo[i] + hi[i]));
            scale[i] = (float) (0.55 * r / 127.0); // 5% margin each side
        }
        return new Quantizer(metric, dim, codeBytes, offset, scale);
    }

    static Quantizer read(Metric metric, int dim, int codeBytes, MemorySegment h) {
        float[] offset = new float[codeBytes];
        float[] scale = new float[codeBytes];
        long base = GraphHeader.QUANT_OFFSET;
        MemorySegment.copy(h, ValueLayout.JAVA_FLOAT_UNALIGNED, base, offset, 0, codeBytes);
        MemorySegment.copy(h, ValueLayout.JAVA_FLOAT_UNALIGNED, base + 4L * codeBytes, scale, 0, codeBytes);
        return new Quantizer(metric, dim, codeBytes, offset, scale);
    }

    void write(MemorySegment h) {
        long base = GraphHeader.QUANT_OFFSET;
        MemorySegment.copy(offset, 0, h, ValueLayout.JAVA_FLOAT_UNALIGNED, base, codeBytes);
        MemorySegment.copy(scale, 0, h, ValueLayout.JAVA_FLOAT_UNALIGNED, base + 4L * codeBytes, codeBytes);
    }

    /** Writes the codes of a prepared vector at {@code at}. */
    void encode(float[] prepared, MemorySegment seg, long at) {
        for (int i = 0; i < dim; i++) {
            int c = 0;
            if (scale[i] > 0) c = Math.max(-127, Math.min(127, Math.round((prepared[i] - offset[i]) / scale[i])));
            seg.set(ValueLayout.JAVA_BYTE, at + i, (byte) c);
        }
    }

    /**
     * Per-query array: for L2 {@code offset - q}; for DOT/COSINE {@code q * scale}
     * with the constant {@code sum(q * offset)} at index codeBytes.
     */
    float[] prepareQuery(float[] prepared, float[] dst) {
        if (dst == null || dst.length < codeBytes + 1) dst = new float[codeBytes + 1];
        if (metric == Metric.L2) {
            for (int i = 0; i < dim; i++) dst[i] = offset[i] - prepared[i];
            return dst;
        }
        double c = 0;
        for (int i = 0; i < dim; i++) {
            dst[i] = prepared[i] * scale[i];
            c += (double) prepared[i] * offset[i];
        }
        dst[codeBytes] = (float) c;
        return dst;
    }

    private float fromDot(float[] pq, float raw) {
        float dot = pq[codeBytes] + raw;
        return metric == Metric.COSINE ? 1f - dot : -dot;
    }

    /** Distance from a query prepared by {@link #prepareQuery} to the codes at {@code off}. */
    float distance(float[] pq, MemorySegment seg, long off) {
        if (metric == Metric.L2) return CodeKernels.l2Query(pq, scale, seg, off, codeLen);
        return fromDot(pq, CodeKernels.dotQuery(pq, seg, off, codeLen));
    }

    /** Distance between the codes at {@code a} and {@code b}. */
    float distance(MemorySegment seg, long a, long b) {
        if (metric == Metric.L2) return CodeKernels.l2Codes(scale2, seg, a, b, codeLen);
        float dot = CodeKernels.dotCodes(scale, offset, seg, a, b, codeLen);
        return metric == Metric.COSINE ? 1f - dot : -dot;
    }

    /**
     * Query distances to {@code n} nodes ({@code base + id * stride}), eight or four code vectors
     * per kernel call so that their cache misses overlap. {@code out} must hold n rounded up to 4
     * (entries past n are scratch).
     */
    void distances(float[] pq, MemorySegment seg, long base, long stride, int[] ids, int n, float[] out) {
        if (metric != Metric.L2) {
            for (int i = 0; i < n; i += 4) {
                int last = n - 1;
                CodeKernels.dot4(pq, seg, base + ids[i] * stride, base + ids[Math.min(i + 1, last)] * stride,
                        base + ids[Math.min(i + 2, last)] * stride, base + ids[Math.min(i + 3, last)] * stride, out, i, codeLen);
                for (int j = i; j < i + 4; j++) out[j] = fromDot(pq, out[j]);
            }
            return;
        }
        Arrays.fill(out, 0, (n + 3) & ~3, 0f);
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            CodeKernels.l2Add8(pq, scale, seg, base + ids[i] * stride, base + ids[i + 1] * stride, base + ids[i + 2] * stride,
                    base + ids[i + 3] * stride, base + ids[i + 4] * stride, base + ids[i + 5] * stride,
                    base + ids[i + 6] * stride, base + ids[i + 7] * stride, out, i, 0, codeLen);
        }
        // a short tail repeats its last id: that vector is already in cache, and one interleaved
        // call still beats single-vector calls that wait on each miss in turn
        for (; i < n; i += 4) {
            int last = n - 1;
            CodeKernels.l2Add4(pq, scale, seg, base + ids[i] * stride, base + ids[Math.min(i + 1, last)] * stride,
                    base + ids[Math.min(i + 2, last)] * stride, base + ids[Math.min(i + 3, last)] * stride, out, i, 0, codeLen);
        }
    }

    /**
     * Distances from the codes at {@code a} to those of {@code ids[from..from+n)}; {@code out} must
     * hold n rounded up to 4.
     */
    void distancesFrom(MemorySegment seg, long a, long base, long stride, int[] ids, int from, int n, float[] out) {
        int last = from + n - 1;
        for (int i = 0; i < n; i += 4) {
            long o0 = base + ids[from + i] * stride;
            long o1 = base + ids[Math.min(from + i + 1, last)] * stride;
            long o2 = base + ids[Math.min(from + i + 2, last)] * stride;
            long o3 = base + ids[Math.min(from + i + 3, last)] * stride;
            if (metric == Metric.L2) {
                CodeKernels.l2Codes4(scale2, seg, a, o0, o1, o2, o3, out, i, codeLen);
            } else {
                out[i] = distance(seg, a, o0);
                out[i + 1] = distance(seg, a, o1);
                out[i + 2] = distance(seg, a, o2);
                out[i + 3] = distance(seg, a, o3);
            }
        }
    }
}
