package vexfs.store;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.base.Distances;
import vexfs.base.Metric;
import vexfs.base.SearchResult;
import vexfs.base.VectorSource;

class VectorStoreTest {
    @TempDir
    Path dir;

    @Test
    void createValidatesDimensionAndRefusesExistingStore() throws IOException {
        assertEquals("dimension 0 is out of range: must be between 1 and 4096",
                assertThrows(IllegalArgumentException.class, () -> VectorStore.create(dir, 0, Metric.L2, false)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> VectorStore.create(dir, 4097, Metric.L2, false));
        VectorStore.create(dir, 4096, Metric.L2, false).close();
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class, () -> VectorStore.create(dir, 3, Metric.L2, false));
        assertTrue(e.getMessage().contains("--force"), e.getMessage());
        try (VectorStore s = VectorStore.create(dir, 3, Metric.DOT, true)) {
            assertEquals(3, s.dimension());
            assertEquals(Metric.DOT, s.metric());
        }
    }

    @Test
    void writableOpenIsExclusive() throws IOException {
        try (VectorStore s = VectorStore.create(dir, 4, Metric.L2, false)) {
            IOException e = assertThrows(IOException.class, () -> VectorStore.open(dir, false));
            assertTrue(e.getMessage().contains("in use"), e.getMessage());
            s.put(1, new float[] {1, 2, 3, 4});
        }
    }

    @Test
    void roundTripReplaceRemoveAndReopen() throws IOException {
        Random rnd = new Random(1);
        int dim = 37, n = 300;
        float[][] vs = new float[n][];
        try (VectorStore s = VectorStore.create(dir, dim, Metric.L2, false)) {
            for (int i = 0; i < n; i++) {
                vs[i] = TestVectors.random(rnd, dim);
                s.put(1000L + i, vs[i]);
            }
            assertEquals(n, s.liveCount());
            assertTrue(s.capacity() >= n, "file grew");
            // replace keeps the count, changes the slot, frees and then reuses the old one
            int before = s.slotOf(1005);
            vs[5] = TestVectors.random(rnd, dim);
            int after = s.put(1005, vs[5]);
            assertNotEquals(before, after);
            assertFalse(s.isLive(before));
            assertEquals(n, s.liveCount());
            assertTrue(s.remove(1007));
            assertFalse(s.remove(1007));
            assertEquals(n - 1, s.liveCount());
            int reused1 = s.put(5000, vs[0]);
            int reused2 = s.put(5001, vs[1]);
            assertTrue(java.util.Set.of(reused1, reused2).contains(before), "freed slot reused before growing");
            assertEquals(1001L, s.fileKeyOf(s.slotOf(1001)));
        }
        try (VectorStore s = VectorStore.open(dir, true)) {
            assertTrue(s.recoveryReport().isEmpty(), s.recoveryReport().toString());
            assertEquals(n + 1, s.liveCount());
            float[] got = new float[dim];
            for (int i = 0; i < n; i++) {
                assertEquals(i != 7, s.get(1000L + i, got));
                if (i != 7) {
                    assertArrayEquals(vs[i], got, "key " + (1000 + i));
                }
            }
            assertTrue(s.get(5001, got));
            assertArrayEquals(vs[1], got);
            assertThrows(IOException.class, () -> s.put(1, vs[0]));
        }
        assertTrue(StoreVerifier.verify(dir, false).clean());
    }

    @Test
    void cosineKeepsOriginalExactlyAndSearchesOnNormalisedCopy() throws IOException {
        try (VectorStore s = VectorStore.create(dir, 3, Metric.COSINE, false)) {
            float[] v = {3f, 4f, 0.1f};
            int slot = s.put(9, v);
            float[] got = new float[3];
            assertTrue(s.get(9, got));
            assertArrayEquals(v, got);
            VectorSource src = s.asVectorSource();
            assertEquals(0f, src.distance(src.prepareQuery(new float[] {6f, 8f, 0.2f}), slot), 1e-6f);
            assertEquals(Distances.norm(v), s.normOf(slot));
            assertThrows(InvalidVectorException.class, () -> s.put(10, new float[3]));
            assertThrows(InvalidVectorException.class, () -> s.put(10, new float[] {1, Float.NaN, 1}));
            assertThrows(InvalidVectorException.class, () -> s.put(10, new float[2]));
            assertEquals(-1, s.slotOf(10));
        }
    }

    @Test
    void growsWhileAnotherThreadReads() throws Exception {
        int dim = 16;
        Random rnd = new Random(2);
        try (VectorStore s = VectorStore.create(dir, dim, Metric.L2, false)) {
            float[] first = TestVectors.random(rnd, dim);
            s.put(0, first);
            VectorSource src = s.asVectorSource();
            float[] q = src.prepareQuery(TestVectors.random(rnd, dim));
            float expected = Distances.l2(q, first);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread reader = Thread.ofPlatform().start(() -> {
                try {
                    float[] buf = new float[dim];
                    while (s.liveCount() < 5000) {
                        assertEquals(expected, src.distance(q, 0));
                        src.read(0, buf);
                        assertArrayEquals(first, buf);
                        int n = src.slotCount();
                        for (int slot = 0; slot < n; slot++) {
                            src.distance(q, slot); // any slot below slotCount is mapped
                        }
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            for (int i = 1; i < 5000; i++) {
                s.put(i, TestVectors.random(rnd, dim));
            }
            reader.join();
            assertNull(failure.get());
            assertTrue(s.capacity() >= 5000);
        }
    }

    @Test
    void exactSearchMatchesNaiveLoop() throws IOException {
        Random rnd = new Random(4);
        int dim = 21, n = 500;
        for (Metric m : Metric.values()) {
            try (VectorStore s = VectorStore.create(dir.resolve(m.label()), dim, m, false)) {
                float[][] vs = new float[n][];
                for (int i = 0; i < n; i++) {
                    vs[i] = TestVectors.random(rnd, dim);
                    s.put(i * 10L, vs[i]);
                }
                for (int i = 0; i < n; i += 3) {
                    s.remove(i * 10L);
                }
                float[] q = TestVectors.random(rnd, dim);
                float[] pq = s.asVectorSource().prepareQuery(q);
                SearchResult r = s.exactSearch(q, 10, slot -> s.fileKeyOf(slot) % 20 == 0);
                // naive: distance of every live, even-multiple-of-20 key, sorted
                long[] packed = new long[n];
                int cnt = 0;
                for (int i = 0; i < n; i++) {
                    if (i % 3 == 0 || (i * 10L) % 20 != 0) {
                        continue;
                    }
                    float[] v = m == Metric.COSINE ? Distances.normalized(vs[i]) : vs[i];
                    float d = switch (m) {
                        case L2 -> Distances.l2(pq, v);
                        case DOT -> -Distances.dot(pq, v);
                        case COSINE -> 1f - Distances.dot(pq, v);
                    };
                    packed[cnt++] = ((long) sortable(d) << 32) | i;
                }
                java.util.Arrays.sort(packed, 0, cnt);
                assertEquals(10, r.size());
                for (int j = 0; j < 10; j++) {
                    int i = (int) packed[j];
                    assertEquals(i * 10L, s.fileKeyOf(r.slots()[j]), m + " rank " + j);
                    assertEquals(s.slotOf(i * 10L), r.slots()[j]);
                    assertEquals(Float.intBitsToFloat(unsortable((int) (packed[j] >>> 32))), r.distances()[j]);
                }
                assertEquals(0, s.exactSearch(q, 0, null).size());
                assertEquals(s.liveCount(), s.exactSearch(q, 10_000, null).size());
            }
        }
    }

    private static int sortable(float f) {
        int b = Float.floatToIntBits(f);
        return b ^ ((b >> 31) & 0x7fffffff); // orders like the float as a signed int
    }

    private static int unsortable(int s) {
        return s ^ ((s >> 31) & 0x7fffffff);
    }

    /**
     * The writer lock (fcntl, per process) still holds against another process after a writable open and after
     * growth: allocating the file with fallocate needs a second descriptor of it, and closing any descriptor of a
     * file drops the process's POSIX locks on it (a first version did, and `vexfs verify --repair` then ran beside
     * a mount). The other process is the real CLI.
     */
    @Test
    void theWriterLockHoldsAgainstOtherProcessesAfterOpenAndGrowth() throws Exception {
        Path backing = dir.resolve("backing");
        try (VectorStore s = VectorStore.create(backing.resolve(".vexfs"), 4, Metric.L2, false)) {
            for (int i = 0; i < 200; i++) s.put(i, new float[] {i, 1, 2, 3}); // 64 slots -> 256: grown twice
            String jvm = ProcessHandle.current().info().command().orElse("java");
            Process p = new ProcessBuilder(jvm, "--enable-native-access=ALL-UNNAMED", "--add-modules",
                    "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"), "vexfs.cli.Main", "verify",
                    "--repair", backing.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertNotEquals(0, p.waitFor(), out);
            assertTrue(out.contains("unmount"), out);
            assertEquals(200, s.liveCount());
        }
    }

    /**
     * The size check every put makes (the file is never smaller than the mapping unless cut short) holds while
     * another thread grows the store: it once read the size before the mapping, and a growth in between marked
     * the store damaged (EUCLEAN for every vector call from then on). A checker spins on the check through the
     * 8 doublings of each of 20 fresh stores.
     */
    @Test
    void growingTheStoreIsNeverMistakenForACutShortFile() throws Exception {
        for (int round = 0; round < 20; round++) {
            try (VectorStore store = VectorStore.create(dir.resolve("g" + round), 4, Metric.L2, false)) {
                java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
                AtomicReference<String> seen = new AtomicReference<>();
                Thread checker = Thread.ofPlatform().start(() -> {
                    while (!done.get() && seen.get() == null) {
                        if (!store.intact()) seen.set("damaged while growing");
                    }
                });
                try {
                    for (int i = 0; i < 1 << 14 && seen.get() == null; i++) store.put(i, new float[] {1, i, 2, 3});
                } finally {
                    done.set(true);
                    checker.join();
                }
                assertNull(seen.get(), "round " + round);
                assertEquals(1 << 14, store.liveCount());
            }
        }
    }
}
