package vexfs.volume;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import vexfs.libc.Errno;
import vexfs.libc.FsException;
import vexfs.libc.Name;

/**
 * A path inside the mount as the bytes the kernel uses: "/" then names joined by "/". Linux names are any bytes but
 * '/' and NUL, so paths of search results, similar/ nodes and link targets are kept as bytes end to end and never
 * decoded (a name that is not valid UTF-8 must come out exactly as it went in). Invariant: starts with '/', no
 * NUL, no empty, "." or ".." component, no trailing '/' (except the root itself).
 */
public final class MountPath {
    public static final MountPath ROOT = new MountPath(new byte[] {'/'});

    private final byte[] bytes;
    private final int hash;

    private MountPath(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /** From a path relative to the backing root ("" = the root, "a/b" = /a/b), as {@code openat} walks give it. */
    public static MountPath ofRelative(byte[] rel) {
        if (rel.length == 0) return ROOT;
        byte[] b = new byte[rel.length + 1];
        b[0] = '/';
        System.arraycopy(rel, 0, b, 1, rel.length);
        return new MountPath(b);
    }

    /** "/a//b/./" → "/a/b"; refuses relative paths, ".." components and NULs (nothing outside the mount). */
    public static MountPath normalise(byte[] val) throws FsException {
        if (val.length == 0 || val[0] != '/') {
            throw new FsException(Errno.EINVAL, "path needs to start with / inside the mount");
        }
        byte[] out = new byte[val.length];
        int n = 0;
        int i = 0;
        while (i < val.length) {
            while (i < val.length && val[i] == '/') i++;
            int start = i;
            while (i < val.length && val[i] != '/') {
                if (val[i] == 0) throw new FsException(Errno.EINVAL, "path may not contain NUL");
                i++;
            }
            int len = i - start;
            if (len == 0 || (len == 1 && val[start] == '.')) continue;
            if (len == 2 && val[start] == '.' && val[start + 1] == '.') {
                throw new FsException(Errno.EINVAL, "path may not contain '..'");
            }
            out[n++] = '/';
            System.arraycopy(val, start, out, n, len);
            n += len;
        }
        return n == 0 ? ROOT : new MountPath(Arrays.copyOf(out, n));
    }

    /** {@link #normalise} of the UTF-8 bytes of {@code s}: for paths typed as text (command lines, tests). */
    public static MountPath normalise(String s) throws FsException {
        return normalise(s.getBytes(StandardCharsets.UTF_8));
    }

    public boolean isRoot() {
        return bytes.length == 1;
    }

    /** The path's bytes, starting with '/' (a copy). */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** Without the leading '/' ("" for the root): a multi-component name for {@code openat(rootFd, ...)}. */
    public byte[] relative() {
        return Arrays.copyOfRange(bytes, 1, bytes.length);
    }

    public MountPath child(Name name) {
        int off = isRoot() ? 1 : bytes.length + 1;
        byte[] b = Arrays.copyOf(bytes, off + name.length());
        b[off - 1] = '/';
        for (int i = 0; i < name.length(); i++) b[off + i] = name.byteAt(i);
        return new MountPath(b);
    }

    /** The parent directory (the root for the root). */
    public MountPath parent() {
        int i = lastSlash();
        return i <= 0 ? ROOT : new MountPath(Arrays.copyOf(bytes, i));
    }

    /** The last component (the empty name for the root). */
    public Name lastName() {
        return Name.of(Arrays.copyOfRange(bytes, lastSlash() + 1, bytes.length));
    }

    /** Number of components: 0 for the root, 2 for /a/b. */
    public int depth() {
        if (isRoot()) return 0;
        int n = 0;
        for (byte c : bytes) if (c == '/') n++;
        return n;
    }

    /** The components in order, root first. */
    public Name[] names() {
        Name[] out = new Name[depth()];
        int start = 1;
        for (int k = 0; k < out.length; k++) {
            int end = start;
            while (end < bytes.length && bytes[end] != '/') end++;
            out[k] = Name.of(Arrays.copyOfRange(bytes, start, end));
            start = end + 1;
        }
        return out;
    }

    /** True if this path lies strictly below {@code dir} (everything but the root lies below the root). */
    public boolean isBelow(MountPath dir) {
        if (dir.isRoot()) return !isRoot();
        int n = dir.bytes.length;
        return bytes.length > n + 1 && bytes[n] == '/' && Arrays.equals(bytes, 0, n, dir.bytes, 0, n);
    }

    public int length() {
        return bytes.length;
    }

    public byte byteAt(int i) {
        return bytes[i];
    }

    private int lastSlash() {
        for (int i = bytes.length - 1; i >= 0; i--) if (bytes[i] == '/') return i;
        return 0;
    }

    /** Decoded as UTF-8 with replacement: for logs and messages only, never for I/O. */
    @Override
    public String toString() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MountPath p && Arrays.equals(bytes, p.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
