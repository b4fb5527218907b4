// Generated-shape binding (jextract layout) of struct fuse_lowlevel_ops. See scripts/regen-bindings; checked by AbiProbeTest.
package vexfs.bindings;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.invoke.MethodHandle;

/** struct fuse_lowlevel_ops (FUSE_USE_VERSION 314): one function pointer per operation. */
@SuppressWarnings("restricted") // raw FFM (linking, upcall stubs, reinterpret) is what this class is for
public final class fuse_lowlevel_ops {
    private fuse_lowlevel_ops() {}

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        fuse_lowlevel_h.C_POINTER.withName("init"),
        fuse_lowlevel_h.C_POINTER.withName("destroy"),
        fuse_lowlevel_h.C_POINTER.withName("lookup"),
        fuse_lowlevel_h.C_POINTER.withName("forget"),
        fuse_lowlevel_h.C_POINTER.withName("getattr"),
        fuse_lowlevel_h.C_POINTER.withName("setattr"),
        fuse_lowlevel_h.C_POINTER.withName("readlink"),
        fuse_lowlevel_h.C_POINTER.withName("mknod"),
        fuse_lowlevel_h.C_POINTER.withName("mkdir"),
        fuse_lowlevel_h.C_POINTER.withName("unlink"),
        fuse_lowlevel_h.C_POINTER.withName("rmdir"),
        fuse_lowlevel_h.C_POINTER.withName("symlink"),
        fuse_lowlevel_h.C_POINTER.withName("rename"),
        fuse_lowlevel_h.C_POINTER.withName("link"),
        fuse_lowlevel_h.C_POINTER.withName("open"),
        fuse_lowlevel_h.C_POINTER.withName("read"),
        fuse_lowlevel_h.C_POINTER.withName("write"),
        fuse_lowlevel_h.C_POINTER.withName("flush"),
        fuse_lowlevel_h.C_POINTER.withName("release"),
        fuse_lowlevel_h.C_POINTER.withName("fsync"),
        fuse_lowlevel_h.C_POINTER.withName("opendir"),
        fuse_lowlevel_h.C_POINTER.withName("readdir"),
        fuse_lowlevel_h.C_POINTER.withName("releasedir"),
        fuse_lowlevel_h.C_POINTER.withName("fsyncdir"),
        fuse_lowlevel_h.C_POINTER.withName("statfs"),
        fuse_lowlevel_h.C_POINTER.withName("setxattr"),
        fuse_lowlevel_h.C_POINTER.withName("getxattr"),
        fuse_lowlevel_h.C_POINTER.withName("listxattr"),
        fuse_lowlevel_h.C_POINTER.withName("removexattr"),
        fuse_lowlevel_h.C_POINTER.withName("access"),
        fuse_lowlevel_h.C_POINTER.withName("create"),
        fuse_lowlevel_h.C_POINTER.withName("getlk"),
        fuse_lowlevel_h.C_POINTER.withName("setlk"),
        fuse_lowlevel_h.C_POINTER.withName("bmap"),
        fuse_lowlevel_h.C_POINTER.withName("ioctl"),
        fuse_lowlevel_h.C_POINTER.withName("poll"),
        fuse_lowlevel_h.C_POINTER.withName("write_buf"),
        fuse_lowlevel_h.C_POINTER.withName("retrieve_reply"),
        fuse_lowlevel_h.C_POINTER.withName("forget_multi"),
        fuse_lowlevel_h.C_POINTER.withName("flock"),
        fuse_lowlevel_h.C_POINTER.withName("fallocate"),
        fuse_lowlevel_h.C_POINTER.withName("readdirplus"),
        fuse_lowlevel_h.C_POINTER.withName("copy_file_range"),
        fuse_lowlevel_h.C_POINTER.withName("lseek")
    ).withName("fuse_lowlevel_ops");

    public static GroupLayout layout() { return $LAYOUT; }

    public static long sizeof() { return $LAYOUT.byteSize(); }

    public static MemorySegment allocate(SegmentAllocator allocator) { return allocator.allocate($LAYOUT); }

    /** Callback type of init. */
    public static final class init {
        private init() {}

        public interface Function {
            void apply(MemorySegment userdata, MemorySegment conn);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_POINTER);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(init.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(init.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long init$OFFSET = 0;
    public static long init$offset() { return init$OFFSET; }
    public static MemorySegment init(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, init$OFFSET); }
    public static void init(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, init$OFFSET, fieldValue); }

    /** Callback type of destroy. */
    public static final class destroy {
        private destroy() {}

        public interface Function {
            void apply(MemorySegment userdata);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(destroy.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(destroy.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long destroy$OFFSET = 8;
    public static long destroy$offset() { return destroy$OFFSET; }
    public static MemorySegment destroy(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, destroy$OFFSET); }
    public static void destroy(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, destroy$OFFSET, fieldValue); }

    /** Callback type of lookup. */
    public static final class lookup {
        private lookup() {}

        public interface Function {
            void apply(MemorySegment req, long parent, MemorySegment name);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_POINTER);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(lookup.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(lookup.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long lookup$OFFSET = 16;
    public static long lookup$offset() { return lookup$OFFSET; }
    public static MemorySegment lookup(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, lookup$OFFSET); }
    public static void lookup(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, lookup$OFFSET, fieldValue); }

    /** Callback type of forget. */
    public static final class forget {
        private forget() {}

        public interface Function {
            void apply(MemorySegment req, long ino, long nlookup);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_LONG);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(forget.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(forget.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long forget$OFFSET = 24;
    public static long forget$offset() { return forget$OFFSET; }
    public static MemorySegment forget(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, forget$OFFSET); }
    public static void forget(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, forget$OFFSET, fieldValue); }

    /** Callback type of getattr. */
    public static final class getattr {
        private getattr() {}

        public interface Function {
            void apply(MemorySegment req, long ino, MemorySegment fi);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_POINTER);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(getattr.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(getattr.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long getattr$OFFSET = 32;
    public static long getattr$offset() { return getattr$OFFSET; }
    public static MemorySegment getattr(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, getattr$OFFSET); }
    public static void getattr(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, getattr$OFFSET, fieldValue); }

    /** Callback type of setattr. */
    public static final class setattr {
        private setattr() {}

        public interface Function {
            void apply(MemorySegment req, long ino, MemorySegment attr, int to_set, MemorySegment fi);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_INT, fuse_lowlevel_h.C_POINTER);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(setattr.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(setattr.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long setattr$OFFSET = 40;
    public static long setattr$offset() { return setattr$OFFSET; }
    public static MemorySegment setattr(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, setattr$OFFSET); }
    public static void setattr(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, setattr$OFFSET, fieldValue); }

    /** Callback type of readlink. */
    public static final class readlink {
        private readlink() {}

        public interface Function {
            void apply(MemorySegment req, long ino);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(readlink.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(readlink.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long readlink$OFFSET = 48;
    public static long readlink$offset() { return readlink$OFFSET; }
    public static MemorySegment readlink(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, readlink$OFFSET); }
    public static void readlink(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, readlink$OFFSET, fieldValue); }

    /** Callback type of mknod. */
    public static final class mknod {
        private mknod() {}

        public interface Function {
            void apply(MemorySegment req, long parent, MemorySegment name, int mode, long rdev);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_INT, fuse_lowlevel_h.C_LONG);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(mknod.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(mknod.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long mknod$OFFSET = 56;
    public static long mknod$offset() { return mknod$OFFSET; }
    public static MemorySegment mknod(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, mknod$OFFSET); }
    public static void mknod(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, mknod$OFFSET, fieldValue); }

    /** Callback type of mkdir. */
    public static final class mkdir {
        private mkdir() {}

        public interface Function {
            void apply(MemorySegment req, long parent, MemorySegment name, int mode);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_INT);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(mkdir.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(mkdir.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long mkdir$OFFSET = 64;
    public static long mkdir$offset() { return mkdir$OFFSET; }
    public static MemorySegment mkdir(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, mkdir$OFFSET); }
    public static void mkdir(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, mkdir$OFFSET, fieldValue); }

    /** Callback type of unlink. */
    public static final class unlink {
        private unlink() {}

        public interface Function {
            void apply(MemorySegment req, long parent, MemorySegment name);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_POINTER);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(unlink.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(unlink.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long unlink$OFFSET = 72;
    public static long unlink$offset() { return unlink$OFFSET; }
    public static MemorySegment unlink(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, unlink$OFFSET); }
    public static void unlink(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, unlink$OFFSET, fieldValue); }

    /** Callback type of rmdir. */
    public static final class rmdir {
        private rmdir() {}

        public interface Function {
            void apply(MemorySegment req, long parent, MemorySegment name);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_POINTER);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(rmdir.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(rmdir.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long rmdir$OFFSET = 80;
    public static long rmdir$offset() { return rmdir$OFFSET; }
    public static MemorySegment rmdir(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, rmdir$OFFSET); }
    public static void rmdir(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, rmdir$OFFSET, fieldValue); }

    /** Callback type of symlink. */
    public static final class symlink {
        private symlink() {}

        public interface Function {
            void apply(MemorySegment req, MemorySegment link, long parent, MemorySegment name);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_POINTER);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(symlink.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(symlink.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long symlink$OFFSET = 88;
    public static long symlink$offset() { return symlink$OFFSET; }
    public static MemorySegment symlink(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, symlink$OFFSET); }
    public static void symlink(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, symlink$OFFSET, fieldValue); }

    /** Callback type of rename. */
    public static final class rename {
        private rename() {}

        public interface Function {
            void apply(MemorySegment req, long parent, MemorySegment name, long newparent, MemorySegment newname, int flags);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_INT);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(rename.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(rename.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long rename$OFFSET = 96;
    public static long rename$offset() { return rename$OFFSET; }
    public static MemorySegment rename(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, rename$OFFSET); }
    public static void rename(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, rename$OFFSET, fieldValue); }

    /** Callback type of link. */
    public static final class link {
        private link() {}

        public interface Function {
            void apply(MemorySegment req, long ino, long newparent, MemorySegment newname);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_POINTER);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(link.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(link.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long link$OFFSET = 104;
    public static long link$offset() { return link$OFFSET; }
    public static MemorySegment link(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, link$OFFSET); }
    public static void link(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, link$OFFSET, fieldValue); }

    /** Callback type of open. */
    public static final class open {
        private open() {}

        public interface Function {
            void apply(MemorySegment req, long ino, MemorySegment fi);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_POINTER);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(open.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(open.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long open$OFFSET = 112;
    public static long open$offset() { return open$OFFSET; }
    public static MemorySegment open(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, open$OFFSET); }
    public static void open(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, open$OFFSET, fieldValue); }

    /** Callback type of read. */
    public static final class read {
        private read() {}

        public interface Function {
            void apply(MemorySegment req, long ino, long size, long off, MemorySegment fi);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_POINTER);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(read.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(read.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long read$OFFSET = 120;
    public static long read$offset() { return read$OFFSET; }
    public static MemorySegment read(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, read$OFFSET); }
    public static void read(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, read$OFFSET, fieldValue); }

    /** Callback type of write. */
    public static final class write {
        private write() {}

        public interface Function {
            void apply(MemorySegment req, long ino, MemorySegment buf, long size, long off, MemorySegment fi);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_POINTER);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(write.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(write.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long write$OFFSET = 128;
    public static long write$offset() { return write$OFFSET; }
    public static MemorySegment write(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, write$OFFSET); }
    public static void write(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, write$OFFSET, fieldValue); }

    /** Callback type of flush. */
    public static final class flush {
        private flush() {}

        public interface Function {
            void apply(MemorySegment req, long ino, MemorySegment fi);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_POINTER);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(flush.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(flush.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long flush$OFFSET = 136;
    public static long flush$offset() { return flush$OFFSET; }
    public static MemorySegment flush(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, flush$OFFSET); }
    public static void flush(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, flush$OFFSET, fieldValue); }

    /** Callback type of release. */
    public static final class release {
        private release() {}

        public interface Function {
            void apply(MemorySegment req, long ino, MemorySegment fi);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_POINTER);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(release.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(release.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long release$OFFSET = 144;
    public static long release$offset() { return release$OFFSET; }
    public static MemorySegment release(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, release$OFFSET); }
    public static void release(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, release$OFFSET, fieldValue); }

    /** Callback type of fsync. */
    public static final class fsync {
        private fsync() {}

        public interface Function {
            void apply(MemorySegment req, long ino, int datasync, MemorySegment fi);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_INT, fuse_lowlevel_h.C_POINTER);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(fsync.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(fsync.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long fsync$OFFSET = 152;
    public static long fsync$offset() { return fsync$OFFSET; }
    public static MemorySegment fsync(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, fsync$OFFSET); }
    public static void fsync(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, fsync$OFFSET, fieldValue); }

    /** Callback type of opendir. */
    public static final class opendir {
        private opendir() {}

        public interface Function {
            void apply(MemorySegment req, long ino, MemorySegment fi);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_POINTER);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(opendir.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(opendir.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long opendir$OFFSET = 160;
    public static long opendir$offset() { return opendir$OFFSET; }
    public static MemorySegment opendir(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, opendir$OFFSET); }
    public static void opendir(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, opendir$OFFSET, fieldValue); }

    /** Callback type of readdir. */
    public static final class readdir {
        private readdir() {}

        public interface Function {
            void apply(MemorySegment req, long ino, long size, long off, MemorySegment fi);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_POINTER);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(readdir.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(readdir.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long readdir$OFFSET = 168;
    public static long readdir$offset() { return readdir$OFFSET; }
    public static MemorySegment readdir(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, readdir$OFFSET); }
    public static void readdir(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, readdir$OFFSET, fieldValue); }

    /** Callback type of releasedir. */
    public static final class releasedir {
        private releasedir() {}

        public interface Function {
            void apply(MemorySegment req, long ino, MemorySegment fi);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_POINTER);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(releasedir.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(releasedir.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long releasedir$OFFSET = 176;
    public static long releasedir$offset() { return releasedir$OFFSET; }
    public static MemorySegment releasedir(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, releasedir$OFFSET); }
    public static void releasedir(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, releasedir$OFFSET, fieldValue); }

    /** Callback type of fsyncdir. */
    public static final class fsyncdir {
        private fsyncdir() {}

        public interface Function {
            void apply(MemorySegment req, long ino, int datasync, MemorySegment fi);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_INT, fuse_lowlevel_h.C_POINTER);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(fsyncdir.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(fsyncdir.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long fsyncdir$OFFSET = 184;
    public static long fsyncdir$offset() { return fsyncdir$OFFSET; }
    public static MemorySegment fsyncdir(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, fsyncdir$OFFSET); }
    public static void fsyncdir(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, fsyncdir$OFFSET, fieldValue); }

    /** Callback type of statfs. */
    public static final class statfs {
        private statfs() {}

        public interface Function {
            void apply(MemorySegment req, long ino);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(statfs.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(statfs.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long statfs$OFFSET = 192;
    public static long statfs$offset() { return statfs$OFFSET; }
    public static MemorySegment statfs(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, statfs$OFFSET); }
    public static void statfs(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, statfs$OFFSET, fieldValue); }

    /** Callback type of setxattr. */
    public static final class setxattr {
        private setxattr() {}

        public interface Function {
            void apply(MemorySegment req, long ino, MemorySegment name, MemorySegment value, long size, int flags);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_INT);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(setxattr.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(setxattr.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long setxattr$OFFSET = 200;
    public static long setxattr$offset() { return setxattr$OFFSET; }
    public static MemorySegment setxattr(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, setxattr$OFFSET); }
    public static void setxattr(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, setxattr$OFFSET, fieldValue); }

    /** Callback type of getxattr. */
    public static final class getxattr {
        private getxattr() {}

        public interface Function {
            void apply(MemorySegment req, long ino, MemorySegment name, long size);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(getxattr.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(getxattr.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long getxattr$OFFSET = 208;
    public static long getxattr$offset() { return getxattr$OFFSET; }
    public static MemorySegment getxattr(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, getxattr$OFFSET); }
    public static void getxattr(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, getxattr$OFFSET, fieldValue); }

    /** Callback type of listxattr. */
    public static final class listxattr {
        private listxattr() {}

        public interface Function {
            void apply(MemorySegment req, long ino, long size);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_LONG);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(listxattr.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(listxattr.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long listxattr$OFFSET = 216;
    public static long listxattr$offset() { return listxattr$OFFSET; }
    public static MemorySegment listxattr(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, listxattr$OFFSET); }
    public static void listxattr(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, listxattr$OFFSET, fieldValue); }

    /** Callback type of removexattr. */
    public static final class removexattr {
        private removexattr() {}

        public interface Function {
            void apply(MemorySegment req, long ino, MemorySegment name);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_POINTER);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(removexattr.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(removexattr.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long removexattr$OFFSET = 224;
    public static long removexattr$offset() { return removexattr$OFFSET; }
    public static MemorySegment removexattr(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, removexattr$OFFSET); }
    public static void removexattr(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, removexattr$OFFSET, fieldValue); }

    /** Callback type of access. */
    public static final class access {
        private access() {}

        public interface Function {
            void apply(MemorySegment req, long ino, int mask);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_INT);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(access.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(access.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long access$OFFSET = 232;
    public static long access$offset() { return access$OFFSET; }
    public static MemorySegment access(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, access$OFFSET); }
    public static void access(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, access$OFFSET, fieldValue); }

    /** Callback type of create. */
    public static final class create {
        private create() {}

        public interface Function {
            void apply(MemorySegment req, long parent, MemorySegment name, int mode, MemorySegment fi);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_INT, fuse_lowlevel_h.C_POINTER);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(create.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(create.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long create$OFFSET = 240;
    public static long create$offset() { return create$OFFSET; }
    public static MemorySegment create(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, create$OFFSET); }
    public static void create(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, create$OFFSET, fieldValue); }

    /** Callback type of getlk. */
    public static final class getlk {
        private getlk() {}

        public interface Function {
            void apply(MemorySegment req, long ino, MemorySegment fi, MemorySegment lock);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_POINTER);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(getlk.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(getlk.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long getlk$OFFSET = 248;
    public static long getlk$offset() { return getlk$OFFSET; }
    public static MemorySegment getlk(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, getlk$OFFSET); }
    public static void getlk(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, getlk$OFFSET, fieldValue); }

    /** Callback type of setlk. */
    public static final class setlk {
        private setlk() {}

        public interface Function {
            void apply(MemorySegment req, long ino, MemorySegment fi, MemorySegment lock, int sleep);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_INT);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(setlk.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(setlk.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long setlk$OFFSET = 256;
    public static long setlk$offset() { return setlk$OFFSET; }
    public static MemorySegment setlk(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, setlk$OFFSET); }
    public static void setlk(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, setlk$OFFSET, fieldValue); }

    /** Callback type of bmap. */
    public static final class bmap {
        private bmap() {}

        public interface Function {
            void apply(MemorySegment req, long ino, long blocksize, long idx);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_LONG);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(bmap.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(bmap.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long bmap$OFFSET = 264;
    public static long bmap$offset() { return bmap$OFFSET; }
    public static MemorySegment bmap(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, bmap$OFFSET); }
    public static void bmap(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, bmap$OFFSET, fieldValue); }

    /** Callback type of ioctl. */
    public static final class ioctl {
        private ioctl() {}

        public interface Function {
            void apply(MemorySegment req, long ino, int cmd, MemorySegment arg, MemorySegment fi, int flags, MemorySegment in_buf, long in_bufsz, long out_bufsz);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_INT, fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_INT, fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_LONG);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(ioctl.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(ioctl.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long ioctl$OFFSET = 272;
    public static long ioctl$offset() { return ioctl$OFFSET; }
    public static MemorySegment ioctl(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, ioctl$OFFSET); }
    public static void ioctl(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, ioctl$OFFSET, fieldValue); }

    /** Callback type of poll. */
    public static final class poll {
        private poll() {}

        public interface Function {
            void apply(MemorySegment req, long ino, MemorySegment fi, MemorySegment ph);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_POINTER);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(poll.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(poll.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long poll$OFFSET = 280;
    public static long poll$offset() { return poll$OFFSET; }
    public static MemorySegment poll(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, poll$OFFSET); }
    public static void poll(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, poll$OFFSET, fieldValue); }

    /** Callback type of write_buf. */
    public static final class write_buf {
        private write_buf() {}

        public interface Function {
            void apply(MemorySegment req, long ino, MemorySegment bufv, long off, MemorySegment fi);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_POINTER);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(write_buf.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(write_buf.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long write_buf$OFFSET = 288;
    public static long write_buf$offset() { return write_buf$OFFSET; }
    public static MemorySegment write_buf(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, write_buf$OFFSET); }
    public static void write_buf(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, write_buf$OFFSET, fieldValue); }

    /** Callback type of retrieve_reply. */
    public static final class retrieve_reply {
        private retrieve_reply() {}

        public interface Function {
            void apply(MemorySegment req, MemorySegment cookie, long ino, long offset, MemorySegment bufv);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_POINTER);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(retrieve_reply.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(retrieve_reply.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long retrieve_reply$OFFSET = 296;
    public static long retrieve_reply$offset() { return retrieve_reply$OFFSET; }
    public static MemorySegment retrieve_reply(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, retrieve_reply$OFFSET); }
    public static void retrieve_reply(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, retrieve_reply$OFFSET, fieldValue); }

    /** Callback type of forget_multi. */
    public static final class forget_multi {
        private forget_multi() {}

        public interface Function {
            void apply(MemorySegment req, long count, MemorySegment forgets);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_POINTER);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(forget_multi.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(forget_multi.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long forget_multi$OFFSET = 304;
    public static long forget_multi$offset() { return forget_multi$OFFSET; }
    public static MemorySegment forget_multi(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, forget_multi$OFFSET); }
    public static void forget_multi(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, forget_multi$OFFSET, fieldValue); }

    /** Callback type of flock. */
    public static final class flock {
        private flock() {}

        public interface Function {
            void apply(MemorySegment req, long ino, MemorySegment fi, int op);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_INT);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(flock.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(flock.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long flock$OFFSET = 312;
    public static long flock$offset() { return flock$OFFSET; }
    public static MemorySegment flock(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, flock$OFFSET); }
    public static void flock(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, flock$OFFSET, fieldValue); }

    /** Callback type of fallocate. */
    public static final class fallocate {
        private fallocate() {}

        public interface Function {
            void apply(MemorySegment req, long ino, int mode, long offset, long length, MemorySegment fi);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_INT, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_POINTER);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(fallocate.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(fallocate.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long fallocate$OFFSET = 320;
    public static long fallocate$offset() { return fallocate$OFFSET; }
    public static MemorySegment fallocate(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, fallocate$OFFSET); }
    public static void fallocate(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, fallocate$OFFSET, fieldValue); }

    /** Callback type of readdirplus. */
    public static final class readdirplus {
        private readdirplus() {}

        public interface Function {
            void apply(MemorySegment req, long ino, long size, long off, MemorySegment fi);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_POINTER);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(readdirplus.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(readdirplus.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long readdirplus$OFFSET = 328;
    public static long readdirplus$offset() { return readdirplus$OFFSET; }
    public static MemorySegment readdirplus(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, readdirplus$OFFSET); }
    public static void readdirplus(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, readdirplus$OFFSET, fieldValue); }

    /** Callback type of copy_file_range. */
    public static final class copy_file_range {
        private copy_file_range() {}

        public interface Function {
            void apply(MemorySegment req, long ino_in, long off_in, MemorySegment fi_in, long ino_out, long off_out, MemorySegment fi_out, long len, int flags);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_INT);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(copy_file_range.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(copy_file_range.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long copy_file_range$OFFSET = 336;
    public static long copy_file_range$offset() { return copy_file_range$OFFSET; }
    public static MemorySegment copy_file_range(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, copy_file_range$OFFSET); }
    public static void copy_file_range(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, copy_file_range$OFFSET, fieldValue); }

    /** Callback type of lseek. */
    public static final class lseek {
        private lseek() {}

        public interface Function {
            void apply(MemorySegment req, long ino, long off, int whence, MemorySegment fi);
        }

        private static final FunctionDescriptor $DESC = FunctionDescriptor.ofVoid(fuse_lowlevel_h.C_POINTER, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_LONG, fuse_lowlevel_h.C_INT, fuse_lowlevel_h.C_POINTER);

        public static FunctionDescriptor descriptor() { return $DESC; }

        private static final MethodHandle UP$MH = fuse_lowlevel_h.upcallHandle(lseek.Function.class, "apply", $DESC);

        /** Allocates an upcall stub for {@code fi} in {@code arena}, which must outlive the session. */
        public static MemorySegment allocate(lseek.Function fi, Arena arena) {
            return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
        }
    }

    private static final long lseek$OFFSET = 344;
    public static long lseek$offset() { return lseek$OFFSET; }
    public static MemorySegment lseek(MemorySegment struct) { return struct.get(fuse_lowlevel_h.C_POINTER, lseek$OFFSET); }
    public static void lseek(MemorySegment struct, MemorySegment fieldValue) { struct.set(fuse_lowlevel_h.C_POINTER, lseek$OFFSET, fieldValue); }
}
