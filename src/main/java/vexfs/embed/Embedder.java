package vexfs.embed;

/**
 * Turns a document (text, or raw bytes for embedders that take them) into a vector of the store's dimension.
 * Implementations are thread-safe; a failure is an {@link EmbedException} with a reason for the log and stats.
 */
public interface Embedder extends AutoCloseable {
    /** The vector of {@code text}; {@code path} (the file's path in the mount, or "" for a query) is informative. */
    float[] embedText(String path, String text) throws EmbedException;

    /**
     * The vectors of several texts of one document (its chunks), in order. Models that can run them together (the
     * built-in one: ~15 % less time per window) override this.
     */
    default float[][] embedTexts(String path, java.util.List<String> texts) throws EmbedException {
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < out.length; i++) out[i] = embedText(path, texts.get(i));
        return out;
    }

    /** True if {@link #embedBytes} is supported (files that are not text are otherwise skipped). */
    default boolean takesBytes() {
        return false;
    }

    /** The vector of a non-text file's bytes. */
    default float[] embedBytes(String path, byte[] bytes) throws EmbedException {
        throw new EmbedException("this embedder takes text only");
    }

    /** True once the model (or co-process) has been loaded / started. */
    boolean loaded();

    /** Frees the model or stops the co-process. */
    @Override
    void close();
}
