package vexfs.index;

import java.util.List;

/**
 * Outcome of {@link GraphVerifier}: {@code errors} make the graph unusable as it stands (rebuild it);
 * {@code warnings} are quality notes (unreachable nodes, interrupted inserts).
 */
public record VerifyReport(List<String> errors, List<String> warnings, int nodes, int live, int tombstones,
                           int unreachable, int entryPoint, int maxLevel) {
    public boolean ok() {
        return errors.isEmpty();
    }

    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append(ok() ? "graph OK" : "graph CORRUPT").append(": nodes=").append(nodes).append(" live=").append(live)
                .append(" tombstones=").append(tombstones).append(" unreachable=").append(unreachable)
                .append(" entry=").append(entryPoint).append(" maxLevel=").append(maxLevel).append('\n');
        for (String e : errors) b.append("error: ").append(e).append('\n');
        for (String w : warnings) b.append("warning: ").append(w).append('\n');
        return b.toString();
    }
}
