package vexfs.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.base.GraphSettings;
import vexfs.base.Metric;
import vexfs.base.SearchResult;
import vexfs.index.GraphVerifier;
import vexfs.index.HnswIndex;
import vexfs.index.VerifyReport;
import vexfs.store.VectorStore;

/**
 * The graph's life cycle without a mount: a build in the background while store changes keep coming (none lost,
 * none undone), exact answers until it is ready, compaction past the tombstone threshold, and a graph truncated
 * under its mapping dropped and rebuilt while searches stay exact.
 */
class MountedGraphTest {
    static final int DIM = 16;

    @TempDir
    Path backing;

    /**
     * A node no search reaches (what concurrent pruning leaves now and then) is re-linked by a walk once enough
     * changes came, without waiting for a compaction: here a node cut off by hand, then 120 puts past a threshold of
     * max(50, live nodes / 20) = 78 changes. Without the walk it stays unfound until the next compaction or unmount.
     */
    @Test
    void anUnreachableNodeIsRelinkedAfterEnoughChangesWithoutACompaction() throws Exception {
        Volume.create(backing, DIM, Metric.L2, new GraphSettings(16, 100, 64), false);
        SplittableRandom r = new SplittableRandom(9);
        System.setProperty("vexfs.relink.minChanges", "50");
        System.setProperty("vexfs.relink.intervalMillis", "0");
        try (Volume v = Volume.open(backing, Volume.Access.MOUNT)) {
            VectorStore store = v.store();
            for (long key = 0; key < 1500; key++) store.put(key, gaussian(r));
            MountedGraph g = MountedGraph.open(v);
            try {
                assertTrue(g.awaitIdle(120_000));
                int victim = store.slotOf(700);
                float[] q = new float[DIM];
                store.get(700, q);
                g.withServing(idx -> {
                    vexfs.index.GraphSurgery.orphan(idx, victim);
                    return null;
                });
                assertEquals(1, (int) g.<Integer>withServing(idx -> GraphVerifier.verify(idx, (p, d, t) -> { }).unreachable()));
                for (long key = 2000; key < 2120; key++) {
                    g.reserve(store.slotCount() + 1);
                    g.onPut(key, store.put(key, gaussian(r)), -1);
                }
                assertTrue(g.awaitIdle(120_000));
                assertEquals(0, (int) g.<Integer>withServing(idx -> GraphVerifier.verify(idx, (p, d, t) -> { }).unreachable()));
                assertEquals(victim, g.search(q, 1, 64, null).slots()[0], "the cut-off node is found again");
                assertTrue(g.stateRows().stream().anyMatch(row -> row[0].equals("graph_relinked_between_compactions")
                        && Long.parseLong(row[1]) >= 1), "counted in the stats");
            } finally {
                g.close();
            }
        } finally {
            System.clearProperty("vexfs.relink.minChanges");
            System.clearProperty("vexfs.relink.intervalMillis");
        }
    }

    @Test
    void changesDuringABackgroundBuildAreNeitherLostNorUndone() throws Exception {
        Volume.create(backing, DIM, Metric.L2, new GraphSettings(16, 100, 64), false);
        SplittableRandom r = new SplittableRandom(5);
        try (Volume v = Volume.open(backing, Volume.Access.MOUNT)) {
            VectorStore store = v.store();
            for (long key = 0; key < 3000; key++) store.put(key, gaussian(r));
            MountedGraph g = MountedGraph.open(v); // no graph file: built in the background
            try {
                assertFalse(g.ready());
                float[] q = gaussian(r);
                SearchResult exact = store.exactSearch(q, 10, null);
                assertTrue(java.util.Arrays.equals(exact.slots(), g.search(q, 10, 4000, null).slots()),
                        "exact search while building");
                // churn while the build runs: updates, removals, new keys
                for (int i = 0; i < 2000; i++) {
                    long key = r.nextLong(4000);
                    if (r.nextInt(4) == 0) {
                        int old = store.slotOf(key);
                        if (store.remove(key)) g.onRemove(key, old);
                    } else {
                        int old = store.slotOf(key);
                        g.reserve(store.slotCount() + 1);
                        int slot = store.put(key, gaussian(r));
                        g.onPut(key, slot, old);
                    }
                }
                assertTrue(g.awaitIdle(120_000));
                assertTrue(g.ready());
                VerifyReport rep = g.withServing(idx -> {
                    for (int slot = 0; slot < store.slotCount(); slot++) {
                        assertEquals(store.isLive(slot), idx.contains(slot), "slot " + slot);
                    }
                    return GraphVerifier.verify(idx, (p, d, t) -> { });
                });
                assertTrue(rep.ok(), rep.toText());
                assertEquals(store.liveCount(), g.nodes());
                store.get(17, q);
                if (store.slotOf(17) >= 0) assertEquals(store.slotOf(17), g.search(q, 1, 64, null).slots()[0]);
            } finally {
                g.close();
            }
        }
        assertTrue(Files.exists(VolumeLayout.of(backing).graphFile()));
        assertFalse(Files.exists(VolumeLayout.of(backing).graphBuildFile()));
    }

    @Test
    void deletesPastTheThresholdAreCompactedAndATruncatedGraphIsRebuilt() throws Exception {
        Volume.create(backing, DIM, Metric.L2, new GraphSettings(16, 100, 64), false);
        SplittableRandom r = new SplittableRandom(3);
        try (Volume v = Volume.open(backing, Volume.Access.MOUNT)) {
            VectorStore store = v.store();
            for (long key = 0; key < 2000; key++) store.put(key, gaussian(r));
            MountedGraph g = MountedGraph.open(v);
            try {
                assertTrue(g.awaitIdle(120_000) && g.ready());
                for (long key = 0; key < 400; key++) {
                    int slot = store.slotOf(key);
                    store.remove(key);
                    g.onRemove(key, slot);
                }
                assertTrue(g.awaitIdle(120_000));
                int tombstones = g.withServing(HnswIndex::tombstoneCount);
                assertTrue(tombstones < 400 - 1600 / 10, "tombstones left: " + tombstones);
                assertEquals(1600, g.nodes());

                // truncated under the mapping (by root, by accident): the next search faults, answers exactly
                try (RandomAccessFile f = new RandomAccessFile(VolumeLayout.of(backing).graphFile().toFile(), "rw")) {
                    f.setLength(4096);
                }
                AtomicReference<String> disagreement = new AtomicReference<>();
                for (int i = 0; i < 20; i++) {
                    float[] q = gaussian(r);
                    SearchResult exact = store.exactSearch(q, 10, null);
                    SearchResult got = g.search(q, 10, 2000, null);
                    if (!java.util.Arrays.equals(exact.slots(), got.slots())) disagreement.set("query " + i);
                }
                assertEquals(null, disagreement.get(), "search after truncation");
                assertTrue(g.stateRows().stream().anyMatch(row -> row[0].equals("graph_damage_events")
                        && Integer.parseInt(row[1]) >= 1));
                assertTrue(g.awaitIdle(120_000) && g.ready(), "rebuilt");
                assertEquals(1600, g.nodes());
                assertTrue(Files.size(VolumeLayout.of(backing).graphFile()) > 4096);
            } finally {
                g.close();
            }
        }
    }

    private static float[] gaussian(SplittableRandom r) {
        float[] v = new float[DIM];
        for (int d = 0; d < DIM; d++) v[d] = (float) r.nextGaussian();
        return v;
    }
}
