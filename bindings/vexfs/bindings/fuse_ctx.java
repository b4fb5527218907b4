// Generated-shape binding (jextract layout) of struct fuse_ctx. See scripts/regen-bindings; checked by AbiProbeTest.
package vexfs.bindings;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;

/** struct fuse_ctx */
public final class fuse_ctx {
    private fuse_ctx() {}

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        fuse_lowlevel_h.C_INT.withName("uid"),
        fuse_lowlevel_h.C_INT.withName("gid"),
        fuse_lowlevel_h.C_INT.withName("pid"),
        fuse_lowlevel_h.C_INT.withName("umask")
    ).withName("fuse_ctx");

    public static GroupLayout layout() { return $LAYOUT; }

    public static long sizeof() { return $LAYOUT.byteSize(); }

    public static MemorySegment allocate(SegmentAllocator allocator) { return allocator.allocate($LAYOUT); }

    private static final ValueLayout.OfInt uid$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("uid"));
    public static final ValueLayout.OfInt uid$layout() { return uid$LAYOUT; }
    private static final long uid$OFFSET = 0;
    public static final long uid$offset() { return uid$OFFSET; }
    public static int uid(MemorySegment struct) { return struct.get(uid$LAYOUT, uid$OFFSET); }
    public static void uid(MemorySegment struct, int fieldValue) { struct.set(uid$LAYOUT, uid$OFFSET, fieldValue); }

    private static final ValueLayout.OfInt gid$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("gid"));
    public static final ValueLayout.OfInt gid$layout() { return gid$LAYOUT; }
    private static final long gid$OFFSET = 4;
    public static final long gid$offset() { return gid$OFFSET; }
    public static int gid(MemorySegment struct) { return struct.get(gid$LAYOUT, gid$OFFSET); }
    public static void gid(MemorySegment struct, int fieldValue) { struct.set(gid$LAYOUT, gid$OFFSET, fieldValue); }

    private static final ValueLayout.OfInt pid$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("pid"));
    public static final ValueLayout.OfInt pid$layout() { return pid$LAYOUT; }
    private static final long pid$OFFSET = 8;
    public static final long pid$offset() { return pid$OFFSET; }
    public static int pid(MemorySegment struct) { return struct.get(pid$LAYOUT, pid$OFFSET); }
    public static void pid(MemorySegment struct, int fieldValue) { struct.set(pid$LAYOUT, pid$OFFSET, fieldValue); }

    private static final ValueLayout.OfInt umask$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("umask"));
    public static final ValueLayout.OfInt umask$layout() { return umask$LAYOUT; }
    private static final long umask$OFFSET = 12;
    public static final long umask$offset() { return umask$OFFSET; }
    public static int umask(MemorySegment struct) { return struct.get(umask$LAYOUT, umask$OFFSET); }
    public static void umask(MemorySegment struct, int fieldValue) { struct.set(umask$LAYOUT, umask$OFFSET, fieldValue); }
}
