package vexfs.libc;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import vexfs.bindings.constants_h;
import vexfs.bindings.flock;
import vexfs.bindings.libc_h;
import vexfs.bindings.stat;
import vexfs.bindings.statvfs;
import vexfs.bindings.timespec;

/**
 * The *at system calls a passthrough needs, in plain Java: descriptors are ints, names are {@link Name}s,
 * results are records, failures are {@link FsException}s carrying errno. All I/O is relative to descriptors
 * (O_PATH where possible, /proc/self/fd/N where no *at form exists), as in libfuse's passthrough_ll.
 * Calls are raw downcalls: on a virtual thread they pin the carrier, so long ones belong on the blocking lane.
 */
public final class NativeIo {
    private NativeIo() {}

    public static final int O_RDONLY = constants_h.O_RDONLY;
    public static final int O_WRONLY = constants_h.O_WRONLY;
    public static final int O_RDWR = constants_h.O_RDWR;
    public static final int O_ACCMODE = constants_h.O_ACCMODE;
    public static final int O_CREAT = constants_h.O_CREAT;
    public static final int O_EXCL = constants_h.O_EXCL;
    public static final int O_TRUNC = constants_h.O_TRUNC;
    public static final int O_APPEND = constants_h.O_APPEND;
    public static final int O_DIRECTORY = constants_h.O_DIRECTORY;
    public static final int O_NOFOLLOW = constants_h.O_NOFOLLOW;
    public static final int O_CLOEXEC = constants_h.O_CLOEXEC;
    public static final int O_PATH = constants_h.O_PATH;
    public static final int O_DIRECT = constants_h.O_DIRECT;
    public static final int O_NOATIME = constants_h.O_NOATIME;
    public static final int AT_FDCWD = constants_h.AT_FDCWD;
    public static final int AT_EMPTY_PATH = constants_h.AT_EMPTY_PATH;
    public static final int AT_SYMLINK_NOFOLLOW = constants_h.AT_SYMLINK_NOFOLLOW;
    public static final int AT_SYMLINK_FOLLOW = constants_h.AT_SYMLINK_FOLLOW;
    public static final int AT_REMOVEDIR = constants_h.AT_REMOVEDIR;
    public static final int RENAME_NOREPLACE = constants_h.RENAME_NOREPLACE;
    public static final int RENAME_EXCHANGE = constants_h.RENAME_EXCHANGE;
    public static final int XATTR_CREATE = constants_h.XATTR_CREATE;
    public static final int XATTR_REPLACE = constants_h.XATTR_REPLACE;
    public static final int SEEK_SET = constants_h.SEEK_SET;
    public static final int SEEK_DATA = constants_h.SEEK_DATA;
    public static final int SEEK_HOLE = constants_h.SEEK_HOLE;
    public static final int F_GETLK = constants_h.F_GETLK;
    public static final int F_SETLK = constants_h.F_SETLK;
    public static final int F_SETLKW = constants_h.F_SETLKW;
    public static final int F_OFD_GETLK = constants_h.F_OFD_GETLK;
    public static final int F_OFD_SETLK = constants_h.F_OFD_SETLK;
    public static final int F_OFD_SETLKW = constants_h.F_OFD_SETLKW;
    public static final int F_UNLCK = constants_h.F_UNLCK;
    public static final int LOCK_SH = constants_h.LOCK_SH;
    public static final int LOCK_EX = constants_h.LOCK_EX;
    public static final int LOCK_NB = constants_h.LOCK_NB;
    public static final int LOCK_UN = constants_h.LOCK_UN;

    /** An entry of getdents64: inode number, the offset of the NEXT entry, d_type, name. */
    public record DirEntry(long ino, long nextOffset, int type, Name name) {}

    private static FsException fail(MemorySegment errno, String call) {
        return new FsException(libc_h.errno(errno), call);
    }

    private static MemorySegment str(SegmentAllocator a, Name n) {
        return CStructs.cString(a, n.raw());
    }

    private static MemorySegment str(SegmentAllocator a, String s) {
        return a.allocateFrom(s);
    }

    /** "/proc/self/fd/N": the path through which calls without an *at form reach an O_PATH descriptor. */
    public static String procPath(int fd) {
        return "/proc/self/fd/" + fd;
    }

    public static int openat(int dirfd, Name name, int flags, int mode) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            int fd = libc_h.openat(e, dirfd, str(a, name), flags, mode);
            if (fd < 0) throw fail(e, "openat");
            return fd;
        }
    }

    public static int open(String path, int flags, int mode) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            int fd = libc_h.openat(e, AT_FDCWD, str(a, path), flags, mode);
            if (fd < 0) throw fail(e, "open " + path);
            return fd;
        }
    }

    /** Opens the file behind an O_PATH descriptor with real access flags (through /proc/self/fd). */
    public static int reopen(int pathFd, int flags) throws FsException {
        return open(procPath(pathFd), flags & ~O_NOFOLLOW, 0);
    }

    /** struct file_handle's header: handle_bytes (u32), handle_type (int); the opaque bytes follow. */
    private static final int HANDLE_HEADER = 8;

    /**
     * name_to_handle_at(dirfd, name, ..., flags) (flags: AT_EMPTY_PATH with an empty name for the node {@code dirfd}
     * itself; a last symlink is never followed without AT_SYMLINK_FOLLOW): the node's file handle, as the bytes of
     * the whole {@code struct file_handle}, and the id of the mount it was found on. EOPNOTSUPP where the filesystem
     * has no handles.
     */
    public static FileHandle nameToHandle(int dirfd, Name name, int flags) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            MemorySegment h = a.allocate(HANDLE_HEADER + constants_h.MAX_HANDLE_SZ, 4);
            h.set(ValueLayout.JAVA_INT, 0, constants_h.MAX_HANDLE_SZ);
            MemorySegment mountId = a.allocate(ValueLayout.JAVA_INT);
            if (libc_h.name_to_handle_at(e, dirfd, str(a, name), h, mountId, flags) != 0) {
                throw fail(e, "name_to_handle_at");
            }
            int n = h.get(ValueLayout.JAVA_INT, 0);
            if (n < 0 || n > constants_h.MAX_HANDLE_SZ) {
                throw new FsException(Errno.EOVERFLOW, "name_to_handle_at: handle of " + n + " bytes");
            }
            return new FileHandle(h.asSlice(0, HANDLE_HEADER + n).toArray(ValueLayout.JAVA_BYTE),
                    mountId.get(ValueLayout.JAVA_INT, 0));
        }
    }

    /**
     * open_by_handle_at(mountFd, handle, flags) of a handle from {@link #nameToHandle} ({@code FileHandle.raw()}).
     * EPERM without CAP_DAC_READ_SEARCH; ESTALE once the node is gone.
     */
    public static int openByHandle(int mountFd, byte[] handle, int flags) throws FsException {
        if (handle.length < HANDLE_HEADER || handle.length > HANDLE_HEADER + constants_h.MAX_HANDLE_SZ) {
            throw new FsException(Errno.EINVAL, "not a file handle: " + handle.length + " bytes");
        }
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            MemorySegment h = a.allocate(handle.length, 4);
            MemorySegment.copy(handle, 0, h, ValueLayout.JAVA_BYTE, 0, handle.length);
            h.set(ValueLayout.JAVA_INT, 0, handle.length - HANDLE_HEADER);  // the length always matches the bytes
            int fd = libc_h.open_by_handle_at(e, mountFd, h, flags);
            if (fd < 0) throw fail(e, "open_by_handle_at");
            return fd;
        }
    }

    /** dup(2). */
    public static int reopenDup(int fd) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            int d = libc_h.dup(e, fd);
            if (d < 0) throw fail(e, "dup");
            return d;
        }
    }

    /** umask(2); returns the previous mask. The daemon runs with 0: the kernel already applied the caller's. */
    public static int umask(int mask) {
        try (Scratch a = Scratch.open()) {
            return libc_h.umask(libc_h.allocateErrno(a), mask);
        }
    }

    public static void close(int fd) {
        try (Scratch a = Scratch.open()) {
            libc_h.close(libc_h.allocateErrno(a), fd);
        }
    }

    public static Attr fstatat(int dirfd, Name name, int flags) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            MemorySegment st = stat.allocate(a);
            if (libc_h.fstatat(e, dirfd, str(a, name), st, flags) != 0) throw fail(e, "fstatat");
            return CStructs.readStat(st);
        }
    }

    /** fstatat(fd, "", AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW): the attributes of the node {@code fd} refers to. */
    public static Attr stat(int fd) throws FsException {
        return fstatat(fd, Name.EMPTY, AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW);
    }

    public static void mkdirat(int dirfd, Name name, int mode) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            if (libc_h.mkdirat(e, dirfd, str(a, name), mode) != 0) throw fail(e, "mkdirat");
        }
    }

    public static void mknodat(int dirfd, Name name, int mode, long rdev) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            if (libc_h.mknodat(e, dirfd, str(a, name), mode, rdev) != 0) throw fail(e, "mknodat");
        }
    }

    public static void symlinkat(byte[] target, int dirfd, Name name) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            if (libc_h.symlinkat(e, CStructs.cString(a, target), dirfd, str(a, name)) != 0) {
                throw fail(e, "symlinkat");
            }
        }
    }

    /** linkat(fd, "", newdir, newname, AT_EMPTY_PATH) — falls back to /proc/self/fd with AT_SYMLINK_FOLLOW. */
    public static void linkat(int fd, int newDirFd, Name newName) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            if (libc_h.linkat(e, fd, str(a, Name.EMPTY), newDirFd, str(a, newName), AT_EMPTY_PATH) == 0) return;
            int err = libc_h.errno(e);
            if (err != Errno.ENOENT && err != Errno.EPERM) throw new FsException(err, "linkat");
            // AT_EMPTY_PATH needs CAP_DAC_READ_SEARCH; /proc/self/fd/N with AT_SYMLINK_FOLLOW does not.
            if (libc_h.linkat(e, AT_FDCWD, str(a, procPath(fd)), newDirFd, str(a, newName), AT_SYMLINK_FOLLOW) != 0) {
                throw fail(e, "linkat");
            }
        }
    }

    /** linkat(2) with names on both sides (AT_SYMLINK_FOLLOW in {@code flags} to link a symlink's target). */
    public static void linkat(int oldDir, Name oldName, int newDir, Name newName, int flags) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            if (libc_h.linkat(e, oldDir, str(a, oldName), newDir, str(a, newName), flags) != 0) {
                throw fail(e, "linkat");
            }
        }
    }

    public static void unlinkat(int dirfd, Name name, int flags) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            if (libc_h.unlinkat(e, dirfd, str(a, name), flags) != 0) throw fail(e, "unlinkat");
        }
    }

    public static void renameat2(int oldDir, Name oldName, int newDir, Name newName, int flags) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            if (libc_h.renameat2(e, oldDir, str(a, oldName), newDir, str(a, newName), flags) != 0) {
                throw fail(e, "renameat2");
            }
        }
    }

    /**
     * readlink(2) of an ASCII path such as {@link #procPath}: the target's bytes exactly (a Java Path would decode
     * them with the platform charset, which under LANG=C is ASCII). Targets longer than 4096 bytes are ENAMETOOLONG.
     */
    public static byte[] readlink(String asciiPath) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            MemorySegment buf = a.allocate(4096);
            long n = libc_h.readlinkat(e, AT_FDCWD, str(a, asciiPath), buf, 4096);
            if (n < 0) throw fail(e, "readlink " + asciiPath);
            if (n == 4096) throw new FsException(Errno.ENAMETOOLONG, "readlink " + asciiPath);
            return buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
        }
    }

    public static byte[] readlinkat(int fd) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            MemorySegment buf = a.allocate(4096);
            long n = libc_h.readlinkat(e, fd, str(a, Name.EMPTY), buf, 4096);
            if (n < 0) throw fail(e, "readlinkat");
            return buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
        }
    }

    public static void chmod(int pathFd, int mode) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            if (libc_h.fchmodat(e, AT_FDCWD, str(a, procPath(pathFd)), mode, 0) != 0) throw fail(e, "chmod");
        }
    }

    public static void fchmod(int fd, int mode) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            if (libc_h.fchmod(e, fd, mode) != 0) throw fail(e, "fchmod");
        }
    }

    /** fchownat(fd, "", uid, gid, AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW); -1 leaves a value unchanged. */
    public static void chown(int fd, int uid, int gid) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            if (libc_h.fchownat(e, fd, str(a, Name.EMPTY), uid, gid, AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW) != 0) {
                throw fail(e, "fchownat");
            }
        }
    }

    public static void truncate(int pathFd, long size) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            if (libc_h.truncate(e, str(a, procPath(pathFd)), size) != 0) throw fail(e, "truncate");
        }
    }

    public static void ftruncate(int fd, long size) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            if (libc_h.ftruncate(e, fd, size) != 0) throw fail(e, "ftruncate");
        }
    }

    /**
     * Sets times; a nanosecond value of UTIME_NOW/UTIME_OMIT means what utimensat(2) says. With {@code openFd}
     * >= 0 uses futimens, else utimensat on /proc/self/fd (or AT_EMPTY_PATH for symlinks).
     */
    public static void utimens(int pathFd, int openFd, long aSec, long aNsec, long mSec, long mNsec, boolean symlink)
            throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            MemorySegment ts = a.allocate(timespec.layout(), 2);
            MemorySegment t0 = ts.asSlice(0, timespec.sizeof());
            MemorySegment t1 = ts.asSlice(timespec.sizeof(), timespec.sizeof());
            timespec.tv_sec(t0, aSec);
            timespec.tv_nsec(t0, aNsec);
            timespec.tv_sec(t1, mSec);
            timespec.tv_nsec(t1, mNsec);
            int rc;
            if (openFd >= 0) {
                rc = libc_h.futimens(e, openFd, ts);
            } else if (symlink) {
                rc = libc_h.utimensat(e, pathFd, str(a, Name.EMPTY), ts, AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW);
            } else {
                rc = libc_h.utimensat(e, AT_FDCWD, str(a, procPath(pathFd)), ts, 0);
            }
            if (rc != 0) throw fail(e, "utimensat");
        }
    }

    // ---- data ----

    public static long lseek(int fd, long offset, int whence) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            long r = libc_h.lseek(e, fd, offset, whence);
            if (r < 0) throw fail(e, "lseek");
            return r;
        }
    }

    public static void fsync(int fd, boolean datasync) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            int rc = datasync ? libc_h.fdatasync(e, fd) : libc_h.fsync(e, fd);
            if (rc != 0) throw fail(e, "fsync");
        }
    }

    /** syncfs(2) of the filesystem {@code fd} is on ({@code fd} may be O_PATH: it is reopened read-only). */
    public static void syncfs(int fd) throws FsException {
        int rd = reopen(fd, O_RDONLY | O_CLOEXEC);
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            if (libc_h.syncfs(e, rd) != 0) throw fail(e, "syncfs");
        } finally {
            close(rd);
        }
    }

    public static void fallocate(int fd, int mode, long offset, long length) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            if (libc_h.fallocate(e, fd, mode, offset, length) != 0) throw fail(e, "fallocate");
        }
    }

    public static long copyFileRange(int fdIn, long offIn, int fdOut, long offOut, long len, int flags)
            throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            MemorySegment in = a.allocateFrom(ValueLayout.JAVA_LONG, offIn);
            MemorySegment out = a.allocateFrom(ValueLayout.JAVA_LONG, offOut);
            long n = libc_h.copy_file_range(e, fdIn, in, fdOut, out, len, flags);
            if (n < 0) throw fail(e, "copy_file_range");
            return n;
        }
    }

    /** pread into a new array (for small reads the filesystem itself serves, e.g. .vec files). */
    public static byte[] pread(int fd, int count, long offset) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            MemorySegment buf = a.allocate(Math.max(1, count));
            long n = libc_h.pread(e, fd, buf, count, offset);
            if (n < 0) throw fail(e, "pread");
            return buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
        }
    }

    /** pwrite of {@code data} (for tools and tests; the write path itself goes through {@code WriteData}). */
    public static long pwrite(int fd, byte[] data, long offset) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            MemorySegment buf = a.allocate(Math.max(1, data.length));
            MemorySegment.copy(data, 0, buf, ValueLayout.JAVA_BYTE, 0, data.length);
            long n = libc_h.pwrite(e, fd, buf, data.length, offset);
            if (n < 0) throw fail(e, "pwrite");
            return n;
        }
    }

    public static void flock(int fd, int op) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            if (libc_h.flock(e, fd, op) != 0) throw fail(e, "flock");
        }
    }

    /** fcntl with a struct flock (F_GETLK/F_SETLK/F_SETLKW or the OFD variants); returns the lock after the call. */
    public static Lock fcntlLock(int fd, int cmd, Lock lock) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            MemorySegment l = flock.allocate(a);
            l.fill((byte) 0);
            flock.l_type(l, (short) lock.type());
            flock.l_whence(l, (short) lock.whence());
            flock.l_start(l, lock.start());
            flock.l_len(l, lock.len());
            flock.l_pid(l, lock.pid());
            if (libc_h.fcntl(e, fd, cmd, l) != 0) throw fail(e, "fcntl");
            return new Lock(flock.l_type(l), flock.l_whence(l), flock.l_start(l), flock.l_len(l), flock.l_pid(l));
        }
    }

    public static StatFs fstatvfs(int fd) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            MemorySegment v = statvfs.allocate(a);
            if (libc_h.fstatvfs(e, fd, v) != 0) throw fail(e, "fstatvfs");
            return new StatFs(statvfs.f_bsize(v), statvfs.f_frsize(v), statvfs.f_blocks(v), statvfs.f_bfree(v),
                    statvfs.f_bavail(v), statvfs.f_files(v), statvfs.f_ffree(v), statvfs.f_favail(v),
                    statvfs.f_fsid(v), statvfs.f_flag(v), statvfs.f_namemax(v));
        }
    }

    public static boolean access(int pathFd, int mask) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            if (libc_h.faccessat(e, AT_FDCWD, str(a, procPath(pathFd)), mask, 0) != 0) throw fail(e, "faccessat");
            return true;
        }
    }

    // ---- directories ----

    /**
     * Reads entries of the open directory {@code dirFd} starting at the getdents offset {@code offset}
     * (0 = start), at most {@code bufferBytes} of kernel records. Empty list = end of directory.
     */
    public static List<DirEntry> readDirectory(int dirFd, long offset, int bufferBytes) throws FsException {
        DirBatch b = readBatch(dirFd, offset, bufferBytes);
        List<DirEntry> out = new ArrayList<>(b.size());
        for (int i = 0; i < b.size(); i++) out.add(new DirEntry(b.ino(i), b.nextOffset(i), b.type(i), b.name(i)));
        return out;
    }

    /** As {@link #readDirectory}, as one {@link DirBatch}. */
    public static DirBatch readBatch(int dirFd, long offset, int bufferBytes) throws FsException {
        lseek(dirFd, offset, SEEK_SET);
        return readBatch(dirFd, bufferBytes);
    }

    /**
     * Reads the next entries of {@code dirFd} from where the descriptor stands (no seek: on some filesystems,
     * tmpfs among them, a directory seek walks the directory from its start).
     */
    public static DirBatch readBatch(int dirFd, int bufferBytes) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            MemorySegment buf = a.allocate(bufferBytes, 8);
            long n = libc_h.getdents64(e, dirFd, buf, bufferBytes);
            if (n < 0) throw fail(e, "getdents64");
            if (n == 0) return DirBatch.EMPTY;
            return DirBatch.of(buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE), (int) n);
        }
    }

    // ---- extended attributes (through /proc/self/fd/N, as passthrough_ll does) ----

    /** The size of an attribute value (getxattr with a zero-size buffer). */
    public static long getxattrSize(int pathFd, Name name) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            long n = libc_h.getxattr(e, str(a, procPath(pathFd)), str(a, name), MemorySegment.NULL, 0);
            if (n < 0) throw fail(e, "getxattr");
            return n;
        }
    }

    /** {@link #getxattrSize} through a regular (not O_PATH) descriptor: fgetxattr, no path walk. */
    public static long fgetxattrSize(int fd, Name name) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            long n = libc_h.fgetxattr(e, fd, str(a, name), MemorySegment.NULL, 0);
            if (n < 0) throw fail(e, "fgetxattr");
            return n;
        }
    }

    /** {@link #getxattr} through a regular (not O_PATH) descriptor. */
    public static byte[] fgetxattr(int fd, Name name, int maxSize) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            MemorySegment buf = a.allocate(Math.max(1, maxSize));
            long n = libc_h.fgetxattr(e, fd, str(a, name), buf, maxSize);
            if (n < 0) throw fail(e, "fgetxattr");
            return buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
        }
    }

    public static byte[] getxattr(int pathFd, Name name, int maxSize) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            MemorySegment buf = a.allocate(Math.max(1, maxSize));
            long n = libc_h.getxattr(e, str(a, procPath(pathFd)), str(a, name), buf, maxSize);
            if (n < 0) throw fail(e, "getxattr");
            return buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
        }
    }

    public static void setxattr(int pathFd, Name name, byte[] value, int flags) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            MemorySegment v = a.allocate(Math.max(1, value.length));
            MemorySegment.copy(value, 0, v, ValueLayout.JAVA_BYTE, 0, value.length);
            if (libc_h.setxattr(e, str(a, procPath(pathFd)), str(a, name), v, value.length, flags) != 0) {
                throw fail(e, "setxattr");
            }
        }
    }

    public static long listxattrSize(int pathFd) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            long n = libc_h.listxattr(e, str(a, procPath(pathFd)), MemorySegment.NULL, 0);
            if (n < 0) throw fail(e, "listxattr");
            return n;
        }
    }

    /** The NUL-separated name list, as listxattr(2) returns it. */
    public static byte[] listxattr(int pathFd, int maxSize) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            MemorySegment buf = a.allocate(Math.max(1, maxSize));
            long n = libc_h.listxattr(e, str(a, procPath(pathFd)), buf, maxSize);
            if (n < 0) throw fail(e, "listxattr");
            return buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
        }
    }

    public static void removexattr(int pathFd, Name name) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment e = libc_h.allocateErrno(a);
            if (libc_h.removexattr(e, str(a, procPath(pathFd)), str(a, name)) != 0) throw fail(e, "removexattr");
        }
    }

    /** For diagnostics: the path the kernel reports for a descriptor. */
    public static String describe(int fd) {
        try {
            return java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of(procPath(fd))).toString();
        } catch (Exception e) {
            return "fd " + fd;
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
