package vexfs.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.base.GraphSettings;
import vexfs.base.Metric;
import vexfs.base.ProgressListener;
import vexfs.cli.FashionMnistData;
import vexfs.index.GraphVerifier;
import vexfs.index.HnswIndex;

/**
 * vexfs import (attach to existing files) and vexfs export on real files of a real backing directory: a bit-exact
 * round trip of Fashion-MNIST's 60,000 training images (784-d), store-only vectors (too large for ext4's xattr
 * space) carried by export, and the refusals. The graph uses small HNSW parameters: its quality is not the subject.
 */
class BulkRoundTripTest {
    @TempDir
    Path tmp;

    private static final GraphSettings SMALL = new GraphSettings(4, 8, 16);

    private Path backing(int dim) throws IOException {
        Path b = Files.createDirectories(tmp.resolve("b" + dim));
        Volume.create(b, dim, Metric.L2, SMALL, false);
        return b;
    }

    private static String path(int i) {
        return String.format("img/%02d/%05d.pgm", i / 1000, i);
    }

    /** A .npy of {@code rows} (numpy's layout: the header of the export, then float32 LE rows) and its path list. */
    private static void writeNpy(Path npy, Path list, int dim, int n, java.util.function.IntFunction<float[]> row,
                                 java.util.function.IntFunction<String> name) throws IOException {
        try (OutputStream v = new BufferedOutputStream(Files.newOutputStream(npy), 1 << 20);
             OutputStream p = new BufferedOutputStream(Files.newOutputStream(list))) {
            v.write(VectorFileFormat.NpyHeader.encode(n, dim));
            ByteBuffer b = ByteBuffer.allocate(4 * dim).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < n; i++) {
                b.clear();
                for (float f : row.apply(i)) b.putFloat(f);
                v.write(b.array());
                p.write((name.apply(i) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** Exported rows by path: path -> the row's raw bytes. */
    private static Map<String, byte[]> readExport(Path npy, Path list, int dim) throws IOException {
        VectorFileFormat.NpyHeader h = VectorFileFormat.NpyHeader.read(npy);
        assertEquals(dim, h.dim());
        byte[] all = Files.readAllBytes(npy);
        List<String> paths = Files.readAllLines(list);
        assertEquals(h.rows(), paths.size());
        Map<String, byte[]> out = new HashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            int from = (int) h.dataOffset() + i * 4 * dim;
            out.put(paths.get(i), Arrays.copyOfRange(all, from, from + 4 * dim));
        }
        return out;
    }

    private static byte[] le(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) b.putFloat(f);
        return b.array();
    }

    private static void createFiles(Path b, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            Path f = b.resolve(path(i));
            if (i % 1000 == 0) Files.createDirectories(f.getParent());
            Files.createFile(f);
        }
    }

    @Test
    void fashionMnistRoundTripsBitExact() throws Exception {
        assumeTrue(FashionMnistData.available(FashionMnistData.DIR), "Fashion-MNIST not installed at "
                + FashionMnistData.DIR + " (Debian package dataset-fashion-mnist); CI installs it");
        int n = 60_000, dim = FashionMnistData.DIM;
        FashionMnistData data = FashionMnistData.load(FashionMnistData.DIR, false, n);
        assertEquals(n, data.count());
        Path b = backing(dim);
        createFiles(b, n);
        Path npy = tmp.resolve("in.npy"), list = tmp.resolve("in.paths");
        // pixels scaled into (0, 1]: values with many significant bits, not just small integers
        writeNpy(npy, list, dim, n, i -> scaled(data.vector(i)), BulkRoundTripTest::path);
        List<String> skipped = new ArrayList<>();
        BulkAttach.Result r = BulkAttach.attach(b, npy, list, 2, ProgressListener.NONE, (w, why) -> skipped.add(w + why));
        assertEquals(List.of(), skipped);
        assertEquals(n, r.attached());
        assertEquals(n, r.graphInserts());

        Path out = tmp.resolve("out");
        BulkExport.Result e = BulkExport.export(b, tmp.resolve("out.npy"), tmp.resolve("out.paths"), tmp.resolve("out.fvecs"),
                ProgressListener.NONE);
        assertEquals(n, e.rows());
        assertEquals(n, e.storeLive());
        Map<String, byte[]> got = readExport(tmp.resolve("out.npy"), tmp.resolve("out.paths"), dim);
        for (int i = 0; i < n; i++) assertArrayEquals(le(scaled(data.vector(i))), got.get(path(i)), path(i));
        // the .fvecs has the same rows in the same order, each behind its dimension
        byte[] fv = Files.readAllBytes(out.resolveSibling("out.fvecs"));
        byte[] np = Files.readAllBytes(tmp.resolve("out.npy"));
        assertEquals((long) n * (4 + 4 * dim), fv.length);
        for (int i = 0; i < n; i += 997) {
            assertEquals(dim, ByteBuffer.wrap(fv, i * (4 + 4 * dim), 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
            assertTrue(Arrays.equals(fv, i * (4 + 4 * dim) + 4, (i + 1) * (4 + 4 * dim), np,
                    VectorFileFormat.NpyHeader.HEADER_BYTES + i * 4 * dim, VectorFileFormat.NpyHeader.HEADER_BYTES + (i + 1) * 4 * dim));
        }
        try (Volume v = Volume.open(b, Volume.Access.READ_ONLY);
             HnswIndex g = HnswIndex.openReadOnly(v.layout().graphFile(), v.store().asVectorSource())) {
            assertEquals(n, g.size());
            vexfs.index.VerifyReport report = GraphVerifier.verify(g, ProgressListener.NONE);
            assertTrue(report.ok(), report.toText());
            System.out.printf("fashion-mnist import: files+store %d ms, graph %d ms; %s%n", r.fileMillis(), r.graphMillis(),
                    report.toText().strip());
        }
    }

    private static float[] scaled(float[] pixels) {
        float[] v = new float[pixels.length];
        for (int i = 0; i < v.length; i++) v[i] = (pixels[i] + 1) / 257f;
        return v;
    }

    @Test
    void storeOnlyVectorsTravelThroughExportAndImport() throws Exception {
        int dim = 2048, n = 20; // 8 KiB: more than ext4 (or tmpfs) keeps in an inode's xattr space
        Path b = backing(dim);
        createFiles(b, n);
        Path npy = tmp.resolve("big.npy"), list = tmp.resolve("big.paths");
        java.util.function.IntFunction<float[]> row = i -> {
            float[] v = new float[dim];
            for (int j = 0; j < dim; j++) v[j] = (float) Math.sin(i * 31 + j) * 1e-3f;
            return v;
        };
        writeNpy(npy, list, dim, n, row, BulkRoundTripTest::path);
        BulkAttach.attach(b, npy, list, 1, ProgressListener.NONE, (w, why) -> { throw new AssertionError(w + why); });
        BulkExport.export(b, tmp.resolve("o.npy"), tmp.resolve("o.paths"), null, ProgressListener.NONE);
        Map<String, byte[]> got = readExport(tmp.resolve("o.npy"), tmp.resolve("o.paths"), dim);
        assertEquals(n, got.size());
        for (int i = 0; i < n; i++) assertArrayEquals(le(row.apply(i)), got.get(path(i)));
        // the backup path: the files copied without their xattrs (cp without -a, tar without --xattrs) into a fresh
        // volume get their vectors back from the export, bit-exact
        Path c = Files.createDirectories(tmp.resolve("restored"));
        Volume.create(c, dim, Metric.L2, SMALL, false);
        for (int i = 0; i < n; i++) {
            Files.createDirectories(c.resolve(path(i)).getParent());
            Files.copy(b.resolve(path(i)), c.resolve(path(i)));
            assertNull(new FileVectorsProbe(c).read(path(i)), "a plain copy carries no vector");
        }
        BulkAttach.attach(c, tmp.resolve("o.npy"), tmp.resolve("o.paths"), 1, ProgressListener.NONE,
                (w, why) -> { throw new AssertionError(w + why); });
        BulkExport.export(c, tmp.resolve("r.npy"), tmp.resolve("r.paths"), null, ProgressListener.NONE);
        Map<String, byte[]> restored = readExport(tmp.resolve("r.npy"), tmp.resolve("r.paths"), dim);
        for (int i = 0; i < n; i++) assertArrayEquals(le(row.apply(i)), restored.get(path(i)));
    }

    /** Reads a file's vector as the mount would (backing xattr, or the store for a store-only vector). */
    private record FileVectorsProbe(Path backing) {
        float[] read(String rel) throws Exception {
            try (Volume v = Volume.open(backing, Volume.Access.READ_ONLY)) {
                int root = BulkAttach.openRoot(backing);
                try {
                    int fd = BulkAttach.openBeneath(root, rel.getBytes(StandardCharsets.UTF_8));
                    try {
                        return new FileVectors(v.store(), root, false).read(fd, vexfs.libc.NativeIo.stat(fd).ino());
                    } finally {
                        vexfs.libc.NativeIo.close(fd);
                    }
                } finally {
                    vexfs.libc.NativeIo.close(root);
                }
            }
        }
    }

    @Test
    void badInputIsRefusedBeforeAnythingChangesAndBadRowsAreSkipped() throws Exception {
        int dim = 3;
        Path b = backing(dim);
        createFiles(b, 3);
        Files.createSymbolicLink(b.resolve("link"), b.resolve(path(0)));
        Path list = Files.writeString(tmp.resolve("p"), path(0) + "\n" + path(1) + "\n");
        Path npy = tmp.resolve("v.npy");
        writeNpy(npy, tmp.resolve("unused"), 4, 2, i -> new float[4], BulkRoundTripTest::path);
        IOException e = assertThrows(IOException.class, () -> BulkAttach.attach(b, npy, list, 1, ProgressListener.NONE, null));
        assertTrue(e.getMessage().contains("dimension 4; this store has 3"), e.getMessage());
        Path npy3 = tmp.resolve("v3.npy");
        writeNpy(npy3, tmp.resolve("unused"), 3, 3, i -> new float[] {i, 1, 2}, BulkRoundTripTest::path);
        e = assertThrows(IOException.class, () -> BulkAttach.attach(b, npy3, list, 1, ProgressListener.NONE, null));
        assertTrue(e.getMessage().contains("has 2 paths") && e.getMessage().contains("has 3 vectors"), e.getMessage());
        e = assertThrows(IOException.class, () -> BulkAttach.attach(b, npy3, null, 1, ProgressListener.NONE, null));
        assertTrue(e.getMessage().contains("--paths"), e.getMessage());
        try (Volume v = Volume.open(b, Volume.Access.READ_ONLY)) {
            assertEquals(0, v.store().liveCount());
        }

        Path jl = Files.writeString(tmp.resolve("j"), String.join("\n",
                "{\"path\": \"" + path(0) + "\", \"vector\": [1, 2, 3]}",
                "{\"path\": \"../outside\", \"vector\": [1, 2, 3]}",
                "{\"path\": \"link\", \"vector\": [1, 2, 3]}",
                "{\"path\": \".vexfs/vectors.vxv\", \"vector\": [1, 2, 3]}",
                "{\"path\": \"img\", \"vector\": [1, 2, 3]}",
                "{\"path\": \"" + path(1) + "\", \"vector\": [1, NaN, 3]}",
                "{\"path\": \"" + path(1) + "\", \"vector\": [1, 2]}",
                "{\"path\": \"missing\", \"vector\": [1, 2, 3]}",
                "garbage",
                "{\"path\": \"/" + path(2) + "\", \"vector\": [4, 5, 6]}"));
        List<String> skipped = new ArrayList<>();
        BulkAttach.Result r = BulkAttach.attach(b, jl, null, 1, ProgressListener.NONE, (w, why) -> skipped.add(w + ": " + why));
        assertEquals(2, r.attached(), skipped.toString());
        assertEquals(8, r.skipped(), skipped.toString());
        String all = String.join("\n", skipped);
        for (String want : new String[] {"line 2: '/../outside': '..' is not allowed", "line 3: '/link': a symlink",
                "line 4: '/.vexfs/vectors.vxv': the store directory", "line 5: '/img': not a regular file",
                "line 6:", "line 7: '/" + path(1) + "': expected 3 values, got 2", "line 8: '/missing': no such file",
                "line 9: not {\"path\""}) {
            assertTrue(all.contains(want), want + " in\n" + all);
        }
        BulkExport.Result x = BulkExport.export(b, tmp.resolve("x.npy"), tmp.resolve("x.paths"), null, ProgressListener.NONE);
        assertEquals(2, x.rows());
        Map<String, byte[]> got = readExport(tmp.resolve("x.npy"), tmp.resolve("x.paths"), dim);
        assertArrayEquals(le(new float[] {1, 2, 3}), got.get(path(0)));
        assertArrayEquals(le(new float[] {4, 5, 6}), got.get(path(2)));
    }
}
