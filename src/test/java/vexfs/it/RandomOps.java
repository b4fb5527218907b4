package vexfs.it;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

import vexfs.libc.Attr;
import vexfs.libc.FsException;
import vexfs.libc.Name;
import vexfs.libc.NativeIo;

/**
 * A seeded random sequence of system calls applied under one directory, each reduced to one line of outcome
 * (values or errno name). Every random choice is drawn before the call and never depends on an outcome, so the
 * same seed makes the same calls on any directory, and two directories with the same semantics give the same
 * lines. Times that the calls themselves set (write, UTIME_NOW), inode numbers and block counts are left out;
 * everything else a call returns is in the line.
 */
final class RandomOps {
    // Linux x86_64/generic values (the probe checks the product's copies; these are only test inputs)
    static final int O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0100, O_EXCL = 0200, O_TRUNC = 01000, O_APPEND = 02000;
    static final int O_NONBLOCK = 04000, O_DIRECTORY = 0200000, O_NOFOLLOW = 0400000, O_PATH = 010000000;
    static final int O_CLOEXEC = 02000000;
    static final int AT_REMOVEDIR = 0x200, AT_SYMLINK_FOLLOW = 0x400;
    static final int RENAME_NOREPLACE = 1, RENAME_EXCHANGE = 2;
    static final int XATTR_CREATE = 1, XATTR_REPLACE = 2;
    static final int FALLOC_FL_KEEP_SIZE = 1, FALLOC_FL_PUNCH_HOLE = 2;
    static final long UTIME_OMIT = (1L << 30) - 2;

    private static final String[] COMPONENTS = {"a", "b", "c", "x y", "ünï"};
    private static final byte[] RAW_NAME = {(byte) 0xff, (byte) 0xfe, 'z'};  // not UTF-8: names are bytes

    private final SplittableRandom rnd;
    private final int rootFd;
    private final List<String> out = new ArrayList<>();

    RandomOps(long seed, int rootFd) {
        this.rnd = new SplittableRandom(seed);
        this.rootFd = rootFd;
    }

    List<String> run(int count) {
        for (int i = 0; i < count; i++) {
            String line;
            try {
                line = step();
            } catch (FsException e) {
                line = lastOp + " -> " + vexfs.libc.Errno.name(e.errno());
            }
            out.add(i + " " + line);
        }
        return out;
    }

    private String lastOp;

    private byte[] component() {
        int k = rnd.nextInt(COMPONENTS.length + 1);
        return k == COMPONENTS.length ? RAW_NAME : COMPONENTS[k].getBytes(StandardCharsets.UTF_8);
    }

    /** A path of 1 to 3 components (deeper ones mostly fail with ENOENT/ENOTDIR, which is tested too). */
    private Name path() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int depth = 1 + (rnd.nextInt(10) < 5 ? 0 : rnd.nextInt(3));
        for (int d = 0; d < depth; d++) {
            if (d > 0) b.write('/');
            b.writeBytes(component());
        }
        return Name.of(b.toByteArray());
    }

    private static String show(Name n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n.length(); i++) {
            int c = n.byteAt(i) & 0xff;
            if (c >= 0x20 && c < 0x7f) s.append((char) c);
            else s.append(String.format("\\x%02x", c));
        }
        return s.toString();
    }

    private byte[] bytes(int max) {
        byte[] b = new byte[rnd.nextInt(max + 1)];
        rnd.nextBytes(b);
        return b;
    }

    private String step() throws FsException {
        int op = rnd.nextInt(108);
        Name p = path();
        Name q = path();
        int mode = new int[] {0644, 0600, 0755, 0700, 0444}[rnd.nextInt(5)];
        long off = rnd.nextInt(4) == 0 ? 0 : rnd.nextLong(200_000);
        byte[] data = bytes(rnd.nextInt(4) == 0 ? 70_000 : 3000);
        int choice = rnd.nextInt(3);
        String xname = "user.k" + rnd.nextInt(3);
        long t = 1_600_000_000L + rnd.nextLong(100_000_000);
        long tn = rnd.nextLong(1_000_000_000);
        lastOp = op + " " + show(p) + " " + show(q);
        if (op < 5) {
            lastOp = "mkdir " + show(p);
            NativeIo.mkdirat(rootFd, p, mode | 0700);
            return lastOp + " -> OK";
        } else if (op < 21) {
            lastOp = "create " + show(p) + " " + Integer.toOctalString(mode) + " " + data.length;
            int fd = NativeIo.openat(rootFd, p, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, mode);
            try {
                return lastOp + " -> OK " + NativeIo.pwrite(fd, data, 0);
            } finally {
                NativeIo.close(fd);
            }
        } else if (op < 31) {
            boolean append = choice == 0;
            lastOp = (append ? "append " : "pwrite ") + show(p) + " " + off + " " + data.length;
            int fd = NativeIo.openat(rootFd, p, O_WRONLY | O_NONBLOCK | O_CLOEXEC | (append ? O_APPEND : 0), 0);
            try {
                long n = NativeIo.pwrite(fd, data, append ? 0 : off);
                return lastOp + " -> OK " + n + " size " + NativeIo.stat(fd).size();
            } finally {
                NativeIo.close(fd);
            }
        } else if (op < 39) {
            lastOp = "read " + show(p);
            int fd = NativeIo.openat(rootFd, p, O_NONBLOCK | O_CLOEXEC | (choice == 0 ? O_DIRECTORY : 0), 0);
            try {
                long size = NativeIo.stat(fd).size();
                byte[] all = NativeIo.pread(fd, (int) Math.min(size, 1 << 20), 0);
                return lastOp + " -> OK " + all.length + " crc " + crc(all);
            } finally {
                NativeIo.close(fd);
            }
        } else if (op < 43) {
            lastOp = "truncate " + show(p) + " " + off;
            int fd = NativeIo.openat(rootFd, p, O_WRONLY | O_NONBLOCK | O_CLOEXEC | (choice == 0 ? O_TRUNC : 0), 0);
            try {
                NativeIo.ftruncate(fd, off);
                return lastOp + " -> OK";
            } finally {
                NativeIo.close(fd);
            }
        } else if (op < 55) {
            lastOp = "unlink " + show(p);
            NativeIo.unlinkat(rootFd, p, 0);
            return lastOp + " -> OK";
        } else if (op < 61) {
            lastOp = "rmdir " + show(p);
            NativeIo.unlinkat(rootFd, p, AT_REMOVEDIR);
            return lastOp + " -> OK";
        } else if (op < 69) {
            int flags = new int[] {0, RENAME_NOREPLACE, RENAME_EXCHANGE}[choice];
            lastOp = "rename " + show(p) + " " + show(q) + " " + flags;
            NativeIo.renameat2(rootFd, p, rootFd, q, flags);
            return lastOp + " -> OK";
        } else if (op < 72) {
            lastOp = "link " + show(p) + " " + show(q);
            NativeIo.linkat(rootFd, p, rootFd, q, 0);
            return lastOp + " -> OK";
        } else if (op < 75) {
            lastOp = "symlink " + show(q) + " " + show(p);
            NativeIo.symlinkat(q.toBytes(), rootFd, p);
            return lastOp + " -> OK";
        } else if (op < 77) {
            lastOp = "readlink " + show(p);
            int fd = NativeIo.openat(rootFd, p, O_PATH | O_NOFOLLOW | O_CLOEXEC, 0);
            try {
                return lastOp + " -> OK " + show(Name.of(NativeIo.readlinkat(fd)));
            } finally {
                NativeIo.close(fd);
            }
        } else if (op < 82) {
            lastOp = "lstat " + show(p);
            Attr a = NativeIo.fstatat(rootFd, p, 0x100 /* AT_SYMLINK_NOFOLLOW */);
            return lastOp + " -> OK " + describe(a);
        } else if (op < 85) {
            lastOp = "chmod " + show(p) + " " + Integer.toOctalString(mode);
            int fd = NativeIo.openat(rootFd, p, O_PATH | O_CLOEXEC, 0);
            try {
                NativeIo.chmod(fd, mode | (choice == 0 ? 01000 : 0));
                return lastOp + " -> OK " + describe(NativeIo.stat(fd));
            } finally {
                NativeIo.close(fd);
            }
        } else if (op < 88) {
            lastOp = "utimens " + show(p) + " " + t + "." + tn + " " + choice;
            int fd = NativeIo.openat(rootFd, p, O_PATH | O_NOFOLLOW | O_CLOEXEC, 0);
            try {
                Attr before = NativeIo.stat(fd);
                NativeIo.utimens(fd, -1, t, choice == 1 ? UTIME_OMIT : tn, t + 7, choice == 2 ? UTIME_OMIT : tn,
                        before.isSymlink());
                Attr a = NativeIo.stat(fd);
                String m = choice == 2 ? (a.mtimeSec() == before.mtimeSec() ? "kept" : "CHANGED")
                        : a.mtimeSec() + "." + a.mtimeNsec();
                // An omitted atime is not compared: reads may move it on the backing file while the kernel's
                // cached attributes of the mount still show the old one (relatime through a cache).
                String at = choice == 1 ? "omitted" : a.atimeSec() + "." + a.atimeNsec();
                return lastOp + " -> OK m=" + m + " a=" + at;
            } finally {
                NativeIo.close(fd);
            }
        } else if (op < 92) {
            int flags = new int[] {0, XATTR_CREATE, XATTR_REPLACE}[choice];
            lastOp = "setxattr " + show(p) + " " + xname + " " + flags + " " + data.length % 300;
            int fd = NativeIo.openat(rootFd, p, O_PATH | O_NOFOLLOW | O_CLOEXEC, 0);
            try {
                NativeIo.setxattr(fd, Name.of(xname), Arrays.copyOf(data, data.length % 300), flags);
                return lastOp + " -> OK";
            } finally {
                NativeIo.close(fd);
            }
        } else if (op < 96) {
            int max = choice == 0 ? 10 : 1000;
            lastOp = "getxattr " + show(p) + " " + xname + " " + max;
            int fd = NativeIo.openat(rootFd, p, O_PATH | O_NOFOLLOW | O_CLOEXEC, 0);
            try {
                long size = NativeIo.getxattrSize(fd, Name.of(xname));
                byte[] v = NativeIo.getxattr(fd, Name.of(xname), max);
                return lastOp + " -> OK " + size + " crc " + crc(v);
            } finally {
                NativeIo.close(fd);
            }
        } else if (op < 98) {
            lastOp = (choice == 0 ? "removexattr " : "listxattr ") + show(p) + " " + xname;
            int fd = NativeIo.openat(rootFd, p, O_PATH | O_NOFOLLOW | O_CLOEXEC, 0);
            try {
                if (choice == 0) {
                    NativeIo.removexattr(fd, Name.of(xname));
                    return lastOp + " -> OK";
                }
                return lastOp + " -> OK " + sortedXattrNames(NativeIo.listxattr(fd, 1000));
            } finally {
                NativeIo.close(fd);
            }
        } else if (op < 101) {
            lastOp = "readdir " + show(p);
            int fd = NativeIo.openat(rootFd, p, O_DIRECTORY | O_NONBLOCK | O_CLOEXEC, 0);
            try {
                return lastOp + " -> OK " + TreeSnapshot.list(fd);
            } finally {
                NativeIo.close(fd);
            }
        } else if (op < 103) {
            int fmode = new int[] {0, FALLOC_FL_KEEP_SIZE, FALLOC_FL_KEEP_SIZE | FALLOC_FL_PUNCH_HOLE}[choice];
            long len = 1 + rnd.nextLong(100_000);
            lastOp = "fallocate " + show(p) + " " + fmode + " " + off + " " + len;
            int fd = NativeIo.openat(rootFd, p, O_RDWR | O_NONBLOCK | O_CLOEXEC, 0);
            try {
                NativeIo.fallocate(fd, fmode, off, len);
                Attr a = NativeIo.stat(fd);
                return lastOp + " -> OK size " + a.size() + " crc " + crc(NativeIo.pread(fd, (int) Math.min(a.size(), 1 << 20), 0));
            } finally {
                NativeIo.close(fd);
            }
        } else if (op < 106) {
            long len = rnd.nextLong(50_000);
            lastOp = "copy_file_range " + show(p) + " " + show(q) + " " + off + " " + len;
            int in = NativeIo.openat(rootFd, p, O_NONBLOCK | O_CLOEXEC, 0);
            try {
                int o = NativeIo.openat(rootFd, q, O_WRONLY | O_NONBLOCK | O_CLOEXEC, 0);
                try {
                    long n = NativeIo.copyFileRange(in, off % 5000, o, off, len, 0);
                    return lastOp + " -> OK " + n + " size " + NativeIo.stat(o).size();
                } finally {
                    NativeIo.close(o);
                }
            } finally {
                NativeIo.close(in);
            }
        } else if (op < 107) {
            lastOp = "mkfifo " + show(p);
            NativeIo.mknodat(rootFd, p, 0010000 | 0644, 0);
            return lastOp + " -> OK";
        } else {
            lastOp = "long-name create";
            Name n = Name.of("n".repeat(256));
            int fd = NativeIo.openat(rootFd, n, O_CREAT | O_WRONLY | O_CLOEXEC, 0644);
            NativeIo.close(fd);
            return lastOp + " -> OK";
        }
    }

    static String describe(Attr a) {
        String kind = a.isDirectory() ? "dir" : a.isSymlink() ? "lnk" : a.isRegular() ? "reg" : "other";
        String size = a.isDirectory() ? "" : " size " + a.size();
        return kind + " " + Integer.toOctalString(a.mode() & 07777) + " nlink " + a.nlink() + " uid " + a.uid()
                + " gid " + a.gid() + size;
    }

    static long crc(byte[] b) {
        CRC32 c = new CRC32();
        c.update(b);
        return c.getValue();
    }

    static String sortedXattrNames(byte[] list) {
        List<String> names = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < list.length; i++) {
            if (list[i] == 0) {
                names.add(new String(list, start, i - start, StandardCharsets.ISO_8859_1));
                start = i + 1;
            }
        }
        names.sort(null);
        return names.toString();
    }
}
