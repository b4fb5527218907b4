package vexfs.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What /.vexfs/stats shows whom. Root and the mount's owner (the daemon's uid) see every row. Any other caller
 * (a user of an allow_other mount) sees only aggregate figures of the whole volume and the mount's settings:
 * rows whose value is a number (counts, sizes, latencies over all users and files), plus a fixed list of
 * keyword rows. Free-text rows — the graph's last build and build reason, the last embedding failure, and any row
 * added later that is not a number — are left out, because such text may name a file. No row is per directory
 * or per file, so no figure tells such a caller anything about a subtree it cannot read that the total does not.
 * A last row {@code stats_view} says which view this is ({@code full} or {@code aggregate}).
 */
final class StatsView {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    /** Rows of fixed vocabulary (settings and states), shown to everyone. */
    private static final Set<String> KEYWORD_ROWS = Set.of("dimension", "metric", "graph_state", "graph_search",
            "version", "libfuse_version", "kernel_passthrough", "embed_model_loaded");

    private StatsView() {}

    /** The store's rows and the session's, as {@code privileged} or another caller sees them, and the view row. */
    static List<List<String[]>> of(List<String[]> store, List<String[]> session, boolean privileged) {
        List<String[]> tail = new ArrayList<>(shown(session, privileged));
        tail.add(new String[] {"stats_view", privileged ? "full" : "aggregate"});
        return List.of(shown(store, privileged), tail);
    }

    private static List<String[]> shown(List<String[]> all, boolean privileged) {
        if (privileged) return all;
        List<String[]> shown = new ArrayList<>(all.size());
        for (String[] r : all) {
            if (NUMBER.matcher(r[1]).matches() || KEYWORD_ROWS.contains(r[0]) || r[0].startsWith("mode_")) shown.add(r);
        }
        return shown;
    }
}
