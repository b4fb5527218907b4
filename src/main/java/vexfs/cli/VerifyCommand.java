package vexfs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import vexfs.volume.GraphCheck;
import vexfs.volume.ReconcileReport;
import vexfs.volume.StoreMaintenance;
import vexfs.volume.VolumeLayout;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check the vector store of BACKING: the file itself (header, counters, every record's "
                + "checksum, duplicate keys) and against the files' vectors (the xattrs on the backing files are "
                + "the authority): vectors missing from the store, different, or left behind by deleted files; then the "
                + "HNSW graph (structure, and that its live nodes are the store's live slots; --repair rebuilds it).",
                "Exit status: 0 clean (or repaired), 1 problems found, 2 bad usage. Run it on an unmounted "
                        + "backing directory (--repair refuses a mounted one)."})
final class VerifyCommand implements Callable<Integer> {
    @Option(names = "--repair", description = "fix what is found: damaged records, counters, store vs files, store "
            + "modes and owners, vector xattrs this store cannot hold (moved aside to user.vexfs.v1.foreign)")
    boolean repair;

    @Parameters(index = "0", paramLabel = "BACKING", description = "the backing directory (holds .vexfs/)")
    Path backing;

    @Override
    public Integer call() throws Exception {
        VolumeLayout.of(backing).requireAccess(repair);
        if (!Files.isDirectory(VolumeLayout.of(backing).storeDir())) {
            System.err.println("vexfs verify: " + backing + " has no vector store (run vexfs mkfs first)");
            return 2;
        }
        List<String> modes = StoreMaintenance.modeProblems(backing); // before --repair tightens them
        StoreMaintenance.VerifyResult r = StoreMaintenance.verify(backing, repair, new ProgressLine("verify"));
        List<String> modesLeft = repair ? StoreMaintenance.modeProblems(backing) : modes;
        for (String m : modes) {
            System.out.println("mode problem: " + m + " (the store must be private to its owner)"
                    + (!repair ? "" : !modesLeft.contains(m) ? " (repaired)" : " (NOT repaired: an owner only root can change)"));
        }
        System.out.print(r.store().toText());
        ReconcileReport f = r.files();
        if (f != null) {
            System.out.printf(java.util.Locale.ROOT, "files: %d regular files, %d with a vector%n", f.files(), f.withVector());
            for (String p : f.problems()) System.out.println("problem: " + p);
            System.out.printf(java.util.Locale.ROOT, "store vs files: %d missing from the store, %d different, %d stale, %d lost%s%n",
                    f.added(), f.updated(), f.stale(), f.lostStoreOnly(), f.discrepancies() > 0 && repair
                            ? " (repaired)" : "");
            if (f.foreign() > 0) {
                System.out.printf(java.util.Locale.ROOT, "foreign vectors: %d files carry a vector xattr this store cannot hold "
                        + "(another dimension, damaged or not storable)%s%n", f.foreign(), repair
                        ? ": moved aside to user.vexfs.v1.foreign (repaired)" : "; --repair moves them aside");
            }
        }
        if (r.files() == null && !r.store().repairable()) {
            System.out.println("hint: the store cannot be repaired; rebuild it from the files' vectors with vexfs reindex "
                    + "--dim N --metric l2|cosine|dot " + backing);
        }
        GraphCheck.Outcome g = GraphCheck.run(backing, repair && r.ok(), ProgressLine.graph("verify"));
        System.out.print(g.text());
        boolean clean = r.clean() && g.clean() && modes.isEmpty();
        boolean ok = r.ok() && g.ok() && modesLeft.isEmpty();
        System.out.println(clean ? "result: clean" : ok ? "result: repaired"
                : "result: PROBLEMS FOUND" + (repair ? "" : " (run vexfs verify --repair)"));
        return ok ? 0 : 1;
    }
}
