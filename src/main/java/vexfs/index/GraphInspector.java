package vexfs.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.util.Locale;

/** Human and JSON views of a graph for {@code vexfs inspect}: summary statistics and one node's neighbours. */
public final class GraphInspector {
    private GraphInspector() {
    }

    /** Graph-wide figures; degree arrays are indexed by level and count non-free nodes on that level. */
    public record Stats(int entryPoint, int maxLevel, int capacity, int nodes, int live, int tombstones, int unreachable,
                        int[] levelHistogram, int[] degreeMin, double[] degreeMean, int[] degreeMax, long bytesOnDisk,
                        boolean quantized) {
    }

    public static Stats stats(HnswIndex index) {
        GraphStore g = index.graph();
        MemorySegment seg = g.segment();
        int cap = g.capacity();
        long e = g.entry();
        int levels = Math.max(1, GraphStore.entryLevel(e) + 1);
        int[] hist = new int[levels];
        int[] min = new int[levels];
        int[] max = new int[levels];
        long[] sum = new long[levels];
        int[] count = new int[levels];
        java.util.Arrays.fill(min, Integer.MAX_VALUE);
        int[] buf = new int[g.layout.m0()];
        int nodes = 0;
        int live = 0;
        int dead = 0;
        for (int node = 0; node < cap; node++) {
            byte st = g.state(seg, node);
            if (st == GraphLayout.FREE) continue;
            nodes++;
            if (st == GraphLayout.LIVE) live++;
            if (st == GraphLayout.DELETED) dead++;
            int top = Math.min(g.level(seg, node), levels - 1);
            if (top < 0) continue;
            hist[top]++;
            for (int l = 0; l <= top; l++) {
                int n = g.readNeighbors(seg, node, l, buf);
                min[l] = Math.min(min[l], n);
                max[l] = Math.max(max[l], n);
                sum[l] += n;
                count[l]++;
            }
        }
        double[] mean = new double[levels];
        for (int l = 0; l < levels; l++) {
            if (count[l] == 0) min[l] = 0;
            mean[l] = count[l] == 0 ? 0 : (double) sum[l] / count[l];
        }
        long[] seen = Reachability.reachable(g);
        int unreachable = 0;
        for (int node = 0; node < cap; node++) {
            if (g.state(seg, node) == GraphLayout.LIVE && !Reachability.contains(seen, node)) unreachable++;
        }
        long bytes;
        try {
            bytes = g.bytesOnDisk();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new Stats(GraphStore.entryNode(e), GraphStore.entryLevel(e), cap, nodes, live, dead, unreachable,
                hist, min, mean, max, bytes, g.quantizer() != null);
    }

    public static String text(HnswIndex index) {
        Stats s = stats(index);
        StringBuilder b = new StringBuilder();
        b.append("entry point: ").append(s.entryPoint()).append(" (max level ").append(s.maxLevel()).append(")\n");
        b.append("nodes: ").append(s.nodes()).append(" live: ").append(s.live()).append(" tombstones: ").append(s.tombstones())
                .append(" unreachable: ").append(s.unreachable()).append(" capacity: ").append(s.capacity()).append('\n');
        b.append("bytes on disk: ").append(s.bytesOnDisk()).append(" int8 codes: ").append(s.quantized() ? "yes" : "no").append('\n');
        b.append("level  nodes(top)  degree min/mean/max\n");
        for (int l = 0; l < s.levelHistogram().length; l++) {
            b.append(String.format(Locale.ROOT, "%5d  %10d  %d/%.2f/%d%n", l, s.levelHistogram()[l], s.degreeMin()[l],
                    s.degreeMean()[l], s.degreeMax()[l]));
        }
        return b.toString();
    }

    /** The same figures as {@link #text}, as one JSON object (snake_case keys, levels as a list). */
    public static String json(HnswIndex index) {
        Stats s = stats(index);
        StringBuilder b = new StringBuilder("{");
        b.append("\"entry_point\":").append(s.entryPoint()).append(",\"max_level\":").append(s.maxLevel())
                .append(",\"capacity\":").append(s.capacity()).append(",\"nodes\":").append(s.nodes())
                .append(",\"live\":").append(s.live()).append(",\"tombstones\":").append(s.tombstones())
                .append(",\"unreachable\":").append(s.unreachable()).append(",\"bytes_on_disk\":").append(s.bytesOnDisk())
                .append(",\"quantized\":").append(s.quantized()).append(",\"levels\":[");
        for (int l = 0; l < s.levelHistogram().length; l++) {
            if (l > 0) b.append(',');
            b.append(String.format(Locale.ROOT,
                    "{\"level\":%d,\"nodes\":%d,\"degree_min\":%d,\"degree_mean\":%.3f,\"degree_max\":%d}",
                    l, s.levelHistogram()[l], s.degreeMin()[l], s.degreeMean()[l], s.degreeMax()[l]));
        }
        return b.append("]}").toString();
    }

    /**
     * The neighbours of {@code node} on each of its levels, as text or JSON, with {@code path}: the node's file
     * (null if unknown).
     */
    public static String dumpNode(HnswIndex index, int node, String path, boolean asJson) {
        GraphStore g = index.graph();
        MemorySegment seg = g.segment();
        if (node < 0 || node >= g.capacity()) {
            return asJson ? "{\"node\":" + node + ",\"error\":\"out of range\"}" : "node " + node + ": out of range\n";
        }
        String state = switch (g.state(seg, node)) {
            case GraphLayout.FREE -> "free";
            case GraphLayout.INSERTING -> "inserting";
            case GraphLayout.LIVE -> "live";
            case GraphLayout.DELETED -> "deleted";
            default -> "invalid";
        };
        int top = g.state(seg, node) == GraphLayout.FREE ? -1 : g.level(seg, node);
        int[] buf = new int[g.layout.m0()];
        StringBuilder b = new StringBuilder();
        if (asJson) {
            b.append("{\"node\":").append(node).append(",\"path\":").append(vexfs.base.JsonText.quote(path))
                    .append(",\"state\":\"").append(state).append("\",\"level\":").append(top).append(",\"neighbors\":[");
        } else {
            b.append("node ").append(node).append(" state=").append(state).append(" level=").append(top)
                    .append(" path=").append(path == null ? "(unknown)" : path).append('\n');
        }
        for (int l = 0; l <= top; l++) {
            int n = g.readNeighbors(seg, node, l, buf);
            if (asJson) b.append(l > 0 ? "," : "").append('[');
            else b.append("  level ").append(l).append(" (").append(n).append("):");
            for (int i = 0; i < n; i++) {
                if (asJson) b.append(i > 0 ? "," : "").append(buf[i]);
                else b.append(' ').append(buf[i]);
            }
            b.append(asJson ? "]" : "\n");
        }
        if (asJson) b.append("]}");
        return b.toString();
    }
}
