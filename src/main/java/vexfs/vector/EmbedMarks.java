package vexfs.vector;

import java.nio.charset.StandardCharsets;

import vexfs.libc.Attr;
import vexfs.libc.Errno;
import vexfs.libc.FsException;
import vexfs.libc.Name;
import vexfs.libc.NativeIo;

/**
 * The two backing xattrs of automatic embedding (docs/format.md, "Automatic embedding"):
 * <ul>
 * <li>{@code user.vexfs.auto} on a file: the content (mtime and size) its automatic vector — or its skip — was made
 * from, as ASCII {@code v1 SEC.NSEC SIZE}. A file with a vector and no mark has a vector set by setxattr (or a .vec
 * file): never embedded automatically. Hidden from the mount like every backing {@code user.vexfs.*} name.</li>
 * <li>{@code user.vexfs.embed} on a directory or file: {@code off} opts it (and the subtree below) out; set, read
 * and removed through the mount under the same name.</li>
 * </ul>
 */
final class EmbedMarks {
    static final Name AUTO = Name.of("user.vexfs.auto");
    static final String EMBED_TEXT = "user.vexfs.embed";
    static final Name EMBED = Name.of(EMBED_TEXT);
    /** Written before a first automatic vector, so a crash between the two leaves a mark that matches no content. */
    static final byte[] PENDING = "v1 pending".getBytes(StandardCharsets.US_ASCII);

    private EmbedMarks() {}

    static byte[] of(Attr a) {
        return ("v1 " + a.mtimeSec() + "." + a.mtimeNsec() + " " + a.size()).getBytes(StandardCharsets.US_ASCII);
    }

    /** The file's mark, or null if it has none. */
    static byte[] read(int pathFd) throws FsException {
        try {
            return NativeIo.getxattr(pathFd, AUTO, 64);
        } catch (FsException e) {
            if (e.errno() == Errno.ENODATA || e.errno() == Errno.ERANGE) return null;
            throw e;
        }
    }

    static void write(int pathFd, byte[] mark) throws FsException {
        NativeIo.setxattr(pathFd, AUTO, mark, 0);
    }

    static void remove(int pathFd) throws FsException {
        try {
            NativeIo.removexattr(pathFd, AUTO);
        } catch (FsException e) {
            if (e.errno() != Errno.ENODATA) throw e;
        }
    }

    /** True if {@code pathFd} says {@code user.vexfs.embed=off}. */
    static boolean optedOut(int pathFd) {
        try {
            byte[] v = NativeIo.getxattr(pathFd, EMBED, 16);
            return "off".equals(new String(v, StandardCharsets.US_ASCII).strip());
        } catch (FsException e) {
            return false;
        }
    }

    /** The values {@code user.vexfs.embed} may take. */
    static boolean validSetting(byte[] value) {
        String v = new String(value, StandardCharsets.US_ASCII).strip();
        return v.equals("off") || v.equals("on");
    }

    /** True if the file at {@code relPath} (below {@code rootFd}) or any directory above it is opted out. */
    static boolean optedOutPath(int rootFd, byte[] relPath) {
        if (optedOut(rootFd)) return true;
        for (int i = 0; i <= relPath.length; i++) {
            if (i < relPath.length && relPath[i] != '/') continue;
            if (i == 0) continue;
            byte[] prefix = java.util.Arrays.copyOf(relPath, i);
            int fd;
            try {
                fd = NativeIo.openat(rootFd, Name.of(prefix), NativeIo.O_PATH | NativeIo.O_NOFOLLOW | NativeIo.O_CLOEXEC, 0);
            } catch (FsException gone) {
                return false;
            }
            try {
                if (optedOut(fd)) return true;
            } finally {
                NativeIo.close(fd);
            }
        }
        return false;
    }
}
