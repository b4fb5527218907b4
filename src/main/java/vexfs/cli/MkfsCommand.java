package vexfs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import vexfs.base.EmbedderSpec;
import vexfs.base.GraphSettings;
import vexfs.base.Metric;
import vexfs.volume.Volume;
import vexfs.volume.VolumeLayout;

@Command(name = "mkfs", mixinStandardHelpOptions = true,
        description = "Create a vector store in BACKING/.vexfs/ (dimension and metric are fixed per store).")
final class MkfsCommand implements Callable<Integer> {
    @Option(names = "--dim", description = "vector dimension, 1..4096 (required unless --embed gives it)")
    Integer dim;

    @Option(names = "--metric", description = "l2, cosine or dot (default: the model's with --embed, else l2)")
    String metric;

    @Option(names = "--embed", paramLabel = "MODEL",
            description = "embed files automatically with a built-in model (minilm: all-MiniLM-L6-v2, 384-d, cosine)")
    String embed;

    @Option(names = "--embed-cmd", paramLabel = "CMD",
            description = "embed files with CMD (run by /bin/sh -c), a co-process speaking JSON lines; needs --dim")
    String embedCmd;

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
        EmbedderSpec embedder;
        int dim;
        try {
            if (embed != null && embedCmd != null) throw new IllegalArgumentException("--embed and --embed-cmd exclude each other");
            embedder = embed != null ? EmbedderSpec.builtIn(embed)
                    : embedCmd != null ? EmbedderSpec.command(embedCmd) : EmbedderSpec.NONE;
            int modelDim = embedder.kind().dim;
            if (modelDim != 0 && this.dim != null && this.dim != modelDim) {
                throw new IllegalArgumentException("--embed " + embed + " gives " + modelDim + "-d vectors, not " + this.dim);
            }
            if (modelDim == 0 && this.dim == null) throw new IllegalArgumentException("--dim is required");
            dim = modelDim != 0 ? modelDim : this.dim;
            Metric modelMetric = embedder.kind().metric;
            kind = metric == null ? (modelMetric != null ? modelMetric : Metric.L2) : Metric.parse(metric);
            if (modelMetric != null && kind != modelMetric) {
                throw new IllegalArgumentException("--embed " + embed + " compares by " + modelMetric.label() + ", not " + metric);
            }
            graph = new GraphSettings(m, efConstruction, ef);
        } catch (IllegalArgumentException e) {
            System.err.println("vexfs mkfs: " + e.getMessage());
            return 2;
        }
        try {
            Volume.create(backing, dim, kind, graph, embedder, force);
            System.out.printf(java.util.Locale.ROOT, "created %s: dim %d, metric %s, HNSW %s%s%n",
                    VolumeLayout.of(backing).storeDir(), dim, kind.label(), graph,
                    embedder.enabled() ? ", embedder " + embedder.label() : "");
        } catch (IllegalArgumentException | java.nio.file.FileAlreadyExistsException | vexfs.store.StoreInUseException e) {
            System.err.println("vexfs mkfs: " + e.getMessage());
            return 2;
        }
        return 0;
    }
}
