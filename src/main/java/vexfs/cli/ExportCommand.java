package vexfs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import vexfs.volume.BulkExport;
import vexfs.volume.VolumeLayout;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write every file's vector (exactly as getxattr returns it) to OUT.npy, a NumPy float32 array "
                + "of shape (n, dim), and the files' paths to OUT.paths, line i naming the file of row i (relative "
                + "to the mount root); with --fvecs also OUT.fvecs (FAISS / ANN-benchmark layout). BACKING may be "
                + "mounted: the store is only read.",
                "Load in Python: v = np.load('OUT.npy'); paths = open('OUT.paths', 'rb').read().split(b'\\n')[:-1]",
                "This is the backup path for vectors (large vectors may live in the store only, see vexfs mkfs): "
                        + "vexfs import BACKING OUT.npy --paths OUT.paths restores them bit-exact. Names that contain "
                        + "a newline cannot be listed and are counted, not exported."})
final class ExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BACKING", description = "the backing directory (holds .vexfs/)")
    Path backing;

    @Parameters(index = "1", paramLabel = "OUT", description = "output prefix: OUT.npy, OUT.paths (, OUT.fvecs)")
    Path out;

    @Option(names = "--fvecs", description = "also write OUT.fvecs")
    boolean fvecs;

    @Override
    public Integer call() throws Exception {
        VolumeLayout.of(backing).requireAccess(false);
        if (!VolumeLayout.of(backing).hasStore()) {
            System.err.println("vexfs export: " + backing + " has no vector store (run vexfs mkfs first)");
            return 2;
        }
        Path dir = out.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            System.err.println("vexfs export: directory " + dir + " does not exist");
            return 2;
        }
        String base = out.getFileName().toString();
        Path npy = out.resolveSibling(base + ".npy"), list = out.resolveSibling(base + ".paths");
        Path fv = fvecs ? out.resolveSibling(base + ".fvecs") : null;
        BulkExport.Result r = BulkExport.export(backing, npy, list, fv, new ProgressLine("export"));
        System.out.printf(java.util.Locale.ROOT, "exported %d vectors of %s to %s and %s%s in %.1f s%n", r.rows(), backing,
                npy, list, fv == null ? "" : " and " + fv, r.millis() / 1000.0);
        if (r.unlistable() > 0) {
            System.out.println("note: " + r.unlistable() + " files with a newline in their path were left out");
        }
        if (r.rows() + r.unlistable() != r.storeLive()) {
            System.out.println("note: the store holds " + r.storeLive() + " vectors (a mount changing them, or run "
                    + "vexfs verify)");
        }
        return 0;
    }
}
