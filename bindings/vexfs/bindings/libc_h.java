// Jextract-shaped binding of the few libc calls the passthrough needs and NIO lacks. Unlike plain jextract
// output every function is linked with Linker.Option.captureCallState("errno") and takes the capture
// segment first, because the JVM may clobber errno between two downcalls. See scripts/regen-bindings.
package vexfs.bindings;

import static vexfs.bindings.fuse_lowlevel_h.C_INT;
import static vexfs.bindings.fuse_lowlevel_h.C_LONG;
import static vexfs.bindings.fuse_lowlevel_h.C_POINTER;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/** libc downcalls with errno capture. */
@SuppressWarnings("restricted") // raw FFM (linking, upcall stubs, reinterpret) is what this class is for
public final class libc_h {
    private libc_h() {}

    private static final Linker.Option CAPTURE = Linker.Option.captureCallState("errno");
    private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    /** Allocates a segment to pass as the first argument of every call here. */
    public static MemorySegment allocateErrno(SegmentAllocator arena) {
        return arena.allocate(CAPTURE_LAYOUT);
    }

    public static long errnoSize() {
        return CAPTURE_LAYOUT.byteSize();
    }

    /** The errno captured by the last call that was given {@code state}. */
    public static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    private static MethodHandle downcallHandle(String name, FunctionDescriptor desc, Linker.Option... options) {
        MemorySegment addr = Linker.nativeLinker().defaultLookup().find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("libc symbol not found: " + name));
        return Linker.nativeLinker().downcallHandle(addr, desc, options);
    }

    private static class openat$ {
        static final MethodHandle HANDLE = downcallHandle("openat", FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT, C_INT), CAPTURE, Linker.Option.firstVariadicArg(3));
    }

    /** openat(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int openat(MemorySegment errno, int dirfd, MemorySegment path, int flags, int mode) {
        try {
            return (int) openat$.HANDLE.invokeExact(errno, dirfd, path, flags, mode);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class close$ {
        static final MethodHandle HANDLE = downcallHandle("close", FunctionDescriptor.of(C_INT, C_INT), CAPTURE);
    }

    /** close(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int close(MemorySegment errno, int fd) {
        try {
            return (int) close$.HANDLE.invokeExact(errno, fd);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fstatat$ {
        static final MethodHandle HANDLE = downcallHandle("fstatat", FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_POINTER, C_INT), CAPTURE);
    }

    /** fstatat(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int fstatat(MemorySegment errno, int dirfd, MemorySegment path, MemorySegment buf, int flags) {
        try {
            return (int) fstatat$.HANDLE.invokeExact(errno, dirfd, path, buf, flags);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fstat$ {
        static final MethodHandle HANDLE = downcallHandle("fstat", FunctionDescriptor.of(C_INT, C_INT, C_POINTER), CAPTURE);
    }

    /** fstat(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int fstat(MemorySegment errno, int fd, MemorySegment buf) {
        try {
            return (int) fstat$.HANDLE.invokeExact(errno, fd, buf);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class renameat2$ {
        static final MethodHandle HANDLE = downcallHandle("renameat2", FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT, C_POINTER, C_INT), CAPTURE);
    }

    /** renameat2(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int renameat2(MemorySegment errno, int olddirfd, MemorySegment oldpath, int newdirfd, MemorySegment newpath, int flags) {
        try {
            return (int) renameat2$.HANDLE.invokeExact(errno, olddirfd, oldpath, newdirfd, newpath, flags);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class mknodat$ {
        static final MethodHandle HANDLE = downcallHandle("mknodat", FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT, C_LONG), CAPTURE);
    }

    /** mknodat(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int mknodat(MemorySegment errno, int dirfd, MemorySegment path, int mode, long dev) {
        try {
            return (int) mknodat$.HANDLE.invokeExact(errno, dirfd, path, mode, dev);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class mkdirat$ {
        static final MethodHandle HANDLE = downcallHandle("mkdirat", FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT), CAPTURE);
    }

    /** mkdirat(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int mkdirat(MemorySegment errno, int dirfd, MemorySegment path, int mode) {
        try {
            return (int) mkdirat$.HANDLE.invokeExact(errno, dirfd, path, mode);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class symlinkat$ {
        static final MethodHandle HANDLE = downcallHandle("symlinkat", FunctionDescriptor.of(C_INT, C_POINTER, C_INT, C_POINTER), CAPTURE);
    }

    /** symlinkat(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int symlinkat(MemorySegment errno, MemorySegment target, int newdirfd, MemorySegment linkpath) {
        try {
            return (int) symlinkat$.HANDLE.invokeExact(errno, target, newdirfd, linkpath);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class linkat$ {
        static final MethodHandle HANDLE = downcallHandle("linkat", FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT, C_POINTER, C_INT), CAPTURE);
    }

    /** linkat(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int linkat(MemorySegment errno, int olddirfd, MemorySegment oldpath, int newdirfd, MemorySegment newpath, int flags) {
        try {
            return (int) linkat$.HANDLE.invokeExact(errno, olddirfd, oldpath, newdirfd, newpath, flags);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class unlinkat$ {
        static final MethodHandle HANDLE = downcallHandle("unlinkat", FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT), CAPTURE);
    }

    /** unlinkat(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int unlinkat(MemorySegment errno, int dirfd, MemorySegment path, int flags) {
        try {
            return (int) unlinkat$.HANDLE.invokeExact(errno, dirfd, path, flags);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class readlinkat$ {
        static final MethodHandle HANDLE = downcallHandle("readlinkat", FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_POINTER, C_LONG), CAPTURE);
    }

    /** readlinkat(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static long readlinkat(MemorySegment errno, int dirfd, MemorySegment path, MemorySegment buf, long bufsiz) {
        try {
            return (long) readlinkat$.HANDLE.invokeExact(errno, dirfd, path, buf, bufsiz);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class utimensat$ {
        static final MethodHandle HANDLE = downcallHandle("utimensat", FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_POINTER, C_INT), CAPTURE);
    }

    /** utimensat(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int utimensat(MemorySegment errno, int dirfd, MemorySegment path, MemorySegment times, int flags) {
        try {
            return (int) utimensat$.HANDLE.invokeExact(errno, dirfd, path, times, flags);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class futimens$ {
        static final MethodHandle HANDLE = downcallHandle("futimens", FunctionDescriptor.of(C_INT, C_INT, C_POINTER), CAPTURE);
    }

    /** futimens(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int futimens(MemorySegment errno, int fd, MemorySegment times) {
        try {
            return (int) futimens$.HANDLE.invokeExact(errno, fd, times);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fchmodat$ {
        static final MethodHandle HANDLE = downcallHandle("fchmodat", FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT, C_INT), CAPTURE);
    }

    /** fchmodat(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int fchmodat(MemorySegment errno, int dirfd, MemorySegment path, int mode, int flags) {
        try {
            return (int) fchmodat$.HANDLE.invokeExact(errno, dirfd, path, mode, flags);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fchmod$ {
        static final MethodHandle HANDLE = downcallHandle("fchmod", FunctionDescriptor.of(C_INT, C_INT, C_INT), CAPTURE);
    }

    /** fchmod(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int fchmod(MemorySegment errno, int fd, int mode) {
        try {
            return (int) fchmod$.HANDLE.invokeExact(errno, fd, mode);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fchownat$ {
        static final MethodHandle HANDLE = downcallHandle("fchownat", FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT, C_INT, C_INT), CAPTURE);
    }

    /** fchownat(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int fchownat(MemorySegment errno, int dirfd, MemorySegment path, int owner, int group, int flags) {
        try {
            return (int) fchownat$.HANDLE.invokeExact(errno, dirfd, path, owner, group, flags);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fchown$ {
        static final MethodHandle HANDLE = downcallHandle("fchown", FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT), CAPTURE);
    }

    /** fchown(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int fchown(MemorySegment errno, int fd, int owner, int group) {
        try {
            return (int) fchown$.HANDLE.invokeExact(errno, fd, owner, group);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class truncate$ {
        static final MethodHandle HANDLE = downcallHandle("truncate", FunctionDescriptor.of(C_INT, C_POINTER, C_LONG), CAPTURE);
    }

    /** truncate(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int truncate(MemorySegment errno, MemorySegment path, long length) {
        try {
            return (int) truncate$.HANDLE.invokeExact(errno, path, length);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class ftruncate$ {
        static final MethodHandle HANDLE = downcallHandle("ftruncate", FunctionDescriptor.of(C_INT, C_INT, C_LONG), CAPTURE);
    }

    /** ftruncate(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int ftruncate(MemorySegment errno, int fd, long length) {
        try {
            return (int) ftruncate$.HANDLE.invokeExact(errno, fd, length);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fgetxattr$ {
        static final MethodHandle HANDLE = downcallHandle("fgetxattr", FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_POINTER, C_LONG), CAPTURE);
    }

    /** fgetxattr(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static long fgetxattr(MemorySegment errno, int fd, MemorySegment name, MemorySegment value, long size) {
        try {
            return (long) fgetxattr$.HANDLE.invokeExact(errno, fd, name, value, size);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fsetxattr$ {
        static final MethodHandle HANDLE = downcallHandle("fsetxattr", FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_POINTER, C_LONG, C_INT), CAPTURE);
    }

    /** fsetxattr(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int fsetxattr(MemorySegment errno, int fd, MemorySegment name, MemorySegment value, long size, int flags) {
        try {
            return (int) fsetxattr$.HANDLE.invokeExact(errno, fd, name, value, size, flags);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class flistxattr$ {
        static final MethodHandle HANDLE = downcallHandle("flistxattr", FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_LONG), CAPTURE);
    }

    /** flistxattr(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static long flistxattr(MemorySegment errno, int fd, MemorySegment list, long size) {
        try {
            return (long) flistxattr$.HANDLE.invokeExact(errno, fd, list, size);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fremovexattr$ {
        static final MethodHandle HANDLE = downcallHandle("fremovexattr", FunctionDescriptor.of(C_INT, C_INT, C_POINTER), CAPTURE);
    }

    /** fremovexattr(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int fremovexattr(MemorySegment errno, int fd, MemorySegment name) {
        try {
            return (int) fremovexattr$.HANDLE.invokeExact(errno, fd, name);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class getxattr$ {
        static final MethodHandle HANDLE = downcallHandle("getxattr", FunctionDescriptor.of(C_LONG, C_POINTER, C_POINTER, C_POINTER, C_LONG), CAPTURE);
    }

    /** getxattr(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static long getxattr(MemorySegment errno, MemorySegment path, MemorySegment name, MemorySegment value, long size) {
        try {
            return (long) getxattr$.HANDLE.invokeExact(errno, path, name, value, size);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class setxattr$ {
        static final MethodHandle HANDLE = downcallHandle("setxattr", FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_POINTER, C_LONG, C_INT), CAPTURE);
    }

    /** setxattr(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int setxattr(MemorySegment errno, MemorySegment path, MemorySegment name, MemorySegment value, long size, int flags) {
        try {
            return (int) setxattr$.HANDLE.invokeExact(errno, path, name, value, size, flags);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class listxattr$ {
        static final MethodHandle HANDLE = downcallHandle("listxattr", FunctionDescriptor.of(C_LONG, C_POINTER, C_POINTER, C_LONG), CAPTURE);
    }

    /** listxattr(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static long listxattr(MemorySegment errno, MemorySegment path, MemorySegment list, long size) {
        try {
            return (long) listxattr$.HANDLE.invokeExact(errno, path, list, size);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class removexattr$ {
        static final MethodHandle HANDLE = downcallHandle("removexattr", FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER), CAPTURE);
    }

    /** removexattr(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int removexattr(MemorySegment errno, MemorySegment path, MemorySegment name) {
        try {
            return (int) removexattr$.HANDLE.invokeExact(errno, path, name);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class lgetxattr$ {
        static final MethodHandle HANDLE = downcallHandle("lgetxattr", FunctionDescriptor.of(C_LONG, C_POINTER, C_POINTER, C_POINTER, C_LONG), CAPTURE);
    }

    /** lgetxattr(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static long lgetxattr(MemorySegment errno, MemorySegment path, MemorySegment name, MemorySegment value, long size) {
        try {
            return (long) lgetxattr$.HANDLE.invokeExact(errno, path, name, value, size);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class lsetxattr$ {
        static final MethodHandle HANDLE = downcallHandle("lsetxattr", FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_POINTER, C_LONG, C_INT), CAPTURE);
    }

    /** lsetxattr(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int lsetxattr(MemorySegment errno, MemorySegment path, MemorySegment name, MemorySegment value, long size, int flags) {
        try {
            return (int) lsetxattr$.HANDLE.invokeExact(errno, path, name, value, size, flags);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class llistxattr$ {
        static final MethodHandle HANDLE = downcallHandle("llistxattr", FunctionDescriptor.of(C_LONG, C_POINTER, C_POINTER, C_LONG), CAPTURE);
    }

    /** llistxattr(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static long llistxattr(MemorySegment errno, MemorySegment path, MemorySegment list, long size) {
        try {
            return (long) llistxattr$.HANDLE.invokeExact(errno, path, list, size);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class lremovexattr$ {
        static final MethodHandle HANDLE = downcallHandle("lremovexattr", FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER), CAPTURE);
    }

    /** lremovexattr(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int lremovexattr(MemorySegment errno, MemorySegment path, MemorySegment name) {
        try {
            return (int) lremovexattr$.HANDLE.invokeExact(errno, path, name);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class statvfs$ {
        static final MethodHandle HANDLE = downcallHandle("statvfs", FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER), CAPTURE);
    }

    /** statvfs(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int statvfs(MemorySegment errno, MemorySegment path, MemorySegment buf) {
        try {
            return (int) statvfs$.HANDLE.invokeExact(errno, path, buf);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fstatvfs$ {
        static final MethodHandle HANDLE = downcallHandle("fstatvfs", FunctionDescriptor.of(C_INT, C_INT, C_POINTER), CAPTURE);
    }

    /** fstatvfs(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int fstatvfs(MemorySegment errno, int fd, MemorySegment buf) {
        try {
            return (int) fstatvfs$.HANDLE.invokeExact(errno, fd, buf);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fallocate$ {
        static final MethodHandle HANDLE = downcallHandle("fallocate", FunctionDescriptor.of(C_INT, C_INT, C_INT, C_LONG, C_LONG), CAPTURE);
    }

    /** fallocate(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int fallocate(MemorySegment errno, int fd, int mode, long offset, long len) {
        try {
            return (int) fallocate$.HANDLE.invokeExact(errno, fd, mode, offset, len);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class copy_file_range$ {
        static final MethodHandle HANDLE = downcallHandle("copy_file_range", FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_INT, C_POINTER, C_LONG, C_INT), CAPTURE);
    }

    /** copy_file_range(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static long copy_file_range(MemorySegment errno, int fd_in, MemorySegment off_in, int fd_out, MemorySegment off_out, long len, int flags) {
        try {
            return (long) copy_file_range$.HANDLE.invokeExact(errno, fd_in, off_in, fd_out, off_out, len, flags);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class lseek$ {
        static final MethodHandle HANDLE = downcallHandle("lseek", FunctionDescriptor.of(C_LONG, C_INT, C_LONG, C_INT), CAPTURE);
    }

    /** lseek(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static long lseek(MemorySegment errno, int fd, long offset, int whence) {
        try {
            return (long) lseek$.HANDLE.invokeExact(errno, fd, offset, whence);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class pread$ {
        static final MethodHandle HANDLE = downcallHandle("pread", FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_LONG, C_LONG), CAPTURE);
    }

    /** pread(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static long pread(MemorySegment errno, int fd, MemorySegment buf, long count, long offset) {
        try {
            return (long) pread$.HANDLE.invokeExact(errno, fd, buf, count, offset);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class pwrite$ {
        static final MethodHandle HANDLE = downcallHandle("pwrite", FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_LONG, C_LONG), CAPTURE);
    }

    /** pwrite(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static long pwrite(MemorySegment errno, int fd, MemorySegment buf, long count, long offset) {
        try {
            return (long) pwrite$.HANDLE.invokeExact(errno, fd, buf, count, offset);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class read$ {
        static final MethodHandle HANDLE = downcallHandle("read", FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_LONG), CAPTURE);
    }

    /** read(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static long read(MemorySegment errno, int fd, MemorySegment buf, long count) {
        try {
            return (long) read$.HANDLE.invokeExact(errno, fd, buf, count);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class write$ {
        static final MethodHandle HANDLE = downcallHandle("write", FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_LONG), CAPTURE);
    }

    /** write(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static long write(MemorySegment errno, int fd, MemorySegment buf, long count) {
        try {
            return (long) write$.HANDLE.invokeExact(errno, fd, buf, count);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fsync$ {
        static final MethodHandle HANDLE = downcallHandle("fsync", FunctionDescriptor.of(C_INT, C_INT), CAPTURE);
    }

    /** fsync(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int fsync(MemorySegment errno, int fd) {
        try {
            return (int) fsync$.HANDLE.invokeExact(errno, fd);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fdatasync$ {
        static final MethodHandle HANDLE = downcallHandle("fdatasync", FunctionDescriptor.of(C_INT, C_INT), CAPTURE);
    }

    /** fdatasync(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int fdatasync(MemorySegment errno, int fd) {
        try {
            return (int) fdatasync$.HANDLE.invokeExact(errno, fd);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class getdents64$ {
        static final MethodHandle HANDLE = downcallHandle("getdents64", FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_LONG), CAPTURE);
    }

    /** getdents64(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static long getdents64(MemorySegment errno, int fd, MemorySegment dirp, long count) {
        try {
            return (long) getdents64$.HANDLE.invokeExact(errno, fd, dirp, count);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class flock$ {
        static final MethodHandle HANDLE = downcallHandle("flock", FunctionDescriptor.of(C_INT, C_INT, C_INT), CAPTURE);
    }

    /** flock(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int flock(MemorySegment errno, int fd, int operation) {
        try {
            return (int) flock$.HANDLE.invokeExact(errno, fd, operation);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fcntl$ {
        static final MethodHandle HANDLE = downcallHandle("fcntl", FunctionDescriptor.of(C_INT, C_INT, C_INT, C_POINTER), CAPTURE, Linker.Option.firstVariadicArg(2));
    }

    /** fcntl(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int fcntl(MemorySegment errno, int fd, int cmd, MemorySegment arg) {
        try {
            return (int) fcntl$.HANDLE.invokeExact(errno, fd, cmd, arg);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class faccessat$ {
        static final MethodHandle HANDLE = downcallHandle("faccessat", FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT, C_INT), CAPTURE);
    }

    /** faccessat(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int faccessat(MemorySegment errno, int dirfd, MemorySegment path, int mode, int flags) {
        try {
            return (int) faccessat$.HANDLE.invokeExact(errno, dirfd, path, mode, flags);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class dup$ {
        static final MethodHandle HANDLE = downcallHandle("dup", FunctionDescriptor.of(C_INT, C_INT), CAPTURE);
    }

    /** dup(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int dup(MemorySegment errno, int fd) {
        try {
            return (int) dup$.HANDLE.invokeExact(errno, fd);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class umask$ {
        static final MethodHandle HANDLE = downcallHandle("umask", FunctionDescriptor.of(C_INT, C_INT), CAPTURE);
    }

    /** umask(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int umask(MemorySegment errno, int mask) {
        try {
            return (int) umask$.HANDLE.invokeExact(errno, mask);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class getpid$ {
        static final MethodHandle HANDLE = downcallHandle("getpid", FunctionDescriptor.of(C_INT), CAPTURE);
    }

    /** getpid(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int getpid(MemorySegment errno) {
        try {
            return (int) getpid$.HANDLE.invokeExact(errno);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class getuid$ {
        static final MethodHandle HANDLE = downcallHandle("getuid", FunctionDescriptor.of(C_INT), CAPTURE);
    }

    /** getuid(3); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int getuid(MemorySegment errno) {
        try {
            return (int) getuid$.HANDLE.invokeExact(errno);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class name_to_handle_at$ {
        static final MethodHandle HANDLE = downcallHandle("name_to_handle_at", FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_POINTER, C_POINTER, C_INT), CAPTURE);
    }

    /** name_to_handle_at(2); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int name_to_handle_at(MemorySegment errno, int dirfd, MemorySegment path, MemorySegment handle,
                                        MemorySegment mountId, int flags) {
        try {
            return (int) name_to_handle_at$.HANDLE.invokeExact(errno, dirfd, path, handle, mountId, flags);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class open_by_handle_at$ {
        static final MethodHandle HANDLE = downcallHandle("open_by_handle_at", FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT), CAPTURE);
    }

    /** open_by_handle_at(2); on failure the errno is in {@code errno} (see {@link #errno(MemorySegment)}). */
    public static int open_by_handle_at(MemorySegment errno, int mountFd, MemorySegment handle, int flags) {
        try {
            return (int) open_by_handle_at$.HANDLE.invokeExact(errno, mountFd, handle, flags);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }
}
