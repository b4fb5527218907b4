package vexfs.embed;

import java.util.ArrayList;
import java.util.List;

/**
 * What a document's content gives the index: its own vector ({@code whole}, standing for the file: its xattr,
 * {@code similar/}, export) and, for a text longer than one window ({@link TextWindows}), the vector of each window
 * with its UTF-8 byte range ({@code ranges[2i]..ranges[2i+1]}); {@code whole} is then their mean (what the model's
 * wrapper does for a long text). {@code wholeRange} is {@code [0, text bytes]} for a text, {@code [0, 0]} for bytes.
 * The automatic embedder stores exactly this; the embedding benchmark computes it the same way, in-process.
 */
public record DocumentVectors(float[] whole, long[] wholeRange, float[][] chunks, long[] ranges) {
    static final long[] NO_RANGE = {0, 0};

    private static DocumentVectors single(float[] v, long[] range) {
        return new DocumentVectors(v, range, new float[0][], new long[0]);
    }

    /** The vectors of a text (not blank). */
    public static DocumentVectors ofText(Embedder embedder, String path, String text) throws EmbedException {
        TextWindows w = TextWindows.of(text);
        if (w.count() <= 1) return single(embedder.embedText(path, text), new long[] {0, w.textBytes()});
        List<String> windows = new ArrayList<>(w.count());
        for (int i = 0; i < w.count(); i++) windows.add(w.text(text, i));
        float[][] chunks = embedder.embedTexts(path, windows);
        if (chunks.length != windows.size()) throw new EmbedException("the embedder gave " + chunks.length + " vectors for "
                + windows.size() + " windows");
        float[] mean = new float[chunks[0].length];
        for (float[] c : chunks) {
            if (c.length != mean.length) throw new EmbedException("the embedder gave vectors of different lengths");
            for (int j = 0; j < mean.length; j++) mean[j] += c[j] / chunks.length;
        }
        long[] r = w.byteRanges();
        return new DocumentVectors(mean, new long[] {0, Math.max(w.textBytes(), r[r.length - 1])}, chunks, r);
    }

    /** The one vector of a file given as bytes (an embedder that takes them). */
    public static DocumentVectors ofBytes(Embedder embedder, String path, byte[] bytes) throws EmbedException {
        return single(embedder.embedBytes(path, bytes), NO_RANGE);
    }

    /** The vectors of what {@link TextExtractor} found in a file, or null if it is skipped (not text, blank). */
    public static DocumentVectors of(Embedder embedder, String path, TextExtractor.Content c) throws EmbedException {
        if (c.skipped() != null) return null;
        if (c.text() != null) return c.text().isBlank() ? null : ofText(embedder, path, c.text());
        return ofBytes(embedder, path, c.bytes());
    }
}
