package vexfs.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DistancesTest {
    private static float[] random(Random rnd, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (rnd.nextGaussian() * Math.pow(10, rnd.nextInt(7) - 3));
        }
        return v;
    }

    @Test
    void simdIsActiveInTests() {
        // the surefire argLine adds jdk.incubator.vector; if this fails the equality tests below compare scalar with scalar
        assertTrue(Distances.simdEnabled(), "SIMD kernels not active");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 8, 15, 16, 17, 128, 784, 1021, 4096})
    void simdAndScalarAreBitIdentical(int dim) {
        Random rnd = new Random(42L * dim);
        try (Arena arena = Arena.ofConfined()) {
            // a segment holding two vectors at odd (unaligned-to-vector) offsets, little-endian
            long offA = 4, offB = 4 + 4L * dim + 12;
            MemorySegment seg = arena.allocate(offB + 4L * dim + 4, 64);
            for (int round = 0; round < 20; round++) {
                float[] a = random(rnd, dim), b = random(rnd, dim);
                for (int i = 0; i < dim; i++) {
                    seg.set(ScalarKernels.LE_FLOAT, offA + 4L * i, a[i]);
                    seg.set(ScalarKernels.LE_FLOAT, offB + 4L * i, b[i]);
                }
                float l2 = Distances.l2(a, b), dot = Distances.dot(a, b);
                assertBits(Distances.scalarL2(a, b), l2, "l2 arrays dim " + dim);
                assertBits(Distances.scalarDot(a, b), dot, "dot arrays dim " + dim);
                assertBits(Distances.scalarL2(a, seg, offB), Distances.l2(a, seg, offB), "l2 q/seg dim " + dim);
                assertBits(Distances.scalarDot(a, seg, offB), Distances.dot(a, seg, offB), "dot q/seg dim " + dim);
                assertBits(Distances.scalarL2(seg, offA, offB, dim), Distances.l2(seg, offA, offB, dim), "l2 seg dim " + dim);
                assertBits(Distances.scalarDot(seg, offA, offB, dim), Distances.dot(seg, offA, offB, dim), "dot seg dim " + dim);
                // all three access paths read the same numbers, so they agree too
                assertBits(l2, Distances.l2(seg, offA, offB, dim), "l2 array vs seg dim " + dim);
                assertBits(dot, Distances.dot(a, seg, offB), "dot array vs seg dim " + dim);
                // and the value is right (double reference, loose tolerance)
                double ref = 0;
                for (int i = 0; i < dim; i++) {
                    ref += (double) (a[i] - b[i]) * (a[i] - b[i]);
                }
                assertEquals(ref, l2, Math.abs(ref) * 1e-4 + 1e-6, "l2 value dim " + dim);
            }
        }
    }

    @Test
    void bitIdenticalAfterJitCompilation() {
        // enough calls for C2 to compile the intrinsic kernels; the interpreter-only run above could hide a difference
        Random rnd = new Random(99);
        for (int dim : new int[] {17, 784}) {
            float[] a = random(rnd, dim), b = random(rnd, dim);
            for (int i = 0; i < 15_000; i++) {
                a[i % dim] = (float) rnd.nextGaussian();
                assertBits(Distances.scalarL2(a, b), Distances.l2(a, b), "hot l2 dim " + dim);
                assertBits(Distances.scalarDot(a, b), Distances.dot(a, b), "hot dot dim " + dim);
            }
        }
    }

    @Test
    void metricDistances() {
        Random rnd = new Random(7);
        float[] a = Distances.normalized(random(rnd, 33)), b = Distances.normalized(random(rnd, 33));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(8L * 33);
            for (int i = 0; i < 33; i++) {
                seg.set(ScalarKernels.LE_FLOAT, 4L * i, a[i]);
                seg.set(ScalarKernels.LE_FLOAT, 4L * (33 + i), b[i]);
            }
            assertBits(Distances.l2(a, b), Distances.distance(Metric.L2, a, seg, 4L * 33), "L2");
            assertBits(-Distances.dot(a, b), Distances.distance(Metric.DOT, a, seg, 4L * 33), "DOT");
            assertBits(1f - Distances.dot(a, b), Distances.distance(Metric.COSINE, seg, 0, 4L * 33, 33), "COSINE");
            assertEquals(0f, Distances.distance(Metric.COSINE, a, seg, 0), 1e-6f, "cosine to itself");
        }
        assertEquals(25f, Distances.l2(new float[] {0, 0}, new float[] {3, 4}));
        assertEquals(11f, Distances.dot(new float[] {1, 2}, new float[] {3, 4}));
    }

    @Test
    void rejectsMismatchAndZeroNorm() {
        assertThrows(IllegalArgumentException.class, () -> Distances.l2(new float[2], new float[3]));
        assertThrows(IllegalArgumentException.class, () -> Distances.normalized(new float[4]));
    }

    private static void assertBits(float expected, float actual, String what) {
        assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(actual),
                what + ": scalar " + expected + " vs simd " + actual);
    }
}
