package vexfs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import vexfs.base.Metric;
import vexfs.volume.ReconcileReport;
import vexfs.volume.StoreMaintenance;
import vexfs.volume.VolumeLayout;

@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = {"Rebuild the vector store of BACKING from the vectors the files carry (their xattrs): a new "
                + "store is filled by walking the tree and replaces the old one atomically. Run it unmounted.",
                "--dim/--metric are needed only when the old store cannot be read."})
final class ReindexCommand implements Callable<Integer> {
    @Option(names = "--dim", description = "dimension, if the old store is unreadable")
    int dim;

    @Option(names = "--metric", description = "l2, cosine or dot, if the old store is unreadable")
    String metric;

    @Parameters(index = "0", paramLabel = "BACKING")
    Path backing;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(backing)) {
            System.err.println("vexfs reindex: " + backing + " is not a directory");
            return 2;
        }
        VolumeLayout.of(backing).requireAccess(true);
        Metric m = null;
        if (metric != null) {
            try {
                m = Metric.parse(metric);
            } catch (IllegalArgumentException e) {
                System.err.println("vexfs reindex: " + e.getMessage());
                return 2;
            }
        }
        long t0 = System.nanoTime();
        ReconcileReport r = StoreMaintenance.reindex(backing, dim, m, new ProgressLine("reindex"));
        System.out.printf(java.util.Locale.ROOT, "reindexed %s: %d regular files, %d vectors in the new store, %d lost, in %d ms%n",
                backing, r.files(), r.added(), r.lostStoreOnly(), (System.nanoTime() - t0) / 1_000_000);
        for (String p : r.problems()) if (p.contains("lost")) System.out.println("problem: " + p);
        return r.lostStoreOnly() == 0 ? 0 : 1;
    }
}
