package vexfs.fs.control;

import java.nio.file.Path;

import vexfs.fuse.Attr;
import vexfs.fuse.Errno;
import vexfs.fuse.FsException;
import vexfs.fuse.Name;
import vexfs.fuse.NativeIo;

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

    /** The file at {@code path} (relative to the mount, "/"-separated) is readable. */
    static boolean canRead(Path backingRoot, String path, Caller who) {
        return walk(backingRoot, path, who, 4);
    }

    /** The directory at {@code path} can be listed (r and x on it, x on every directory above). */
    static boolean canList(Path backingRoot, String path, Caller who) {
        return walk(backingRoot, path, who, 5);
    }

    /** Names can be looked up in the directory at {@code path} (x on it and every directory above). */
    static boolean canSearch(Path backingRoot, String path, Caller who) {
        return walk(backingRoot, path, who, 1);
    }

    private static boolean walk(Path backingRoot, String path, Caller who, int wantLast) {
        if (who.uid() == 0) return true;
        String[] parts = path.split("/");
        int last = parts.length - 1;
        while (last > 0 && parts[last].isEmpty()) last--;
        StringBuilder p = new StringBuilder(backingRoot.toString());
        if (!allowed(p.toString(), who, last <= 0 ? wantLast : 1)) return false;
        for (int i = 1; i <= last; i++) {
            if (parts[i].isEmpty()) continue;
            p.append('/').append(parts[i]);
            if (!allowed(p.toString(), who, i == last ? wantLast : 1)) return false;
        }
        return true;
    }

    /** {@code want}: bits of r=4, w=2, x=1. */
    private static boolean allowed(String path, Caller who, int want) {
        int fd;
        try {
            fd = NativeIo.open(path, NativeIo.O_PATH | NativeIo.O_NOFOLLOW | NativeIo.O_CLOEXEC, 0);
        } catch (FsException e) {
            return false;
        }
        try {
            Attr a = NativeIo.stat(fd);
            boolean owner = who.uid() == a.uid();
            if (!owner && hasAcl(fd)) return false;
            int shift = owner ? 6 : who.inGroup(a.gid()) ? 3 : 0;
            return ((a.mode() >> shift) & want) == want;
        } catch (FsException e) {
            return false;
        } finally {
            NativeIo.close(fd);
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
