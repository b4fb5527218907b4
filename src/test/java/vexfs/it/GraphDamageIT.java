package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mapped graph is untrusted input (issue 17): each kind of damage to graph.vxg — records scribbled on, neighbour
 * ids out of range, self-loops, negative counts, no edges at all, another store's graph of the same and of another
 * dimension, and the file truncated while mounted — ends with the exact answer through the mount, both at once
 * (exact search until the graph is checked or rebuilt) and after the background check or rebuild; the daemon
 * neither fails a search nor dies, and unmounts cleanly.
 */
@Tag("mount")
class GraphDamageIT {
    static final int DIM = 8;
    static final int FILES = 200;
    /** mkfs defaults (M 16, dim 8: no int8 codes): 4096-byte header, then 144-byte level-0 records. */
    static final int HEADER = 4096;
    static final int RECORD = 144;
    final Map<String, float[]> vectors = new HashMap<>();

    @Test
    void everyKindOfGraphDamageEndsWithTheExactAnswer(@TempDir Path tmp) throws Exception {
        MountFixture m = new MountFixture(tmp.resolve("main")).mkfs(DIM, "l2");
        fill(m, DIM, new Random(7), vectors);
        Path graph = m.backing.resolve(".vexfs/graph.vxg");
        Path upper = m.backing.resolve(".vexfs/graph.vxg.upper");
        Path good = Files.copy(graph, tmp.resolve("good.vxg"));
        Path goodUpper = Files.copy(upper, tmp.resolve("good.vxg.upper"));
        Random rnd = new Random(13);

        damage(m, good, goodUpper, "records scribbled on", g -> {
            byte[] junk = new byte[RECORD * 20];
            rnd.nextBytes(junk);
            write(g, HEADER + 10L * RECORD, junk);
        });
        damage(m, good, goodUpper, "neighbour ids out of range", g -> {
            for (int node = 0; node < FILES; node += 3) {
                putInt(g, HEADER + (long) node * RECORD + 16, 1_000_000 + node);
                putInt(g, HEADER + (long) node * RECORD + 20, -5);
            }
        });
        damage(m, good, goodUpper, "self-loops", g -> {
            for (int node = 0; node < FILES; node++) {
                for (int i = 0; i < 4; i++) putInt(g, HEADER + (long) node * RECORD + 16 + 4L * i, node);
            }
        });
        damage(m, good, goodUpper, "negative counts", g -> {
            for (int node = 0; node < FILES; node += 2) putInt(g, HEADER + (long) node * RECORD + 8, -7);
        });
        damage(m, good, goodUpper, "no edges", g -> {
            for (int node = 0; node < FILES; node++) putInt(g, HEADER + (long) node * RECORD + 8, 0);
        });
        for (int dim : new int[] {DIM, 2 * DIM}) {
            MountFixture other = new MountFixture(tmp.resolve("other" + dim)).mkfs(dim, "l2");
            fill(other, dim, new Random(dim), new HashMap<>());
            Path og = other.backing.resolve(".vexfs/graph.vxg");
            Path ou = other.backing.resolve(".vexfs/graph.vxg.upper");
            damage(m, og, ou, "another store's graph, " + dim + "-d", g -> { });
        }

        // truncated while mounted: searches stay exact, the graph is dropped and rebuilt, unmount is clean
        Files.copy(good, graph, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(goodUpper, upper, StandardCopyOption.REPLACE_EXISTING);
        m.mount();
        try {
            awaitReady(m, "before truncation");
            searchIsExact(m, "before truncation");
            try (RandomAccessFile f = new RandomAccessFile(graph.toFile(), "rw")) {
                f.setLength(HEADER);
            }
            try (RandomAccessFile f = new RandomAccessFile(upper.toFile(), "rw")) {
                f.setLength(0);
            }
            searchIsExact(m, "right after truncation");
            setVector(m, "/d1/f1", new Random(99)); // an update into the truncated graph changes the store, and is found
            searchIsExact(m, "after an update into the truncated graph");
            awaitReady(m, "after truncation");
            searchIsExact(m, "after the rebuild");
            Map<String, String> s = MountWaitIT.stats(m.mnt);
            assertTrue(Integer.parseInt(s.get("graph_damage_events")) >= 1, s.toString());
            assertTrue(m.log().contains("graph damaged"), m.log());
        } finally {
            m.close();
        }
        assertTrue(!m.log().contains("Exception in thread") && !m.log().contains("uncaught"), m.log());
        var v = MountFixture.cli("verify", m.backing.toString());
        assertEquals(0, v.exit(), v.output());
    }

    /** Restores {@code from} as the graph, damages it, mounts: search is exact at once and after the graph is ready. */
    private void damage(MountFixture m, Path from, Path fromUpper, String what, Consumer<Path> how) throws Exception {
        Path graph = m.backing.resolve(".vexfs/graph.vxg");
        Files.copy(from, graph, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(fromUpper, m.backing.resolve(".vexfs/graph.vxg.upper"), StandardCopyOption.REPLACE_EXISTING);
        how.accept(graph);
        int logLines = (int) m.log().lines().count();
        m.mount();
        try {
            searchIsExact(m, what + ", at once");
            awaitReady(m, what);
            searchIsExact(m, what + ", graph ready");
        } finally {
            m.close();
        }
        String said = String.join(" | ", m.log().lines().skip(logLines).filter(l -> l.contains("graph: ")
                || l.contains("graph damaged")).toList());
        System.out.println("GraphDamageIT: " + what + ": " + said);
        var v = MountFixture.cli("verify", m.backing.toString());
        assertEquals(0, v.exit(), what + ": the graph left at unmount\n" + v.output());
    }

    private void searchIsExact(MountFixture m, String what) throws Exception {
        SearchProbe.assertRandomQueriesExact(m.mnt, vectors, DIM, what);
    }

    private static void awaitReady(MountFixture m, String what) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        Map<String, String> s = MountWaitIT.stats(m.mnt);
        while (!s.get("graph_state").equals("\"ready\"") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            s = MountWaitIT.stats(m.mnt);
        }
        assertEquals("\"ready\"", s.get("graph_state"), what + ": " + s);
        assertEquals(Integer.toString(FILES), s.get("graph_nodes"), what + ": " + s);
    }

    private void setVector(MountFixture m, String path, Random rnd) throws Exception {
        float[] v = new float[DIM];
        for (int d = 0; d < DIM; d++) v[d] = rnd.nextFloat() * 2 - 1;
        var r = MountFixture.sh("setfattr -n user.vexfs.vector -v " + CrashWriter.csv(v) + " '" + m.mnt + path + "'");
        assertEquals(0, r.exit(), r.output());
        vectors.put(path, v);
    }

    /** Mounts, creates FILES files with random vectors (one shell), unmounts (the graph is written clean). */
    private static void fill(MountFixture m, int dim, Random rnd, Map<String, float[]> into) throws Exception {
        StringBuilder script = new StringBuilder("set -e; cd '" + m.mnt + "'; mkdir -p d0 d1 d2 d3\n");
        for (int i = 0; i < FILES; i++) {
            float[] v = new float[dim];
            for (int d = 0; d < dim; d++) v[d] = rnd.nextFloat() * 2 - 1;
            String path = "/d" + (i % 4) + "/f" + i;
            script.append("echo ").append(i).append(" > .").append(path).append("; setfattr -n user.vexfs.vector -v ")
                    .append(CrashWriter.csv(v)).append(" .").append(path).append('\n');
            into.put(path, v);
        }
        m.mount();
        try {
            var r = MountFixture.sh(script.toString());
            assertEquals(0, r.exit(), r.output());
        } finally {
            m.close();
        }
    }

    private static void putInt(Path f, long at, int value) {
        write(f, at, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
    }

    private static void write(Path f, long at, byte[] bytes) {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) ch.write(b, at + b.position());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
