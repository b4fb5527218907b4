package vexfs.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.base.Metric;
import vexfs.base.SearchResult;
import vexfs.index.HnswIndex;
import vexfs.store.VectorStore;

class BulkImportTest {
    @TempDir
    Path dir;

    private static Path fvecs(Path f, float[][] vs) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(vs.length * (4 + 4 * vs[0].length)).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] v : vs) {
            b.putInt(v.length);
            for (float x : v) b.putFloat(x);
        }
        Files.write(f, b.array());
        return f;
    }

    @Test
    void importsFilesXattrsStoreAndGraphThenAppends() throws Exception {
        Path backing = Files.createDirectories(dir.resolve("b"));
        VectorStore.create(backing.resolve(".vexfs"), 4, Metric.L2, false).close();
        Random r = new Random(3);
        float[][] vs = new float[250][4];
        for (float[] v : vs) for (int i = 0; i < 4; i++) v[i] = r.nextFloat();
        Path f = fvecs(dir.resolve("v.fvecs"), vs);

        BulkImport.Result res = BulkImport.fromFvecs(backing, f, "bench/", 100, Long.MAX_VALUE, 2, (p, d, t) -> { });
        assertEquals(250, res.files());
        assertEquals(250, res.graphInserts());
        // a second import appends (new directory names continue from the prefix given)
        BulkImport.fromFvecs(backing, f, "more/", 1000, 10, 1, (p, d, t) -> { });

        Path file = backing.resolve("bench/d000001/v000000123");
        UserDefinedFileAttributeView view = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
        ByteBuffer x = ByteBuffer.allocate(view.size("vexfs.v1"));
        view.read("vexfs.v1", x);
        assertArrayEquals(BackingXattr.encode(vs[123]), x.array());
        assertTrue(Files.isRegularFile(backing.resolve("more/d000000/v000000009")));

        try (VectorStore store = VectorStore.open(backing.resolve(".vexfs"), true);
             HnswIndex idx = HnswIndex.openReadOnly(VolumeLayout.of(backing).graphFile(),
                     store.asVectorSource())) {
            assertEquals(260, store.liveCount());
            assertEquals(260, idx.size());
            long ino = (long) Files.getAttribute(file, "unix:ino");
            float[] got = new float[4];
            assertTrue(store.get(ino, got));
            assertArrayEquals(vs[123], got);
            SearchResult s = idx.search(vs[123], 1);
            assertEquals(store.slotOf(ino), s.slots()[0]);
        }
    }

    @Test
    void refusesAVectorOfAnotherDimension() throws Exception {
        Path backing = Files.createDirectories(dir.resolve("b"));
        VectorStore.create(backing.resolve(".vexfs"), 3, Metric.L2, false).close();
        Path f = fvecs(dir.resolve("v.fvecs"), new float[][] {{1, 2, 3, 4}});
        IOException e = assertThrows(IOException.class,
                () -> BulkImport.fromFvecs(backing, f, "", 10, Long.MAX_VALUE, 1, (p, d, t) -> { }));
        assertTrue(e.getMessage().contains("dim 4"), e.getMessage());
    }

    @Test
    void refusesANumpyFileWithAMessageSayingSo() throws Exception {
        Path backing = Files.createDirectories(dir.resolve("b"));
        VectorStore.create(backing.resolve(".vexfs"), 3, Metric.L2, false).close();
        // what numpy.save writes: magic, version 1.0, a header dict, then the data
        byte[] header = "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 3), }          \n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length, 0});
        out.write(header);
        out.write(new byte[12]);
        Path npy = Files.write(dir.resolve("v.npy"), out.toByteArray());
        IOException e = assertThrows(IOException.class,
                () -> BulkImport.fromFvecs(backing, npy, "", 10, Long.MAX_VALUE, 1, (p, d, t) -> { }));
        assertTrue(e.getMessage().contains("is a NumPy .npy file"), e.getMessage());
        try (var names = Files.list(backing)) {
            assertTrue(names.allMatch(p -> p.getFileName().toString().equals(".vexfs")), "nothing created");
        }
    }
}
