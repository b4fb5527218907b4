package vexfs.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.base.Metric;
import vexfs.base.ProgressListener;
import vexfs.base.SearchResult;

class HnswPersistenceTest {
    private static final int DIM = 64;
    private static final int N = 3000;

    @TempDir
    Path dir;

    @Test
    void closeAndReopenGivesTheSameGraphAndResults() throws Exception {
        float[] data = TestData.clustered(N, DIM, 8);
        float[] queries = TestData.clustered(20, DIM, 9);
        ArrayVectorSource vs = new ArrayVectorSource(data, DIM, Metric.COSINE);
        Path file = dir.resolve("graph.vxg");
        HnswParams p = HnswParams.defaults(DIM).withEfConstruction(60).withTrainSize(300);
        List<SearchResult> before = new ArrayList<>();
        String dumpBefore;
        try (HnswIndex idx = TestData.build(file, vs, p, N)) {
            idx.delete(17);
            for (int i = 0; i < 20; i++) before.add(idx.search(Arrays.copyOfRange(queries, i * DIM, (i + 1) * DIM), 10));
            dumpBefore = dumpAll(idx);
        }
        try (HnswIndex idx = HnswIndex.open(file, vs, HnswParams.defaults(DIM))) {
            assertFalse(idx.wasDirty());
            assertEquals(N - 1, idx.size());
            assertEquals(1, idx.tombstoneCount());
            assertEquals(p.m(), idx.params().m());
            assertEquals(dumpBefore, dumpAll(idx), "graph equal after reopen");
            for (int i = 0; i < 20; i++) {
                SearchResult r = idx.search(Arrays.copyOfRange(queries, i * DIM, (i + 1) * DIM), 10);
                assertArrayEquals(before.get(i).slots(), r.slots());
                assertArrayEquals(before.get(i).distances(), r.distances());
            }
            idx.insert(17); // mutations continue after reopen
            assertEquals(N, idx.size());
        }
    }

    @Test
    void crashLeavesDirtyFlagAndOpenOrRebuildRecovers() throws Exception {
        float[] data = TestData.clustered(N, DIM, 8);
        ArrayVectorSource vs = new ArrayVectorSource(data, DIM, Metric.L2);
        Path file = dir.resolve("graph.vxg");
        HnswParams p = HnswParams.defaults(DIM).withEfConstruction(40).withTrainSize(300);
        HnswIndex crashed = TestData.build(file, vs, p, N / 2);
        crashed.sync();
        // the last 10 slots were put in the store but the kill came before their graph inserts
        for (int i = N / 2; i < N - 10; i++) crashed.insert(i);
        // Not closed: the mapping holds what a kill -9 would leave in the page cache.
        try (HnswIndex idx = HnswIndex.open(file, vs, p)) {
            assertTrue(idx.wasDirty());
            assertEquals(N - 10, idx.size(), "counters recomputed from the records");
        }
        try (HnswIndex idx = HnswIndex.open(file, vs, p)) {
            assertTrue(idx.wasDirty(), "closing an unverified crashed graph keeps it dirty");
        }
        List<String> phases = new ArrayList<>();
        // and slot 3 was removed from the store before its graph delete
        try (HnswIndex idx = HnswIndex.openOrRebuild(file, vs, p, s -> s < N && s != 3, (ph, d, t) -> phases.add(ph))) {
            assertEquals(N - 1, idx.size(), "the graph caught up with the store");
            assertTrue(idx.contains(N - 1) && !idx.contains(3));
            assertTrue(phases.contains("verify"));
            assertTrue(phases.stream().anyMatch(ph -> ph.contains("10 inserted, 1 deleted")), phases.toString());
        }
        try (HnswIndex idx = HnswIndex.open(file, vs, p)) {
            assertFalse(idx.wasDirty(), "verified clean, then closed clean");
        }
        crashed.close();
    }

    @Test
    void verifyDetectsCorruptionAndRebuildRepairsIt() throws Exception {
        float[] data = TestData.clustered(N, DIM, 8);
        ArrayVectorSource vs = new ArrayVectorSource(data, DIM, Metric.L2);
        Path file = dir.resolve("graph.vxg");
        HnswParams p = HnswParams.defaults(DIM).withEfConstruction(40).withTrainSize(300);
        GraphLayout layout;
        try (HnswIndex idx = TestData.build(file, vs, p, N)) {
            layout = idx.graph().layout;
            assertTrue(GraphVerifier.verify(idx, ProgressListener.NONE).ok());
        }
        // an out-of-range neighbour id in node 100's level-0 list, header marked dirty as a crash would leave it
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(layout.count0Offset(100) + 8);
            raf.writeInt(Integer.reverseBytes(N * 10));
            raf.seek(GraphHeader.FLAGS);
            int flags = Integer.reverseBytes(raf.readInt());
            raf.seek(GraphHeader.FLAGS);
            raf.writeInt(Integer.reverseBytes(flags | GraphHeader.FLAG_DIRTY));
        }
        VerifyReport bad = GraphVerifier.verifyFile(file, vs, ProgressListener.NONE);
        assertFalse(bad.ok());
        assertTrue(bad.errors().getFirst().contains("node 100"), bad.toText());
        List<String> phases = new ArrayList<>();
        try (HnswIndex idx = HnswIndex.openOrRebuild(file, vs, p, s -> true, (ph, d, t) -> phases.add(ph))) {
            assertTrue(phases.contains("rebuild"), "rebuild reported progress: " + phases);
            assertEquals(N, idx.size());
            assertTrue(GraphVerifier.verify(idx, ProgressListener.NONE).ok());
        }
        // a flipped header byte with a clean flag fails the checksum
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(GraphHeader.EF_CONSTRUCTION);
            raf.write(0x7f);
        }
        CorruptGraphException e = assertThrows(CorruptGraphException.class, () -> HnswIndex.open(file, vs, p));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
        assertFalse(GraphVerifier.verifyFile(file, vs, ProgressListener.NONE).ok());
        // a wrong dimension is refused
        ArrayVectorSource other = new ArrayVectorSource(new float[32 * 10], 32, Metric.L2);
        assertThrows(CorruptGraphException.class, () -> HnswIndex.open(file, other, p));
    }

    static String dumpAll(HnswIndex idx) {
        StringBuilder b = new StringBuilder();
        b.append(idx.graph().entry()).append('\n');
        int cap = idx.graph().capacity();
        for (int n = 0; n < cap; n++) b.append(GraphInspector.dumpNode(idx, n, null, false));
        return b.toString();
    }
}
