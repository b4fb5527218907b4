package vexfs.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;

import vexfs.base.Metric;

class VectorCodecTest {
    private static String error(String csv, int dim) {
        return assertThrows(InvalidVectorException.class, () -> VectorCodec.parseCsv(csv, dim)).getMessage();
    }

    @Test
    void parsesWithWhitespaceAndTrailingNewline() {
        assertArrayEquals(new float[] {0.1f, -2f, 3e-5f, 1.5f}, VectorCodec.parseCsv("  0.1, -2 ,3E-5,+1.5\n", 4));
        assertArrayEquals(new float[] {0.5f, 7f}, VectorCodec.parseCsv(".5,7.", 2));
        assertArrayEquals(new float[] {1f}, VectorCodec.parseCsv("1".getBytes(), 1));
    }

    @Test
    void rejectsBadInputWithPreciseMessages() {
        assertEquals("expected 784 values, got 3", error("1,2,3", 784));
        assertEquals("empty vector: expected 3 comma-separated values", error(" \n", 3));
        assertEquals("value 2 is empty", error("1,,3", 3));
        assertEquals("value 3 is empty", error("1,2,", 3));
        assertEquals("value 2 is NaN", error("1,NaN,3", 3));
        assertEquals("value 1 is +infinity", error("inf,2,3", 3));
        assertEquals("value 3 is -infinity", error("1,2,-Infinity", 3));
        assertEquals("value 2 is not a number: 'abc'", error("1,abc,3", 3));
        assertEquals("value 1 is not a number: '0x1p3'", error("0x1p3", 1));
        assertEquals("value 1 is not a number: '1f'", error("1f", 1));
        assertEquals("value 1 is not a number: '1e'", error("1e", 1));
        assertEquals("value 2 is not a number: '1 2'", error("0,1 2", 2));
        assertEquals("value 1 (1e39) is out of float32 range", error("1e39", 1));
        assertEquals("expected 2 values, got 3", error("1,2\n\n,3", 2));
    }

    @Test
    void formatRoundTripsRandomFloatsExactly() {
        Random rnd = new Random(11);
        float[] v = new float[5000];
        for (int i = 0; i < v.length; i++) {
            // arbitrary bit patterns cover subnormals, huge and tiny exponents; skip NaN/inf
            float f;
            do {
                f = Float.intBitsToFloat(rnd.nextInt());
            } while (!Float.isFinite(f));
            v[i] = f;
        }
        v[0] = -0f;
        v[1] = Float.MIN_VALUE;
        v[2] = Float.MAX_VALUE;
        v[3] = 1e-5f;
        float[] back = VectorCodec.parseCsv(VectorCodec.formatCsv(v), v.length);
        for (int i = 0; i < v.length; i++) {
            assertEquals(Float.floatToRawIntBits(v[i]), Float.floatToRawIntBits(back[i]), "value " + i + " = " + v[i]);
        }
        assertEquals("0.1,-2.0,1.0E-5", VectorCodec.formatCsv(new float[] {0.1f, -2f, 1e-5f}));
    }

    @Test
    void rawF32RoundTripAndLength() {
        float[] v = {1.5f, -0f, 3.25e-20f};
        byte[] b = VectorCodec.encodeF32(v);
        assertEquals(12, b.length);
        assertEquals(0, b[0]); // little-endian: 1.5f = 0x3FC00000, low byte first
        assertEquals((byte) 0x3F, b[3]);
        assertArrayEquals(v, VectorCodec.decodeF32(b, 3));
        assertEquals("expected 12 bytes (3 float32), got 11",
                assertThrows(InvalidVectorException.class, () -> VectorCodec.decodeF32(new byte[11], 3)).getMessage());
        byte[] nan = VectorCodec.encodeF32(new float[] {1f, Float.NaN});
        assertEquals("value 2 is NaN", assertThrows(InvalidVectorException.class, () -> VectorCodec.decodeF32(nan, 2)).getMessage());
    }

    @Test
    void validateRefusesZeroVectorUnderCosineOnly() {
        VectorCodec.validate(new float[3], 3, Metric.L2);
        VectorCodec.validate(new float[3], 3, Metric.DOT);
        assertThrows(InvalidVectorException.class, () -> VectorCodec.validate(new float[3], 3, Metric.COSINE));
        assertThrows(InvalidVectorException.class, () -> VectorCodec.validate(new float[] {3e38f, 3e38f}, 2, Metric.COSINE));
        assertEquals("expected 3 values, got 2",
                assertThrows(InvalidVectorException.class, () -> VectorCodec.validate(new float[2], 3, Metric.L2)).getMessage());
    }
}
