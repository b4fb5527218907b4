package vexfs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import vexfs.base.GraphSettings;
import vexfs.base.Metric;
import vexfs.volume.Volume;
import vexfs.volume.VolumeLayout;

@Command(name = "mkfs", mixinStandardHelpOptions = true,
        description = "Create a vector store in BACKING/.vexfs/ (dimension and metric are fixed per store).")
final class MkfsCommand implements Callable<Integer> {
    @Option(names = "--dim", required = true, description = "vector dimension, 1..4096")
    int dim;

    @Option(names = "--metric", defaultValue = "l2", description = "l2, cosine or dot (default: ${DEFAULT-VALUE})")
    String metric;

    @Option(names = "--m", paramLabel = "M", defaultValue = "16",
            description = "HNSW links per node above level 0 (level 0: 2M), 2..512 (default ${DEFAULT-VALUE})")
    int m;

    @Option(names = "--ef-construction", paramLabel = "EF", defaultValue = "200",
            description = "HNSW beam width while building, 1..10000 (default ${DEFAULT-VALUE})")
    int efConstruction;

    @Option(names = "--ef", paramLabel = "EF", defaultValue = "64",
            description = "default search beam width (a query's ef= overrides it), 1..10000 (default ${DEFAULT-VALUE})")
    int ef;

    @Option(names = "--force", description = "replace an existing store (its vectors are lost)")
    boolean force;

    @Parameters(index = "0", paramLabel = "BACKING", description = "the directory whose files the mount shows")
    Path backing;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(backing)) {
            System.err.println("vexfs mkfs: " + backing + " is not a directory");
            return 2;
        }
        Metric kind;
        GraphSettings graph;
        try {
            kind = Metric.parse(metric);
            graph = new GraphSettings(m, efConstruction, ef);
        } catch (IllegalArgumentException e) {
            System.err.println("vexfs mkfs: " + e.getMessage());
            return 2;
        }
        try {
            Volume.create(backing, dim, kind, graph, force);
            System.out.printf(java.util.Locale.ROOT, "created %s: dim %d, metric %s, HNSW %s%n",
                    VolumeLayout.of(backing).storeDir(), dim, kind.label(), graph);
        } catch (IllegalArgumentException | java.nio.file.FileAlreadyExistsException | vexfs.store.StoreInUseException e) {
            System.err.println("vexfs mkfs: " + e.getMessage());
            return 2;
        }
        return 0;
    }
}
