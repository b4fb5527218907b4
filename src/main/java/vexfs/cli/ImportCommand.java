package vexfs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import vexfs.volume.BulkImport;
import vexfs.volume.VolumeLayout;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Offline bulk load (BACKING must not be mounted): creates one new file per vector of an "
                + "fvecs file under BACKING/PREFIX (d000000/v000000000, --files-per-dir per directory), gives each "
                + "its vector (the backing xattr user.vexfs.v1, then the store) and inserts the new vectors into "
                + "the HNSW graph (created with the volume's M and ef-construction, set by mkfs, if there is none yet).",
                "fvecs: per vector an int32 little-endian dimension, then that many float32 little-endian."})
final class ImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BACKING")
    Path backing;

    @Option(names = "--fvecs", required = true, paramLabel = "FILE", description = "the vectors (fvecs format)")
    Path fvecs;

    @Option(names = "--prefix", defaultValue = "", paramLabel = "DIR/",
            description = "directory under BACKING for the new files (default: BACKING itself)")
    String prefix;

    @Option(names = "--files-per-dir", defaultValue = "1000", description = "files per directory (default: ${DEFAULT-VALUE})")
    int filesPerDir;

    @Option(names = "--limit", defaultValue = "" + Long.MAX_VALUE, paramLabel = "N", description = "import at most N vectors")
    long limit;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N",
            description = "graph insert threads (default: available processors)")
    int threads;

    @Override
    public Integer call() throws Exception {
        VolumeLayout.of(backing).requireAccess(true);
        if (!VolumeLayout.of(backing).hasStore()) {
            System.err.println("vexfs import: " + backing + " has no vector store; run vexfs mkfs first");
            return 2;
        }
        if (!Files.isRegularFile(fvecs)) {
            System.err.println("vexfs import: " + fvecs + " is not a file");
            return 2;
        }
        if (filesPerDir < 1 || limit < 0 || prefix.startsWith("/") || prefix.contains("..")) {
            System.err.println("vexfs import: bad --files-per-dir, --limit or --prefix (relative, no ..)");
            return 2;
        }
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        BulkImport.Result r = BulkImport.fromFvecs(backing, fvecs, prefix, filesPerDir, limit, n,
                new ProgressLine("import"));
        System.out.printf(java.util.Locale.ROOT, "imported %d vectors into %s: files and store in %.1f s, graph (%d inserts, %d threads) in %.1f s%n",
                r.files(), backing, r.fileMillis() / 1000.0, r.graphInserts(), n, r.graphMillis() / 1000.0);
        return 0;
    }
}
