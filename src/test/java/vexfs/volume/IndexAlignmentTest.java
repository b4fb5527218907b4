package vexfs.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.base.Metric;
import vexfs.index.GraphVerifier;
import vexfs.index.HnswIndex;
import vexfs.index.HnswParams;
import vexfs.index.VerifyReport;
import vexfs.store.VectorStore;

/**
 * Store and graph kept in step by {@link IndexAlignment} under concurrent replace/remove churn (slots freed by
 * one key and reused by another while the first is still updating the graph): afterwards the graph's live nodes
 * are exactly the store's live slots, all reachable once the re-linking pass the daemon runs (at every
 * compaction and after a crash) has run.
 */
class IndexAlignmentTest {
    @TempDir
    Path dir;

    @Test
    void concurrentChurnKeepsGraphEqualToStore() throws Exception {
        int dim = 8;
        try (VectorStore store = VectorStore.create(dir.resolve("s"), dim, Metric.L2, false);
             HnswIndex index = HnswIndex.create(dir.resolve("g.vxg"), store.asVectorSource(), HnswParams.defaults(dim))) {
            churn(store, new IndexAlignment(store, index, () -> { }), dim, 1000, 12, 600, 5, 0);
            for (int slot = 0; slot < store.slotCount(); slot++) {
                assertEquals(store.isLive(slot), index.contains(slot), "slot " + slot);
            }
            assertEquals(store.liveCount(), index.size());
            // Concurrent churn can orphan a node (no incoming link left) in about one run in ten; the daemon re-links
            // such nodes at every compaction and after a crash, as here
            index.relinkUnreachable();
            VerifyReport r = GraphVerifier.verify(index, (a, b, c) -> { });
            assertTrue(r.ok(), r.toText());
            assertEquals(0, r.unreachable(), r.toText());
        }
    }

    /**
     * The same churn at the size of the soak (4 writers, 1,600 keys, 32-d): afterwards every node finds itself. Two
     * bugs made whole graphs unfindable here in about one run in twenty (84 of 1,170 nodes found): two deletes
     * racing left the entry point on a tombstone, and re-linking the entry point itself (that tombstone revived)
     * overwrote its lists empty.
     */
    @Test
    void concurrentChurnLeavesEveryNodeFindable() throws Exception {
        int dim = 32;
        for (int round = 0; round < 8; round++) {
            try (VectorStore store = VectorStore.create(dir.resolve("s" + round), dim, Metric.L2, false);
                 HnswIndex index = HnswIndex.create(dir.resolve("g" + round + ".vxg"), store.asVectorSource(), HnswParams.defaults(dim))) {
                churn(store, new IndexAlignment(store, index, () -> { }), dim, 100_000, 400, 3000, 4, 17L * round);
                int live = 0;
                int found = 0;
                float[] v = new float[dim];
                for (int slot = 0; slot < store.slotCount(); slot++) {
                    if (!index.contains(slot)) continue;
                    live++;
                    store.asVectorSource().read(slot, v);
                    vexfs.base.SearchResult r = index.search(v, 1, 64, null);
                    if (r.size() > 0 && r.slots()[0] == slot) found++;
                }
                assertTrue(found >= live * 0.97, "round " + round + ": " + found + " of " + live + " nodes find themselves");
                index.relinkUnreachable();
                assertEquals(0, GraphVerifier.verify(index, (a, b, c) -> { }).unreachable(), "round " + round);
            }
        }
    }

    /**
     * Four writer threads, each on its own {@code keys} keys (writer t's start at t * {@code keyBase}), each making
     * {@code changes} changes: one in {@code removeOneIn} removes the key's vector, the rest put a new Gaussian one,
     * every change told to {@code updates} as the daemon does. Writer t is seeded with {@code seed + t}. Fails if a
     * writer threw.
     */
    private static void churn(VectorStore store, IndexAlignment updates, int dim, long keyBase, int keys, int changes,
                              int removeOneIn, long seed) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            long base = t * keyBase;
            SplittableRandom rnd = new SplittableRandom(seed + t);
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; i < changes; i++) {
                        long key = base + rnd.nextInt(keys);
                        int old = store.slotOf(key);
                        if (rnd.nextInt(removeOneIn) == 0) {
                            if (store.remove(key)) updates.onRemove(key, old);
                        } else {
                            float[] v = new float[dim];
                            for (int d = 0; d < dim; d++) v[d] = (float) rnd.nextGaussian();
                            updates.onPut(key, store.put(key, v), old);
                        }
                    }
                } catch (Throwable e) {
                    synchronized (errors) {
                        errors.add(e);
                    }
                }
            }));
        }
        for (Thread t : threads) t.join();
        assertTrue(errors.isEmpty(), errors.toString());
    }
}
