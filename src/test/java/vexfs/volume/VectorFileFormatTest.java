package vexfs.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Format detection from content, the .npy header, JSON lines: every refusal names what was expected. */
class VectorFileFormatTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] b) throws IOException {
        return Files.write(dir.resolve(name), b);
    }

    /** A .npy file as numpy writes it (version 1, header padded to 64 bytes). */
    static byte[] npy(String dict, byte[] data) {
        StringBuilder h = new StringBuilder(dict);
        while ((10 + h.length() + 1) % 64 != 0) h.append(' ');
        h.append('\n');
        ByteBuffer b = ByteBuffer.allocate(10 + h.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) h.length()).put(h.toString().getBytes(StandardCharsets.US_ASCII)).put(data);
        return b.array();
    }

    @Test
    void detectsEachFormatFromItsContentWhateverTheName() throws IOException {
        assertEquals(VectorFileFormat.NPY, VectorFileFormat.detect(write("a.fvecs",
                npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2), }", new byte[8]))));
        byte[] fv = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(2).putFloat(1).putFloat(2).array();
        assertEquals(VectorFileFormat.FVECS, VectorFileFormat.detect(write("b.npy", fv)));
        assertEquals(VectorFileFormat.JSONL, VectorFileFormat.detect(write("c",
                "\n  {\"path\": \"x\", \"vector\": [1]}\n".getBytes(StandardCharsets.UTF_8))));
        IOException e = assertThrows(IOException.class, () -> VectorFileFormat.detect(write("d.txt",
                "0.1,0.2,0.3\n".getBytes(StandardCharsets.US_ASCII))));
        assertTrue(e.getMessage().contains("expected a NumPy .npy file") && e.getMessage().contains(".fvecs")
                && e.getMessage().contains("JSON lines"), e.getMessage());
        e = assertThrows(IOException.class, () -> VectorFileFormat.detect(write("e", new byte[0])));
        assertTrue(e.getMessage().contains("is empty"), e.getMessage());
    }

    @Test
    void npyHeaderIsCheckedForDtypeOrderShapeAndSize() throws IOException {
        Path ok = write("ok.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }", new byte[24]));
        VectorFileFormat.NpyHeader h = VectorFileFormat.NpyHeader.read(ok);
        assertEquals(3, h.rows());
        assertEquals(2, h.dim());
        assertEquals(128, h.dataOffset()); // numpy pads the header to a multiple of 64
        String[][] bad = {
                {"{'descr': '<f8', 'fortran_order': False, 'shape': (3, 2), }", "astype('<f4')"},
                {"{'descr': '>f4', 'fortran_order': False, 'shape': (3, 2), }", "'>f4'"},
                {"{'descr': '<f4', 'fortran_order': True, 'shape': (3, 2), }", "Fortran order"},
                {"{'descr': '<f4', 'fortran_order': False, 'shape': (6,), }", "expected (n, dim)"},
                {"{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2, 3), }", "more than 2 dimensions"},
                {"{'descr': '<f4', 'fortran_order': False, 'shape': (4, 2), }", "needs"}};
        for (String[] b : bad) {
            Path f = write("bad.npy", npy(b[0], new byte[24]));
            IOException e = assertThrows(IOException.class, () -> VectorFileFormat.NpyHeader.read(f), b[0]);
            assertTrue(e.getMessage().contains(b[1]), e.getMessage());
        }
    }

    @Test
    void theExportHeaderIsReadBackAndKeepsItsLengthWhateverTheCount() throws IOException {
        byte[] small = VectorFileFormat.NpyHeader.encode(0, 784);
        byte[] large = VectorFileFormat.NpyHeader.encode(123_456_789_012L, 4096);
        assertEquals(VectorFileFormat.NpyHeader.HEADER_BYTES, small.length);
        assertEquals(small.length, large.length);
        byte[] file = new byte[large.length];
        System.arraycopy(VectorFileFormat.NpyHeader.encode(0, 3), 0, file, 0, file.length);
        VectorFileFormat.NpyHeader h = VectorFileFormat.NpyHeader.read(write("x.npy", file));
        assertEquals(0, h.rows());
        assertEquals(3, h.dim());
        assertEquals(VectorFileFormat.NpyHeader.HEADER_BYTES, h.dataOffset());
    }

    @Test
    void jsonLinesTakePathAndVectorAndSkipAnyOtherKey() {
        JsonVectorLine j = JsonVectorLine.parse(("{\"id\": {\"a\": [1, \"]}\"], \"b\": null}, \"path\": \"d\\u00e9j\\u00e0/\\\"q\\\".txt\","
                + " \"vector\": [1, -0.0, 1.4E-45, 3.4028235e38, 0.1], \"n\": -3}").getBytes(StandardCharsets.UTF_8));
        assertArrayEquals("déjà/\"q\".txt".getBytes(StandardCharsets.UTF_8), j.path);
        assertArrayEquals(new float[] {1, -0.0f, Float.MIN_VALUE, Float.MAX_VALUE, 0.1f}, j.vector);
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(j.vector[1]));
        String[][] bad = {{"{\"path\": \"a\"}", "no \"vector\""}, {"{\"vector\": [1]}", "no \"path\""},
                {"[1, 2]", "'{' expected"}, {"{\"path\": \"a\", \"vector\": [1, x]}", "a number expected"},
                {"{\"path\": \"a\", \"vector\": [1]} extra", "text after the object"},
                {"{\"path\": \"a, \"vector\": [1]}", "expected"}};
        for (String[] b : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> JsonVectorLine.parse(b[0].getBytes(StandardCharsets.UTF_8)), b[0]);
            assertTrue(e.getMessage().contains(b[1]), b[0] + " -> " + e.getMessage());
        }
    }
    /** A line without end (a JSON-lines file that is really /dev/zero-like) is refused at a bound, not read whole. */
    @Test
    void endlessLinesAreRefusedAtTheBound() throws IOException {
        byte[] b = new byte[VectorRows.MAX_LINE_BYTES + 4096];
        java.util.Arrays.fill(b, (byte) ' ');
        byte[] head = "{\"path\": \"a\", \"vector\": [1".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, b, 0, head.length);
        Path f = write("endless.jsonl", b);
        try (VectorRows rows = VectorRows.open(f, null, 1)) {
            IOException e = assertThrows(IOException.class, rows::next);
            assertTrue(e.getMessage().contains("line 1 is longer than " + VectorRows.MAX_LINE_BYTES), e.getMessage());
        }
        // and the fvecs path list: one vector, a path "line" past the bound
        byte[] fv = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putFloat(1).array();
        byte[] paths = new byte[VectorRows.MAX_LINE_BYTES + 1];
        java.util.Arrays.fill(paths, (byte) 'p');
        try (VectorRows rows = VectorRows.open(write("one.fvecs", fv), write("paths", paths), 1)) {
            IOException e = assertThrows(IOException.class, rows::next);
            assertTrue(e.getMessage().startsWith("the path list: line 1 is longer"), e.getMessage());
        }
    }
}
