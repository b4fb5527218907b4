package vexfs.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.base.Metric;
import vexfs.base.ProgressListener;

/**
 * Recall does not decay under churn: after deleting 30% of the nodes, or moving 30% of them to new
 * vectors, recall@10 stays within a small delta of a graph freshly built from the final data.
 * Real data (Fashion-MNIST) when installed, the clustered synthetic set otherwise.
 */
class HnswChurnTest {
    private static final int N = 5000;
    private static final int EF = 32;
    private static final double DELTA = 0.02;
    /** At ef=10 recall is far from 1, so a decaying graph shows (before the repairs: -0.031 after moves, -0.051 after compaction). */
    private static final double DELTA_LOW = 0.025;

    @TempDir
    Path dir;

    private record Data(float[] base, float[] spare, float[] queries, int dim) {
    }

    private static Data data() throws Exception {
        if (FashionMnist.available()) {
            float[] all = FashionMnist.load(FashionMnist.TRAIN, 2 * N);
            int d = FashionMnist.DIM;
            return new Data(java.util.Arrays.copyOf(all, N * d), java.util.Arrays.copyOfRange(all, N * d, 2 * N * d),
                    FashionMnist.load(FashionMnist.TEST, 200), d);
        }
        return new Data(TestData.clustered(N, 64, 3), TestData.clustered(N, 64, 4), TestData.clustered(200, 64, 99), 64);
    }

    private static HnswParams params(int dim) {
        return HnswParams.defaults(dim).withEfConstruction(100).withTrainSize(1000);
    }

    @Test
    void deletingThirtyPercentKeepsRecallOfAFreshBuild() throws Exception {
        Data d = data();
        ArrayVectorSource vs = new ArrayVectorSource(d.base(), d.dim(), Metric.L2);
        boolean[] gone = new boolean[N];
        SplittableRandom r = new SplittableRandom(7);
        for (int c = 0; c < N * 3 / 10; ) {
            int s = r.nextInt(N);
            if (!gone[s]) {
                gone[s] = true;
                c++;
            }
        }
        double fresh;
        double freshLow;
        try (HnswIndex idx = HnswIndex.create(dir.resolve("fresh.vxg"), vs, params(d.dim()))) {
            for (int s = 0; s < N; s++) if (!gone[s]) idx.insert(s);
            fresh = TestData.recall(idx, d.queries(), d.dim(), 10, EF, null);
            freshLow = TestData.recall(idx, d.queries(), d.dim(), 10, 10, null);
        }
        try (HnswIndex idx = TestData.build(dir.resolve("g.vxg"), vs, params(d.dim()), N)) {
            for (int s = 0; s < N; s++) if (gone[s]) assertTrue(idx.delete(s));
            double tomb = TestData.recall(idx, d.queries(), d.dim(), 10, EF, null);
            double tombLow = TestData.recall(idx, d.queries(), d.dim(), 10, 10, null);
            assertEquals(N * 3 / 10, idx.compact(ProgressListener.NONE));
            double compacted = TestData.recall(idx, d.queries(), d.dim(), 10, EF, null);
            double compactedLow = TestData.recall(idx, d.queries(), d.dim(), 10, 10, null);
            System.out.printf("delete 30%%: fresh %.4f/%.4f, tombstoned %.4f/%.4f, compacted %.4f/%.4f%n",
                    fresh, freshLow, tomb, tombLow, compacted, compactedLow);
            assertTrue(tomb >= fresh - DELTA, "with tombstones " + tomb + " vs fresh build " + fresh);
            assertTrue(compacted >= fresh - DELTA, "after compaction " + compacted + " vs fresh build " + fresh);
            assertTrue(compacted >= 0.95, "recall@10 after compaction " + compacted);
            assertTrue(tombLow >= freshLow - DELTA_LOW, "ef=10 with tombstones " + tombLow + " vs fresh build " + freshLow);
            assertTrue(compactedLow >= freshLow - DELTA_LOW, "ef=10 after compaction " + compactedLow + " vs fresh build " + freshLow);
            assertTrue(GraphVerifier.verify(idx, ProgressListener.NONE).ok());
        }
    }

    @Test
    void movingThirtyPercentKeepsRecallOfAFreshBuild() throws Exception {
        Data d = data();
        int dim = d.dim();
        float[] vectors = d.base().clone();
        ArrayVectorSource vs = new ArrayVectorSource(vectors, dim, Metric.L2);
        try (HnswIndex idx = TestData.build(dir.resolve("g.vxg"), vs, params(dim), N)) {
            SplittableRandom r = new SplittableRandom(8);
            boolean[] moved = new boolean[N];
            for (int c = 0; c < N * 3 / 10; ) {
                int s = r.nextInt(N);
                if (moved[s]) continue;
                moved[s] = true;
                c++;
                // the slot now holds an unrelated vector (as when the store reuses a freed slot)
                System.arraycopy(d.spare(), s * dim, vectors, s * dim, dim);
                idx.update(s);
            }
            double updated = TestData.recall(idx, d.queries(), dim, 10, EF, null);
            double updatedLow = TestData.recall(idx, d.queries(), dim, 10, 10, null);
            assertTrue(GraphVerifier.verify(idx, ProgressListener.NONE).ok());
            double fresh;
            double freshLow;
            try (HnswIndex f = TestData.build(dir.resolve("fresh.vxg"), vs, params(dim), N)) {
                fresh = TestData.recall(f, d.queries(), dim, 10, EF, null);
                freshLow = TestData.recall(f, d.queries(), dim, 10, 10, null);
            }
            System.out.printf("move 30%%: fresh %.4f/%.4f, updated %.4f/%.4f%n", fresh, freshLow, updated, updatedLow);
            assertTrue(updated >= fresh - DELTA, "after updates " + updated + " vs fresh build " + fresh);
            assertTrue(updated >= 0.95, "recall@10 after updates " + updated);
            assertTrue(updatedLow >= freshLow - DELTA_LOW, "ef=10 after updates " + updatedLow + " vs fresh build " + freshLow);
        }
    }
}
