package vexfs.embed;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * What of a file is embedded: its text (UTF-8 content, by sniffing or by a text extension), the text Apache Tika finds
 * in a PDF, HTML or Office document, or — for an embedder that takes bytes — the bytes themselves; anything else is
 * skipped. Tika is loaded on the first document, like the model.
 */
public final class TextExtractor {
    /** A document is read up to this many bytes (a longer one is embedded by its start). */
    public static final int MAX_FILE_BYTES = 8 << 20;
    /** How far UTF-8 sniffing looks. */
    static final int SNIFF_BYTES = 16 * 1024;
    static final int MAX_TEXT_CHARS = 100_000;

    static final Set<String> DOCUMENTS = Set.of("pdf", "html", "htm", "xhtml", "doc", "docx", "odt", "rtf", "ppt",
            "pptx", "odp", "xls", "xlsx", "ods", "epub");
    static final Set<String> TEXT = Set.of("txt", "text", "md", "markdown", "rst", "csv", "tsv", "json", "xml", "yaml",
            "yml", "toml", "ini", "cfg", "conf", "log", "tex", "java", "py", "c", "h", "cc", "cpp", "hpp", "rs", "go", "js",
            "ts", "sh", "rb", "pl", "sql", "css", "1", "2", "3", "4", "5", "6", "7", "8");

    /** The outcome: text to embed, bytes to embed, or a reason to skip. Exactly one of the three is non-null. */
    public record Content(String text, byte[] bytes, String skipped) {}

    private Object tika;
    private Method parse;

    /** What to embed of a file named {@code name} whose first bytes are {@code data}. */
    public Content extract(String name, byte[] data, boolean takesBytes) throws EmbedException {
        String ext = extension(name);
        if (DOCUMENTS.contains(ext)) return new Content(tika(data), null, null);
        if (TEXT.contains(ext) || looksLikeText(data)) {
            String t = new String(data, StandardCharsets.UTF_8);
            return new Content(t.length() > MAX_TEXT_CHARS ? t.substring(0, MAX_TEXT_CHARS) : t, null, null);
        }
        if (takesBytes) return new Content(null, data, null);
        return new Content(null, null, "not text");
    }

    static String extension(String name) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        return dot > slash + 1 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    /** UTF-8 without NUL bytes in the first {@link #SNIFF_BYTES} (a character cut at the end is allowed). */
    static boolean looksLikeText(byte[] data) {
        int n = Math.min(data.length, SNIFF_BYTES);
        if (n == 0) return false;
        for (int i = 0; i < n; i++) {
            if (data[i] == 0) return false;
        }
        int end = n;
        if (n < data.length) { // do not count a multi-byte character cut by the sniff window
            int back = 0;
            while (back < 3 && end > 0 && (data[end - 1] & 0xC0) == 0x80) {
                end--;
                back++;
            }
            if (end > 0 && (data[end - 1] & 0x80) != 0) end--;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private synchronized String tika(byte[] data) throws EmbedException {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        try {
            if (tika == null) {
                Class<?> c = EmbedLibraries.load("org.apache.tika.Tika");
                t.setContextClassLoader(c.getClassLoader());
                Object o = c.getConstructor().newInstance();
                c.getMethod("setMaxStringLength", int.class).invoke(o, MAX_TEXT_CHARS);
                parse = c.getMethod("parseToString", InputStream.class);
                tika = o;
            }
            t.setContextClassLoader(tika.getClass().getClassLoader());
            String text = (String) parse.invoke(tika, new ByteArrayInputStream(data));
            if (text == null || text.isBlank()) throw new EmbedException("Tika found no text in it");
            return text;
        } catch (InvocationTargetException e) {
            throw new EmbedException("Tika could not read it: " + MiniLmEmbedder.rootCause(e), e);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            throw new EmbedException("cannot use Apache Tika: " + MiniLmEmbedder.rootCause(e), e);
        } finally {
            t.setContextClassLoader(previous);
        }
    }
}
