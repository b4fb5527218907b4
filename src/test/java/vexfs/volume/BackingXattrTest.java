package vexfs.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import vexfs.store.InvalidVectorException;
import vexfs.vector.VectorXattrs;

class BackingXattrTest {
    @Test
    void roundTripsExactFloatsAndMarker() {
        float[] v = {0.1f, -0f, Float.MIN_VALUE, 3.4e38f};
        BackingXattr.Value d = BackingXattr.decode(BackingXattr.encode(v));
        assertEquals(4, d.dim());
        assertArrayEquals(v, d.vector());
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(d.vector()[1]));
        BackingXattr.Value m = BackingXattr.decode(BackingXattr.storeOnlyMarker(2000));
        assertTrue(m.storeOnly());
        assertEquals(2000, m.dim());
    }

    @Test
    void rejectsDamage() {
        byte[] b = BackingXattr.encode(new float[] {1, 2, 3});
        b[20] ^= 1;
        assertTrue(assertThrows(InvalidVectorException.class, () -> BackingXattr.decode(b)).getMessage().contains("checksum"));
        assertThrows(InvalidVectorException.class, () -> BackingXattr.decode(new byte[5]));
        byte[] shortened = java.util.Arrays.copyOf(BackingXattr.encode(new float[] {1, 2, 3}), 20);
        assertThrows(InvalidVectorException.class, () -> BackingXattr.decode(shortened));
        assertThrows(InvalidVectorException.class, () -> BackingXattr.decode("not a vexfs value".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void listMergeHidesReservedNamesAndAppendsOurs() {
        byte[] backing = "user.a\0user.vexfs.v1\0security.selinux\0".getBytes(StandardCharsets.US_ASCII);
        String merged = new String(VectorXattrs.merge(backing, VectorXattrs.VECTOR, VectorXattrs.VECTOR_F32),
                StandardCharsets.US_ASCII);
        assertEquals("user.a\0security.selinux\0user.vexfs.vector\0user.vexfs.vector.f32\0", merged);
        assertEquals("", new String(VectorXattrs.merge(new byte[0]), StandardCharsets.US_ASCII));
    }

    @Test
    void classifiesNames() {
        assertEquals(VectorXattrs.Kind.VECTOR, VectorXattrs.classify(vexfs.libc.Name.of("user.vexfs.vector")));
        assertEquals(VectorXattrs.Kind.VECTOR_F32, VectorXattrs.classify(vexfs.libc.Name.of("user.vexfs.vector.f32")));
        assertEquals(VectorXattrs.Kind.RESERVED, VectorXattrs.classify(vexfs.libc.Name.of("user.vexfs.v1")));
        assertEquals(VectorXattrs.Kind.OTHER, VectorXattrs.classify(vexfs.libc.Name.of("user.vexfsx")));
        assertEquals(VectorXattrs.Kind.OTHER, VectorXattrs.classify(vexfs.libc.Name.of("user.other")));
    }
}
