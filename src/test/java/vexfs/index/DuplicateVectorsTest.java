package vexfs.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Many files with one vector (copies, or one default embedding for empty files) beside a file whose only near
 * nodes are those copies: every list near the copies used to hold only copies, so that file got no incoming link
 * and was never found (hnswlib 0.6.2 misses it the same way). GraphBuilder caps copies at half a list.
 */
class DuplicateVectorsTest {
    private static final float[] COPY = {0.5f, -1f, 2f, 0.25f};
    private static final float[] APART = {90f, 70f, -90f, 80f};

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Metric.class, names = {"L2", "COSINE"})
    void aNodeBesideHundredsOfCopiesIsFoundAndNothingIsUnreachable(Metric metric) throws Exception {
        int copies = 300;
        float[] data = new float[(copies + 1) * 4];
        for (int i = 0; i < copies; i++) System.arraycopy(COPY, 0, data, i * 4, 4);
        System.arraycopy(APART, 0, data, copies * 4, 4);
        ArrayVectorSource vs = new ArrayVectorSource(data, 4, metric);
        try (HnswIndex idx = HnswIndex.create(dir.resolve("g.vxg"), vs, HnswParams.defaults(4))) {
            for (int s = 0; s <= copies; s++) idx.insert(s);
            SearchResult r = idx.search(APART.clone(), 1);
            assertEquals(copies, r.slots()[0], metric + ": the vector apart from the copies");
            SearchResult c = idx.search(COPY.clone(), 10);
            assertEquals(10, c.slots().length);
            for (int slot : c.slots()) assertTrue(slot < copies, metric + ": a copy is nearest to a copy");
            VerifyReport v = GraphVerifier.verify(idx, (a, b, t) -> { });
            assertTrue(v.ok(), v.toText());
            assertEquals(0, v.unreachable(), metric + ": " + v.toText());
        }
    }
}
