package vexfs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vexfs.store.StoreInspector;
import vexfs.store.VectorStore;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Show the vector file of BACKING: header, counts, free slots, checksum status; or one record.",
                "Works on a mounted store too (read-only view of the mapping)."})
final class InspectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BACKING")
    Path backing;

    @ArgGroup(exclusive = true)
    Selection one;

    static final class Selection {
        @Option(names = "--record", paramLabel = "N", description = "dump the record in slot N")
        Integer record;

        @Option(names = "--file", paramLabel = "PATH",
                description = "dump the record of a file (a path inside BACKING, or relative to it)")
        Path file;
    }

    @Option(names = "--json", description = "JSON output")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Path dir = backing.resolve(".vexfs");
        if (!Files.isRegularFile(dir.resolve(VectorStore.FILE_NAME))) {
            System.err.println("vexfs inspect: " + backing + " has no vector store (run vexfs mkfs first)");
            return 2;
        }
        try (VectorStore store = VectorStore.open(dir, true)) {
            if (one == null) {
                System.out.print(StoreInspector.describe(store, json));
                return 0;
            }
            int slot;
            if (one.record != null) {
                slot = one.record;
                if (slot < 0 || slot >= store.capacity()) {
                    System.err.println("vexfs inspect: slot " + slot + " outside [0, " + store.capacity() + ")");
                    return 2;
                }
            } else {
                Path f = one.file.isAbsolute() ? one.file : backing.resolve(one.file);
                Path b = backing.toAbsolutePath().normalize();
                if (!f.toAbsolutePath().normalize().startsWith(b)) {
                    System.err.println("vexfs inspect: " + one.file + " is not inside " + b
                            + " (give the path in the backing directory, or relative to it)");
                    return 2;
                }
                if (!Files.exists(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    System.err.println("vexfs inspect: " + f + " does not exist");
                    return 2;
                }
                long key = (Long) Files.getAttribute(f, "unix:ino", java.nio.file.LinkOption.NOFOLLOW_LINKS);
                slot = store.slotOf(key);
                if (slot < 0) {
                    System.err.println("vexfs inspect: " + f + " (ino " + key + ") has no vector in the store");
                    return 1;
                }
            }
            System.out.print(StoreInspector.record(store, slot, json));
            return 0;
        }
    }
}
