package vexfs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import vexfs.volume.BulkAttach;
import vexfs.volume.BulkImport;
import vexfs.volume.VolumeLayout;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Offline bulk load (BACKING must not be mounted), in one of two modes.",
                "Attach: vexfs import BACKING VECTORS [--paths LIST] gives existing files their vectors (replacing "
                        + "any they had), as setxattr through the mount would: the backing xattr user.vexfs.v1, then "
                        + "the store, then the HNSW graph. The format of VECTORS is detected from its content:",
                "  .npy   NumPy array, float32 little-endian, shape (n, dim), C order (np.save(f, a.astype('<f4')))",
                "  .fvecs per vector an int32 little-endian dimension, then that many float32 little-endian",
                "  JSON lines: {\"path\": \"docs/a.txt\", \"vector\": [0.1, 0.2, ...]} per line",
                "  .npy and .fvecs need --paths: a text file whose line i names the file of row i. Paths are relative "
                        + "to the mount root (= BACKING; a leading / is allowed); symlinks are not followed. "
                        + "vexfs export writes exactly these files.",
                "  Rows that cannot be applied (no such file, a directory, a bad vector) are listed and skipped; "
                        + "the exit status is then 1.",
                "Placeholders: vexfs import BACKING --fvecs FILE creates one new file per vector under BACKING/PREFIX "
                        + "(d000000/v000000000, --files-per-dir per directory).",
                "The graph is created with the volume's M and ef-construction (set by mkfs) if there is none yet."})
final class ImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BACKING")
    Path backing;

    @Parameters(index = "1", arity = "0..1", paramLabel = "VECTORS", description = ".npy, .fvecs or JSON lines (attach mode)")
    Path vectors;

    @Option(names = "--paths", paramLabel = "LIST", description = "the files of the rows of a .npy or .fvecs file, one per line")
    Path paths;

    @Option(names = "--fvecs", paramLabel = "FILE", description = "placeholder mode: new files for the vectors of FILE "
            + "(with --paths: attach them to the listed files instead)")
    Path fvecs;

    @Option(names = "--prefix", defaultValue = "", paramLabel = "DIR/",
            description = "placeholder mode: directory under BACKING for the new files (default: BACKING itself)")
    String prefix;

    @Option(names = "--files-per-dir", defaultValue = "1000", description = "placeholder mode: files per directory (default: ${DEFAULT-VALUE})")
    int filesPerDir;

    @Option(names = "--limit", defaultValue = "" + Long.MAX_VALUE, paramLabel = "N", description = "placeholder mode: import at most N vectors")
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
        Path source = vectors != null ? vectors : fvecs;
        if (source == null || (vectors != null && fvecs != null)) {
            System.err.println("vexfs import: name the vectors: VECTORS (attach to existing files) or --fvecs FILE "
                    + "(new placeholder files); see vexfs import --help");
            return 2;
        }
        if (!Files.isRegularFile(source)) {
            System.err.println("vexfs import: " + source + " is not a file");
            return 2;
        }
        if (paths != null && !Files.isRegularFile(paths)) {
            System.err.println("vexfs import: " + paths + " is not a file");
            return 2;
        }
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        if (vectors != null || paths != null) return attach(source, n);
        if (filesPerDir < 1 || limit < 0 || prefix.startsWith("/") || prefix.contains("..")) {
            System.err.println("vexfs import: bad --files-per-dir, --limit or --prefix (relative, no ..)");
            return 2;
        }
        BulkImport.Result r = BulkImport.fromFvecs(backing, fvecs, prefix, filesPerDir, limit, n,
                new ProgressLine("import"));
        System.out.printf(java.util.Locale.ROOT, "imported %d vectors into %s: files and store in %.1f s, graph (%d inserts, %d threads) in %.1f s%n",
                r.files(), backing, r.fileMillis() / 1000.0, r.graphInserts(), n, r.graphMillis() / 1000.0);
        return 0;
    }

    private int attach(Path source, int n) throws Exception {
        int[] shown = {0};
        BulkAttach.Result r;
        try {
            r = BulkAttach.attach(backing, source, paths, n, new ProgressLine("import"), (where, why) -> {
                if (shown[0]++ < 100) System.err.println("vexfs import: " + where + " skipped: " + why);
                else if (shown[0] == 101) System.err.println("vexfs import: (more rows skipped; not listed)");
            });
        } catch (java.io.IOException e) {
            System.err.println("vexfs import: " + e.getMessage());
            return e instanceof vexfs.store.StoreInUseException ? 2 : 1;
        }
        System.out.printf(java.util.Locale.ROOT, "imported %d vectors into %s (%d replaced a vector, %d rows skipped): files "
                        + "and store in %.1f s, graph (%d inserts, %d threads) in %.1f s%n", r.attached(), backing,
                r.replaced(), r.skipped(), r.fileMillis() / 1000.0, r.graphInserts(), n, r.graphMillis() / 1000.0);
        return r.skipped() > 0 ? 1 : 0;
    }
}
