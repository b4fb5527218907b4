package vexfs.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.base.Metric;
import vexfs.base.SearchResult;

class HnswRecallTest {
    @TempDir
    Path dir;

    @Test
    void fashionMnistSubsetRecallAtTenIsAtLeast95Percent() throws Exception {
        // scripts/test installs the data set; under CI a missing data set is a failure, not a skip
        String missing = "Fashion-MNIST not installed at " + FashionMnist.DIR + " (Debian package dataset-fashion-mnist)";
        if (System.getenv("CI") != null) assertTrue(FashionMnist.available(), missing);
        assumeTrue(FashionMnist.available(), missing);
        float[] train = FashionMnist.load(FashionMnist.TRAIN, 10_000);
        float[] test = FashionMnist.load(FashionMnist.TEST, 200);
        ArrayVectorSource vs = new ArrayVectorSource(train, FashionMnist.DIM, Metric.L2);
        HnswParams p = HnswParams.defaults(FashionMnist.DIM).withEfConstruction(100);
        try (HnswIndex idx = TestData.build(dir.resolve("graph.vxg"), vs, p, 10_000)) {
            assertEquals(10_000, idx.size());
            double recall = TestData.recall(idx, test, FashionMnist.DIM, 10, 64, null);
            assertTrue(recall >= 0.95, "recall@10 at ef=64 was " + recall);
            double low = TestData.recall(idx, test, FashionMnist.DIM, 10, 20, null);
            assertTrue(low >= 0.90, "recall@10 at ef=20 was " + low);
            SearchResult r = idx.search(java.util.Arrays.copyOfRange(train, 784 * 7, 784 * 8), 10);
            assertEquals(7, r.slots()[0], "a stored vector finds itself first");
            assertEquals(0f, r.distances()[0]);
            for (int i = 1; i < r.size(); i++) assertTrue(r.distances()[i - 1] <= r.distances()[i], "sorted by distance");
        }
    }

    @Test
    void everyMetricReachesHighRecallWithAndWithoutCodes() throws Exception {
        int dim = 96;
        float[] data = TestData.clustered(3000, dim, 42);
        float[] queries = TestData.clustered(50, dim, 7);
        for (Metric metric : Metric.values()) {
            for (boolean quantize : new boolean[] {false, true}) {
                ArrayVectorSource vs = new ArrayVectorSource(data, dim, metric);
                HnswParams p = HnswParams.defaults(dim).withEfConstruction(80).withQuantize(quantize).withTrainSize(500);
                Path file = dir.resolve(metric.label() + quantize + ".vxg");
                try (HnswIndex idx = TestData.build(file, vs, p, 3000)) {
                    double recall = TestData.recall(idx, queries, dim, 10, 64, null);
                    assertTrue(recall >= 0.95, metric + " quantize=" + quantize + " recall " + recall);
                }
            }
        }
    }

    @Test
    void emptyAndSingletonGraphsAnswer() throws Exception {
        float[] data = TestData.clustered(4, 8, 1);
        ArrayVectorSource vs = new ArrayVectorSource(data, 8, Metric.L2);
        try (HnswIndex idx = HnswIndex.create(dir.resolve("g.vxg"), vs, HnswParams.defaults(8))) {
            float[] q = java.util.Arrays.copyOfRange(data, 0, 8);
            assertEquals(0, idx.search(q, 3).size());
            idx.insert(2);
            SearchResult r = idx.search(q, 3);
            assertEquals(1, r.size());
            assertEquals(2, r.slots()[0]);
        }
    }
}
