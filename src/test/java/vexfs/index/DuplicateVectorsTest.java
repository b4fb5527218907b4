package vexfs.index;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/** Many identical vectors (copies of a file keep its vector): all stay reachable and all are found. */
class DuplicateVectorsTest {
    @TempDir
    Path dir;

    @Test
    void identicalVectorsAreAllReachableAndFound() throws Exception {
        int n = 300;
        float[][] vs = new float[n + 20][];
        for (int i = 0; i < n; i++) vs[i] = new float[] {0.5f, -1f, 2f, 0.25f};
        java.util.Random rnd = new java.util.Random(1);
        for (int i = n; i < vs.length; i++) vs[i] = new float[] {rnd.nextFloat(), rnd.nextFloat(), rnd.nextFloat(), rnd.nextFloat()};
        float[] flat = new float[vs.length * 4];
        for (int i = 0; i < vs.length; i++) System.arraycopy(vs[i], 0, flat, 4 * i, 4);
        ArrayVectorSource src = new ArrayVectorSource(flat, 4, Metric.L2);
        try (HnswIndex idx = HnswIndex.create(dir.resolve("g.vxg"), src, HnswParams.defaults(4))) {
            for (int i = 0; i < vs.length; i++) idx.insert(i);
            VerifyReport r = GraphVerifier.verify(idx, (a, b, c) -> { });
            // before ties were spread, 225 of 258 copies were unreachable; HNSW may still orphan one now and then
            assertTrue(r.unreachable() <= n / 100, r.toText());
            SearchResult res = idx.search(vs[0], n, 1000, null);
            assertTrue(res.size() >= n - n / 100, res.size() + " of " + n + " copies found");
            for (int i = 0; i < res.size(); i++) assertTrue(res.distances()[i] == 0f, "hit " + i);
        }
    }
}
