package vexfs.volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import vexfs.base.ProgressListener;
import vexfs.index.GraphVerifier;
import vexfs.index.HnswIndex;
import vexfs.index.VerifyReport;

/**
 * The graph half of {@code vexfs verify}: checks the graph read-only (structure via {@link GraphVerifier}, and
 * that its live nodes are exactly the store's live slots) and, with repair, rebuilds it from the store with the
 * volume's parameters. A missing graph is not a problem: the next mount builds it. (Deleting a graph whose
 * store was replaced is {@link Volume#removeGraph}.)
 */
public final class GraphCheck {
    /** {@code clean}: nothing was wrong; {@code ok}: nothing is wrong now (clean or repaired). */
    public record Outcome(boolean clean, boolean ok, String text) {}

    private GraphCheck() {}

    public static Outcome run(Path backing, boolean repair, ProgressListener progress) throws IOException {
        Path file = VolumeLayout.of(backing).graphFile();
        if (!Files.exists(file)) return new Outcome(true, true, "graph: none yet (built at the next mount)\n");
        String problem;
        try (Volume volume = Volume.open(backing, Volume.Access.READ_ONLY)) {
            VerifyReport r = GraphVerifier.verifyReadOnly(file, volume.store().asVectorSource(), progress);
            problem = r.ok() ? missingOrExtra(volume) : r.errors().getFirst();
            String text = r.toText();
            if (problem == null) return new Outcome(true, true, text);
            if (!repair) return new Outcome(false, false, text + "graph problem: " + problem + "\n");
        }
        // a rebuild needs the store's writer lock: refused while mounted, like the store repair
        try (Volume volume = Volume.open(backing, Volume.Access.EXCLUSIVE);
             HnswIndex idx = volume.rebuildGraph(progress)) {
            return new Outcome(false, true, "graph problem: " + problem + "\ngraph: rebuilt from the store, "
                    + idx.size() + " nodes (repaired)\n");
        }
    }

    /** Null if the graph's live nodes are the store's live slots, else a description of the first difference. */
    private static String missingOrExtra(Volume volume) throws IOException {
        var store = volume.store();
        try (HnswIndex idx = volume.openGraphReadOnly()) {
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
