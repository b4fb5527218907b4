package vexfs.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.base.Metric;

/** The scorer is chosen once per query by the graph, and a visit limit shows as collector state, not as a null result. */
class SearchCollectorTest {
    private static final int DIM = 64;
    private static final int N = 3000;

    @TempDir
    Path dir;

    @Test
    void visitLimitIsCollectorStateAndScorerFollowsTheGraph() throws Exception {
        float[] data = TestData.clustered(N, DIM, 7);
        ArrayVectorSource vs = new ArrayVectorSource(data, DIM, Metric.L2);
        try (HnswIndex idx = TestData.build(dir.resolve("g.vxg"), vs, HnswParams.defaults(DIM).withEfConstruction(60), N)) {
            GraphStore g = idx.graph();
            HnswSearcher s = new HnswSearcher(g.capacity(), 32);
            float[] q = vs.prepareQuery(Arrays.copyOfRange(data, 5 * DIM, 6 * DIM));

            SearchCollector unlimited = s.startSearch(g, vs, q, 10, 64);
            assertInstanceOf(CodeScorer.class, s.scorer(), "a graph with a trained quantiser is traversed on codes");
            var full = s.search(unlimited);
            assertFalse(unlimited.earlyTerminated());
            assertEquals(10, full.size());
            assertEquals(5, full.slots()[0]);
            s.end();

            SearchCollector limited = s.startSearch(g, vs, q, 10, 64).limitVisits(50);
            var partial = s.search(limited);
            assertTrue(limited.earlyTerminated(), "50 distance computations cannot finish an ef=64 beam");
            assertTrue(partial.size() <= 10);
            s.end();

            SearchCollector again = s.startSearch(g, vs, q, 10, 64);
            var repeat = s.search(again);
            assertFalse(again.earlyTerminated(), "a re-bound collector starts without the previous limit");
            assertArrayEquals(full.slots(), repeat.slots());
            s.end();
        }
        try (HnswIndex exact = TestData.build(dir.resolve("e.vxg"), vs, HnswParams.defaults(DIM).withQuantize(false), 200)) {
            GraphStore g = exact.graph();
            HnswSearcher s = new HnswSearcher(g.capacity(), 32);
            s.startSearch(g, vs, vs.prepareQuery(Arrays.copyOfRange(data, 0, DIM)), 5, 20);
            assertInstanceOf(ExactScorer.class, s.scorer(), "a graph without codes is traversed on float32 vectors");
            s.end();
        }
    }
}
