// Generated-shape binding (jextract layout) of <fuse_lowlevel.h> and <fuse_opt.h>, only the symbols VexFS
// calls. See scripts/regen-bindings; sizes and constants are checked by AbiProbeTest.
package vexfs.bindings;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import vexfs.fuse.FuseLibrary;

/** Downcalls into libfuse3's low-level API and the C layouts every binding class shares. */
@SuppressWarnings("restricted") // raw FFM (linking, upcall stubs, reinterpret) is what this class is for
public final class fuse_lowlevel_h {
    private fuse_lowlevel_h() {}

    public static final ValueLayout.OfByte C_CHAR = ValueLayout.JAVA_BYTE;
    public static final ValueLayout.OfShort C_SHORT = ValueLayout.JAVA_SHORT;
    public static final ValueLayout.OfInt C_INT = ValueLayout.JAVA_INT;
    public static final ValueLayout.OfLong C_LONG = ValueLayout.JAVA_LONG;
    public static final ValueLayout.OfDouble C_DOUBLE = ValueLayout.JAVA_DOUBLE;
    public static final AddressLayout C_POINTER = ValueLayout.ADDRESS;

    static MethodHandle downcallHandle(String name, FunctionDescriptor desc) {
        return LibfuseLoader.lookup().find(name)
                .map(addr -> Linker.nativeLinker().downcallHandle(addr, desc))
                .orElse(null);
    }

    static MethodHandle upcallHandle(Class<?> fi, String name, FunctionDescriptor fdesc) {
        try {
            return MethodHandles.lookup().findVirtual(fi, name, fdesc.toMethodType());
        } catch (ReflectiveOperationException ex) {
            throw new AssertionError(ex);
        }
    }

    /** True if the loaded library exports {@code symbol} (used to pick versioned symbols at run time). */
    public static boolean hasSymbol(String symbol) {
        return LibfuseLoader.lookup().find(symbol).isPresent();
    }

    private static class fuse_version$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT);
        static final MethodHandle HANDLE = downcallHandle("fuse_version", DESC);
    }

    public static MethodHandle fuse_version$handle() { return fuse_version$.HANDLE; }

    public static int fuse_version() {
        try {
            return (int) fuse_version$.HANDLE.invokeExact();
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_pkgversion$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_POINTER);
        static final MethodHandle HANDLE = downcallHandle("fuse_pkgversion", DESC);
    }

    public static MethodHandle fuse_pkgversion$handle() { return fuse_pkgversion$.HANDLE; }

    public static MemorySegment fuse_pkgversion() {
        try {
            return (MemorySegment) fuse_pkgversion$.HANDLE.invokeExact();
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_session_new$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_POINTER, C_POINTER, C_POINTER, C_LONG, C_POINTER);
        static final MethodHandle HANDLE = downcallHandle("fuse_session_new", DESC);
    }

    public static MethodHandle fuse_session_new$handle() { return fuse_session_new$.HANDLE; }

    public static MemorySegment fuse_session_new(MemorySegment args, MemorySegment op, long op_size, MemorySegment userdata) {
        try {
            return (MemorySegment) fuse_session_new$.HANDLE.invokeExact(args, op, op_size, userdata);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    // libfuse 3.17+: fuse_session_new is a header macro passing the server's struct libfuse_version to
    // fuse_session_new_versioned (released 3.17.x); unreleased 3.17 snapshots named it _fuse_session_new_317.
    // Either handle is null where the library lacks the symbol (SessionConstructor chooses).
    private static class fuse_session_new_versioned$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_POINTER, C_POINTER, C_POINTER, C_LONG, C_POINTER, C_POINTER);
        static final MethodHandle HANDLE = downcallHandle("fuse_session_new_versioned", DESC);
    }

    public static MethodHandle fuse_session_new_versioned$handle() { return fuse_session_new_versioned$.HANDLE; }

    public static MemorySegment fuse_session_new_versioned(MemorySegment args, MemorySegment op, long op_size, MemorySegment version, MemorySegment userdata) {
        try {
            return (MemorySegment) fuse_session_new_versioned$.HANDLE.invokeExact(args, op, op_size, version, userdata);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class _fuse_session_new_317$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_POINTER, C_POINTER, C_POINTER, C_LONG, C_POINTER, C_POINTER);
        static final MethodHandle HANDLE = downcallHandle("_fuse_session_new_317", DESC);
    }

    public static MethodHandle _fuse_session_new_317$handle() { return _fuse_session_new_317$.HANDLE; }

    public static MemorySegment _fuse_session_new_317(MemorySegment args, MemorySegment op, long op_size, MemorySegment version, MemorySegment userdata) {
        try {
            return (MemorySegment) _fuse_session_new_317$.HANDLE.invokeExact(args, op, op_size, version, userdata);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    // libfuse 3.17+: kernel FUSE passthrough (Linux 6.9+). Null handles on older libraries.
    private static class fuse_passthrough_open$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_INT);
        static final MethodHandle HANDLE = downcallHandle("fuse_passthrough_open", DESC);
    }

    public static MethodHandle fuse_passthrough_open$handle() { return fuse_passthrough_open$.HANDLE; }

    /** FUSE_DEV_IOC_BACKING_OPEN on the session's device: a backing id (> 0) for {@code fd}, or 0 (libfuse logged why). */
    public static int fuse_passthrough_open(MemorySegment req, int fd) {
        try {
            return (int) fuse_passthrough_open$.HANDLE.invokeExact(req, fd);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_passthrough_close$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_INT);
        static final MethodHandle HANDLE = downcallHandle("fuse_passthrough_close", DESC);
    }

    public static MethodHandle fuse_passthrough_close$handle() { return fuse_passthrough_close$.HANDLE; }

    public static int fuse_passthrough_close(MemorySegment req, int backing_id) {
        try {
            return (int) fuse_passthrough_close$.HANDLE.invokeExact(req, backing_id);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_session_mount$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER);
        static final MethodHandle HANDLE = downcallHandle("fuse_session_mount", DESC);
    }

    public static MethodHandle fuse_session_mount$handle() { return fuse_session_mount$.HANDLE; }

    public static int fuse_session_mount(MemorySegment se, MemorySegment mountpoint) {
        try {
            return (int) fuse_session_mount$.HANDLE.invokeExact(se, mountpoint);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_session_unmount$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(C_POINTER);
        static final MethodHandle HANDLE = downcallHandle("fuse_session_unmount", DESC);
    }

    public static MethodHandle fuse_session_unmount$handle() { return fuse_session_unmount$.HANDLE; }

    public static void fuse_session_unmount(MemorySegment se) {
        try {
            fuse_session_unmount$.HANDLE.invokeExact(se);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_session_destroy$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(C_POINTER);
        static final MethodHandle HANDLE = downcallHandle("fuse_session_destroy", DESC);
    }

    public static MethodHandle fuse_session_destroy$handle() { return fuse_session_destroy$.HANDLE; }

    public static void fuse_session_destroy(MemorySegment se) {
        try {
            fuse_session_destroy$.HANDLE.invokeExact(se);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_session_fd$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER);
        static final MethodHandle HANDLE = downcallHandle("fuse_session_fd", DESC);
    }

    public static MethodHandle fuse_session_fd$handle() { return fuse_session_fd$.HANDLE; }

    public static int fuse_session_fd(MemorySegment se) {
        try {
            return (int) fuse_session_fd$.HANDLE.invokeExact(se);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_session_exited$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER);
        static final MethodHandle HANDLE = downcallHandle("fuse_session_exited", DESC);
    }

    public static MethodHandle fuse_session_exited$handle() { return fuse_session_exited$.HANDLE; }

    public static int fuse_session_exited(MemorySegment se) {
        try {
            return (int) fuse_session_exited$.HANDLE.invokeExact(se);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_session_exit$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(C_POINTER);
        static final MethodHandle HANDLE = downcallHandle("fuse_session_exit", DESC);
    }

    public static MethodHandle fuse_session_exit$handle() { return fuse_session_exit$.HANDLE; }

    public static void fuse_session_exit(MemorySegment se) {
        try {
            fuse_session_exit$.HANDLE.invokeExact(se);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_session_reset$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(C_POINTER);
        static final MethodHandle HANDLE = downcallHandle("fuse_session_reset", DESC);
    }

    public static MethodHandle fuse_session_reset$handle() { return fuse_session_reset$.HANDLE; }

    public static void fuse_session_reset(MemorySegment se) {
        try {
            fuse_session_reset$.HANDLE.invokeExact(se);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_session_receive_buf$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER);
        static final MethodHandle HANDLE = downcallHandle("fuse_session_receive_buf", DESC);
    }

    public static MethodHandle fuse_session_receive_buf$handle() { return fuse_session_receive_buf$.HANDLE; }

    public static int fuse_session_receive_buf(MemorySegment se, MemorySegment buf) {
        try {
            return (int) fuse_session_receive_buf$.HANDLE.invokeExact(se, buf);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_session_process_buf$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(C_POINTER, C_POINTER);
        static final MethodHandle HANDLE = downcallHandle("fuse_session_process_buf", DESC);
    }

    public static MethodHandle fuse_session_process_buf$handle() { return fuse_session_process_buf$.HANDLE; }

    public static void fuse_session_process_buf(MemorySegment se, MemorySegment buf) {
        try {
            fuse_session_process_buf$.HANDLE.invokeExact(se, buf);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_set_signal_handlers$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER);
        static final MethodHandle HANDLE = downcallHandle("fuse_set_signal_handlers", DESC);
    }

    public static MethodHandle fuse_set_signal_handlers$handle() { return fuse_set_signal_handlers$.HANDLE; }

    public static int fuse_set_signal_handlers(MemorySegment se) {
        try {
            return (int) fuse_set_signal_handlers$.HANDLE.invokeExact(se);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_remove_signal_handlers$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(C_POINTER);
        static final MethodHandle HANDLE = downcallHandle("fuse_remove_signal_handlers", DESC);
    }

    public static MethodHandle fuse_remove_signal_handlers$handle() { return fuse_remove_signal_handlers$.HANDLE; }

    public static void fuse_remove_signal_handlers(MemorySegment se) {
        try {
            fuse_remove_signal_handlers$.HANDLE.invokeExact(se);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_reply_err$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_INT);
        static final MethodHandle HANDLE = downcallHandle("fuse_reply_err", DESC);
    }

    public static MethodHandle fuse_reply_err$handle() { return fuse_reply_err$.HANDLE; }

    public static int fuse_reply_err(MemorySegment req, int err) {
        try {
            return (int) fuse_reply_err$.HANDLE.invokeExact(req, err);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_reply_none$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(C_POINTER);
        static final MethodHandle HANDLE = downcallHandle("fuse_reply_none", DESC);
    }

    public static MethodHandle fuse_reply_none$handle() { return fuse_reply_none$.HANDLE; }

    public static void fuse_reply_none(MemorySegment req) {
        try {
            fuse_reply_none$.HANDLE.invokeExact(req);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_reply_entry$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER);
        static final MethodHandle HANDLE = downcallHandle("fuse_reply_entry", DESC);
    }

    public static MethodHandle fuse_reply_entry$handle() { return fuse_reply_entry$.HANDLE; }

    public static int fuse_reply_entry(MemorySegment req, MemorySegment e) {
        try {
            return (int) fuse_reply_entry$.HANDLE.invokeExact(req, e);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_reply_create$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_POINTER);
        static final MethodHandle HANDLE = downcallHandle("fuse_reply_create", DESC);
    }

    public static MethodHandle fuse_reply_create$handle() { return fuse_reply_create$.HANDLE; }

    public static int fuse_reply_create(MemorySegment req, MemorySegment e, MemorySegment fi) {
        try {
            return (int) fuse_reply_create$.HANDLE.invokeExact(req, e, fi);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_reply_attr$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_DOUBLE);
        static final MethodHandle HANDLE = downcallHandle("fuse_reply_attr", DESC);
    }

    public static MethodHandle fuse_reply_attr$handle() { return fuse_reply_attr$.HANDLE; }

    public static int fuse_reply_attr(MemorySegment req, MemorySegment attr, double attr_timeout) {
        try {
            return (int) fuse_reply_attr$.HANDLE.invokeExact(req, attr, attr_timeout);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_reply_readlink$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER);
        static final MethodHandle HANDLE = downcallHandle("fuse_reply_readlink", DESC);
    }

    public static MethodHandle fuse_reply_readlink$handle() { return fuse_reply_readlink$.HANDLE; }

    public static int fuse_reply_readlink(MemorySegment req, MemorySegment link) {
        try {
            return (int) fuse_reply_readlink$.HANDLE.invokeExact(req, link);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_reply_open$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER);
        static final MethodHandle HANDLE = downcallHandle("fuse_reply_open", DESC);
    }

    public static MethodHandle fuse_reply_open$handle() { return fuse_reply_open$.HANDLE; }

    public static int fuse_reply_open(MemorySegment req, MemorySegment fi) {
        try {
            return (int) fuse_reply_open$.HANDLE.invokeExact(req, fi);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_reply_write$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_LONG);
        static final MethodHandle HANDLE = downcallHandle("fuse_reply_write", DESC);
    }

    public static MethodHandle fuse_reply_write$handle() { return fuse_reply_write$.HANDLE; }

    public static int fuse_reply_write(MemorySegment req, long count) {
        try {
            return (int) fuse_reply_write$.HANDLE.invokeExact(req, count);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_reply_buf$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_LONG);
        static final MethodHandle HANDLE = downcallHandle("fuse_reply_buf", DESC);
    }

    public static MethodHandle fuse_reply_buf$handle() { return fuse_reply_buf$.HANDLE; }

    public static int fuse_reply_buf(MemorySegment req, MemorySegment buf, long size) {
        try {
            return (int) fuse_reply_buf$.HANDLE.invokeExact(req, buf, size);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_reply_data$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_INT);
        static final MethodHandle HANDLE = downcallHandle("fuse_reply_data", DESC);
    }

    public static MethodHandle fuse_reply_data$handle() { return fuse_reply_data$.HANDLE; }

    public static int fuse_reply_data(MemorySegment req, MemorySegment bufv, int flags) {
        try {
            return (int) fuse_reply_data$.HANDLE.invokeExact(req, bufv, flags);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_reply_iov$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_INT);
        static final MethodHandle HANDLE = downcallHandle("fuse_reply_iov", DESC);
    }

    public static MethodHandle fuse_reply_iov$handle() { return fuse_reply_iov$.HANDLE; }

    public static int fuse_reply_iov(MemorySegment req, MemorySegment iov, int count) {
        try {
            return (int) fuse_reply_iov$.HANDLE.invokeExact(req, iov, count);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_reply_statfs$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER);
        static final MethodHandle HANDLE = downcallHandle("fuse_reply_statfs", DESC);
    }

    public static MethodHandle fuse_reply_statfs$handle() { return fuse_reply_statfs$.HANDLE; }

    public static int fuse_reply_statfs(MemorySegment req, MemorySegment stbuf) {
        try {
            return (int) fuse_reply_statfs$.HANDLE.invokeExact(req, stbuf);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_reply_xattr$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_LONG);
        static final MethodHandle HANDLE = downcallHandle("fuse_reply_xattr", DESC);
    }

    public static MethodHandle fuse_reply_xattr$handle() { return fuse_reply_xattr$.HANDLE; }

    public static int fuse_reply_xattr(MemorySegment req, long count) {
        try {
            return (int) fuse_reply_xattr$.HANDLE.invokeExact(req, count);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_reply_lock$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER);
        static final MethodHandle HANDLE = downcallHandle("fuse_reply_lock", DESC);
    }

    public static MethodHandle fuse_reply_lock$handle() { return fuse_reply_lock$.HANDLE; }

    public static int fuse_reply_lock(MemorySegment req, MemorySegment lock) {
        try {
            return (int) fuse_reply_lock$.HANDLE.invokeExact(req, lock);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_reply_bmap$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_LONG);
        static final MethodHandle HANDLE = downcallHandle("fuse_reply_bmap", DESC);
    }

    public static MethodHandle fuse_reply_bmap$handle() { return fuse_reply_bmap$.HANDLE; }

    public static int fuse_reply_bmap(MemorySegment req, long idx) {
        try {
            return (int) fuse_reply_bmap$.HANDLE.invokeExact(req, idx);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_reply_lseek$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_LONG);
        static final MethodHandle HANDLE = downcallHandle("fuse_reply_lseek", DESC);
    }

    public static MethodHandle fuse_reply_lseek$handle() { return fuse_reply_lseek$.HANDLE; }

    public static int fuse_reply_lseek(MemorySegment req, long off) {
        try {
            return (int) fuse_reply_lseek$.HANDLE.invokeExact(req, off);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_req_ctx$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_POINTER, C_POINTER);
        static final MethodHandle HANDLE = downcallHandle("fuse_req_ctx", DESC);
    }

    public static MethodHandle fuse_req_ctx$handle() { return fuse_req_ctx$.HANDLE; }

    public static MemorySegment fuse_req_ctx(MemorySegment req) {
        try {
            return (MemorySegment) fuse_req_ctx$.HANDLE.invokeExact(req);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_req_userdata$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_POINTER, C_POINTER);
        static final MethodHandle HANDLE = downcallHandle("fuse_req_userdata", DESC);
    }

    public static MethodHandle fuse_req_userdata$handle() { return fuse_req_userdata$.HANDLE; }

    public static MemorySegment fuse_req_userdata(MemorySegment req) {
        try {
            return (MemorySegment) fuse_req_userdata$.HANDLE.invokeExact(req);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_req_interrupted$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER);
        static final MethodHandle HANDLE = downcallHandle("fuse_req_interrupted", DESC);
    }

    public static MethodHandle fuse_req_interrupted$handle() { return fuse_req_interrupted$.HANDLE; }

    public static int fuse_req_interrupted(MemorySegment req) {
        try {
            return (int) fuse_req_interrupted$.HANDLE.invokeExact(req);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_add_direntry$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_LONG, C_POINTER, C_POINTER, C_LONG, C_POINTER, C_POINTER, C_LONG);
        static final MethodHandle HANDLE = downcallHandle("fuse_add_direntry", DESC);
    }

    public static MethodHandle fuse_add_direntry$handle() { return fuse_add_direntry$.HANDLE; }

    public static long fuse_add_direntry(MemorySegment req, MemorySegment buf, long bufsize, MemorySegment name, MemorySegment stbuf, long off) {
        try {
            return (long) fuse_add_direntry$.HANDLE.invokeExact(req, buf, bufsize, name, stbuf, off);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_add_direntry_plus$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_LONG, C_POINTER, C_POINTER, C_LONG, C_POINTER, C_POINTER, C_LONG);
        static final MethodHandle HANDLE = downcallHandle("fuse_add_direntry_plus", DESC);
    }

    public static MethodHandle fuse_add_direntry_plus$handle() { return fuse_add_direntry_plus$.HANDLE; }

    public static long fuse_add_direntry_plus(MemorySegment req, MemorySegment buf, long bufsize, MemorySegment name, MemorySegment e, long off) {
        try {
            return (long) fuse_add_direntry_plus$.HANDLE.invokeExact(req, buf, bufsize, name, e, off);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_lowlevel_notify_inval_inode$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_LONG, C_LONG, C_LONG);
        static final MethodHandle HANDLE = downcallHandle("fuse_lowlevel_notify_inval_inode", DESC);
    }

    public static MethodHandle fuse_lowlevel_notify_inval_inode$handle() { return fuse_lowlevel_notify_inval_inode$.HANDLE; }

    public static int fuse_lowlevel_notify_inval_inode(MemorySegment se, long ino, long off, long len) {
        try {
            return (int) fuse_lowlevel_notify_inval_inode$.HANDLE.invokeExact(se, ino, off, len);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_lowlevel_notify_inval_entry$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_LONG, C_POINTER, C_LONG);
        static final MethodHandle HANDLE = downcallHandle("fuse_lowlevel_notify_inval_entry", DESC);
    }

    public static MethodHandle fuse_lowlevel_notify_inval_entry$handle() { return fuse_lowlevel_notify_inval_entry$.HANDLE; }

    public static int fuse_lowlevel_notify_inval_entry(MemorySegment se, long parent, MemorySegment name, long namelen) {
        try {
            return (int) fuse_lowlevel_notify_inval_entry$.HANDLE.invokeExact(se, parent, name, namelen);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_opt_add_arg$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER);
        static final MethodHandle HANDLE = downcallHandle("fuse_opt_add_arg", DESC);
    }

    public static MethodHandle fuse_opt_add_arg$handle() { return fuse_opt_add_arg$.HANDLE; }

    public static int fuse_opt_add_arg(MemorySegment args, MemorySegment arg) {
        try {
            return (int) fuse_opt_add_arg$.HANDLE.invokeExact(args, arg);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fuse_opt_free_args$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(C_POINTER);
        static final MethodHandle HANDLE = downcallHandle("fuse_opt_free_args", DESC);
    }

    public static MethodHandle fuse_opt_free_args$handle() { return fuse_opt_free_args$.HANDLE; }

    public static void fuse_opt_free_args(MemorySegment args) {
        try {
            fuse_opt_free_args$.HANDLE.invokeExact(args);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }
}
