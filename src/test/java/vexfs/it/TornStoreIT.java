package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Torn and damaged store files while unmounted (a page of records overwritten, the file cut in the middle of a
 * record, the header damaged, a foreign file in its place, the graph cut or scribbled on): mount or
 * {@code vexfs verify} detects it and says what is wrong; {@code verify --repair} (or {@code reindex} when the
 * header is gone, or the mount itself for the graph) brings every vector back from the files; user files are
 * never touched; search then gives the exact answer again.
 */
@Tag("mount")
class TornStoreIT {
    static final int DIM = 4;
    static final int FILES = 40;
    final Map<String, float[]> vectors = new HashMap<>();

    @Test
    void damagedStoreAndGraphAreDetectedAndRepairedWithoutTouchingFiles(@TempDir Path tmp) throws Exception {
        MountFixture m = new MountFixture(tmp).mkfs(DIM, "l2");
        Random rnd = new Random(11);
        try {
            m.mount();
            for (int i = 0; i < FILES; i++) {
                Path f = m.mnt.resolve("d" + (i % 4) + "/f" + i);
                Files.createDirectories(f.getParent());
                Files.writeString(f, "content " + i);
                float[] v = new float[DIM];
                for (int d = 0; d < DIM; d++) v[d] = rnd.nextFloat() * 2 - 1;
                MountFixture.sh("setfattr -n user.vexfs.vector -v " + CrashWriter.csv(v) + " '" + f + "'");
                vectors.put("/d" + (i % 4) + "/f" + i, v);
            }
        } finally {
            m.close();
        }
        List<String> files = userFiles(m.backing);
        Path store = m.backing.resolve(".vexfs/vectors.vxv");
        Path graph = m.backing.resolve(".vexfs/graph.vxg");
        long size = Files.size(store);
        int recordSize = recordSize(m);

        // 1. a torn page: bytes of a record overwritten (its checksum no longer matches)
        scribble(store, 4096 + 5L * recordSize + 70, 40, rnd);
        var v = MountFixture.cli("verify", m.backing.toString());
        assertEquals(1, v.exit(), v.output());
        assertTrue(v.output().contains("slot 5: record checksum mismatch"), v.output());
        repairAndCheck(m, files, "torn record");

        // 2. the file cut in the middle of its last record
        try (RandomAccessFile f = new RandomAccessFile(store.toFile(), "rw")) {
            f.setLength(Files.size(store) - recordSize / 2);
        }
        var mount = MountFixture.cli("mount", m.backing.toString(), m.mnt.toString());
        assertNotEquals(0, mount.exit(), mount.output());
        assertTrue(mount.output().contains("stray bytes"), mount.output());
        assertTrue(!m.isMounted());
        v = MountFixture.cli("verify", m.backing.toString());
        assertEquals(1, v.exit(), v.output());
        assertTrue(v.output().contains("partial record"), v.output());
        repairAndCheck(m, files, "truncated store");

        // 3. the header damaged: not repairable in place; reindex rebuilds the store from the files' xattrs
        scribble(store, 12, 4, rnd);
        mount = MountFixture.cli("mount", m.backing.toString(), m.mnt.toString());
        assertNotEquals(0, mount.exit(), mount.output());
        assertTrue(mount.output().contains("header"), mount.output());
        v = MountFixture.cli("verify", "--repair", m.backing.toString());
        assertEquals(1, v.exit(), v.output());
        assertTrue(v.output().contains("vexfs reindex"), v.output());
        reindexAndCheck(m, files);

        // 4. a foreign file in its place
        byte[] junk = new byte[(int) size];
        rnd.nextBytes(junk);
        Files.write(store, junk);
        mount = MountFixture.cli("mount", m.backing.toString(), m.mnt.toString());
        assertNotEquals(0, mount.exit(), mount.output());
        assertTrue(mount.output().contains("bad magic"), mount.output());
        reindexAndCheck(m, files);

        // 5. the graph cut short, then scribbled on: the mount rebuilds it (or verify --repair removes it)
        try (RandomAccessFile f = new RandomAccessFile(graph.toFile(), "rw")) {
            f.setLength(f.length() / 3);
        }
        mountAndSearch(m, files, "truncated graph");
        assertTrue(m.log().contains("graph unreadable"), m.log());
        scribble(graph, Files.size(graph) / 2, 4096, rnd);
        v = MountFixture.cli("verify", m.backing.toString());
        System.out.println("scribbled graph:\n" + v.output());
        if (v.exit() != 0) {
            assertTrue(v.output().contains("graph problem"), v.output());
            repairAndCheck(m, files, "scribbled graph");
        } else {
            mountAndSearch(m, files, "scribbled graph (unused bytes)");
        }
    }

    private static int recordSize(MountFixture m) throws Exception {
        var r = MountFixture.cli("inspect", m.backing.toString());
        for (String l : r.output().lines().toList()) {
            if (l.startsWith("record_size: ")) return Integer.parseInt(l.substring(13).trim());
        }
        throw new AssertionError(r.output());
    }

    private void repairAndCheck(MountFixture m, List<String> files, String what) throws Exception {
        var v = MountFixture.cli("verify", "--repair", m.backing.toString());
        assertEquals(0, v.exit(), what + ":\n" + v.output());
        v = MountFixture.cli("verify", m.backing.toString());
        assertEquals(0, v.exit(), what + ": after repair\n" + v.output());
        assertTrue(v.output().contains(FILES + " with a vector"), v.output());
        assertEquals(files, userFiles(m.backing), what + ": user files changed");
        mountAndSearch(m, files, what);
    }

    private void reindexAndCheck(MountFixture m, List<String> files) throws Exception {
        var r = MountFixture.cli("reindex", "--dim", Integer.toString(DIM), "--metric", "l2", m.backing.toString());
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains(FILES + " vectors in the new store"), r.output());
        repairAndCheck(m, files, "reindex");
    }

    private void mountAndSearch(MountFixture m, List<String> files, String what) throws Exception {
        int reconciles = (int) m.log().lines().filter(l -> l.contains("reconcile: ")).count();
        m.mount();
        try {
            VectorCrashIT.awaitReconcile(m, reconciles + 1);
            SearchProbe.assertRandomQueriesExact(m.mnt, vectors, DIM, what);
            // a damaged graph is rebuilt in the background (graph.vxg.new, renamed when done); the next step reads
            // graph.vxg, so the unmount must not cut that build short
            m.awaitGraphReady(60_000);
        } finally {
            m.close();
        }
        assertEquals(files, userFiles(m.backing), what + ": user files changed");
    }

    private static void scribble(Path f, long at, int n, Random rnd) throws Exception {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
            r.seek(at);
            r.write(b);
        }
    }

    /** Everything of the backing directory but the store: names, modes, contents, xattrs. */
    private static List<String> userFiles(Path backing) throws Exception {
        return TreeSnapshot.of(backing).stream().filter(l -> !l.startsWith(".vexfs")).toList();
    }
}
