package vexfs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import vexfs.index.CorruptGraphException;
import vexfs.index.GraphInspector;
import vexfs.index.HnswIndex;
import vexfs.store.StoreInspector;
import vexfs.store.VectorStore;
import vexfs.volume.Volume;
import vexfs.volume.VolumeLayout;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Show the vector file of BACKING: header, counts, free slots, checksum status, and the HNSW "
                + "graph (entry point, levels, degrees, unreachable nodes, tombstones); or one record or graph node.",
                "Works on a mounted store too (read-only view of the mappings)."})
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

        @Option(names = "--graph", description = "only the graph: entry point, level histogram, degree min/mean/max "
                + "per level, unreachable nodes, tombstones")
        boolean graph;

        @Option(names = "--node", paramLabel = "N", description = "dump the graph node N (= slot N): state, level, neighbours per level")
        Integer node;
    }

    @Option(names = "--json", description = "JSON output")
    boolean json;

    @Override
    public Integer call() throws Exception {
        VolumeLayout layout = VolumeLayout.of(backing);
        layout.requireAccess(false); // a private store: refused with exit 2, never read as another user
        if (!layout.hasStore()) {
            System.err.println("vexfs inspect: " + backing + " has no vector store (run vexfs mkfs first)");
            return 2;
        }
        try (Volume volume = Volume.open(backing, Volume.Access.READ_ONLY)) {
            VectorStore store = volume.store();
            Path graphFile = layout.graphFile();
            if (one == null || one.graph || one.node != null) {
                if (one == null) System.out.print(StoreInspector.describe(store, json));
                if (one == null && json) return 0; // the store's JSON object stays as it was; --graph --json for the graph
                if (!Files.isRegularFile(graphFile)) {
                    System.out.println("graph: none (" + graphFile + " is built at the next mount)");
                    return one == null ? 0 : 1;
                }
                try (HnswIndex index = volume.openGraphReadOnly()) {
                    if (one == null) System.out.print("graph (" + graphFile.getFileName() + "):\n" + GraphInspector.text(index));
                    else if (one.graph) System.out.print(json ? GraphInspector.json(index) + "\n" : GraphInspector.text(index));
                    else System.out.print(GraphInspector.dumpNode(index, one.node, json) + (json ? "\n" : ""));
                } catch (CorruptGraphException e) {
                    System.out.println("graph: unreadable (" + e.getMessage() + "); vexfs verify --repair rebuilds it");
                    return 1;
                }
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
