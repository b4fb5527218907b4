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
            IndexAlignment updates = new IndexAlignment(store, index, () -> { });
            List<Thread> threads = new ArrayList<>();
            List<Throwable> errors = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long base = t * 1000L;
                SplittableRandom rnd = new SplittableRandom(t);
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        for (int i = 0; i < 600; i++) {
                            long key = base + rnd.nextInt(12);
                            if (rnd.nextInt(5) == 0) {
                                int old = store.slotOf(key);
                                if (store.remove(key)) updates.onRemove(key, old);
                            } else {
                                float[] v = new float[dim];
                                for (int d = 0; d < dim; d++) v[d] = (float) rnd.nextGaussian();
                                int old = store.slotOf(key);
                                int slot = store.put(key, v);
                                updates.onPut(key, slot, old);
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
}
