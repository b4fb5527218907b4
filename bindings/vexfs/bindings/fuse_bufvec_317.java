// Generated-shape binding (jextract layout) of struct fuse_bufvec (libfuse 3.17 headers). See scripts/regen-bindings; checked by AbiProbeTest.
package vexfs.bindings;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;

/** struct fuse_bufvec as libfuse 3.17 lays it out (72 bytes: its inline fuse_buf grew by mem_size) */
public final class fuse_bufvec_317 {
    private fuse_bufvec_317() {}

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        fuse_lowlevel_h.C_LONG.withName("count"),
        fuse_lowlevel_h.C_LONG.withName("idx"),
        fuse_lowlevel_h.C_LONG.withName("off"),
        fuse_buf_317.layout().withName("buf")
    ).withName("fuse_bufvec");

    public static GroupLayout layout() { return $LAYOUT; }

    public static long sizeof() { return $LAYOUT.byteSize(); }

    public static MemorySegment allocate(SegmentAllocator allocator) { return allocator.allocate($LAYOUT); }

    private static final ValueLayout.OfLong count$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("count"));
    public static final ValueLayout.OfLong count$layout() { return count$LAYOUT; }
    private static final long count$OFFSET = 0;
    public static final long count$offset() { return count$OFFSET; }
    public static long count(MemorySegment struct) { return struct.get(count$LAYOUT, count$OFFSET); }
    public static void count(MemorySegment struct, long fieldValue) { struct.set(count$LAYOUT, count$OFFSET, fieldValue); }

    private static final ValueLayout.OfLong idx$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("idx"));
    public static final ValueLayout.OfLong idx$layout() { return idx$LAYOUT; }
    private static final long idx$OFFSET = 8;
    public static final long idx$offset() { return idx$OFFSET; }
    public static long idx(MemorySegment struct) { return struct.get(idx$LAYOUT, idx$OFFSET); }
    public static void idx(MemorySegment struct, long fieldValue) { struct.set(idx$LAYOUT, idx$OFFSET, fieldValue); }

    private static final ValueLayout.OfLong off$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("off"));
    public static final ValueLayout.OfLong off$layout() { return off$LAYOUT; }
    private static final long off$OFFSET = 16;
    public static final long off$offset() { return off$OFFSET; }
    public static long off(MemorySegment struct) { return struct.get(off$LAYOUT, off$OFFSET); }
    public static void off(MemorySegment struct, long fieldValue) { struct.set(off$LAYOUT, off$OFFSET, fieldValue); }

    private static final long buf$OFFSET = 24;
    public static final long buf$offset() { return buf$OFFSET; }
    public static MemorySegment buf(MemorySegment struct) { return struct.asSlice(buf$OFFSET, fuse_buf_317.layout().byteSize()); }
}
