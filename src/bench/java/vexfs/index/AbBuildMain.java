package vexfs.index;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import vexfs.base.Metric;
import vexfs.store.VectorStore;

/**
 * Builds a store and graph for {@link ScorerAbBench} in {@code DIR} (args: DATA DIR; DATA as in {@link AbData}),
 * through the public API only, so the same file compiled against an older checkout builds that checkout's graph
 * for a byte comparison. Prints the build's wall and thread CPU seconds.
 */
public final class AbBuildMain {
    private AbBuildMain() {
    }

    public static void main(String[] args) throws Exception {
        AbData data = AbData.load(args[0], 1);
        Path dir = Path.of(args[1]);
        Files.createDirectories(dir);
        var threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        try (VectorStore store = VectorStore.create(dir.resolve("store"), data.dim(), Metric.L2, false);
             HnswIndex index = HnswIndex.create(dir.resolve("graph.vxg"), store.asVectorSource(), HnswParams.defaults(data.dim()))) {
            for (int i = 0; i < data.rows(); i++) {
                int slot = store.put(i, data.row(i));
                if (slot != i) throw new IllegalStateException("slot " + slot + " for row " + i);
                index.insert(slot);
            }
            store.sync();
            index.sync();
        }
        System.out.printf(Locale.ROOT, "build data=%s rows=%d wall_s=%.2f cpu_s=%.2f%n", args[0], data.rows(),
                (System.nanoTime() - t0) / 1e9, (threads.getCurrentThreadCpuTime() - cpu0) / 1e9);
    }
}
