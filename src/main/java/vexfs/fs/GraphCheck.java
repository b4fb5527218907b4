package vexfs.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import vexfs.index.CorruptGraphException;
import vexfs.index.GraphVerifier;
import vexfs.index.HnswIndex;
import vexfs.index.HnswParams;
import vexfs.index.VerifyReport;
import vexfs.store.VectorStore;

/**
 * The HNSW graph file checked offline against the store it indexes: readable, structurally sound, and with a live
 * node exactly where the store has a live slot. The graph is derived data: when it is wrong, repair deletes it and
 * the next mount rebuilds it from the store. A graph left dirty by a crash may differ from the store for the
 * calls in flight: without repair that is only a note (the next mount aligns it); repair checks it like any other.
 */
final class GraphCheck {
    private GraphCheck() {}

    record Result(List<String> problems, List<String> notes, boolean removed) {}

    static Path graphFile(Path backing) {
        return StoreMaintenance.storeDir(backing).resolve(SearchWiring.GRAPH_FILE);
    }

    static Result check(Path backing, VectorStore store, boolean repair) throws IOException {
        Path file = graphFile(backing);
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (!Files.exists(file)) {
            notes.add("no graph file: the next mount builds it");
            return new Result(problems, notes, false);
        }
        try (HnswIndex idx = HnswIndex.open(file, store.asVectorSource(), HnswParams.defaults(store.dimension()))) {
            if (idx.wasDirty() && !repair) {
                // verifying would mark it clean and skip the alignment the next mount does after a crash
                notes.add("graph: not closed cleanly; the next mount checks it and aligns it with the store");
                return new Result(problems, notes, false);
            }
            VerifyReport r = GraphVerifier.verify(idx, (phase, done, total) -> { });
            for (String e : r.errors()) problems.add("graph: " + e);
            if (r.unreachable() > 0) {
                // HNSW can orphan a node now and then; many orphans mean a damaged graph
                String s = "graph: " + r.unreachable() + " of " + r.live() + " live nodes unreachable from the entry point";
                if (r.unreachable() * 100L > r.live()) problems.add(s);
                else notes.add(s + " (search cannot return them)");
            }
            int differ = 0;
            for (int slot = 0; slot < store.slotCount(); slot++) {
                if (store.isLive(slot) != idx.contains(slot)) differ++;
            }
            if (differ > 0) {
                problems.add("graph: " + differ + " slots live in the store but not in the graph, or the reverse");
            }
        } catch (CorruptGraphException e) {
            problems.add("graph: unreadable: " + e.getMessage());
        }
        boolean removed = false;
        if (repair && !problems.isEmpty()) {
            remove(backing);
            removed = true;
        }
        return new Result(problems, notes, removed);
    }

    /** Deletes the graph (after the store's slots changed offline): the next mount rebuilds it. */
    static void remove(Path backing) throws IOException {
        Path file = graphFile(backing);
        Files.deleteIfExists(file);
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".upper"));
    }
}
