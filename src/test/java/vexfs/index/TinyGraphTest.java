package vexfs.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.base.Metric;
import vexfs.base.ProgressListener;
import vexfs.base.SearchResult;

/**
 * A 1-D chain of seven vectors: the heuristic keeps only the two nearest links per node, so losing one cuts the
 * graph. Re-inserting unchanged vectors (what a reindex does), deleting, compacting and adding back must leave
 * every live node findable by its own vector.
 */
class TinyGraphTest {
    @TempDir
    Path dir;

    private static final float[] X = {1, 2, 3, 4, 5, 6, 3.4f, 6};

    @Test
    void reinsertDeleteCompactKeepEveryNodeReachable() throws Exception {
        float[] data = new float[X.length * 4];
        for (int i = 0; i < X.length; i++) data[i * 4] = X[i];
        ArrayVectorSource vs = new ArrayVectorSource(data, 4, Metric.L2);
        try (HnswIndex idx = HnswIndex.create(dir.resolve("g.vxg"), vs, HnswParams.defaults(4))) {
            for (int s = 0; s < 7; s++) idx.insert(s);
            assertFindsItself(idx, "built");
            for (int s = 0; s < 7; s++) idx.insert(s);
            assertFindsItself(idx, "re-inserted unchanged");
            idx.delete(5);
            assertFindsItself(idx, "deleted");
            idx.compact(ProgressListener.NONE);
            assertFindsItself(idx, "compacted");
            for (int s = 0; s < 7; s++) if (s != 5) idx.insert(s);
            assertFindsItself(idx, "reindexed");
            idx.insert(7);
            assertFindsItself(idx, "added back");
        }
    }

    private static void assertFindsItself(HnswIndex idx, String stage) {
        for (int t = 0; t < 7; t++) {
            if (!idx.contains(t)) continue;
            SearchResult r = idx.search(new float[] {X[t], 0, 0, 0}, 1);
            assertEquals(t, r.slots()[0], stage + ": query " + X[t]);
        }
    }
}
