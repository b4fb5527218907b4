package vexfs.libc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A directory entry name exactly as the kernel gave it: any bytes but '/' and NUL. Linux names are bytes,
 * not text, so a passthrough must never round-trip them through a lossy String.
 */
public final class Name {
    /** The empty name: with AT_EMPTY_PATH it means "the descriptor itself". */
    public static final Name EMPTY = new Name(new byte[0]);

    private final byte[] bytes;
    private final int hash;

    private Name(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /** Wraps a copy of {@code bytes}. */
    public static Name of(byte[] bytes) {
        return new Name(bytes.clone());
    }

    public static Name wrap(byte[] bytes) {
        return new Name(bytes);
    }

    /** UTF-8 encoding of {@code s}: for names the filesystem itself makes up. */
    public static Name of(String s) {
        return new Name(s.getBytes(StandardCharsets.UTF_8));
    }

    public int length() {
        return bytes.length;
    }

    public byte byteAt(int i) {
        return bytes[i];
    }

    /** A copy of the bytes. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    public byte[] raw() {
        return bytes;
    }

    public boolean is(String ascii) {
        if (ascii.length() != bytes.length) return false;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != (byte) ascii.charAt(i)) return false;
        }
        return true;
    }

    public boolean endsWith(String ascii) {
        int n = ascii.length();
        if (n > bytes.length) return false;
        for (int i = 0; i < n; i++) {
            if (bytes[bytes.length - n + i] != (byte) ascii.charAt(i)) return false;
        }
        return true;
    }

    public boolean isDotOrDotDot() {
        return is(".") || is("..");
    }

    /** Decoded as UTF-8 with replacement: for logs and display only, never for I/O. */
    @Override
    public String toString() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Name n && Arrays.equals(bytes, n.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
