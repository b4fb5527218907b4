package vexfs.control;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import vexfs.libc.Attr;
import vexfs.libc.DirBatch;
import vexfs.libc.FsException;
import vexfs.libc.Name;
import vexfs.libc.NativeIo;
import vexfs.volume.MountPath;

/**
 * The backing tree read by {@link MountPath}: fstatat/openat from the backing root with the path's bytes, never
 * following a last symlink, so names that are not UTF-8 are found exactly (java.nio would decode them).
 */
final class BackingTree {
    private static final int DT_UNKNOWN = 0, DT_DIR = 4, DT_REG = 8;

    private final Path root;

    BackingTree(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** The attributes of what is at {@code path} (a symlink itself, not its target), or null if nothing is. */
    Attr stat(MountPath path) {
        try {
            int fd = openRoot();
            try {
                return path.isRoot() ? NativeIo.stat(fd)
                        : NativeIo.fstatat(fd, Name.of(path.relative()), NativeIo.AT_SYMLINK_NOFOLLOW);
            } finally {
                NativeIo.close(fd);
            }
        } catch (FsException e) {
            return null;
        }
    }

    boolean isDirectory(MountPath path) {
        Attr a = stat(path);
        return a != null && a.isDirectory();
    }

    boolean isRegular(MountPath path) {
        Attr a = stat(path);
        return a != null && a.isRegular();
    }

    /** The names in directory {@code dir} that are directories or regular files ("." and ".." left out). */
    List<Name> dirsAndFiles(MountPath dir) throws FsException {
        int rootFd = openRoot();
        int fd;
        try {
            fd = dir.isRoot() ? NativeIo.reopen(rootFd, NativeIo.O_RDONLY | NativeIo.O_DIRECTORY | NativeIo.O_CLOEXEC)
                    : NativeIo.openat(rootFd, Name.of(dir.relative()),
                            NativeIo.O_RDONLY | NativeIo.O_DIRECTORY | NativeIo.O_NOFOLLOW | NativeIo.O_CLOEXEC, 0);
        } finally {
            NativeIo.close(rootFd);
        }
        List<Name> out = new ArrayList<>();
        try {
            for (DirBatch b = NativeIo.readBatch(fd, 32 * 1024); b.size() > 0; b = NativeIo.readBatch(fd, 32 * 1024)) {
                for (int i = 0; i < b.size(); i++) {
                    Name n = b.name(i);
                    if (n.isDotOrDotDot()) continue;
                    int type = b.type(i);
                    if (type == DT_UNKNOWN) {
                        try {
                            Attr a = NativeIo.fstatat(fd, n, NativeIo.AT_SYMLINK_NOFOLLOW);
                            type = a.isDirectory() ? DT_DIR : a.isRegular() ? DT_REG : -1;
                        } catch (FsException gone) {
                            continue;
                        }
                    }
                    if (type == DT_DIR || type == DT_REG) out.add(n);
                }
            }
        } finally {
            NativeIo.close(fd);
        }
        return out;
    }

    private int openRoot() throws FsException {
        return NativeIo.open(root.toString(), NativeIo.O_PATH | NativeIo.O_DIRECTORY | NativeIo.O_CLOEXEC, 0);
    }
}
