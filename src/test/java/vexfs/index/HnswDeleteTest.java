package vexfs.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.base.Metric;
import vexfs.base.ProgressListener;
import vexfs.base.SearchResult;

class HnswDeleteTest {
    private static final int DIM = 64;
    private static final int N = 4000;

    @TempDir
    Path dir;

    @Test
    void deletesNeverReturnAndRecallHoldsBeforeAndAfterCompaction() throws Exception {
        float[] data = TestData.clustered(N, DIM, 3);
        float[] queries = TestData.clustered(60, DIM, 99);
        ArrayVectorSource vs = new ArrayVectorSource(data, DIM, Metric.L2);
        HnswParams p = HnswParams.defaults(DIM).withEfConstruction(80).withTrainSize(500);
        try (HnswIndex idx = TestData.build(dir.resolve("g.vxg"), vs, p, N)) {
            double before = TestData.recall(idx, queries, DIM, 10, 64, null);
            boolean[] deleted = new boolean[N];
            SplittableRandom r = new SplittableRandom(5);
            int ep = GraphStore.entryNode(idx.graph().entry());
            assertTrue(idx.delete(ep), "the entry point can be deleted");
            deleted[ep] = true;
            int count = 1;
            while (count < N * 4 / 10) {
                int s = r.nextInt(N);
                if (!deleted[s]) {
                    assertTrue(idx.delete(s));
                    deleted[s] = true;
                    count++;
                }
            }
            assertFalse(idx.delete(ep), "second delete of the same slot is a no-op");
            assertEquals(N - count, idx.size());
            assertEquals(count, idx.tombstoneCount());
            assertTrue(idx.contains(GraphStore.entryNode(idx.graph().entry())), "entry point replaced by a live node");
            assertNoneDeleted(idx, queries, deleted);
            double tomb = TestData.recall(idx, queries, DIM, 10, 64, null);
            assertTrue(tomb >= before - 0.03 && tomb >= 0.93, "recall with tombstones " + tomb + " (before " + before + ")");

            VerifyReport withTombstones = GraphVerifier.verify(idx, ProgressListener.NONE);
            assertTrue(withTombstones.ok(), withTombstones.toText());
            assertEquals(count, withTombstones.tombstones());

            int freed = idx.compact(ProgressListener.NONE);
            assertEquals(count, freed);
            assertEquals(0, idx.tombstoneCount());
            VerifyReport report = GraphVerifier.verify(idx, ProgressListener.NONE);
            assertTrue(report.ok(), report.toText());
            assertNoneDeleted(idx, queries, deleted);
            double after = TestData.recall(idx, queries, DIM, 10, 64, null);
            assertTrue(after >= before - 0.03 && after >= 0.93, "recall after compaction " + after + " (before " + before + ")");

            // slots come back: freed and re-inserted slots are found again
            for (int s = 0; s < N; s++) if (deleted[s]) idx.insert(s);
            assertEquals(N, idx.size());
            double again = TestData.recall(idx, queries, DIM, 10, 64, null);
            assertTrue(again >= 0.93, "recall after re-inserting " + again);
            assertTrue(GraphVerifier.verify(idx, ProgressListener.NONE).ok());
        }
    }

    @Test
    void reinsertingATombstoneRevivesIt() throws Exception {
        float[] data = TestData.clustered(500, DIM, 11);
        ArrayVectorSource vs = new ArrayVectorSource(data, DIM, Metric.L2);
        try (HnswIndex idx = TestData.build(dir.resolve("g.vxg"), vs, HnswParams.defaults(DIM).withTrainSize(100), 500)) {
            float[] q = Arrays.copyOfRange(data, 42 * DIM, 43 * DIM);
            assertEquals(42, idx.search(q, 1).slots()[0]);
            idx.delete(42);
            assertTrue(idx.search(q, 1).slots()[0] != 42);
            idx.insert(42);
            assertEquals(42, idx.search(q, 1).slots()[0]);
            // the entry point (highest level) deleted and revived: verify stays clean
            int ep = GraphStore.entryNode(idx.graph().entry());
            idx.delete(ep);
            idx.insert(ep);
            VerifyReport report = GraphVerifier.verify(idx, ProgressListener.NONE);
            assertTrue(report.ok(), report.toText());
            assertEquals(500, idx.size());
            assertEquals(0, idx.tombstoneCount());
        }
    }

    @Test
    void updateFollowsTheNewVector() throws Exception {
        float[] data = TestData.clustered(800, DIM, 12);
        ArrayVectorSource vs = new ArrayVectorSource(data, DIM, Metric.L2);
        try (HnswIndex idx = TestData.build(dir.resolve("g.vxg"), vs, HnswParams.defaults(DIM).withTrainSize(100), 800)) {
            // move slot 5 onto slot 700's position (plus epsilon) and update
            for (int d = 0; d < DIM; d++) data[5 * DIM + d] = data[700 * DIM + d] + 1e-3f;
            idx.update(5);
            float[] q = Arrays.copyOfRange(data, 5 * DIM, 6 * DIM);
            SearchResult r = idx.search(q, 2);
            assertEquals(5, r.slots()[0]);
            assertEquals(700, r.slots()[1]);
        }
    }

    /**
     * Moving the entry point's own vector re-links the entry itself. Its search used to start at the node being
     * linked, which is in its own visited set, so it found nothing and the entry's lists were overwritten empty: the
     * rest of the graph unreachable (seen under concurrent churn, where a revived tombstone can still be the entry).
     */
    @Test
    void updatingTheEntryPointKeepsEveryNodeReachable() throws Exception {
        float[] data = TestData.clustered(800, DIM, 13);
        ArrayVectorSource vs = new ArrayVectorSource(data, DIM, Metric.L2);
        try (HnswIndex idx = TestData.build(dir.resolve("g.vxg"), vs, HnswParams.defaults(DIM).withTrainSize(100), 800)) {
            int ep = GraphStore.entryNode(idx.graph().entry());
            for (int d = 0; d < DIM; d++) data[ep * DIM + d] = data[(ep + 400) % 800 * DIM + d] + 1e-3f;
            idx.update(ep);
            assertEquals(ep, GraphStore.entryNode(idx.graph().entry()), "an update keeps the entry point");
            VerifyReport r = GraphVerifier.verify(idx, (a, b, c) -> { });
            assertEquals(0, r.unreachable(), r.toText());
            int found = 0;
            for (int slot = 0; slot < 800; slot++) {
                SearchResult res = idx.search(Arrays.copyOfRange(data, slot * DIM, (slot + 1) * DIM), 1, 64, null);
                if (res.size() > 0 && res.slots()[0] == slot) found++;
            }
            assertTrue(found >= 790, found + " of 800 nodes find themselves after the entry point moved");
        }
    }

    private static void assertNoneDeleted(HnswIndex idx, float[] queries, boolean[] deleted) {
        for (int i = 0; i < queries.length / DIM; i++) {
            SearchResult r = idx.search(Arrays.copyOfRange(queries, i * DIM, (i + 1) * DIM), 10, 64, null);
            assertEquals(10, r.size());
            for (int s : r.slots()) assertFalse(deleted[s], "deleted slot " + s + " returned");
        }
    }
}
