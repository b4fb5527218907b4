package vexfs.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.IntPredicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.base.Metric;
import vexfs.base.SearchResult;

class FilteredSearchTest {
    private static final int DIM = 32;
    private static final int N = 6000;

    @TempDir
    Path dir;

    @Test
    void filtersOfAnySelectivityReturnKAcceptedResults() throws Exception {
        float[] data = TestData.clustered(N, DIM, 31);
        float[] queries = TestData.clustered(30, DIM, 32);
        ArrayVectorSource vs = new ArrayVectorSource(data, DIM, Metric.L2);
        try (HnswIndex idx = TestData.build(dir.resolve("g.vxg"), vs, HnswParams.defaults(DIM).withEfConstruction(60), N)) {
            int[] moduli = {2, 10, 40, 300, 1000};
            for (int mod : moduli) {
                IntPredicate f = s -> s % mod == 0;
                int passing = (N + mod - 1) / mod;
                for (int i = 0; i < 30; i++) {
                    float[] q = Arrays.copyOfRange(queries, i * DIM, (i + 1) * DIM);
                    SearchResult r = idx.search(q, 10, 64, f);
                    assertEquals(Math.min(10, passing), r.size(), "filter 1/" + mod);
                    for (int s : r.slots()) assertTrue(f.test(s), "slot " + s + " rejected by filter 1/" + mod);
                }
                double recall = TestData.recall(idx, queries, DIM, 10, 64, f);
                assertTrue(recall >= 0.9, "filtered recall 1/" + mod + " = " + recall);
            }
            IntPredicate none = s -> false;
            assertEquals(0, idx.search(Arrays.copyOfRange(queries, 0, DIM), 10, 64, none).size());
        }
    }
}
