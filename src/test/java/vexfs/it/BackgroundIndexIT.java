package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The graph insert runs on the background indexer (issue 16, deliverable 2), and a vector is found the moment its
 * setxattr returned: searches scan the indexer's backlog exactly beside the graph.
 */
@Tag("mount")
class BackgroundIndexIT {
    private static final int DIM = 16;

    /**
     * 10,000 times: set a vector (a new file, or a new vector on one that had one: the old slot is freed and may be
     * reused at once), then search for it at once through the mount: it must be the first hit, at distance 0, and a
     * search for the file's previous vector must not find the file there any more. Then sync waits for the
     * indexer: the backlog is empty and the graph holds every vector.
     */
    @Test
    void aVectorIsFoundTheMomentItsSetxattrReturned(@TempDir Path tmp) throws Exception {
        MountFixture m = new MountFixture(tmp).mkfs(DIM, "l2");
        try {
            m.mount();
            awaitStat(m, "graph_search", "hnsw");
            Random rnd = new Random(16);
            int files = 2_500;
            Map<Integer, float[]> current = new HashMap<>();
            long backlogSeen = 0;
            for (int i = 0; i < 10_000; i++) {
                int f = i % files;
                Path p = m.mnt.resolve("f" + f);
                if (!current.containsKey(f)) Files.writeString(p, "file " + f);
                float[] v = new float[DIM];
                for (int d = 0; d < DIM; d++) v[d] = rnd.nextFloat() * 2 - 1;
                setVector(p, v);
                float[] old = current.put(f, v);
                List<String> hits = SearchProbe.query(m.mnt, CrashWriter.csv(v) + "\nk=1\n");
                assertEquals(1, hits.size(), "set " + i + ": " + hits);
                String[] top = hits.getFirst().split("\t", 3);
                assertEquals("/f" + f, top[2], "set " + i + ": the vector just set is not the first hit: " + hits);
                assertEquals(0.0, Double.parseDouble(top[1]), 0.0, "set " + i + ": " + hits);
                if (old != null) {
                    String[] before = SearchProbe.query(m.mnt, CrashWriter.csv(old) + "\nk=1\n").getFirst().split("\t", 3);
                    assertTrue(!before[2].equals("/f" + f) || Double.parseDouble(before[1]) > 0,
                            "set " + i + ": the replaced vector still found at distance 0");
                }
                if (i % 500 == 0) backlogSeen = Math.max(backlogSeen, Long.parseLong(m.stat("index_backlog")));
            }
            System.out.println("BackgroundIndexIT: largest backlog seen " + backlogSeen + ", inserted inline "
                    + m.stat("index_inserted_inline") + ", indexed " + m.stat("index_inserted"));
            Files.writeString(m.mnt.resolve(".vexfs/control"), "sync\n");
            assertEquals("0", m.stat("index_backlog"), "sync returned with vectors not yet indexed");
            assertEquals(Integer.toString(files), m.stat("vectors"));
            assertEquals(Integer.toString(files), m.stat("graph_nodes"), "the graph after sync");
            assertTrue(Long.parseLong(m.stat("index_inserted")) > 0, "nothing went through the indexer");
            Map<String, float[]> byPath = new HashMap<>();
            current.forEach((f, v) -> byPath.put("/f" + f, v));
            SearchProbe.assertRandomQueriesExact(m.mnt, byPath, DIM, "after sync");
        } finally {
            m.close();
        }
        assertEquals(0, m.daemonExit(), m.log());
    }

    /**
     * kill -9 with vectors still waiting for the indexer: none is lost, and after the remount (the graph is checked
     * and aligned with the store in the background, searches exact meanwhile) every one is found by its own vector.
     */
    @Test
    void killWithABacklogLosesNothing(@TempDir Path tmp) throws Exception {
        int dim = 64, n = 4_000;
        MountFixture m = new MountFixture(tmp).mkfs(dim, "l2");
        float[][] v = new float[n][dim];
        Random rnd = new Random(64);
        for (float[] x : v) for (int d = 0; d < dim; d++) x[d] = rnd.nextFloat() * 2 - 1;
        try {
            m.mount();
            awaitStat(m, "graph_search", "hnsw");
            for (int i = 0; i < n; i++) Files.writeString(m.mnt.resolve("f" + i), "x");
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int from = t;
                done.add(pool.submit(() -> {
                    for (int i = from; i < n; i += 4) setVector(m.mnt.resolve("f" + i), v[i]);
                    return null;
                }));
            }
            for (var f : done) f.get();
            pool.shutdown();
            long backlog = Long.parseLong(m.stat("index_backlog"));
            System.out.println("BackgroundIndexIT: backlog at kill -9: " + backlog);
            m.kill9();
            m.mount();
            for (int i = 0; i < n; i += 7) {
                List<String> hits = SearchProbe.query(m.mnt, CrashWriter.csv(v[i]) + "\nk=1\n");
                assertEquals("/f" + i, hits.getFirst().split("\t", 3)[2], "f" + i + " after kill -9 and remount");
            }
            awaitStat(m, "graph_search", "hnsw");
            Files.writeString(m.mnt.resolve(".vexfs/control"), "sync\n");
            assertEquals(Integer.toString(n), m.stat("vectors"));
            assertEquals(Integer.toString(n), m.stat("graph_nodes"), "the graph after the remount's check");
            int found = 0;
            for (int i = 0; i < n; i += 7) {
                List<String> hits = SearchProbe.query(m.mnt, CrashWriter.csv(v[i]) + "\nk=1\nef=200\n");
                if (hits.getFirst().split("\t", 3)[2].equals("/f" + i)) found++;
            }
            int asked = (n + 6) / 7;
            assertTrue(found >= asked * 0.99, found + " of " + asked + " found by their own vector through the graph");
        } finally {
            m.close();
        }
        assertEquals(0, m.daemonExit(), m.log());
    }

    private static void setVector(Path f, float[] v) throws java.io.IOException {
        Files.getFileAttributeView(f, UserDefinedFileAttributeView.class)
                .write("vexfs.vector.f32", ByteBuffer.wrap(CrashWriter.f32(v)));
    }

    private static void awaitStat(MountFixture m, String key, String want) throws Exception {
        long end = System.nanoTime() + 30_000_000_000L;
        while (!m.stat(key).replace("\"", "").equals(want)) {
            assertTrue(System.nanoTime() < end, key + " never became " + want + ":\n" + m.log());
            Thread.sleep(20);
        }
    }
}
