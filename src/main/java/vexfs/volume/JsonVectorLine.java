package vexfs.volume;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One line of the JSON lines import format: {@code {"path": "a/b.txt", "vector": [0.1, -2e-3, ...]}}. Other keys
 * are skipped whatever their value (without recursion: nesting is counted). Values are parsed with
 * {@link Float#parseFloat}, which rounds the decimal text straight to the nearest float32, so a vector printed
 * with shortest round-trip digits (Python's {@code repr} of a float32 value, Java's {@code Float.toString}) comes
 * back bit-exact. A line that is not such an object is an IllegalArgumentException saying where.
 */
final class JsonVectorLine {
    private final byte[] s;
    private int i;
    byte[] path;
    float[] vector;

    private JsonVectorLine(byte[] line) {
        this.s = line;
    }

    /** Parses {@code line} (UTF-8, no newline). */
    static JsonVectorLine parse(byte[] line) {
        JsonVectorLine p = new JsonVectorLine(line);
        p.object();
        if (p.path == null) throw new IllegalArgumentException("no \"path\" key");
        if (p.vector == null) throw new IllegalArgumentException("no \"vector\" key");
        return p;
    }

    private void object() {
        ws();
        expect('{');
        ws();
        if (peek() == '}') {
            i++;
        } else {
            while (true) {
                ws();
                byte[] key = string();
                ws();
                expect(':');
                ws();
                String k = new String(key, StandardCharsets.UTF_8);
                if (k.equals("path")) path = string();
                else if (k.equals("vector")) vector = numbers();
                else skipValue();
                ws();
                if (peek() == ',') {
                    i++;
                    continue;
                }
                expect('}');
                break;
            }
        }
        ws();
        if (i != s.length) throw fail("text after the object");
    }

    private float[] numbers() {
        expect('[');
        float[] out = new float[16];
        int n = 0;
        ws();
        if (peek() == ']') {
            i++;
            return new float[0];
        }
        while (true) {
            ws();
            int from = i;
            while (i < s.length && (isDigit(s[i]) || s[i] == '-' || s[i] == '+' || s[i] == '.' || s[i] == 'e' || s[i] == 'E')) {
                i++;
            }
            if (from == i) throw fail("a number expected in \"vector\"");
            String num = new String(s, from, i - from, StandardCharsets.US_ASCII);
            float f;
            try {
                f = Float.parseFloat(num);
            } catch (NumberFormatException e) {
                throw fail("'" + num + "' is not a number");
            }
            if (n == out.length) out = java.util.Arrays.copyOf(out, n * 2);
            out[n++] = f;
            ws();
            if (peek() == ',') {
                i++;
                continue;
            }
            expect(']');
            return java.util.Arrays.copyOf(out, n);
        }
    }

    private byte[] string() {
        expect('"');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            if (i >= s.length) throw fail("unterminated string");
            byte c = s[i++];
            if (c == '"') return out.toByteArray();
            if (c != '\\') {
                if ((c & 0xff) < 0x20) throw fail("control character in a string");
                out.write(c);
                continue;
            }
            if (i >= s.length) throw fail("unterminated string");
            byte e = s[i++];
            switch (e) {
                case '"', '\\', '/' -> out.write(e);
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'u' -> {
                    int cp = hex4();
                    if (Character.isHighSurrogate((char) cp) && i + 1 < s.length && s[i] == '\\' && s[i + 1] == 'u') {
                        i += 2;
                        int low = hex4();
                        cp = Character.toCodePoint((char) cp, (char) low);
                    }
                    out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                }
                default -> throw fail("bad escape \\" + (char) e);
            }
        }
    }

    private int hex4() {
        if (i + 4 > s.length) throw fail("bad \\u escape");
        try {
            int v = Integer.parseInt(new String(s, i, 4, StandardCharsets.US_ASCII), 16);
            i += 4;
            return v;
        } catch (NumberFormatException e) {
            throw fail("bad \\u escape");
        }
    }

    /** Skips one value of any shape: nesting is counted, strings are skipped whole. */
    private void skipValue() {
        int depth = 0;
        do {
            if (i >= s.length) throw fail("unterminated value");
            byte c = s[i];
            if (c == '"') {
                string();
                continue;
            }
            if (c == '{' || c == '[') depth++;
            else if (c == '}' || c == ']') {
                if (depth == 0) return; // the end of the enclosing object
                depth--;
            } else if (c == ',' && depth == 0) {
                return;
            }
            i++;
        } while (depth > 0 || (i < s.length && s[i] != ',' && s[i] != '}'));
    }

    private void ws() {
        while (i < s.length && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) i++;
    }

    private int peek() {
        return i < s.length ? s[i] : -1;
    }

    private void expect(char c) {
        if (peek() != c) throw fail("'" + c + "' expected");
        i++;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private IllegalArgumentException fail(String why) {
        return new IllegalArgumentException(why + " at byte " + i);
    }
}
