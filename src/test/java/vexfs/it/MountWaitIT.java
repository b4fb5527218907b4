package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.base.GraphSettings;
import vexfs.base.Metric;
import vexfs.volume.Volume;

/**
 * A large store without a graph (as {@code vexfs reindex} leaves it) mounts at once: the graph is built in the
 * background after the mount answers, searches meanwhile are exact (and give the exact answer, under= included),
 * stats and the control file show the build's progress, {@code --wait-seconds} far below the build time does not
 * stop the daemon, and once the graph is ready search goes through HNSW with good recall.
 * (~40-60 s on a loaded 2-core machine: the import, then the background build of 10k x 48-d.)
 */
@Tag("mount")
class MountWaitIT {
    static final int N = 10_000;
    static final int DIM = 48;

    @Test
    void aStoreWithoutGraphMountsAtOnceAndSearchesExactlyUntilTheGraphIsBuilt(@TempDir Path tmp) throws Exception {
        Path backing = Files.createDirectories(tmp.resolve("backing"));
        Path mnt = Files.createDirectories(tmp.resolve("mnt"));
        Volume.create(backing, DIM, Metric.L2, new GraphSettings(16, 200, 64), false);
        Map<String, float[]> vectors = new HashMap<>();
        SplittableRandom r = new SplittableRandom(3);
        Path fvecs = tmp.resolve("v.fvecs");
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(fvecs))) {
            ByteBuffer b = ByteBuffer.allocate(4 + 4 * DIM).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < N; i++) {
                float[] v = new float[DIM];
                for (int d = 0; d < DIM; d++) v[d] = (float) r.nextGaussian();
                b.clear();
                b.putInt(DIM);
                for (float x : v) b.putFloat(x);
                out.write(b.array());
                vectors.put(String.format(java.util.Locale.ROOT, "/d%06d/v%09d", i / 1000, i), v);
            }
        }
        var imp = MountFixture.cli("import", backing.toString(), "--fvecs", fvecs.toString());
        assertEquals(0, imp.exit(), imp.output());
        // what vexfs reindex leaves: a store and no graph
        Files.delete(backing.resolve(".vexfs/graph.vxg"));
        Files.delete(backing.resolve(".vexfs/graph.vxg.upper"));

        long t0 = System.nanoTime();
        Path log = tmp.resolve("log");
        var mount = MountFixture.cli("mount", "--wait-seconds", "2", "--log", log.toString(), backing.toString(),
                mnt.toString());
        double mountSeconds = (System.nanoTime() - t0) / 1e9;
        try {
            assertEquals(0, mount.exit(), mount.output() + MountFixture.sh("cat '" + log + "'").output());
            Map<String, String> first = stats(mnt);
            System.out.printf("MountWaitIT: mount answered after %.1f s; graph_state %s%n", mountSeconds,
                    first.get("graph_state"));
            assertEquals("\"building\"", first.get("graph_state"), "the mount did not wait for the build: " + first);
            assertEquals("\"exact\"", first.get("graph_search"));
            assertEquals("\"no graph file\"", first.get("graph_build_reason"));
            String control = Files.readString(mnt.resolve(".vexfs/control"));
            assertTrue(control.startsWith("graph rebuild running: ") && control.contains("/" + N + " slots"), control);

            // searches while building: exact answers (checked only when the build was running before and after)
            SplittableRandom q = new SplittableRandom(5);
            int exactChecked = 0;
            for (int i = 0; i < 6; i++) {
                float[] query = gaussian(q);
                String under = i % 2 == 0 ? "" : "under=/d00000" + (i % 10) + "\n";
                String before = stats(mnt).get("graph_search");
                List<String> got = SearchProbe.paths(SearchProbe.query(mnt, CrashWriter.csv(query) + "\nk=10\n" + under));
                String after = stats(mnt).get("graph_search");
                if (!before.equals("\"exact\"") || !after.equals("\"exact\"")) break;
                Map<String, float[]> candidates = under.isEmpty() ? vectors : below(vectors, "/d00000" + (i % 10) + "/");
                assertNull(SearchProbe.disagreement(candidates, query, 10, got), "exact search during the build " + i);
                exactChecked++;
            }
            assertTrue(exactChecked >= 2, "the build finished before searches could be checked: " + exactChecked);
            Map<String, String> mid = stats(mnt);
            assertTrue(Long.parseLong(mid.get("search_answers_exact")) >= exactChecked, "exact answers counted: " + mid);
            System.out.println("MountWaitIT: during the build " + mid.get("graph_build_done_slots") + "/"
                    + mid.get("graph_build_total_slots"));

            long deadline = System.nanoTime() + 300_000_000_000L;
            Map<String, String> s = stats(mnt);
            while (!s.get("graph_state").equals("\"ready\"") && System.nanoTime() < deadline) {
                Thread.sleep(200);
                s = stats(mnt);
            }
            assertEquals("\"ready\"", s.get("graph_state"), s.toString());
            assertEquals("\"hnsw\"", s.get("graph_search"));
            assertEquals(Integer.toString(N), s.get("graph_nodes"));
            assertEquals("0", s.get("graph_unreachable_nodes"));
            System.out.println("MountWaitIT: " + s.get("graph_last_build"));
            assertTrue(Files.exists(backing.resolve(".vexfs/graph.vxg"))
                    && !Files.exists(backing.resolve(".vexfs/graph.vxg.new")), "the fresh graph was renamed into place");
            int found = 0;
            int queries = 20;
            for (int i = 0; i < queries; i++) {
                float[] query = gaussian(q);
                List<String> got = SearchProbe.paths(SearchProbe.query(mnt, CrashWriter.csv(query) + "\nk=10\nef=256\n"));
                var want = SearchProbe.exact(vectors, query, 10);
                for (var h : want) if (got.contains(h.path())) found++;
            }
            double recall = found / (10.0 * queries);
            System.out.printf("MountWaitIT: recall@10 through the built graph %.3f%n", recall);
            assertTrue(recall >= 0.9, "recall@10 " + recall);
        } finally {
            MountFixture.cli("umount", mnt.toString());
            MountFixture.sh("grep -q ' " + mnt + " ' /proc/mounts && fusermount3 -uz '" + mnt + "'; true");
        }
    }

    private static Map<String, float[]> below(Map<String, float[]> all, String dir) {
        Map<String, float[]> out = new HashMap<>();
        for (var e : all.entrySet()) if (e.getKey().startsWith(dir)) out.put(e.getKey(), e.getValue());
        return out;
    }

    private static float[] gaussian(SplittableRandom r) {
        float[] v = new float[DIM];
        for (int d = 0; d < DIM; d++) v[d] = (float) r.nextGaussian();
        return v;
    }

    static Map<String, String> stats(Path mnt) throws Exception {
        return ControlTreeIT.parseFlatJson(Files.readString(mnt.resolve(".vexfs/stats.json")));
    }
}
