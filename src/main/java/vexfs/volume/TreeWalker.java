package vexfs.volume;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import vexfs.libc.Attr;
import vexfs.libc.FsException;
import vexfs.libc.Name;
import vexfs.libc.NativeIo;

/**
 * Depth-first walk of a backing directory tree with an explicit stack (no recursion): one open directory
 * descriptor per level of depth, directories read incrementally by getdents offset. Symlinks are not followed;
 * the store directory {@code .vexfs} at the top is skipped. Entries that vanish during the walk are skipped.
 */
public final class TreeWalker {
    private static final int DT_UNKNOWN = 0, DT_DIR = 4, DT_REG = 8;
    private static final Name STORE_DIR = Name.of(VolumeLayout.STORE_DIR);

    /** Called for every regular file: its directory's descriptor, name, inode number and relative path. */
    public interface Visitor {
        void file(int dirFd, Name name, long ino, byte[] relPath) throws FsException;

        default void directory(byte[] relPath) {}
    }

    private record Frame(int fd, byte[] prefix, long[] offset) {}

    private TreeWalker() {}

    /**
     * Walks the tree below {@code relDir} (empty = the root) of {@code rootFd}. Returns normally when done or
     * when {@code stop} says so; per-entry errors are skipped, an unreadable start directory throws.
     */
    public static void walk(int rootFd, byte[] relDir, Visitor visitor, java.util.function.BooleanSupplier stop)
            throws FsException {
        Deque<Frame> stack = new ArrayDeque<>();
        int start = relDir.length == 0
                ? NativeIo.reopen(rootFd, NativeIo.O_RDONLY | NativeIo.O_DIRECTORY | NativeIo.O_CLOEXEC)
                : NativeIo.openat(rootFd, Name.of(relDir), NativeIo.O_RDONLY | NativeIo.O_DIRECTORY
                        | NativeIo.O_NOFOLLOW | NativeIo.O_CLOEXEC, 0);
        stack.push(new Frame(start, relDir, new long[] {0}));
        try {
            while (!stack.isEmpty()) {
                if (stop.getAsBoolean()) return;
                Frame top = stack.peek();
                List<NativeIo.DirEntry> batch;
                try {
                    batch = NativeIo.readDirectory(top.fd, top.offset[0], 32 * 1024);
                } catch (FsException e) {
                    batch = List.of();
                }
                if (batch.isEmpty()) {
                    NativeIo.close(stack.pop().fd);
                    continue;
                }
                Frame child = null;
                for (NativeIo.DirEntry d : batch) {
                    top.offset[0] = d.nextOffset();
                    Name name = d.name();
                    if (name.isDotOrDotDot() || (top.prefix.length == 0 && name.equals(STORE_DIR))) continue;
                    int type = d.type();
                    long ino = d.ino();
                    if (type == DT_UNKNOWN) {
                        try {
                            Attr a = NativeIo.fstatat(top.fd, name, NativeIo.AT_SYMLINK_NOFOLLOW);
                            type = a.isDirectory() ? DT_DIR : a.isRegular() ? DT_REG : -1;
                            ino = a.ino();
                        } catch (FsException gone) {
                            continue;
                        }
                    }
                    byte[] path = join(top.prefix, name);
                    if (type == DT_REG) {
                        try {
                            visitor.file(top.fd, name, ino, path);
                        } catch (FsException skipped) {
                            // vanished or unreadable: nothing to index
                        }
                    } else if (type == DT_DIR) {
                        try {
                            int fd = NativeIo.openat(top.fd, name, NativeIo.O_RDONLY | NativeIo.O_DIRECTORY
                                    | NativeIo.O_NOFOLLOW | NativeIo.O_CLOEXEC, 0);
                            visitor.directory(path);
                            child = new Frame(fd, path, new long[] {0});
                            break; // descend now; this directory resumes at top.offset afterwards
                        } catch (FsException gone) {
                            // removed meanwhile
                        }
                    }
                }
                if (child != null) stack.push(child);
            }
        } finally {
            while (!stack.isEmpty()) NativeIo.close(stack.pop().fd);
        }
    }

    static byte[] join(byte[] prefix, Name name) {
        if (prefix.length == 0) return name.toBytes();
        byte[] n = name.toBytes();
        byte[] out = new byte[prefix.length + 1 + n.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        out[prefix.length] = '/';
        System.arraycopy(n, 0, out, prefix.length + 1, n.length);
        return out;
    }
}
