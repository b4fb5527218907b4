package vexfs.base;

import java.lang.foreign.MemorySegment;

/**
 * Distance kernels over float arrays and little-endian float32 data in memory segments (the
 * mapped vector file). Lower is closer everywhere (see {@link Metric}).
 *
 * <p>SIMD (jdk.incubator.vector, {@code FloatVector.SPECIES_PREFERRED}) is used unless the system
 * property {@code vexfs.simd=false} is set or the incubator module is missing. The scalar path sums
 * in the same lane order as the SIMD path (see {@link SimdKernels}), so both return the same float
 * bits for the same inputs; rankings and ties do not depend on which one ran.
 *
 * <p>Vectors used with {@link Metric#COSINE} must already be normalised (the store keeps a
 * normalised copy, queries go through {@link #normalized}); cosine distance is then {@code 1 - dot}.
 */
public final class Distances {
    /** Lane count the summation order is built on; the scalar path uses it even when SIMD is off. */
    static final int LANES;
    private static final boolean SIMD;

    static {
        int lanes = 8;
        boolean available = false;
        try {
            lanes = SimdKernels.LANES;
            available = true;
        } catch (LinkageError e) {
            // jdk.incubator.vector not resolved in this JVM: scalar only.
        }
        LANES = lanes;
        SIMD = available && !"false".equalsIgnoreCase(System.getProperty("vexfs.simd"));
    }

    private Distances() {}

    /** True when the SIMD kernels are in use. */
    public static boolean simdEnabled() {
        return SIMD;
    }

    /** Squared Euclidean distance; the arrays must have the same length. */
    public static float l2(float[] a, float[] b) {
        checkSame(a, b);
        return SIMD ? SimdKernels.l2(a, b) : scalarL2(a, b);
    }

    /** Inner product; the arrays must have the same length. */
    public static float dot(float[] a, float[] b) {
        checkSame(a, b);
        return SIMD ? SimdKernels.dot(a, b) : scalarDot(a, b);
    }

    /** Squared Euclidean distance from {@code q} to the {@code q.length} floats at {@code byteOffset} in {@code seg}. */
    public static float l2(float[] q, MemorySegment seg, long byteOffset) {
        return SIMD ? SimdKernels.l2(q, seg, byteOffset) : scalarL2(q, seg, byteOffset);
    }

    /** Inner product of {@code q} and the {@code q.length} floats at {@code byteOffset} in {@code seg}. */
    public static float dot(float[] q, MemorySegment seg, long byteOffset) {
        return SIMD ? SimdKernels.dot(q, seg, byteOffset) : scalarDot(q, seg, byteOffset);
    }

    /** Squared Euclidean distance between two vectors of {@code dim} floats in the same segment. */
    public static float l2(MemorySegment seg, long offA, long offB, int dim) {
        return SIMD ? SimdKernels.l2(seg, offA, seg, offB, dim) : scalarL2(seg, offA, offB, dim);
    }

    /** Inner product of two vectors of {@code dim} floats in the same segment. */
    public static float dot(MemorySegment seg, long offA, long offB, int dim) {
        return SIMD ? SimdKernels.dot(seg, offA, seg, offB, dim) : scalarDot(seg, offA, offB, dim);
    }

    /** Metric distance from a prepared query (normalised for cosine) to the vector at {@code off}. */
    public static float distance(Metric m, float[] preparedQuery, MemorySegment seg, long off) {
        return switch (m) {
            case L2 -> l2(preparedQuery, seg, off);
            case DOT -> -dot(preparedQuery, seg, off);
            case COSINE -> 1f - dot(preparedQuery, seg, off);
        };
    }

    /** Metric distance between two stored vectors (normalised copies for cosine). */
    public static float distance(Metric m, MemorySegment seg, long offA, long offB, int dim) {
        return switch (m) {
            case L2 -> l2(seg, offA, offB, dim);
            case DOT -> -dot(seg, offA, offB, dim);
            case COSINE -> 1f - dot(seg, offA, offB, dim);
        };
    }

    /** Euclidean norm, {@code sqrt(dot(v, v))} computed in float. */
    public static float norm(float[] v) {
        return (float) Math.sqrt(dot(v, v));
    }

    /**
     * A new array holding {@code v / norm(v)} element by element; the same function the store uses
     * for its cosine copies, so a stored vector and the same vector as a query normalise identically.
     * Throws IllegalArgumentException for a zero (or non-finite norm) vector.
     */
    public static float[] normalized(float[] v) {
        float n = norm(v);
        if (!(n > 0f) || Float.isInfinite(n)) {
            throw new IllegalArgumentException("cannot normalise a vector of norm " + n);
        }
        float[] r = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[i] / n;
        }
        return r;
    }

    // Scalar twins, for the SIMD/scalar equality tests.

    static float scalarL2(float[] a, float[] b) {
        checkSame(a, b);
        return ScalarKernels.l2(MemorySegment.ofArray(a), 0, MemorySegment.ofArray(b), 0, a.length, LANES);
    }

    static float scalarDot(float[] a, float[] b) {
        checkSame(a, b);
        return ScalarKernels.dot(MemorySegment.ofArray(a), 0, MemorySegment.ofArray(b), 0, a.length, LANES);
    }

    static float scalarL2(float[] q, MemorySegment seg, long off) {
        return ScalarKernels.l2(MemorySegment.ofArray(q), 0, seg, off, q.length, LANES);
    }

    static float scalarDot(float[] q, MemorySegment seg, long off) {
        return ScalarKernels.dot(MemorySegment.ofArray(q), 0, seg, off, q.length, LANES);
    }

    static float scalarL2(MemorySegment seg, long offA, long offB, int dim) {
        return ScalarKernels.l2(seg, offA, seg, offB, dim, LANES);
    }

    static float scalarDot(MemorySegment seg, long offA, long offB, int dim) {
        return ScalarKernels.dot(seg, offA, seg, offB, dim, LANES);
    }

    private static void checkSame(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("dimension mismatch: " + a.length + " vs " + b.length);
        }
    }
}
