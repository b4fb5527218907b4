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
            sayWhereVectorsLive(VolumeLayout.of(backing).storeDir(), dim);
        } catch (IllegalArgumentException | java.nio.file.FileAlreadyExistsException | vexfs.store.StoreInUseException e) {
            System.err.println("vexfs mkfs: " + e.getMessage());
            return 2;
        }
        return 0;
    }

    /** Large vectors are never silently store-only: the probe's answer, and what it means for copies. */
    private static void sayWhereVectorsLive(Path storeDir, int dim) {
        vexfs.volume.BackingXattr.Fit fit;
        try {
            fit = vexfs.volume.BackingXattr.probe(storeDir, dim);
        } catch (java.io.IOException e) {
            System.err.println("vexfs mkfs: warning: could not probe the backing filesystem's xattrs: " + e.getMessage());
            return;
        }
        String why = switch (fit) {
            case XATTR -> null;
            case STORE_ONLY -> "the backing filesystem cannot hold a " + dim + "-dimension vector (" + (16 + 4 * dim)
                    + " bytes) in a file's xattrs (ext4 keeps ~4 KiB per inode: ~990 dimensions)";
            case NO_XATTRS -> "the backing filesystem has no user xattrs";
        };
        if (why == null) return;
        System.out.println("note: " + why + ", so each vector lives in the store only. The mount serves it as usual,"
                + " but copies of the files (cp -a, rsync -X, tar --xattrs, a backup of BACKING without .vexfs/) do"
                + " not carry it; back vectors up with vexfs export BACKING OUT and restore them with vexfs import"
                + " BACKING OUT.npy --paths OUT.paths. /.vexfs/stats counts them (vectors_store_only).");
    }
}
