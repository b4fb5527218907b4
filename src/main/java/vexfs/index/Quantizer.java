package vexfs.index;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Per-dimension int8 scalar quantiser for graph traversal. Code position j holds dimension
 * {@code perm[j]}, dimensions ordered by decreasing variance, and
 * {@code x[perm[j]] ~= offset[j] + c[j] * scale[j]} with {@code c in [-127, 127]}. Codes only steer
 * the search; final candidates are re-ranked with exact float32 distances from the VectorSource.
 * Arrays are padded to codeBytes with zero scale and offset, so lanes past dim contribute nothing
 * whatever bytes the kernels read there. Distances keep Metric's sign conventions so query-to-node
 * and node-to-node distances compare in the same space while linking.
 *
 * <p>Early exit (L2 only): the first {@code split} code bytes carry about half of the variance. A
 * partial L2 sum is a lower bound of the full one, so a neighbour whose partial distance already
 * exceeds the beam's worst result is dropped without reading the rest of its codes.
 */
final class Quantizer {
    static final double SPLIT_VARIANCE = 0.5;
    final Metric metric;
    final int dim;
    final int codeBytes;
    /** Bytes the kernels read: dim rounded up to whole SIMD vectors (<= codeBytes). */
    final int codeLen;
    /** Length of the high-variance prefix (multiple of 64); == codeLen disables early exit. */
    final int split;
    final int[] perm;
    final float[] offset;
    final float[] scale;
    private final float[] scale2;

    Quantizer(Metric metric, int dim, int codeBytes, int split, int[] perm, float[] offset, float[] scale) {
        if (codeBytes % 64 != 0 || codeBytes < dim)
            throw new IllegalArgumentException("codeBytes " + codeBytes + " not a multiple of 64 covering dim " + dim);
        this.metric = metric;
        this.dim = dim;
        this.codeBytes = codeBytes;
        this.codeLen = (dim + CodeKernels.LANES - 1) / CodeKernels.LANES * CodeKernels.LANES;
        this.split = metric == Metric.L2 && split > 0 && split % 64 == 0 && split < codeLen ? split : codeLen;
        this.perm = perm;
        this.offset = offset;
        this.scale = scale;
        this.scale2 = new float[codeBytes];
        for (int i = 0; i < codeBytes; i++) scale2[i] = scale[i] * scale[i];
    }

    /** Trains ranges and the variance order from prepared (normalised for cosine) sample vectors. */
    static Quantizer train(Metric metric, int dim, int codeBytes, float[][] sample) {
        double[] lo = new double[dim];
        double[] hi = new double[dim];
        double[] mean = new double[dim];
        double[] var = new double[dim];
        Arrays.fill(lo, sample.length == 0 ? -1 : Double.POSITIVE_INFINITY);
        Arrays.fill(hi, sample.length == 0 ? 1 : Double.NEGATIVE_INFINITY);
        for (float[] v : sample) {
            for (int i = 0; i < dim; i++) {
                lo[i] = Math.min(lo[i], v[i]);
                hi[i] = Math.max(hi[i], v[i]);
                mean[i] += v[i];
            }
        }
        for (int i = 0; i < dim; i++) mean[i] /= Math.max(1, sample.length);
        for (float[] v : sample) for (int i = 0; i < dim; i++) var[i] += (v[i] - mean[i]) * (v[i] - mean[i]);
        double meanRange = 0;
        for (int i = 0; i < dim; i++) meanRange += hi[i] - lo[i];
        meanRange /= dim;
        Integer[] order = new Integer[dim];
        for (int i = 0; i < dim; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(var[b], var[a]));
        int[] perm = new int[codeBytes];
        float[] offset = new float[codeBytes];
        float[] scale = new float[codeBytes];
        double total = 0;
        for (double v : var) total += v;
        double running = 0;
        int split = 0;
        for (int j = 0; j < dim; j++) {
            int i = order[j];
            perm[j] = i;
            double r = Math.max(hi[i] - lo[i], Math.max(0.25 * meanRange, 1e-6));
            offset[j] = (float) (0.5 * (lo[i] + hi[i]));
            scale[j] = (float) (0.55 * r / 127.0); // 5% margin each side
            running += var[i];
            if (split == 0 && running >= SPLIT_VARIANCE * total) split = (j + 64) / 64 * 64;
        }
        return new Quantizer(metric, dim, codeBytes, split, perm, offset, scale);
    }

    static Quantizer read(Metric metric, int dim, int codeBytes, MemorySegment h) {
        float[] offset = new float[codeBytes];
        float[] scale = new float[codeBytes];
        int[] perm = new int[codeBytes];
        long base = GraphHeader.QUANT_OFFSET;
        MemorySegment.copy(h, ValueLayout.JAVA_FLOAT_UNALIGNED, base, offset, 0, codeBytes);
        MemorySegment.copy(h, ValueLayout.JAVA_FLOAT_UNALIGNED, base + 4L * codeBytes, scale, 0, codeBytes);
        MemorySegment.copy(h, ValueLayout.JAVA_INT_UNALIGNED, base + 8L * codeBytes, perm, 0, codeBytes);
        return new Quantizer(metric, dim, codeBytes, GraphHeader.getInt(h, GraphHeader.QUANT_SPLIT), perm, offset, scale);
    }

    void write(MemorySegment h) {
        long base = GraphHeader.QUANT_OFFSET;
        MemorySegment.copy(offset, 0, h, ValueLayout.JAVA_FLOAT_UNALIGNED, base, codeBytes);
        MemorySegment.copy(scale, 0, h, ValueLayout.JAVA_FLOAT_UNALIGNED, base + 4L * codeBytes, codeBytes);
        MemorySegment.copy(perm, 0, h, ValueLayout.JAVA_INT_UNALIGNED, base + 8L * codeBytes, codeBytes);
        GraphHeader.setInt(h, GraphHeader.QUANT_SPLIT, split);
    }

    /** Writes the codes of a prepared vector at {@code at}. */
    void encode(float[] prepared, MemorySegment seg, long at) {
        for (int j = 0; j < dim; j++) {
            int c = 0;
            if (scale[j] > 0) c = Math.max(-127, Math.min(127, Math.round((prepared[perm[j]] - offset[j]) / scale[j])));
            seg.set(ValueLayout.JAVA_BYTE, at + j, (byte) c);
        }
    }

    /**
     * Per-query array in code order: for L2 {@code offset - q}; for DOT/COSINE {@code q * scale}
     * with the constant {@code sum(q * offset)} at index codeBytes.
     */
    float[] prepareQuery(float[] prepared, float[] dst) {
        if (dst == null || dst.length < codeBytes + 1) dst = new float[codeBytes + 1];
        if (metric == Metric.L2) {
            for (int j = 0; j < dim; j++) dst[j] = offset[j] - prepared[perm[j]];
            return dst;
        }
        double c = 0;
        for (int j = 0; j < dim; j++) {
            dst[j] = prepared[perm[j]] * scale[j];
            c += (double) prepared[perm[j]] * offset[j];
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

    boolean earlyExit() {
        return split < codeLen;
    }

    /**
     * Query distances to {@code n} nodes ({@code base + id * stride}). {@code out} must hold n
     * rounded up to 4 (entries past n are scratch).
     */
    void distances(float[] pq, MemorySegment seg, long base, long stride, int[] ids, int n, float[] out) {
        if (metric == Metric.L2) {
            l2Range(pq, seg, base, stride, ids, n, out, 0, codeLen, true);
            return;
        }
        for (int i = 0; i < n; i += 4) {
            int last = n - 1;
            CodeKernels.dot4(pq, seg, base + ids[i] * stride, base + ids[Math.min(i + 1, last)] * stride,
                    base + ids[Math.min(i + 2, last)] * stride, base + ids[Math.min(i + 3, last)] * stride, out, i, codeLen);
            for (int j = i; j < i + 4; j++) out[j] = fromDot(pq, out[j]);
        }
    }

    /** L2 over the high-variance prefix only: a lower bound of {@link #distances}. */
    void partialDistances(float[] pq, MemorySegment seg, long base, long stride, int[] ids, int n, float[] out) {
        l2Range(pq, seg, base, stride, ids, n, out, 0, split, true);
    }

    /** Adds the rest of the L2 sum to distances from {@link #partialDistances}. */
    void remainingDistances(float[] pq, MemorySegment seg, long base, long stride, int[] ids, int n, float[] out) {
        l2Range(pq, seg, base, stride, ids, n, out, split, codeLen, false);
    }

    private void l2Range(float[] qa, MemorySegment seg, long base, long stride, int[] ids, int n, float[] out, int from, int to,
                         boolean reset) {
        if (reset) Arrays.fill(out, 0, (n + 3) & ~3, 0f);
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            CodeKernels.l2Add8(qa, scale, seg, base + ids[i] * stride, base + ids[i + 1] * stride, base + ids[i + 2] * stride,
                    base + ids[i + 3] * stride, base + ids[i + 4] * stride, base + ids[i + 5] * stride,
                    base + ids[i + 6] * stride, base + ids[i + 7] * stride, out, i, from, to);
        }
        // a short tail repeats its last id: that vector is already in cache, and one interleaved
        // call still beats single-vector calls that wait on each miss in turn
        for (; i < n; i += 4) {
            int last = n - 1;
            float[] tmp = out;
            CodeKernels.l2Add4(qa, scale, seg, base + ids[i] * stride, base + ids[Math.min(i + 1, last)] * stride,
                    base + ids[Math.min(i + 2, last)] * stride, base + ids[Math.min(i + 3, last)] * stride, tmp, i, from, to);
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
