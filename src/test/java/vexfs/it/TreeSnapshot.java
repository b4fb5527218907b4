package vexfs.it;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import vexfs.libc.Attr;
import vexfs.libc.FsException;
import vexfs.libc.Name;
import vexfs.libc.NativeIo;

/**
 * A directory tree as sorted text lines, read with raw system calls so that names stay bytes: for every entry its
 * path, type, permission bits, link count, owner, size, content checksum (files), target (symlinks) and xattrs.
 * Two trees with equal snapshots hold the same things; times and inode numbers are not part of it.
 */
final class TreeSnapshot {
    private TreeSnapshot() {}

    static List<String> of(java.nio.file.Path root) throws FsException {
        int fd = NativeIo.open(root.toString(), RandomOps.O_PATH | RandomOps.O_DIRECTORY, 0);
        try {
            return of(fd);
        } finally {
            NativeIo.close(fd);
        }
    }

    /** Walks with an explicit stack (no recursion). */
    static List<String> of(int rootFd) throws FsException {
        List<String> lines = new ArrayList<>();
        Deque<byte[]> todo = new ArrayDeque<>();
        todo.push(new byte[0]);
        while (!todo.isEmpty()) {
            byte[] dir = todo.pop();
            Name dirName = dir.length == 0 ? Name.of(".") : Name.of(dir);
            int dfd = NativeIo.openat(rootFd, dirName, RandomOps.O_DIRECTORY | RandomOps.O_CLOEXEC, 0);
            try {
                for (NativeIo.DirEntry e : entries(dfd)) {
                    byte[] child = join(dir, e.name().toBytes());
                    Name cn = Name.of(child);
                    Attr a = NativeIo.fstatat(rootFd, cn, 0x100);
                    StringBuilder s = new StringBuilder(show(child)).append(' ').append(RandomOps.describe(a));
                    int pfd = NativeIo.openat(rootFd, cn, RandomOps.O_PATH | RandomOps.O_NOFOLLOW | RandomOps.O_CLOEXEC, 0);
                    try {
                        if (a.isSymlink()) {
                            s.append(" -> ").append(show(NativeIo.readlinkat(pfd)));
                        } else {
                            s.append(" xattrs ").append(xattrs(pfd));
                        }
                        if (a.isRegular()) {
                            int rfd = NativeIo.openat(rootFd, cn, RandomOps.O_CLOEXEC | RandomOps.O_NONBLOCK, 0);
                            try {
                                s.append(" crc ").append(RandomOps.crc(NativeIo.pread(rfd, (int) a.size(), 0)));
                            } finally {
                                NativeIo.close(rfd);
                            }
                        }
                    } finally {
                        NativeIo.close(pfd);
                    }
                    lines.add(s.toString());
                    if (a.isDirectory()) todo.push(child);
                }
            } finally {
                NativeIo.close(dfd);
            }
        }
        lines.sort(null);
        return lines;
    }

    private static String xattrs(int pathFd) throws FsException {
        byte[] list = NativeIo.listxattr(pathFd, 65536);
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < list.length; i++) {
            if (list[i] != 0) continue;
            byte[] n = java.util.Arrays.copyOfRange(list, start, i);
            start = i + 1;
            String name = new String(n, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (!name.startsWith("user.")) continue;
            out.add(name + "=" + RandomOps.crc(NativeIo.getxattr(pathFd, Name.of(n), 65536)));
        }
        out.sort(null);
        return out.toString();
    }

    /** The entries of an open directory except "." and "..", unsorted. */
    static List<NativeIo.DirEntry> entries(int dirFd) throws FsException {
        List<NativeIo.DirEntry> all = new ArrayList<>();
        long off = 0;
        while (true) {
            List<NativeIo.DirEntry> batch = NativeIo.readDirectory(dirFd, off, 32 * 1024);
            if (batch.isEmpty()) break;
            for (NativeIo.DirEntry d : batch) {
                if (!d.name().isDotOrDotDot()) all.add(d);
                off = d.nextOffset();
            }
        }
        return all;
    }

    /** Sorted "name:type" of an open directory. */
    static String list(int dirFd) throws FsException {
        List<String> names = new ArrayList<>();
        for (NativeIo.DirEntry d : entries(dirFd)) names.add(show(d.name().toBytes()) + ":" + d.type());
        names.sort(null);
        return names.toString();
    }

    private static byte[] join(byte[] dir, byte[] name) {
        if (dir.length == 0) return name;
        byte[] r = new byte[dir.length + 1 + name.length];
        System.arraycopy(dir, 0, r, 0, dir.length);
        r[dir.length] = '/';
        System.arraycopy(name, 0, r, dir.length + 1, name.length);
        return r;
    }

    static String show(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            int c = x & 0xff;
            if (c >= 0x20 && c < 0x7f) s.append((char) c);
            else s.append(String.format("\\x%02x", c));
        }
        return s.toString();
    }
}
