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
        assertTrue(json.out().startsWith("{\"entry_point\":") && json.out().contains("\"levels\":[{\"level\":0,\"nodes\":"),
                json.out());
        CliTest.Out node = CliTest.run("inspect", "--node", "5", dir.toString());
        assertEquals(0, node.exit(), node.err());
        assertTrue(node.out().startsWith("node 5 state=live level=") && node.out().contains("level 0 ("), node.out());
    }

    @Test
    void inspectJsonCarriesTheGraphWithOneKeyStyleAndRecordsShowPaths() throws Exception {
        storeWithGraph(50);
        // a real file whose inode is a store key: --record and --node name its path
        Path f = java.nio.file.Files.createDirectories(dir.resolve("sub")).resolve("named.txt");
        java.nio.file.Files.writeString(f, "x");
        long ino = (Long) java.nio.file.Files.getAttribute(f, "unix:ino");
        int slot;
        try (VectorStore s = VectorStore.open(dir.resolve(".vexfs"), false)) {
            s.put(ino, new float[] {1, 2, 3, 4, 5, 6, 7, 8});
            s.remove(3);  // one free slot, listed as a list
            slot = s.slotOf(ino);
        }
        CliTest.Out all = CliTest.run("inspect", "--json", dir.toString());
        assertEquals(0, all.exit(), all.err());
        String out = all.out();
        assertTrue(out.contains("\"store\": {") && out.contains("\"graph\": {\"entry_point\":"), out);
        assertTrue(out.contains("\"free_slots\": [") && out.contains("\"graph_note\": null"), out);
        assertFalse(out.matches("(?s).*\"[a-z]+[A-Z][A-Za-z]*\":.*"), "camelCase key in " + out);
        CliTest.Out rec = CliTest.run("inspect", "--record", Integer.toString(slot), "--json", dir.toString());
        assertEquals(0, rec.exit(), rec.err());
        assertTrue(rec.out().contains("\"path\": \"/sub/named.txt\""), rec.out());
        CliTest.Out byFile = CliTest.run("inspect", "--file", "sub/named.txt", dir.toString());
        assertTrue(byFile.out().contains("path: /sub/named.txt"), byFile.out());
        CliTest.Out unnamed = CliTest.run("inspect", "--record", "0", dir.toString());
        assertTrue(unnamed.out().contains("path: (not found in the tree)"), unnamed.out());
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

    /**
     * A node no search can reach (every link to it removed from the graph file, as docs/format-graph.md lays the
     * level-0 records out) is a finding, not "clean" (vexfs verify exits 1); --repair re-links it and the next
     * check is clean.
     */
    @Test
    void verifyReportsAnUnreachableNodeAndRepairReLinksIt() throws Exception {
        Path store = storeWithGraph(40);
        Path graph = store.resolve(HnswIndex.FILE_NAME);
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(graph,
                java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer h = java.nio.ByteBuffer.allocate(64).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            ch.read(h, 0);
            int headerBytes = h.getInt(12), m = h.getInt(24), entry = h.getInt(48), recordSize = h.getInt(60);
            java.nio.ByteBuffer rec = java.nio.ByteBuffer.allocate(recordSize).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            int target = -1;
            for (int s = 0; s < 40 && target < 0; s++) { // a level-0-only node that is not the entry point
                rec.clear();
                ch.read(rec, headerBytes + (long) s * recordSize);
                if (s != entry && rec.get(0) == 2 && rec.get(1) == 0) target = s;
            }
            assertTrue(target >= 0, "a level-0 node");
            for (int s = 0; s < 40; s++) {
                rec.clear();
                long at = headerBytes + (long) s * recordSize;
                ch.read(rec, at);
                int count = rec.getInt(8), kept = 0;
                int[] ids = new int[count];
                for (int i = 0; i < count; i++) {
                    int id = rec.getInt(16 + 4 * i);
                    if (id != target) ids[kept++] = id;
                }
                for (int i = 0; i < 2 * m; i++) rec.putInt(16 + 4 * i, i < kept ? ids[i] : 0);
                rec.putInt(8, kept);
                rec.clear();
                ch.write(rec, at);
            }
        }
        // the graph half of vexfs verify (this store has no backing files, so the files half would object too)
        GraphCheck.Outcome found = GraphCheck.run(dir, false, ProgressListener.NONE);
        assertFalse(found.clean() || found.ok(), found.text());
        assertTrue(found.text().contains("graph problem: 1 live nodes unreachable from the entry point"), found.text());
        GraphCheck.Outcome repaired = GraphCheck.run(dir, true, ProgressListener.NONE);
        assertTrue(repaired.ok() && !repaired.clean(), repaired.text());
        assertTrue(repaired.text().contains("1 unreachable nodes re-linked (repaired)"), repaired.text());
        GraphCheck.Outcome again = GraphCheck.run(dir, false, ProgressListener.NONE);
        assertTrue(again.clean(), again.text());
    }
}
