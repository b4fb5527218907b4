package vexfs.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import vexfs.base.Distances;
import vexfs.base.Metric;

/**
 * The two external forms of a vector. CSV: decimal numbers separated by commas, blanks allowed
 * around each value and around the whole text (so a trailing newline from {@code echo} is fine).
 * Formatting uses {@link Float#toString(float)}, the shortest decimal that reads back as the same
 * float (it uses exponent form such as {@code 1.0E-5} outside [1e-3, 1e7), which this parser and
 * common CSV readers accept). Raw: exactly {@code 4 * dim} bytes of little-endian float32.
 */
public final class VectorCodec {
    private VectorCodec() {}

    /** Parses CSV bytes (UTF-8/ASCII, as they come from setxattr or a .vec file). */
    public static float[] parseCsv(byte[] text, int dim) {
        return parseCsv(new String(text, StandardCharsets.UTF_8), dim);
    }

    /** Parses CSV text into exactly {@code dim} finite floats, or throws InvalidVectorException saying why. */
    public static float[] parseCsv(CharSequence text, int dim) {
        String s = text.toString().strip();
        if (s.isEmpty()) {
            throw new InvalidVectorException("empty vector: expected " + dim + " comma-separated values");
        }
        int count = 1;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ',') {
                count++;
            }
        }
        if (count != dim) {
            throw new InvalidVectorException("expected " + dim + " values, got " + count);
        }
        float[] v = new float[dim];
        int start = 0;
        for (int n = 0; n < dim; n++) {
            int end = s.indexOf(',', start);
            if (end < 0) {
                end = s.length();
            }
            v[n] = parseValue(s.substring(start, end).strip(), n + 1);
            start = end + 1;
        }
        return v;
    }

    /** CSV with the shortest round-tripping decimal for each value, no spaces, no trailing newline. */
    public static String formatCsv(float[] v) {
        StringBuilder sb = new StringBuilder(v.length * 12);
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(Float.toString(v[i]));
        }
        return sb.toString();
    }

    /** Little-endian float32 bytes of {@code v}. */
    public static byte[] encodeF32(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
            b.putFloat(f);
        }
        return b.array();
    }

    /** Decodes exactly {@code 4 * dim} little-endian float32 bytes of finite values. */
    public static float[] decodeF32(byte[] bytes, int dim) {
        if (bytes.length != 4 * dim) {
            throw new InvalidVectorException("expected " + (4 * dim) + " bytes (" + dim + " float32), got " + bytes.length);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) {
            v[i] = b.getFloat();
            checkFinite(v[i], i + 1);
        }
        return v;
    }

    /**
     * Checks that {@code v} may be stored: length {@code dim}, every value finite and, under cosine,
     * a non-zero norm that is finite in float (so it can be normalised).
     */
    public static void validate(float[] v, int dim, Metric metric) {
        if (v.length != dim) {
            throw new InvalidVectorException("expected " + dim + " values, got " + v.length);
        }
        for (int i = 0; i < v.length; i++) {
            checkFinite(v[i], i + 1);
        }
        if (metric == Metric.COSINE) {
            float norm = Distances.norm(v);
            if (norm == 0f) {
                throw new InvalidVectorException("zero vector has no direction: not allowed with the cosine metric");
            }
            if (Float.isInfinite(norm)) {
                throw new InvalidVectorException("vector norm overflows float32: cannot normalise it for the cosine metric");
            }
        }
    }

    private static void checkFinite(float f, int position) {
        if (Float.isNaN(f)) {
            throw new InvalidVectorException("value " + position + " is NaN");
        }
        if (Float.isInfinite(f)) {
            throw new InvalidVectorException("value " + position + " is " + (f > 0 ? "+" : "-") + "infinity");
        }
    }

    /** One decimal: [+-] digits [. digits] [e [+-] digits], at least one digit in the mantissa. */
    private static float parseValue(String t, int position) {
        if (t.isEmpty()) {
            throw new InvalidVectorException("value " + position + " is empty");
        }
        if (!isDecimal(t)) {
            String lower = t.toLowerCase(java.util.Locale.ROOT);
            if (lower.matches("[+-]?nan")) {
                throw new InvalidVectorException("value " + position + " is NaN");
            }
            if (lower.matches("[+-]?(inf|infinity)")) {
                throw new InvalidVectorException("value " + position + " is " + (t.startsWith("-") ? "-" : "+") + "infinity");
            }
            throw new InvalidVectorException("value " + position + " is not a number: '" + abbreviate(t) + "'");
        }
        float f = Float.parseFloat(t);
        if (Float.isInfinite(f)) {
            throw new InvalidVectorException("value " + position + " (" + abbreviate(t) + ") is out of float32 range");
        }
        return f;
    }

    private static boolean isDecimal(String t) {
        int i = 0, n = t.length();
        if (t.charAt(0) == '+' || t.charAt(0) == '-') {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(t.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(t.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int exp = 0;
            while (i < n && isDigit(t.charAt(i))) {
                i++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String abbreviate(String t) {
        return t.length() <= 40 ? t : t.substring(0, 37) + "...";
    }
}
