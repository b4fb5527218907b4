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
        boolean onlyUnreachable = false;
        try (Volume volume = Volume.open(backing, Volume.Access.READ_ONLY)) {
            VerifyReport r = GraphVerifier.verifyReadOnly(file, volume.store().asVectorSource(), progress);
            problem = r.ok() ? missingOrExtra(volume) : r.errors().getFirst();
            if (problem == null && r.unreachable() > 0) {
                // a node no search can reach is never found: a finding, not a remark
                problem = r.unreachable() + " live nodes unreachable from the entry point (never found by a search)";
                onlyUnreachable = true;
            }
            String text = r.toText();
            if (problem == null) return new Outcome(true, true, text);
            if (!repair) return new Outcome(false, false, text + "graph problem: " + problem + "\n");
        }
        // repairs need the store's writer lock: refused while mounted, like the store repair
        try (Volume volume = Volume.open(backing, Volume.Access.EXCLUSIVE)) {
            if (onlyUnreachable) {
                try (HnswIndex idx = volume.openOrCreateGraph()) {
                    int relinked = relinkAll(idx);
                    idx.sync();
                    return new Outcome(false, true, "graph problem: " + problem + "\ngraph: " + relinked
                            + " unreachable nodes re-linked (repaired)\n");
                }
            }
            try (HnswIndex idx = volume.rebuildGraph(progress)) {
                int relinked = relinkAll(idx); // a fresh HNSW build can leave a few nodes without incoming links
                idx.sync();
                return new Outcome(false, true, "graph problem: " + problem + "\ngraph: rebuilt from the store, "
                        + idx.size() + " nodes" + (relinked > 0 ? ", " + relinked + " unreachable nodes re-linked" : "")
                        + " (repaired)\n");
            }
        }
    }

    /** Re-links unreachable nodes until none is left (bounded: each pass links every node it finds). */
    private static int relinkAll(HnswIndex idx) {
        int total = 0;
        for (int pass = 0; pass < 8; pass++) {
            int n = idx.relinkUnreachable();
            total += n;
            if (n == 0) break;
        }
        return total;
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
