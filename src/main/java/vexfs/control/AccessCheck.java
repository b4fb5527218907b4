package vexfs.control;

import java.nio.file.Path;

import vexfs.libc.Attr;
import vexfs.libc.Errno;
import vexfs.libc.FsException;
import vexfs.libc.Name;
import vexfs.libc.NativeIo;
import vexfs.volume.MountPath;

/**
 * Could the caller stat and read this file (or list this directory) directly? Search results, neighbour links and
 * the similar/ mirror are filtered by it, so /.vexfs never reveals a path the caller could not see. Walks the path
 * from the backing root, as the kernel does: every directory needs search (x) permission; the file read (r), a
 * listed directory r and x. Owner, then group (primary or supplementary), then other bits. An object with a POSIX
 * access ACL is allowed to its owner only (ACL entries are not evaluated: stricter, never looser). Root sees all.
 */
final class AccessCheck {
    private static final Name ACL = Name.of("system.posix_acl_access");

    private AccessCheck() {}

    /** The file at {@code path} is readable. */
    static boolean canRead(Path backingRoot, MountPath path, Caller who) {
        return walk(backingRoot, path, who, 4);
    }

    /** The directory at {@code path} can be listed (r and x on it, x on every directory above). */
    static boolean canList(Path backingRoot, MountPath path, Caller who) {
        return walk(backingRoot, path, who, 5);
    }

    /** Names can be looked up in the directory at {@code path} (x on it and every directory above). */
    static boolean canSearch(Path backingRoot, MountPath path, Caller who) {
        return walk(backingRoot, path, who, 1);
    }

    /** Nothing is at {@code path} (a component is missing); not a permission check. */
    static boolean missing(Path backingRoot, MountPath path) {
        return walk(backingRoot, path, (fd, last) -> true) == -Errno.ENOENT;
    }

    private static boolean walk(Path backingRoot, MountPath path, Caller who, int wantLast) {
        if (who.uid() == 0) return true;
        return walk(backingRoot, path, (fd, last) -> allowed(fd, who, last ? wantLast : 1)) == 1;
    }

    /** Asked of each directory on the way and of the last component ({@code last}). */
    private interface Step {
        boolean ok(int fd, boolean last);
    }

    /**
     * Opens each component with openat from the one above (O_PATH, never following a symlink), so the check sees
     * the very names of the path, bytes as they are, and never leaves the backing tree. 1: every step said yes;
     * 0: one said no; -errno: a component could not be opened.
     */
    private static int walk(Path backingRoot, MountPath path, Step step) {
        Name[] names = path.names();
        int fd;
        try {
            fd = NativeIo.open(backingRoot.toString(), OPEN, 0);
        } catch (FsException e) {
            return -e.errno();
        }
        try {
            if (!step.ok(fd, names.length == 0)) return 0;
            for (int i = 0; i < names.length; i++) {
                int next;
                try {
                    next = NativeIo.openat(fd, names[i], OPEN, 0);
                } catch (FsException e) {
                    return -e.errno();
                }
                NativeIo.close(fd);
                fd = next;
                if (!step.ok(fd, i == names.length - 1)) return 0;
            }
            return 1;
        } finally {
            NativeIo.close(fd);
        }
    }

    private static final int OPEN = NativeIo.O_PATH | NativeIo.O_NOFOLLOW | NativeIo.O_CLOEXEC;

    /** {@code want}: bits of r=4, w=2, x=1. */
    private static boolean allowed(int fd, Caller who, int want) {
        try {
            Attr a = NativeIo.stat(fd);
            boolean owner = who.uid() == a.uid();
            if (!owner && hasAcl(fd)) return false;
            int shift = owner ? 6 : who.inGroup(a.gid()) ? 3 : 0;
            return ((a.mode() >> shift) & want) == want;
        } catch (FsException e) {
            return false;
        }
    }

    private static boolean hasAcl(int fd) {
        try {
            NativeIo.getxattrSize(fd, ACL);
            return true;
        } catch (FsException e) {
            return e.errno() != Errno.ENODATA && e.errno() != Errno.ENOTSUP && e.errno() != Errno.EOPNOTSUPP;
        }
    }
}
