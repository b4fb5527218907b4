package vexfs.control;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Renders "key value" rows as /.vexfs/stats (aligned text) and /.vexfs/stats.json (a flat JSON object). */
final class StatsRenderer {
    private StatsRenderer() {}

    static byte[] text(List<String[]> store, List<String[]> session) {
        StringBuilder sb = new StringBuilder();
        for (List<String[]> rows : List.of(store, session)) {
            for (String[] r : rows) sb.append(String.format(java.util.Locale.ROOT, "%-32s %s%n", r[0], r[1]));
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] json(List<String[]> store, List<String[]> session) {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (List<String[]> rows : List.of(store, session)) {
            for (String[] r : rows) {
                if (!first) sb.append(',');
                first = false;
                sb.append("\n  \"").append(escape(r[0])).append("\": ");
                if (r[1].matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) sb.append(r[1]);
                else sb.append('"').append(escape(r[1])).append('"');
            }
        }
        return sb.append("\n}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20) out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            else out.append(c);
        }
        return out.toString();
    }
}
