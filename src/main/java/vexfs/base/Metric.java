package vexfs.base;

import java.util.Locale;

/**
 * The distance a store is built with. Everywhere in VexFS a distance is "lower is closer":
 * L2 is the squared Euclidean distance, DOT is the negated inner product, COSINE is
 * {@code 1 - cos(a, b)}.
 */
public enum Metric {
    L2, COSINE, DOT;

    /** Parses {@code l2|cosine|dot} (any case); throws IllegalArgumentException naming the bad value. */
    public static Metric parse(String s) {
        return switch (s == null ? "" : s.trim().toLowerCase(Locale.ROOT)) {
            case "l2", "euclidean" -> L2;
            case "cosine", "cos" -> COSINE;
            case "dot", "ip", "inner" -> DOT;
            default -> throw new IllegalArgumentException("unknown metric '" + s + "' (expected l2, cosine or dot)");
        };
    }

    /** The name used on the command line, in xattrs and in the store header. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
