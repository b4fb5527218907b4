package vexfs.embed;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * all-MiniLM-L6-v2 (quantized, 384-d, vectors of unit length: compared by cosine) on ONNX Runtime, as packed by
 * langchain4j: model, tokenizer and the native library are inside its jar, so it runs offline. Loaded on the first
 * embedding (~0.7 s), through {@link EmbedLibraries}, by reflection: nothing of it is linked into our classes. A text
 * longer than the model's 510-token window is embedded window by window and averaged by langchain4j; we cut texts at
 * {@link #MAX_CHARS} first, which bounds the cost of one file.
 */
final class MiniLmEmbedder implements Embedder {
    private static final Logger LOG = LoggerFactory.getLogger(MiniLmEmbedder.class);
    static final String MODEL_CLASS =
            "dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel";
    static final String EMBEDDING_CLASS = "dev.langchain4j.data.embedding.Embedding";
    static final String SEGMENT_CLASS = "dev.langchain4j.data.segment.TextSegment";
    static final int DIM = 384;
    /** ~2,000 tokens of English: four windows of the model. */
    static final int MAX_CHARS = 8_000;

    private Object model;
    private Method embed, embedAll, segment, content, vector;

    @Override
    public synchronized boolean loaded() {
        return model != null;
    }

    private synchronized void load() throws EmbedException {
        if (model != null) return;
        long t0 = System.nanoTime();
        Class<?> c = EmbedLibraries.load(MODEL_CLASS);
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(c.getClassLoader());
        try {
            Object m = c.getConstructor().newInstance();
            Method e = c.getMethod("embed", String.class);
            Method ct = e.getReturnType().getMethod("content"); // Response<Embedding>: erased to Object
            Method v = Class.forName(EMBEDDING_CLASS, true, c.getClassLoader()).getMethod("vector");
            embedAll = c.getMethod("embedAll", java.util.List.class);
            segment = Class.forName(SEGMENT_CLASS, true, c.getClassLoader()).getMethod("from", String.class);
            embed = e;
            content = ct;
            vector = v;
            model = m;
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new EmbedException("cannot load all-MiniLM-L6-v2: " + rootCause(e), e);
        } finally {
            t.setContextClassLoader(previous);
        }
        LOG.info("embedder: all-MiniLM-L6-v2 loaded in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }

    @Override
    public float[] embedText(String path, String text) throws EmbedException {
        load();
        String input = input(text);
        try {
            return checked((float[]) vector.invoke(content.invoke(embed.invoke(model, input))));
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            throw new EmbedException("all-MiniLM-L6-v2 failed: " + rootCause(e), e);
        }
    }

    /** The windows together: langchain4j runs them on its executor, beside each other. */
    @Override
    public float[][] embedTexts(String path, java.util.List<String> texts) throws EmbedException {
        if (texts.size() <= 1) return Embedder.super.embedTexts(path, texts);
        load();
        try {
            java.util.List<Object> segments = new java.util.ArrayList<>(texts.size());
            for (String t : texts) segments.add(segment.invoke(null, input(t)));
            java.util.List<?> embeddings = (java.util.List<?>) content.invoke(embedAll.invoke(model, segments));
            if (embeddings == null || embeddings.size() != texts.size()) {
                throw new EmbedException("the model gave " + (embeddings == null ? "no" : embeddings.size()) + " vectors for "
                        + texts.size() + " texts");
            }
            float[][] out = new float[texts.size()][];
            for (int i = 0; i < out.length; i++) out[i] = checked((float[]) vector.invoke(embeddings.get(i)));
            return out;
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            throw new EmbedException("all-MiniLM-L6-v2 failed: " + rootCause(e), e);
        }
    }

    /** What the model is given of {@code text}: at most {@link #MAX_CHARS}; a blank text is refused. */
    private static String input(String text) throws EmbedException {
        String input = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        if (input.isBlank()) throw new EmbedException("no text to embed");
        return input;
    }

    private static float[] checked(float[] v) throws EmbedException {
        if (v == null || v.length != DIM) throw new EmbedException("the model gave " + (v == null ? "no" : v.length + "-d") + " vector");
        return v;
    }

    @Override
    public synchronized void close() {
        model = null; // the ONNX session is freed with the object; the process ends soon after anyway
    }

    static String rootCause(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c) c = c.getCause();
        return c.getMessage() != null ? c.getClass().getSimpleName() + ": " + c.getMessage() : c.toString();
    }
}
