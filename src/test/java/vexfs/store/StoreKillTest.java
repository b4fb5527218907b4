package vexfs.store;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.base.Metric;
import vexfs.testing.ChildProcess;

/** kill -9 of a writing JVM at random moments, 5 times; every acknowledged operation must survive. */
class StoreKillTest {
    private static final int DIM = 64;

    @TempDir
    Path dir;

    @Test
    void acknowledgedPutsSurviveKillNine() throws Exception {
        VectorStore.create(dir, DIM, Metric.COSINE, false).close();
        Random rnd = new Random(8);
        Map<Long, Boolean> acked = new HashMap<>(); // key -> present
        long nextKey = 1;
        for (int cycle = 0; cycle < 5; cycle++) {
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> lines = new ArrayList<>();
            int killAfter = 5 + rnd.nextInt(400);
            try (ChildProcess p = ChildProcess.start(new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector",
                    "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    CrashChild.class.getName(), dir.toString(), Long.toString(nextKey))
                    .redirectError(ProcessBuilder.Redirect.DISCARD))) {
                String line;
                while ((line = p.nextLine(Duration.ofSeconds(60))) != null) {
                    lines.add(line);
                    if (lines.size() == killAfter) {
                        Thread.sleep(rnd.nextInt(5)); // land somewhere inside a later put (a random moment, not a wait)
                        // SIGKILL through the handle: the pipe stays open, so the lines already written are read
                        p.destroyTree();
                    }
                }
                assertTrue(p.waitFor(Duration.ofSeconds(30)));
            }
            assertTrue(lines.size() > 1 && lines.get(0).equals("ready ."), "child did not start: " + lines);
            int puts = 0;
            String last = "";
            for (String l : lines.subList(1, lines.size())) {
                if (!l.endsWith(" .")) {
                    continue; // killed while printing: not acknowledged
                }
                String[] f = l.split(" ");
                long key = Long.parseLong(f[1]);
                acked.put(key, f[0].equals("P"));
                nextKey = Math.max(nextKey, key + 1);
                puts += f[0].equals("P") ? 1 : 0;
                last = l;
            }
            if (last.startsWith("P ") && (puts - 1) % 7 == 6) {
                // the operation in flight was the removal of (key - 3): either outcome is correct
                acked.remove(Long.parseLong(last.split(" ")[1]) - 3);
            }
            nextKey += 10; // past the put that may have been in flight

            VerifyReport r = StoreVerifier.verify(dir, false);
            assertTrue(r.clean(), "cycle " + cycle + ": " + r.toText());
            try (VectorStore s = VectorStore.open(dir, false)) {
                float[] got = new float[DIM];
                for (Map.Entry<Long, Boolean> e : acked.entrySet()) {
                    long key = e.getKey();
                    assertEquals(e.getValue(), s.get(key, got), "cycle " + cycle + " key " + key);
                    if (e.getValue()) {
                        assertArrayEquals(CrashChild.vectorOf(key, DIM), got, "key " + key);
                    }
                }
            }
        }
        assertTrue(acked.size() > 25, "too few operations acknowledged: " + acked.size());
        assertTrue(StoreVerifier.verify(dir, false).clean());
    }
}
