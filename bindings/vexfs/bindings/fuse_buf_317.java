// Generated-shape binding (jextract layout) of struct fuse_buf (libfuse 3.17 headers). See scripts/regen-bindings; checked by AbiProbeTest.
package vexfs.bindings;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;

/** struct fuse_buf as libfuse 3.17 lays it out (48 bytes: mem_size added at the end, which fuse_session_receive_buf writes) */
public final class fuse_buf_317 {
    private fuse_buf_317() {}

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        fuse_lowlevel_h.C_LONG.withName("size"),
        fuse_lowlevel_h.C_INT.withName("flags"),
        MemoryLayout.paddingLayout(4),
        fuse_lowlevel_h.C_POINTER.withName("mem"),
        fuse_lowlevel_h.C_INT.withName("fd"),
        MemoryLayout.paddingLayout(4),
        fuse_lowlevel_h.C_LONG.withName("pos"),
        fuse_lowlevel_h.C_LONG.withName("mem_size")
    ).withName("fuse_buf");

    public static GroupLayout layout() { return $LAYOUT; }

    public static long sizeof() { return $LAYOUT.byteSize(); }

    public static MemorySegment allocate(SegmentAllocator allocator) { return allocator.allocate($LAYOUT); }

    private static final ValueLayout.OfLong size$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("size"));
    public static final ValueLayout.OfLong size$layout() { return size$LAYOUT; }
    private static final long size$OFFSET = 0;
    public static final long size$offset() { return size$OFFSET; }
    public static long size(MemorySegment struct) { return struct.get(size$LAYOUT, size$OFFSET); }
    public static void size(MemorySegment struct, long fieldValue) { struct.set(size$LAYOUT, size$OFFSET, fieldValue); }

    private static final ValueLayout.OfInt flags$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("flags"));
    public static final ValueLayout.OfInt flags$layout() { return flags$LAYOUT; }
    private static final long flags$OFFSET = 8;
    public static final long flags$offset() { return flags$OFFSET; }
    public static int flags(MemorySegment struct) { return struct.get(flags$LAYOUT, flags$OFFSET); }
    public static void flags(MemorySegment struct, int fieldValue) { struct.set(flags$LAYOUT, flags$OFFSET, fieldValue); }

    private static final AddressLayout mem$LAYOUT = (AddressLayout) $LAYOUT.select(MemoryLayout.PathElement.groupElement("mem"));
    public static final AddressLayout mem$layout() { return mem$LAYOUT; }
    private static final long mem$OFFSET = 16;
    public static final long mem$offset() { return mem$OFFSET; }
    public static MemorySegment mem(MemorySegment struct) { return struct.get(mem$LAYOUT, mem$OFFSET); }
    public static void mem(MemorySegment struct, MemorySegment fieldValue) { struct.set(mem$LAYOUT, mem$OFFSET, fieldValue); }

    private static final ValueLayout.OfInt fd$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("fd"));
    public static final ValueLayout.OfInt fd$layout() { return fd$LAYOUT; }
    private static final long fd$OFFSET = 24;
    public static final long fd$offset() { return fd$OFFSET; }
    public static int fd(MemorySegment struct) { return struct.get(fd$LAYOUT, fd$OFFSET); }
    public static void fd(MemorySegment struct, int fieldValue) { struct.set(fd$LAYOUT, fd$OFFSET, fieldValue); }

    private static final ValueLayout.OfLong pos$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("pos"));
    public static final ValueLayout.OfLong pos$layout() { return pos$LAYOUT; }
    private static final long pos$OFFSET = 32;
    public static final long pos$offset() { return pos$OFFSET; }
    public static long pos(MemorySegment struct) { return struct.get(pos$LAYOUT, pos$OFFSET); }
    public static void pos(MemorySegment struct, long fieldValue) { struct.set(pos$LAYOUT, pos$OFFSET, fieldValue); }

    private static final ValueLayout.OfLong mem_size$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("mem_size"));
    public static final ValueLayout.OfLong mem_size$layout() { return mem_size$LAYOUT; }
    private static final long mem_size$OFFSET = 40;
    public static final long mem_size$offset() { return mem_size$OFFSET; }
    public static long mem_size(MemorySegment struct) { return struct.get(mem_size$LAYOUT, mem_size$OFFSET); }
    public static void mem_size(MemorySegment struct, long fieldValue) { struct.set(mem_size$LAYOUT, mem_size$OFFSET, fieldValue); }
}
