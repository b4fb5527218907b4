package vexfs.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.base.Metric;
import vexfs.index.HnswIndex;
import vexfs.index.HnswParams;
import vexfs.store.VectorStore;

class GraphCompactorTest {
    @TempDir
    Path dir;

    @Test
    void deletesPastTheThresholdAreCompactedInTheBackground() throws Exception {
        int dim = 16;
        int n = 2000;
        SplittableRandom r = new SplittableRandom(3);
        try (VectorStore store = VectorStore.create(dir.resolve("store"), dim, Metric.L2, false);
             HnswIndex index = HnswIndex.create(dir.resolve("g.vxg"), store.asVectorSource(), HnswParams.defaults(dim))) {
            float[] v = new float[dim];
            for (long key = 0; key < n; key++) {
                for (int d = 0; d < dim; d++) v[d] = (float) r.nextGaussian();
                index.insert(store.put(key, v));
            }
            try (GraphCompactor compactor = new GraphCompactor(index)) {
                // below the threshold (a tenth of the live nodes): nothing happens
                for (long key = 0; key < 100; key++) {
                    int slot = store.slotOf(key);
                    store.remove(key);
                    assertTrue(index.delete(slot));
                    compactor.afterDelete();
                }
            } // close waits for anything queued: a compaction started by mistake has finished by now
            assertEquals(100, index.tombstoneCount());
            assertFalse(index.compactionDue());
            try (GraphCompactor compactor = new GraphCompactor(index)) {
                for (long key = 100; key < 400; key++) {
                    int slot = store.slotOf(key);
                    store.remove(key);
                    assertTrue(index.delete(slot));
                    compactor.afterDelete();
                }
            } // close waits for the queued compaction
            assertTrue(index.tombstoneCount() < 400 - 1600 / 10, "tombstones left: " + index.tombstoneCount());
            assertEquals(1600, index.size());
            float[] q = new float[dim];
            store.get(1000, q);
            assertEquals(store.slotOf(1000), index.search(q, 1).slots()[0]);
        }
    }
}
