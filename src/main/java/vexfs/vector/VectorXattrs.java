package vexfs.vector;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import vexfs.libc.Name;
import vexfs.volume.BackingXattr;

/**
 * The extended attribute names VexFS serves, and the name-list arithmetic of listxattr. Every name under
 * {@code user.vexfs.} is ours: the backing file's own {@code user.vexfs.*} attributes (the internal
 * {@link BackingXattr}) are never shown or reachable through the mount.
 */
public final class VectorXattrs {
    public static final String VECTOR = "user.vexfs.vector";
    public static final String VECTOR_F32 = "user.vexfs.vector.f32";
    static final String DIM = "user.vexfs.dim";
    static final String METRIC = "user.vexfs.metric";
    private static final String PREFIX = "user.vexfs.";

    /** {@code EMBED}: {@code user.vexfs.embed} ({@code off} opts a subtree out of automatic embedding). */
    public enum Kind { OTHER, VECTOR, VECTOR_F32, DIM, METRIC, EMBED, RESERVED }

    private VectorXattrs() {}

    public static Kind classify(Name name) {
        if (name.is(VECTOR)) return Kind.VECTOR;
        if (name.is(VECTOR_F32)) return Kind.VECTOR_F32;
        if (name.is(DIM)) return Kind.DIM;
        if (name.is(METRIC)) return Kind.METRIC;
        if (name.is(EmbedMarks.EMBED_TEXT)) return Kind.EMBED;
        return startsWith(name, PREFIX) ? Kind.RESERVED : Kind.OTHER;
    }

    /** The backing file's NUL-separated name list without our reserved names, followed by {@code extra}. */
    public static byte[] merge(byte[] backing, String... extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(backing.length + 64);
        int start = 0;
        for (int i = 0; i < backing.length; i++) {
            if (backing[i] != 0) continue;
            if (!startsWith(backing, start, i, PREFIX)) out.write(backing, start, i - start + 1);
            start = i + 1;
        }
        for (String e : extra) {
            byte[] b = e.getBytes(StandardCharsets.US_ASCII);
            out.write(b, 0, b.length);
            out.write(0);
        }
        return out.toByteArray();
    }

    /** True if the NUL-separated {@code list} holds {@code name}. */
    static boolean contains(byte[] list, String name) {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        int start = 0;
        for (int i = 0; i < list.length; i++) {
            if (list[i] != 0) continue;
            if (i - start == n.length && java.util.Arrays.equals(list, start, i, n, 0, n.length)) return true;
            start = i + 1;
        }
        return false;
    }

    private static boolean startsWith(Name n, String prefix) {
        if (n.length() < prefix.length()) return false;
        for (int i = 0; i < prefix.length(); i++) {
            if (n.byteAt(i) != (byte) prefix.charAt(i)) return false;
        }
        return true;
    }

    private static boolean startsWith(byte[] b, int from, int to, String prefix) {
        if (to - from < prefix.length()) return false;
        for (int i = 0; i < prefix.length(); i++) {
            if (b[from + i] != (byte) prefix.charAt(i)) return false;
        }
        return true;
    }
}
