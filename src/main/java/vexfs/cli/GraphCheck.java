package vexfs.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import vexfs.base.ProgressListener;
import vexfs.index.GraphVerifier;
import vexfs.index.HnswIndex;
import vexfs.index.HnswParams;
import vexfs.index.VerifyReport;
import vexfs.store.VectorStore;

/**
 * The graph half of {@code vexfs verify}: checks {@code .vexfs/graph.vxg} read-only (structure via
 * {@link GraphVerifier}, and that its live nodes are exactly the store's live slots) and, with
 * repair, rebuilds it from the store with progress. A missing graph is not a problem: the next
 * mount builds it.
 */
final class GraphCheck {
    record Outcome(boolean clean, boolean ok, String text) {
    }

    private GraphCheck() {
    }

    /** Progress of a graph verify or rebuild on stderr, at most once a second (and at the end). */
    static ProgressListener progressToStderr() {
        long[] last = {System.nanoTime()};
        return (phase, done, total) -> {
            long now = System.nanoTime();
            if (total > 0 && done < total && now - last[0] < 1_000_000_000L) return;
            last[0] = now;
            System.err.printf("vexfs verify: graph %s %d/%d%n", phase, done, total);
        };
    }

    static Outcome run(Path storeDir, boolean repair, ProgressListener progress) throws IOException {
        Path file = storeDir.resolve(HnswIndex.FILE_NAME);
        if (!Files.exists(file)) return new Outcome(true, true, "graph: none yet (built at the next mount)\n");
        String problem;
        try (VectorStore store = VectorStore.open(storeDir, true)) {
            VerifyReport r = GraphVerifier.verifyReadOnly(file, store.asVectorSource(), progress);
            problem = r.ok() ? missingOrExtra(file, store) : r.errors().getFirst();
            String text = r.toText();
            if (problem == null) return new Outcome(true, true, text);
            if (!repair) return new Outcome(false, false, text + "graph problem: " + problem + "\n");
        }
        // rebuild needs the store's writer lock: refused while mounted, like the store repair
        try (VectorStore store = VectorStore.open(storeDir, false);
             HnswIndex idx = HnswIndex.rebuild(file, store.asVectorSource(), HnswParams.defaults(store.dimension()),
                     store::isLive, progress)) {
            return new Outcome(false, true, "graph problem: " + problem + "\ngraph: rebuilt from the store, "
                    + idx.size() + " nodes (repaired)\n");
        }
    }

    /** Null if the graph's live nodes are the store's live slots, else a description of the first difference. */
    private static String missingOrExtra(Path file, VectorStore store) throws IOException {
        try (HnswIndex idx = HnswIndex.openReadOnly(file, store.asVectorSource())) {
            int missing = 0, extra = 0, first = -1;
            for (int slot = 0; slot < store.slotCount(); slot++) {
                if (store.isLive(slot) != idx.contains(slot)) {
                    if (store.isLive(slot)) missing++;
                    else extra++;
                    if (first < 0) first = slot;
                }
            }
            if (missing + extra == 0) return null;
            return missing + " live vectors missing from the graph, " + extra + " graph nodes without a vector (first: slot "
                    + first + ")";
        }
    }
}
