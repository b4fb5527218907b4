package vexfs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.base.ProgressListener;
import vexfs.index.HnswIndex;
import vexfs.index.HnswParams;
import vexfs.store.VectorStore;
import vexfs.volume.GraphCheck;

/** The graph in {@code vexfs inspect} (--graph, --node) and the graph check of {@code vexfs verify}. */
class GraphCliTest {
    @TempDir
    Path dir;

    private Path storeWithGraph(int n) throws Exception {
        assertEquals(0, CliTest.run("mkfs", "--dim", "8", dir.toString()).exit());
        Path store = dir.resolve(".vexfs");
        SplittableRandom r = new SplittableRandom(1);
        try (VectorStore s = VectorStore.open(store, false)) {
            float[] v = new float[8];
            for (long key = 1; key <= n; key++) {
                for (int d = 0; d < 8; d++) v[d] = (float) r.nextGaussian();
                s.put(key, v);
            }
            HnswIndex.rebuild(store.resolve(HnswIndex.FILE_NAME), s.asVectorSource(), HnswParams.defaults(8), s::isLive,
                    ProgressListener.NONE).close();
        }
        return store;
    }

    @Test
    void inspectShowsTheGraphAndOneNode() throws Exception {
        storeWithGraph(300);
        CliTest.Out all = CliTest.run("inspect", dir.toString());
        assertEquals(0, all.exit(), all.err());
        assertTrue(all.out().contains("graph (graph.vxg):") && all.out().contains("entry point:")
                && all.out().contains("nodes: 300 live: 300 tombstones: 0 unreachable: 0"), all.out());
        CliTest.Out json = CliTest.run("inspect", "--graph", "--json", dir.toString());
        assertEquals(0, json.exit(), json.err());
        assertTrue(json.out().startsWith("{\"entryPoint\":") && json.out().contains("\"levels\":[{\"level\":0,\"nodes\":"),
                json.out());
        CliTest.Out node = CliTest.run("inspect", "--node", "5", dir.toString());
        assertEquals(0, node.exit(), node.err());
        assertTrue(node.out().startsWith("node 5 state=live level=") && node.out().contains("level 0 ("), node.out());
    }

    @Test
    void verifyFindsAGraphThatMissesAStoreVectorAndRebuildsIt() throws Exception {
        Path store = storeWithGraph(200);
        assertTrue(GraphCheck.run(dir, false, ProgressListener.NONE).clean());
        try (VectorStore s = VectorStore.open(store, false)) {
            s.put(1000, new float[] {1, 2, 3, 4, 5, 6, 7, 8}); // as if killed between the store put and the graph insert
        }
        GraphCheck.Outcome found = GraphCheck.run(dir, false, ProgressListener.NONE);
        assertFalse(found.ok(), found.text());
        assertTrue(found.text().contains("1 live vectors missing from the graph"), found.text());
        GraphCheck.Outcome repaired = GraphCheck.run(dir, true, ProgressListener.NONE);
        assertTrue(repaired.ok() && !repaired.clean(), repaired.text());
        assertTrue(repaired.text().contains("rebuilt from the store, 201 nodes"), repaired.text());
        assertTrue(GraphCheck.run(dir, false, ProgressListener.NONE).clean());
    }
}
