package vexfs.volume;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.base.GraphSettings;
import vexfs.base.Metric;
import vexfs.base.ProgressListener;

/**
 * {@code vexfs verify}: nodes not found by their own vector (sampled) are a finding, not "clean" (issue 16). A graph
 * whose structure is sound and whose nodes are the store's slots, but which was built for other vectors (another
 * store's graph with the same slots, no store id recorded), passes every structural check; only the self-search
 * shows that searches through it miss. {@code --repair} rebuilds it.
 */
class GraphCheckSelfSearchTest {
    static final int DIM = 24;
    static final int N = 1500;

    @TempDir
    Path tmp;

    @Test
    void nodesNotFoundByTheirOwnVectorAreAFindingAndRepairRebuilds() throws Exception {
        Path a = volume("a", 1);
        Path b = volume("b", 2);
        GraphCheck.Outcome healthy = GraphCheck.run(a, false, ProgressListener.NONE);
        assertTrue(healthy.clean(), healthy.text());
        assertTrue(healthy.text().contains("sampled nodes not found by their own vector"), healthy.text());

        // b's vectors, a's graph: same slots, same live set, sound structure
        VolumeLayout la = VolumeLayout.of(a), lb = VolumeLayout.of(b);
        Files.copy(la.graphFile(), lb.graphFile(), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(la.graphUpperFile(), lb.graphUpperFile(), StandardCopyOption.REPLACE_EXISTING);
        GraphCheck.Outcome foreign = GraphCheck.run(b, false, ProgressListener.NONE);
        System.out.println("GraphCheckSelfSearchTest: " + foreign.text().strip().replace('\n', ' '));
        assertFalse(foreign.clean() || foreign.ok(), foreign.text());
        assertTrue(foreign.text().contains("graph problem: ") && foreign.text().contains("not found by their own vector"),
                foreign.text());

        GraphCheck.Outcome repaired = GraphCheck.run(b, true, ProgressListener.NONE);
        assertTrue(repaired.ok() && repaired.text().contains("rebuilt from the store"), repaired.text());
        GraphCheck.Outcome after = GraphCheck.run(b, false, ProgressListener.NONE);
        assertTrue(after.clean(), after.text());

        // a graph that records another store's id is a finding by itself
        Files.copy(lb.graphFile(), la.graphFile(), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(lb.graphUpperFile(), la.graphUpperFile(), StandardCopyOption.REPLACE_EXISTING);
        GraphCheck.Outcome other = GraphCheck.run(a, false, ProgressListener.NONE);
        assertTrue(!other.ok() && other.text().contains("built for another store"), other.text());
    }

    /** A volume of N random vectors (keys 1..N, slots 0..N-1) with a graph that records no store id. */
    private Path volume(String name, long seed) throws Exception {
        Path backing = Files.createDirectories(tmp.resolve(name));
        Volume.create(backing, DIM, Metric.L2, new GraphSettings(16, 100, 64), false);
        SplittableRandom r = new SplittableRandom(seed);
        try (Volume v = Volume.open(backing, Volume.Access.EXCLUSIVE)) {
            float[] x = new float[DIM];
            for (long key = 1; key <= N; key++) {
                for (int d = 0; d < DIM; d++) x[d] = (float) r.nextGaussian();
                v.store().put(key, x);
            }
            // built without recording the store's id (as graphs made before it was recorded): only the self-search
            // can tell that it belongs elsewhere
            vexfs.index.HnswIndex.rebuild(VolumeLayout.of(backing).graphFile(), v.store().asVectorSource(),
                    v.hnswParams(), v.store()::isLive, ProgressListener.NONE).close();
        }
        return backing;
    }
}
