package vexfs.embed;

import java.util.Base64;

/**
 * The two JSON shapes of the co-process protocol, written and read by hand (no JSON library for two shapes):
 * requests {@code {"path":"...","text":"..."}} or {@code {"path":"...","bytes":"BASE64"}}, one per line; replies
 * {@code {"vector":[f, ...]}} or {@code {"error":"why"}}, one per line.
 */
final class JsonLine {
    private JsonLine() {}

    static String textRequest(String path, String text) {
        StringBuilder sb = new StringBuilder(text.length() + path.length() + 32);
        sb.append("{\"path\":");
        string(sb, path);
        sb.append(",\"text\":");
        string(sb, text);
        return sb.append('}').toString();
    }

    static String bytesRequest(String path, byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 4 / 3 + path.length() + 32);
        sb.append("{\"path\":");
        string(sb, path);
        sb.append(",\"bytes\":\"").append(Base64.getEncoder().encodeToString(bytes)).append("\"}");
        return sb.toString();
    }

    /** A JSON string literal of {@code s} ({@link vexfs.base.JsonText}). */
    static void string(StringBuilder sb, String s) {
        sb.append(vexfs.base.JsonText.quote(s));
    }

    /**
     * The vector of a reply line of exactly {@code dim} numbers; an {@code "error"} reply or anything malformed is an
     * EmbedException saying what was wrong.
     */
    static float[] parseReply(String line, int dim) throws EmbedException {
        String s = line.strip();
        if (!s.startsWith("{") || !s.endsWith("}")) throw new EmbedException("reply is not a JSON object: " + clip(s));
        int err = s.indexOf("\"error\"");
        int key = s.indexOf("\"vector\"");
        if (key < 0) {
            if (err >= 0) throw new EmbedException("the embedder said: " + clip(errorText(s, err)));
            throw new EmbedException("reply has no \"vector\": " + clip(s));
        }
        int open = s.indexOf('[', key), close = open < 0 ? -1 : s.indexOf(']', open);
        if (open < 0 || close < 0) throw new EmbedException("\"vector\" is not an array: " + clip(s));
        String body = s.substring(open + 1, close).strip();
        float[] v = new float[dim];
        int n = 0;
        if (!body.isEmpty()) {
            for (String part : body.split(",", -1)) {
                if (n == dim) throw new EmbedException("reply has more than " + dim + " values");
                try {
                    v[n++] = Float.parseFloat(part.strip());
                } catch (NumberFormatException e) {
                    throw new EmbedException("reply value " + n + " is not a number: " + clip(part.strip()));
                }
            }
        }
        if (n != dim) throw new EmbedException("reply has " + n + " values, the store takes " + dim);
        return v;
    }

    private static String errorText(String s, int at) {
        int q1 = s.indexOf('"', s.indexOf(':', at) + 1);
        int q2 = q1 < 0 ? -1 : s.indexOf('"', q1 + 1);
        return q1 >= 0 && q2 > q1 ? s.substring(q1 + 1, q2) : s;
    }

    static String clip(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
