package vexfs.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.base.GraphSettings;
import vexfs.base.Metric;
import vexfs.base.ProgressListener;
import vexfs.base.SearchResult;
import vexfs.index.GraphVerifier;
import vexfs.index.HnswIndex;
import vexfs.index.VerifyReport;
import vexfs.store.VectorStore;

/**
 * Maintenance cannot make the index worse (issue 16): after churn, {@code reindex} (a fresh graph swapped in) and
 * {@code compact}, and after {@code vexfs import}, recall@10 and reachability are at least those of a fresh build of
 * the same vectors (recall within 0.01: two builds of the same vectors differ by noise), and no live node is
 * unreachable. Clustered 32-d vectors, 4,000 of them (~15-30 s).
 */
class MaintenanceQualityTest {
    static final int DIM = 32;
    static final int N = 4000;
    static final double NOISE = 0.01;

    @TempDir
    Path tmp;

    record Quality(double recall, int unreachable, int live) {}

    @Test
    void churnThenReindexAndCompactAreAsGoodAsAFreshBuild() throws Exception {
        Path backing = Files.createDirectories(tmp.resolve("b"));
        Volume.create(backing, DIM, Metric.L2, new GraphSettings(16, 100, 64), false);
        SplittableRandom r = new SplittableRandom(21);
        float[][] centres = centres(r);
        try (Volume v = Volume.open(backing, Volume.Access.MOUNT)) {
            VectorStore store = v.store();
            for (long key = 0; key < N; key++) store.put(key, clustered(r, centres));
            MountedGraph g = MountedGraph.open(v);
            try {
                assertTrue(g.awaitIdle(300_000) && g.ready());
                // churn through the mount's update path: 40 % moved, 15 % removed, some re-added
                for (int i = 0; i < N * 55 / 100; i++) {
                    long key = r.nextLong(N);
                    int old = store.slotOf(key);
                    if (i % 4 == 3) {
                        if (store.remove(key)) g.onRemove(key, old);
                    } else {
                        g.reserve(store.slotCount() + 1);
                        g.onPut(key, store.put(key, clustered(r, centres)), old);
                    }
                }
                assertTrue(g.awaitIdle(300_000));
                float[][] queries = new float[100][];
                for (int i = 0; i < queries.length; i++) queries[i] = clustered(r, centres);
                Quality fresh = freshBuild(v, queries);
                Quality churned = g.withServing(idx -> quality(idx, store, queries));
                System.out.println("MaintenanceQualityTest: fresh " + fresh + ", after churn " + churned);

                g.withServing(idx -> idx.compact(ProgressListener.NONE));
                Quality compacted = g.withServing(idx -> quality(idx, store, queries));
                System.out.println("MaintenanceQualityTest: after compact " + compacted);
                atLeastAsGood("compact", compacted, fresh);

                String outcome = g.rebuildAndWait("reindex requested");
                Quality reindexed = g.withServing(idx -> quality(idx, store, queries));
                System.out.println("MaintenanceQualityTest: after reindex " + reindexed + " (" + outcome + ")");
                atLeastAsGood("reindex", reindexed, fresh);
            } finally {
                g.close();
            }
        }
    }

    @Test
    void importIsAsGoodAsAFreshBuild() throws Exception {
        Path backing = Files.createDirectories(tmp.resolve("i"));
        Volume.create(backing, DIM, Metric.L2, new GraphSettings(16, 100, 64), false);
        SplittableRandom r = new SplittableRandom(22);
        float[][] centres = centres(r);
        Path fvecs = tmp.resolve("v.fvecs");
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(fvecs))) {
            ByteBuffer b = ByteBuffer.allocate(4 + 4 * DIM).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < N; i++) {
                b.clear();
                b.putInt(DIM);
                for (float x : clustered(r, centres)) b.putFloat(x);
                out.write(b.array());
            }
        }
        BulkImport.fromFvecs(backing, fvecs, "", 1000, Long.MAX_VALUE, 2, ProgressListener.NONE); // 2 insert threads
        float[][] queries = new float[100][];
        for (int i = 0; i < queries.length; i++) queries[i] = clustered(r, centres);
        try (Volume v = Volume.open(backing, Volume.Access.EXCLUSIVE)) {
            assertEquals(N, v.store().liveCount());
            Quality imported;
            try (HnswIndex idx = v.openOrCreateGraph()) {
                imported = quality(idx, v.store(), queries);
            }
            Quality fresh = freshBuild(v, queries);
            System.out.println("MaintenanceQualityTest: import " + imported + ", fresh " + fresh);
            atLeastAsGood("import", imported, fresh);
        }
    }

    private static void atLeastAsGood(String what, Quality got, Quality fresh) {
        assertEquals(0, got.unreachable(), what + ": unreachable nodes " + got);
        assertTrue(got.unreachable() <= fresh.unreachable() || got.unreachable() == 0, what + ": " + got + " vs " + fresh);
        assertTrue(got.recall() >= fresh.recall() - NOISE, what + ": recall " + got + " vs fresh " + fresh);
    }

    /** A fresh build of the store's current vectors (a graph file of its own), measured, then removed. */
    private Quality freshBuild(Volume v, float[][] queries) throws Exception {
        Path f = tmp.resolve("fresh-" + System.nanoTime() + ".vxg");
        VectorStore store = v.store();
        try (HnswIndex idx = HnswIndex.rebuild(f, store.asVectorSource(), v.hnswParams(), store::isLive,
                ProgressListener.NONE)) {
            idx.relinkUnreachable(); // as the mount's build does
            return quality(idx, store, queries);
        }
    }

    private static Quality quality(HnswIndex idx, VectorStore store, float[][] queries) {
        int found = 0;
        for (float[] q : queries) {
            SearchResult exact = store.exactSearch(q, 10, null);
            SearchResult got = idx.search(q, 10, 10, null); // a small beam, so recall tells graphs apart
            for (int s : exact.slots()) for (int t : got.slots()) if (s == t) found++;
        }
        VerifyReport rep = GraphVerifier.verify(idx, ProgressListener.NONE);
        assertTrue(rep.ok(), rep.toText());
        return new Quality(found / (10.0 * queries.length), rep.unreachable(), rep.live());
    }

    private static float[][] centres(SplittableRandom r) {
        float[][] c = new float[40][DIM];
        for (float[] x : c) for (int d = 0; d < DIM; d++) x[d] = (float) (r.nextGaussian() * 1.5);
        return c;
    }

    private static float[] clustered(SplittableRandom r, float[][] centres) {
        float[] c = centres[r.nextInt(centres.length)];
        float[] v = new float[DIM];
        for (int d = 0; d < DIM; d++) v[d] = c[d] + (float) r.nextGaussian();
        return v;
    }
}
