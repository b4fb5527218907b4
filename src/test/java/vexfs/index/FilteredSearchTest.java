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
import vexfs.base.SlotSet;

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

    /**
     * A SlotSet answers as the same subset given as a predicate: exactly the same hits where the search is exact
     * (selective sets scan their members only), the same recall where it walks; deleted members never come back.
     */
    @Test
    void slotSetFilterMatchesTheSamePredicateAndSkipsDeletedMembers() throws Exception {
        float[] data = TestData.clustered(N, DIM, 41);
        float[] queries = TestData.clustered(30, DIM, 42);
        ArrayVectorSource vs = new ArrayVectorSource(data, DIM, Metric.L2);
        try (HnswIndex idx = TestData.build(dir.resolve("s.vxg"), vs, HnswParams.defaults(DIM).withEfConstruction(60), N)) {
            for (int mod : new int[] {2, 10, 100, 1000}) {
                IntPredicate f = s -> s % mod == 3 % mod;
                int[] members = java.util.stream.IntStream.range(0, N).filter(f).toArray();
                SlotSet set = SlotSet.of(members);
                assertEquals(members.length, set.size());
                for (int i = 0; i < 30; i++) {
                    float[] q = Arrays.copyOfRange(queries, i * DIM, (i + 1) * DIM);
                    SearchResult bySet = idx.search(q, 10, 64, set);
                    for (int s : bySet.slots()) assertTrue(f.test(s), "slot " + s + " is not in the set 1/" + mod);
                    assertEquals(Math.min(10, members.length), bySet.size(), "set 1/" + mod);
                    assertEquals(Arrays.toString(idx.exactSearch(q, 10, f).slots()),
                            Arrays.toString(idx.exactSearch(q, 10, set).slots()), "exact, set 1/" + mod);
                    if (mod >= 100) {  // selective: both answer by the exact scan
                        assertEquals(Arrays.toString(idx.search(q, 10, 64, f).slots()), Arrays.toString(bySet.slots()),
                                "set 1/" + mod);
                    }
                }
                assertTrue(TestData.recall(idx, queries, DIM, 10, 64, set) >= 0.9, "recall, set 1/" + mod);
            }
            SlotSet few = SlotSet.of(3, 1003, 2003, N + 5);  // a member past the store's slots is ignored
            assertTrue(idx.delete(1003));
            float[] q = Arrays.copyOfRange(queries, 0, DIM);
            assertEquals("[3, 2003]", Arrays.toString(Arrays.stream(idx.search(q, 10, 64, few).slots()).sorted().toArray()));
        }
    }
}
