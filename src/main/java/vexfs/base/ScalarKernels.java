package vexfs.base;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Scalar twins of {@link SimdKernels}: they keep {@code UNROLL * lanes} partial sums and combine
 * them in exactly the order documented there, so with the same {@code lanes} they return the
 * same float bits as the SIMD kernels.
 */
final class ScalarKernels {
    static final ValueLayout.OfFloat LE_FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final int UNROLL = 4;

    private ScalarKernels() {}

    static float l2(MemorySegment a, long offA, MemorySegment b, long offB, int n, int lanes) {
        return kernel(a, offA, b, offB, n, lanes, true);
    }

    static float dot(MemorySegment a, long offA, MemorySegment b, long offB, int n, int lanes) {
        return kernel(a, offA, b, offB, n, lanes, false);
    }

    private static float kernel(MemorySegment a, long offA, MemorySegment b, long offB, int n, int lanes, boolean l2) {
        float[] p = new float[UNROLL * lanes];
        int block = UNROLL * lanes;
        int i = 0;
        for (; i + block <= n; i += block) {
            for (int k = 0; k < block; k++) {
                p[k] += term(a, offA, b, offB, i + k, l2);
            }
        }
        for (; i + lanes <= n; i += lanes) {
            for (int j = 0; j < lanes; j++) {
                p[j] += term(a, offA, b, offB, i + j, l2);
            }
        }
        float[] s = new float[lanes];
        for (int j = 0; j < lanes; j++) {
            s[j] = (p[j] + p[lanes + j]) + (p[2 * lanes + j] + p[3 * lanes + j]);
        }
        for (int h = lanes >> 1; h > 0; h >>= 1) {
            for (int j = 0; j < h; j++) {
                s[j] += s[j + h];
            }
        }
        float r = s[0];
        for (; i < n; i++) {
            r += term(a, offA, b, offB, i, l2);
        }
        return r;
    }

    private static float term(MemorySegment a, long offA, MemorySegment b, long offB, int i, boolean l2) {
        float x = a.get(LE_FLOAT, offA + 4L * i);
        float y = b.get(LE_FLOAT, offB + 4L * i);
        if (l2) {
            float d = x - y;
            return d * d;
        }
        return x * y;
    }
}
