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
import vexfs.volume.FileKeyPaths;
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
            if (one == null) return overview(volume, store);
            if (one.graph || one.node != null) {
                Path graphFile = layout.graphFile();
                if (!Files.isRegularFile(graphFile)) {
                    System.out.println("graph: none (" + graphFile + " is built at the next mount)");
                    return 1;
                }
                try (HnswIndex index = volume.openGraphReadOnly()) {
                    if (one.graph) {
                        System.out.print(json ? GraphInspector.json(index) + "\n" : GraphInspector.text(index));
                    } else {
                        String path = store.isLive(one.node) ? FileKeyPaths.find(backing, vexfs.volume.ChunkKeys.owner(store.fileKeyOf(one.node))) : null;
                        System.out.print(GraphInspector.dumpNode(index, one.node, path, json) + (json ? "\n" : ""));
                    }
                } catch (CorruptGraphException e) {
                    System.out.println("graph: unreadable (" + e.getMessage() + "); vexfs verify --repair rebuilds it");
                    return 1;
                }
                return 0;
            }
            int slot;
            String path = null;
            if (one.record != null) {
                slot = one.record;
                if (slot < 0 || slot >= store.capacity()) {
                    System.err.println("vexfs inspect: slot " + slot + " outside [0, " + store.capacity() + ")");
                    return 2;
                }
                if (store.isLive(slot)) path = FileKeyPaths.find(backing, vexfs.volume.ChunkKeys.owner(store.fileKeyOf(slot)));
            } else {
                Path f = inBacking(one.file);
                if (f == null) {
                    System.err.println("vexfs inspect: " + one.file + " is neither inside " + backing.toAbsolutePath()
                            .normalize() + " nor inside a VexFS mount of it (give a path in the backing directory, "
                            + "relative to it, or through the mount)");
                    return 2;
                }
                if (!Files.exists(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    System.err.println("vexfs inspect: " + one.file + " does not exist");
                    return 2;
                }
                long key = (Long) Files.getAttribute(f, "unix:ino", java.nio.file.LinkOption.NOFOLLOW_LINKS);
                slot = store.slotOf(key);
                if (slot < 0) {
                    System.err.println("vexfs inspect: " + one.file + " (ino " + key + ") has no vector in the store");
                    return 1;
                }
                path = "/" + backing.toAbsolutePath().normalize().relativize(f.toAbsolutePath().normalize());
            }
            System.out.print(StoreInspector.record(store, slot, path, json));
            return 0;
        }
    }

    /** The store, then the graph: as text, or as one JSON object {"store": ..., "graph": ... or null, "graph_note"}. */
    private int overview(Volume volume, VectorStore store) throws java.io.IOException {
        Path graphFile = VolumeLayout.of(backing).graphFile();
        String graphText = null, graphJson = null, note = null;
        int rc = 0;
        if (!Files.isRegularFile(graphFile)) {
            note = "none (" + graphFile + " is built at the next mount)";
        } else {
            try (HnswIndex index = volume.openGraphReadOnly()) {
                if (json) graphJson = GraphInspector.json(index);
                else graphText = GraphInspector.text(index);
            } catch (CorruptGraphException e) {
                note = "unreadable (" + e.getMessage() + "); vexfs verify --repair rebuilds it";
                rc = 1;
            }
        }
        if (json) {
            String storeJson = StoreInspector.describe(store, true).strip().replace("\n", "\n  ");
            System.out.println("{\n  \"store\": " + storeJson + ",\n  \"graph\": " + (graphJson == null ? "null" : graphJson)
                    + ",\n  \"graph_note\": " + vexfs.base.JsonText.quote(note) + "\n}");
        } else {
            System.out.print(StoreInspector.describe(store, false));
            if (graphText != null) System.out.print("graph (" + graphFile.getFileName() + "):\n" + graphText);
            else System.out.println("graph: " + note);
        }
        return rc;
    }

    /**
     * {@code file} as a path inside the backing directory: given inside it, relative to it, or through a VexFS
     * mount of it (same inode: the mount shows the backing files); null if none of these.
     */
    private Path inBacking(Path file) {
        Path b = backing.toAbsolutePath().normalize();
        Path f = (file.isAbsolute() ? file : b.resolve(file)).toAbsolutePath().normalize();
        if (f.startsWith(b)) return f;
        Path asGiven = file.toAbsolutePath().normalize();
        for (Path mnt : Mounts.mountsOf(b)) {
            if (asGiven.startsWith(mnt)) return b.resolve(mnt.relativize(asGiven).toString());
        }
        return null;
    }
}
