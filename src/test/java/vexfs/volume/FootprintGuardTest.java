package vexfs.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.base.Metric;
import vexfs.base.SearchResult;
import vexfs.base.VectorSource;
import vexfs.index.HnswIndex;
import vexfs.index.HnswParams;
import vexfs.store.VectorStore;

/**
 * Regression guards for the seed's memory and stack targets (not timed): after 200k vectors go into the store,
 * the HNSW graph and the path hints - everything a mount keeps per vector - the Java heap has grown by a fixed
 * budget far below one small object per vector; and a search on that 200k-node, store-backed graph runs in a
 * thread created with a 64 KiB stack, using less than 6 KiB of it below its entry.
 */
class FootprintGuardTest {
    private static final int N = 200_000;
    private static final int DIM = 8;
    /**
     * Heap growth allowed for 200k vectors: 1 MiB, i.e. ~5 bytes per vector, while the smallest per-vector object
     * (16-byte header + a field) costs 24 bytes = 4.6 MiB here. What may grow: bounded scratch (searcher visited
     * sets of N bits, builder buffers), never anything per vector.
     */
    private static final long HEAP_BUDGET = 1L << 20;
    private static final long STACK_BUDGET = 6 * 1024;

    @TempDir
    Path dir;

    @Test
    void twoHundredThousandVectorsAddNoHeapPerVectorAndSearchFitsASmallStack() throws Exception {
        HnswParams p = HnswParams.defaults(DIM).withM(8).withEfConstruction(24).withQuantize(false);
        try (VectorStore store = VectorStore.create(dir.resolve(".vexfs"), DIM, Metric.L2, false);
             StackSampler sampler = new StackSampler(store.asVectorSource());
             HnswIndex index = HnswIndex.create(dir.resolve(".vexfs").resolve("graph.vxg"), sampler, p)) {
            PathHints hints = new PathHints(store.scratch());
            SplittableRandom rnd = new SplittableRandom(9);
            float[] v = new float[DIM];
            float[] probe = new float[DIM];
            // warm-up: the first few thousand inserts load classes, size scratch and intern strings once
            for (int i = 0; i < 2_000; i++) add(store, index, hints, rnd, v, i);
            long before = heapUsedAfterGc();
            for (int i = 2_000; i < N; i++) {
                add(store, index, hints, rnd, v, i);
                if (i == 123_456) System.arraycopy(v, 0, probe, 0, DIM);
            }
            long grown = heapUsedAfterGc() - before;
            assertEquals(N, store.liveCount());
            assertEquals(N, index.size());
            assertEquals(N, hints.size());
            assertTrue(grown < HEAP_BUDGET, () -> "heap grew by " + grown + " bytes for " + (N - 2_000)
                    + " vectors (" + (grown / (double) (N - 2_000)) + " B/vector); budget " + HEAP_BUDGET
                    + ": something keeps a Java object (or array entry) per vector");

            // the search, on the real store-backed graph, in a thread with a 64 KiB stack
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicReference<SearchResult> result = new AtomicReference<>();
            AtomicLong used = new AtomicLong(-1);
            Runnable r = () -> {
                try {
                    long top = sampler.arm();
                    result.set(index.search(probe, 10, 200, null));
                    index.search(probe, 10, 64, s -> s % 3 == 0);
                    used.set(sampler.deepest() < 0 ? -1 : top - sampler.deepest());
                } catch (Throwable t) {
                    failure.set(t);
                }
            };
            Thread t = new Thread(null, r, "small-stack", 64 * 1024);
            t.start();
            t.join();
            assertNull(failure.get(), () -> "search failed in a 64 KiB stack: " + failure.get());
            assertEquals(10, result.get().size());
            assertEquals(store.slotOf(1_000_000L + 123_456), result.get().slots()[0]);
            if (StackProbe.available()) {
                assertTrue(used.get() > 0 && used.get() < STACK_BUDGET,
                        () -> "search used " + used.get() + " bytes of stack (budget " + STACK_BUDGET + ")");
            }
        }
    }

    private static void add(VectorStore store, HnswIndex index, PathHints hints, SplittableRandom rnd, float[] v, int i)
            throws java.io.IOException {
        for (int d = 0; d < DIM; d++) v[d] = (float) rnd.nextDouble();
        long key = 1_000_000L + i;
        index.insert(store.put(key, v));
        hints.put(key, ("bench/d" + (i / 1000) + "/v" + i).getBytes(StandardCharsets.UTF_8));
    }

    private static long heapUsedAfterGc() throws InterruptedException {
        MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);  // settles a measurement (the best of three is kept); it asserts nothing
            best = Math.min(best, mx.getHeapMemoryUsage().getUsed());
        }
        return best;
    }

    /**
     * The store's vector source, with the stack pointer sampled on every distance call the search makes (the
     * deepest place the search reaches is a distance computation or a frame beside it).
     */
    private static final class StackSampler implements VectorSource, AutoCloseable {
        private final VectorSource in;
        private StackProbe probe;
        private long deepest = -1;

        StackSampler(VectorSource in) {
            this.in = in;
        }

        /** Starts sampling on the calling thread (only that thread may search afterwards); its stack pointer now. */
        long arm() {
            if (!StackProbe.available()) return -1;
            probe = new StackProbe();
            return probe.stackPointer();
        }

        @Override
        public void close() {
            probe = null;
        }

        long deepest() {
            return deepest;
        }

        private void sample() {
            if (probe == null) return;
            long sp = probe.stackPointer();
            if (deepest < 0 || sp < deepest) deepest = sp;
        }

        @Override public int dimension() { return in.dimension(); }
        @Override public Metric metric() { return in.metric(); }
        @Override public int slotCount() { return in.slotCount(); }
        @Override public float distance(float[] q, int slot) { sample(); return in.distance(q, slot); }
        @Override public float distance(int a, int b) { sample(); return in.distance(a, b); }
        @Override public void read(int slot, float[] dst) { sample(); in.read(slot, dst); }
        @Override public float[] prepareQuery(float[] q) { return in.prepareQuery(q); }
        @Override public void distances(float[] q, int[] slots, int n, float[] out) {
            sample();
            in.distances(q, slots, n, out);
        }
    }
}
