package vexfs.fs.control;

import java.nio.charset.StandardCharsets;

import vexfs.fuse.Errno;
import vexfs.fuse.FsException;
import vexfs.index.Metric;
import vexfs.store.InvalidVectorException;
import vexfs.store.VectorCodec;

/**
 * Parses what a caller writes to /.vexfs/search: a CSV vector line, then optional {@code k=}, {@code ef=},
 * {@code under=} lines, and {@code metric=} which may only name the store's own metric. Anything else — unknown keys,
 * k outside 1..{@link #MAX_K}, ef outside 1..{@link #MAX_EF}, another metric — is EINVAL with a message saying why.
 */
public final class QueryParser {
    public static final int MAX_K = 10_000;
    public static final int MAX_EF = 100_000;
    public static final int DEFAULT_K = 10;
    public static final int DEFAULT_EF = 64;
    /** A query larger than this is refused (4096 dims at ~16 characters each fit easily). */
    public static final int MAX_QUERY_BYTES = 1 << 20;

    private QueryParser() {}

    public record Query(float[] vector, int k, int ef, String under) {}

    public static Query parse(byte[] bytes, int dim) throws FsException {
        return parse(bytes, dim, null);
    }

    /** {@code metric}: the store's metric label; a {@code metric=} line naming another one is refused (null: any is). */
    public static Query parse(byte[] bytes, int dim, String metric) throws FsException {
        if (bytes.length > MAX_QUERY_BYTES) throw new FsException(Errno.EINVAL, "query larger than 1 MiB");
        String text = new String(bytes, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) first++;
        if (first == lines.length) throw new FsException(Errno.EINVAL, "empty query");
        float[] v;
        try {
            v = VectorCodec.parseCsv(lines[first].trim(), dim);
        } catch (InvalidVectorException e) {
            throw new FsException(Errno.EINVAL, "bad query vector: " + e.getMessage());
        }
        int k = DEFAULT_K;
        int ef = DEFAULT_EF;
        String under = null;
        for (int i = first + 1; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) continue;
            int eq = line.indexOf('=');
            if (eq <= 0) throw new FsException(Errno.EINVAL, "expected key=value, got '" + abbreviate(line) + "'");
            String key = line.substring(0, eq).trim();
            String val = line.substring(eq + 1).trim();
            switch (key) {
                case "k" -> k = bounded(key, val, MAX_K);
                case "ef" -> ef = bounded(key, val, MAX_EF);
                case "under" -> under = normaliseUnder(val);
                case "metric" -> checkMetric(val, metric);
                default -> throw new FsException(Errno.EINVAL, "unknown query key '" + abbreviate(key)
                        + "' (allowed: k, ef, under, metric)");
            }
        }
        return new Query(v, k, Math.max(ef, k), under);
    }

    private static void checkMetric(String val, String storeMetric) throws FsException {
        String label;
        try {
            label = Metric.parse(val).label();
        } catch (IllegalArgumentException e) {
            throw new FsException(Errno.EINVAL, "unknown metric '" + abbreviate(val) + "'");
        }
        if (storeMetric != null && !label.equals(storeMetric)) {
            throw new FsException(Errno.EINVAL, "metric=" + label + " differs from the store's metric " + storeMetric);
        }
    }

    private static int bounded(String key, String val, int max) throws FsException {
        try {
            int n = Integer.parseInt(val);
            if (n >= 1 && n <= max) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new FsException(Errno.EINVAL, key + " must be an integer 1.." + max + ", got '" + abbreviate(val) + "'");
    }

    /** "/a/b/" → "/a/b"; refuses relative paths, ".." components and NULs (nothing outside the mount). */
    public static String normaliseUnder(String val) throws FsException {
        if (!val.startsWith("/") || val.indexOf('\0') >= 0) {
            throw new FsException(Errno.EINVAL, "under= needs a path starting with / inside the mount");
        }
        StringBuilder out = new StringBuilder();
        for (String c : val.split("/")) {
            if (c.isEmpty() || c.equals(".")) continue;
            if (c.equals("..")) throw new FsException(Errno.EINVAL, "under= may not contain '..'");
            out.append('/').append(c);
        }
        return out.isEmpty() ? "/" : out.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
