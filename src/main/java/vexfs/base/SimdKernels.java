package vexfs.base;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The jdk.incubator.vector kernels. Only {@link Distances} touches this class, and only after it
 * loaded successfully, so a JVM started without {@code --add-modules jdk.incubator.vector} still
 * runs the scalar path.
 *
 * <p>Summation order (mirrored exactly by {@link ScalarKernels}, which is what makes the two
 * bit-identical): {@link #UNROLL} accumulators of {@link #LANES} lanes take consecutive blocks of
 * {@code UNROLL * LANES} floats; remaining whole vectors go to accumulator 0; the accumulators
 * combine as {@code (s0 + s1) + (s2 + s3)} lane by lane; the lanes reduce by halving
 * ({@code lane[j] += lane[j + h]} for h = LANES/2 .. 1); the last {@code n % LANES} floats are
 * added one by one to that result. No FMA anywhere: every product is rounded to float before
 * the add, as Java's scalar {@code a * b + c} is.
 *
 * <p>There is one kernel per operand kind (array/array, array/segment, segment/segment) because
 * {@code fromArray} loads are markedly cheaper than segment loads (measured: 768 floats in cache,
 * array/segment 60 ns vs a heap segment over the same array 150 ns).
 */
final class SimdKernels {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    static final int UNROLL = 4;
    private static final int BLOCK = UNROLL * LANES;
    private static final ValueLayout.OfFloat LE_FLOAT = ScalarKernels.LE_FLOAT;
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private SimdKernels() {}

    // Six kernels of one shape: l2/dot x (array, array) / (array, segment) / (segment, segment). Keep them in step.

    static float l2(float[] a, float[] b) {
        int n = a.length;
        FloatVector s0 = FloatVector.zero(SPECIES), s1 = s0, s2 = s0, s3 = s0;
        int i = 0;
        for (; i + BLOCK <= n; i += BLOCK) {
            FloatVector d0 = FloatVector.fromArray(SPECIES, a, i).sub(FloatVector.fromArray(SPECIES, b, i));
            FloatVector d1 = FloatVector.fromArray(SPECIES, a, i + LANES).sub(FloatVector.fromArray(SPECIES, b, i + LANES));
            FloatVector d2 = FloatVector.fromArray(SPECIES, a, i + 2 * LANES).sub(FloatVector.fromArray(SPECIES, b, i + 2 * LANES));
            FloatVector d3 = FloatVector.fromArray(SPECIES, a, i + 3 * LANES).sub(FloatVector.fromArray(SPECIES, b, i + 3 * LANES));
            s0 = s0.add(d0.mul(d0));
            s1 = s1.add(d1.mul(d1));
            s2 = s2.add(d2.mul(d2));
            s3 = s3.add(d3.mul(d3));
        }
        for (; i + LANES <= n; i += LANES) {
            FloatVector d = FloatVector.fromArray(SPECIES, a, i).sub(FloatVector.fromArray(SPECIES, b, i));
            s0 = s0.add(d.mul(d));
        }
        float r = reduce(s0.add(s1).add(s2.add(s3)));
        for (; i < n; i++) {
            float d = a[i] - b[i];
            r += d * d;
        }
        return r;
    }

    static float l2(float[] a, MemorySegment b, long offB) {
        int n = a.length;
        FloatVector s0 = FloatVector.zero(SPECIES), s1 = s0, s2 = s0, s3 = s0;
        int i = 0;
        for (; i + BLOCK <= n; i += BLOCK) {
            long pb = offB + 4L * i;
            FloatVector d0 = FloatVector.fromArray(SPECIES, a, i).sub(load(b, pb));
            FloatVector d1 = FloatVector.fromArray(SPECIES, a, i + LANES).sub(load(b, pb + 4L * LANES));
            FloatVector d2 = FloatVector.fromArray(SPECIES, a, i + 2 * LANES).sub(load(b, pb + 8L * LANES));
            FloatVector d3 = FloatVector.fromArray(SPECIES, a, i + 3 * LANES).sub(load(b, pb + 12L * LANES));
            s0 = s0.add(d0.mul(d0));
            s1 = s1.add(d1.mul(d1));
            s2 = s2.add(d2.mul(d2));
            s3 = s3.add(d3.mul(d3));
        }
        for (; i + LANES <= n; i += LANES) {
            long pb = offB + 4L * i;
            FloatVector d = FloatVector.fromArray(SPECIES, a, i).sub(load(b, pb));
            s0 = s0.add(d.mul(d));
        }
        float r = reduce(s0.add(s1).add(s2.add(s3)));
        for (; i < n; i++) {
            float d = a[i] - b.get(LE_FLOAT, offB + 4L * i);
            r += d * d;
        }
        return r;
    }

    static float l2(MemorySegment a, long offA, MemorySegment b, long offB, int n) {
        FloatVector s0 = FloatVector.zero(SPECIES), s1 = s0, s2 = s0, s3 = s0;
        int i = 0;
        for (; i + BLOCK <= n; i += BLOCK) {
            long pa = offA + 4L * i, pb = offB + 4L * i;
            FloatVector d0 = load(a, pa).sub(load(b, pb));
            FloatVector d1 = load(a, pa + 4L * LANES).sub(load(b, pb + 4L * LANES));
            FloatVector d2 = load(a, pa + 8L * LANES).sub(load(b, pb + 8L * LANES));
            FloatVector d3 = load(a, pa + 12L * LANES).sub(load(b, pb + 12L * LANES));
            s0 = s0.add(d0.mul(d0));
            s1 = s1.add(d1.mul(d1));
            s2 = s2.add(d2.mul(d2));
            s3 = s3.add(d3.mul(d3));
        }
        for (; i + LANES <= n; i += LANES) {
            long pa = offA + 4L * i, pb = offB + 4L * i;
            FloatVector d = load(a, pa).sub(load(b, pb));
            s0 = s0.add(d.mul(d));
        }
        float r = reduce(s0.add(s1).add(s2.add(s3)));
        for (; i < n; i++) {
            float d = a.get(LE_FLOAT, offA + 4L * i) - b.get(LE_FLOAT, offB + 4L * i);
            r += d * d;
        }
        return r;
    }

    static float dot(float[] a, float[] b) {
        int n = a.length;
        FloatVector s0 = FloatVector.zero(SPECIES), s1 = s0, s2 = s0, s3 = s0;
        int i = 0;
        for (; i + BLOCK <= n; i += BLOCK) {
            s0 = s0.add(FloatVector.fromArray(SPECIES, a, i).mul(FloatVector.fromArray(SPECIES, b, i)));
            s1 = s1.add(FloatVector.fromArray(SPECIES, a, i + LANES).mul(FloatVector.fromArray(SPECIES, b, i + LANES)));
            s2 = s2.add(FloatVector.fromArray(SPECIES, a, i + 2 * LANES).mul(FloatVector.fromArray(SPECIES, b, i + 2 * LANES)));
            s3 = s3.add(FloatVector.fromArray(SPECIES, a, i + 3 * LANES).mul(FloatVector.fromArray(SPECIES, b, i + 3 * LANES)));
        }
        for (; i + LANES <= n; i += LANES) {
            s0 = s0.add(FloatVector.fromArray(SPECIES, a, i).mul(FloatVector.fromArray(SPECIES, b, i)));
        }
        float r = reduce(s0.add(s1).add(s2.add(s3)));
        for (; i < n; i++) {
            r += a[i] * b[i];
        }
        return r;
    }

    static float dot(float[] a, MemorySegment b, long offB) {
        int n = a.length;
        FloatVector s0 = FloatVector.zero(SPECIES), s1 = s0, s2 = s0, s3 = s0;
        int i = 0;
        for (; i + BLOCK <= n; i += BLOCK) {
            long pb = offB + 4L * i;
            s0 = s0.add(FloatVector.fromArray(SPECIES, a, i).mul(load(b, pb)));
            s1 = s1.add(FloatVector.fromArray(SPECIES, a, i + LANES).mul(load(b, pb + 4L * LANES)));
            s2 = s2.add(FloatVector.fromArray(SPECIES, a, i + 2 * LANES).mul(load(b, pb + 8L * LANES)));
            s3 = s3.add(FloatVector.fromArray(SPECIES, a, i + 3 * LANES).mul(load(b, pb + 12L * LANES)));
        }
        for (; i + LANES <= n; i += LANES) {
            long pb = offB + 4L * i;
            s0 = s0.add(FloatVector.fromArray(SPECIES, a, i).mul(load(b, pb)));
        }
        float r = reduce(s0.add(s1).add(s2.add(s3)));
        for (; i < n; i++) {
            r += a[i] * b.get(LE_FLOAT, offB + 4L * i);
        }
        return r;
    }

    static float dot(MemorySegment a, long offA, MemorySegment b, long offB, int n) {
        FloatVector s0 = FloatVector.zero(SPECIES), s1 = s0, s2 = s0, s3 = s0;
        int i = 0;
        for (; i + BLOCK <= n; i += BLOCK) {
            long pa = offA + 4L * i, pb = offB + 4L * i;
            s0 = s0.add(load(a, pa).mul(load(b, pb)));
            s1 = s1.add(load(a, pa + 4L * LANES).mul(load(b, pb + 4L * LANES)));
            s2 = s2.add(load(a, pa + 8L * LANES).mul(load(b, pb + 8L * LANES)));
            s3 = s3.add(load(a, pa + 12L * LANES).mul(load(b, pb + 12L * LANES)));
        }
        for (; i + LANES <= n; i += LANES) {
            long pa = offA + 4L * i, pb = offB + 4L * i;
            s0 = s0.add(load(a, pa).mul(load(b, pb)));
        }
        float r = reduce(s0.add(s1).add(s2.add(s3)));
        for (; i < n; i++) {
            r += a.get(LE_FLOAT, offA + 4L * i) * b.get(LE_FLOAT, offB + 4L * i);
        }
        return r;
    }

    private static FloatVector load(MemorySegment seg, long off) {
        return FloatVector.fromMemorySegment(SPECIES, seg, off, LE);
    }

    /** Halving reduction: lane j of the result after step h is lane[j] + lane[j + h]; lane 0 ends with the sum. */
    private static float reduce(FloatVector v) {
        for (int h = LANES >> 1; h > 0; h >>= 1) {
            v = v.add(v.slice(h));
        }
        return v.lane(0);
    }
}
