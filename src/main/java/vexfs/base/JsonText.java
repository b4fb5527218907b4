package vexfs.base;

import java.util.Locale;

/** JSON string literals for the hand-written JSON of {@code vexfs inspect} (one escaping rule for every key). */
public final class JsonText {
    private JsonText() {}

    /** {@code s} as a JSON string literal; null as {@code null}. */
    public static String quote(String s) {
        if (s == null) return "null";
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20 || c == 0x7f) sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }
}
