package vexfs.volume;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

import vexfs.libc.Name;
import vexfs.store.InvalidVectorException;

/**
 * The vector as the backing file's own extended attribute {@code user.vexfs.v1}: the authoritative copy (it
 * belongs to the inode, so renames, hard links, {@code cp -a}, {@code rsync -X} and backups carry it); the
 * vector store is an index derived from these attributes. Layout (little-endian):
 * <pre>
 *   0  4  magic "VXv1"
 *   4  4  dim
 *   8  4  flags: 0 = the vector follows; 1 = STORE_ONLY (too large for the backing filesystem's xattr
 *         space: the store holds the only copy, this marker only says that the file has one)
 *  12  4  CRC32C of the vector bytes (0 for STORE_ONLY)
 *  16  4*dim  float32 values, exactly as set                    (absent for STORE_ONLY)
 * </pre>
 */
public final class BackingXattr {
    static final Name NAME = Name.of("user.vexfs.v1");
    static final String NAME_TEXT = "user.vexfs.v1";
    static final int HEADER = 16;
    private static final int MAGIC = 0x31765856; // "VXv1" read little-endian
    private static final int FLAG_STORE_ONLY = 1;

    private BackingXattr() {}

    /** What an attribute value says: the vector, or (storeOnly) that the store holds it. */
    record Value(int dim, boolean storeOnly, float[] vector) {}

    static byte[] encode(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + 4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).putInt(v.length).putInt(0).putInt(0);
        for (float f : v) b.putFloat(f);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), HEADER, 4 * v.length);
        b.putInt(12, (int) crc.getValue());
        return b.array();
    }

    static byte[] storeOnlyMarker(int dim) {
        return ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(MAGIC).putInt(dim).putInt(FLAG_STORE_ONLY).putInt(0).array();
    }

    /** Whether the backing filesystem keeps a vector of some dimension in the file's own xattr. */
    public enum Fit {
        /** The xattr holds the vector: copies with xattrs (cp -a, rsync -X, tar --xattrs) carry it. */
        XATTR,
        /** Too large for the filesystem's xattr space: the store holds the only copy (the xattr only marks it). */
        STORE_ONLY,
        /** No user xattrs at all: the store is the only copy of every vector. */
        NO_XATTRS
    }

    /**
     * Tries it: an xattr of a dim-{@code dim} vector's size on a new temp file in {@code dir} (the store directory,
     * on the backing filesystem), removed again. An ext4 inode keeps ~4 KiB of xattrs (without ea_inode): about 990
     * float32 dimensions.
     */
    public static Fit probe(java.nio.file.Path dir, int dim) throws java.io.IOException {
        String f = dir.resolve(".xattr-probe-" + ProcessHandle.current().pid()).toString();
        int fd;
        try {
            fd = vexfs.libc.NativeIo.open(f, vexfs.libc.NativeIo.O_CREAT | vexfs.libc.NativeIo.O_EXCL
                    | vexfs.libc.NativeIo.O_WRONLY | vexfs.libc.NativeIo.O_CLOEXEC, 0600);
        } catch (vexfs.libc.FsException e) {
            throw new java.io.IOException("xattr probe in " + dir + ": " + e.getMessage(), e);
        }
        try {
            vexfs.libc.NativeIo.setxattr(fd, NAME, new byte[HEADER + 4 * dim], 0);
            return Fit.XATTR;
        } catch (vexfs.libc.FsException e) {
            int n = e.errno();
            if (n == vexfs.libc.Errno.ENOTSUP || n == vexfs.libc.Errno.EOPNOTSUPP) return Fit.NO_XATTRS;
            if (n == vexfs.libc.Errno.ENOSPC || n == vexfs.libc.Errno.E2BIG || n == vexfs.libc.Errno.ERANGE) return Fit.STORE_ONLY;
            throw new java.io.IOException("xattr probe in " + dir + ": " + e.getMessage(), e);
        } finally {
            vexfs.libc.NativeIo.close(fd);
            try {
                java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(f));
            } catch (java.io.IOException ignored) {
                // a leftover probe file in .vexfs is harmless
            }
        }
    }

    /** Decodes a value; InvalidVectorException says what is damaged (never trusted blindly: it may be copied in). */
    static Value decode(byte[] bytes) {
        if (bytes.length < HEADER) throw new InvalidVectorException("xattr " + NAME_TEXT + " is " + bytes.length + " bytes");
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != MAGIC) throw new InvalidVectorException("xattr " + NAME_TEXT + " has a bad magic");
        int dim = b.getInt(4);
        int flags = b.getInt(8);
        if (dim < 1) throw new InvalidVectorException("xattr " + NAME_TEXT + " has dim " + dim);
        if ((flags & FLAG_STORE_ONLY) != 0) return new Value(dim, true, null);
        if (bytes.length != HEADER + 4L * dim) {
            throw new InvalidVectorException("xattr " + NAME_TEXT + " is " + bytes.length + " bytes, dim " + dim
                    + " needs " + (HEADER + 4L * dim));
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, HEADER, 4 * dim);
        if ((int) crc.getValue() != b.getInt(12)) throw new InvalidVectorException("xattr " + NAME_TEXT + " checksum mismatch");
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) v[i] = b.getFloat(HEADER + 4 * i);
        return new Value(dim, false, v);
    }
}
