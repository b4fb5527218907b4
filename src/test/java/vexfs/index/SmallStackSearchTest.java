package vexfs.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.base.Metric;
import vexfs.base.ProgressListener;
import vexfs.base.SearchResult;

/** The seed's recursive HNSW overflowed the stack inside FUSE callbacks; ours must not care about graph size. */
class SmallStackSearchTest {
    @TempDir
    Path dir;

    @Test
    void searchOnA200kNodeGraphRunsInA64KiBStack() throws Exception {
        int dim = 8;
        int n = 200_000;
        float[] data = TestData.clustered(n, dim, 2024);
        ArrayVectorSource vs = new ArrayVectorSource(data, dim, Metric.L2);
        HnswParams p = HnswParams.defaults(dim).withM(8).withEfConstruction(24).withQuantize(false);
        try (HnswIndex idx = TestData.build(dir.resolve("g.vxg"), vs, p, n)) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicReference<SearchResult> result = new AtomicReference<>();
            float[] q = Arrays.copyOfRange(data, 123_456 * dim, 123_457 * dim);
            Runnable r = () -> {
                try {
                    result.set(idx.search(q, 10, 200, null));
                    idx.search(q, 10, 64, s -> s % 3 == 0); // filtered path too
                    idx.exactSearch(q, 5, s -> s % 1000 == 0);
                    GraphVerifier.verify(idx, ProgressListener.NONE); // BFS over 200k nodes
                } catch (Throwable t) {
                    failure.set(t);
                }
            };
            Thread t = new Thread(null, r, "small-stack", 64 * 1024);
            t.start();
            t.join();
            assertNull(failure.get(), () -> "search failed in a 64 KiB stack: " + failure.get());
            assertEquals(10, result.get().size());
            assertEquals(123_456, result.get().slots()[0]);
        }
    }
}
