package vexfs.control;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import vexfs.base.Metric;
import vexfs.libc.Errno;
import vexfs.libc.FsException;
import vexfs.store.InvalidVectorException;
import vexfs.store.VectorCodec;
import vexfs.volume.MountPath;

/**
 * Parses what a caller writes to /.vexfs/search: a CSV vector line — or, in a store with an embedder, a text:
 * {@code text=red leather boots}, or any first line that does not parse as a vector — then optional {@code k=}, {@code ef=},
 * {@code under=}, {@code name=}, {@code newer=}, {@code older=} lines ({@link SearchFilter}), and {@code metric=} which may
 * only name the store's own metric. Anything else — unknown keys,
 * k outside 1..{@link #MAX_K}, ef outside 1..{@link #MAX_EF}, another metric — is EINVAL with a message saying why.
 */
public final class QueryParser {
    public static final int MAX_K = 10_000;
    public static final int MAX_EF = 100_000;
    public static final int DEFAULT_K = 10;
    /** {@code ef} of a query that gives none: the volume's default search ef (mkfs --ef) applies. */
    public static final int VOLUME_EF = 0;
    /** A query larger than this is refused (4096 dims at ~16 characters each fit easily). */
    public static final int MAX_QUERY_BYTES = 1 << 20;

    private QueryParser() {}

    /** {@code under}: null for everywhere; the bytes written, normalised (a directory name need not be UTF-8). */
    public record Query(float[] vector, int k, int ef, SearchFilter filter) {
        /** The {@code under=} directory, or null for everywhere. */
        public MountPath under() {
            return filter.under();
        }
    }

    public static Query parse(byte[] bytes, int dim) throws FsException {
        return parse(bytes, dim, null);
    }

    /** {@code metric}: the store's metric label; a {@code metric=} line naming another one is refused (null: any is). */
    public static Query parse(byte[] bytes, int dim, String metric) throws FsException {
        return parse(bytes, dim, metric, null);
    }

    /** Turns a text query into a vector (the store's embedder). */
    public interface TextVectors {
        float[] of(String text) throws FsException;
    }

    private static final String TEXT_KEY = "text=";

    /** True if the first line of {@code chunk} (after blanks) is a {@code text=} query. */
    static boolean isTextLine(byte[] chunk) {
        int i = 0;
        while (i < chunk.length && (chunk[i] == ' ' || chunk[i] == '\t' || chunk[i] == '\n' || chunk[i] == '\r')) i++;
        if (chunk.length - i < TEXT_KEY.length()) return false;
        for (int j = 0; j < TEXT_KEY.length(); j++) {
            if (chunk[i + j] != TEXT_KEY.charAt(j)) return false;
        }
        return true;
    }

    /** As above; {@code texts} (null: vectors only) embeds a {@code text=} line or a first line that is not a vector. */
    public static Query parse(byte[] bytes, int dim, String metric, TextVectors texts) throws FsException {
        if (bytes.length > MAX_QUERY_BYTES) throw new FsException(Errno.EINVAL, "query larger than 1 MiB");
        byte[][] raw = lines(bytes);
        String[] lines = new String[raw.length];
        for (int i = 0; i < raw.length; i++) lines[i] = new String(raw[i], StandardCharsets.UTF_8);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) first++;
        if (first == lines.length) throw new FsException(Errno.EINVAL, "empty query");
        float[] v;
        String head = lines[first].trim();
        if (head.startsWith(TEXT_KEY)) {
            String text = head.substring(TEXT_KEY.length()).trim();
            if (text.isEmpty()) throw new FsException(Errno.EINVAL, "empty text= query");
            if (texts == null) throw new FsException(Errno.EINVAL, "text queries need a store with an embedder");
            v = texts.of(text);
        } else {
            try {
                v = VectorCodec.parseCsv(head, dim);
            } catch (InvalidVectorException e) {
                // a plain sentence: a text query, where the store can embed one (a line with '=' is an option)
                if (texts == null || head.indexOf('=') >= 0 || looksNumeric(head)) {
                    throw new FsException(Errno.EINVAL, "bad query vector: " + e.getMessage());
                }
                v = texts.of(head);
            }
        }
        return withOptions(v, raw, first + 1, metric);
    }

    /**
     * {@code v} with the key=value options of {@code raw}'s lines from {@code from} on (k, ef, under, metric): the
     * one option syntax of every query form (CSV, binary).
     */
    static Query withOptions(float[] v, byte[][] raw, int from, String metric) throws FsException {
        int k = DEFAULT_K;
        int ef = VOLUME_EF;
        SearchFilter filter = SearchFilter.NONE;
        long now = System.currentTimeMillis();
        for (int i = from; i < raw.length; i++) {
            String line = new String(raw[i], StandardCharsets.UTF_8).trim();
            if (line.isEmpty()) continue;
            int eq = line.indexOf('=');
            if (eq <= 0) throw new FsException(Errno.EINVAL, "expected key=value, got '" + abbreviate(line) + "'");
            String key = line.substring(0, eq).trim();
            String val = line.substring(eq + 1).trim();
            switch (key) {
                case "k" -> k = bounded(key, val, MAX_K);
                case "ef" -> ef = bounded(key, val, MAX_EF);
                case "under" -> filter = filter.withUnder(MountPath.normalise(rawValue(raw[i])));
                case "name" -> filter = filter.withName(val);
                case "newer" -> filter = filter.withNewer(val, now);
                case "older" -> filter = filter.withOlder(val, now);
                case "metric" -> checkMetric(val, metric);
                default -> throw new FsException(Errno.EINVAL, "unknown query key '" + abbreviate(key)
                        + "' (allowed: k, ef, under, name, newer, older, metric)");
            }
        }
        return new Query(v, k, ef == VOLUME_EF ? VOLUME_EF : Math.max(ef, k), filter);
    }

    /** A line of digits, signs, dots and commas was meant as a vector: its error is reported, not embedded. */
    private static boolean looksNumeric(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!(Character.isDigit(c) || c == ',' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E'
                    || Character.isWhitespace(c))) {
                return false;
            }
        }
        return true;
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

    /** The query split at newlines, as bytes (a path value must not go through a lossy decode). */
    static byte[][] lines(byte[] bytes) {
        int n = 1;
        for (byte b : bytes) if (b == '\n') n++;
        byte[][] out = new byte[n][];
        int start = 0;
        int k = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                out[k++] = Arrays.copyOfRange(bytes, start, i);
                start = i + 1;
            }
        }
        return out;
    }

    /** The bytes after the first '=' with leading and trailing bytes <= ' ' removed, as String.trim does. */
    private static byte[] rawValue(byte[] line) {
        int from = 0;
        while (line[from] != '=') from++;
        from++;
        int to = line.length;
        while (from < to && (line[from] & 0xff) <= ' ') from++;
        while (to > from && (line[to - 1] & 0xff) <= ' ') to--;
        return Arrays.copyOfRange(line, from, to);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
