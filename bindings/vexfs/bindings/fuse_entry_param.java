// Generated-shape binding (jextract layout) of struct fuse_entry_param. See scripts/regen-bindings; checked by AbiProbeTest.
package vexfs.bindings;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;

/** struct fuse_entry_param */
public final class fuse_entry_param {
    private fuse_entry_param() {}

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        fuse_lowlevel_h.C_LONG.withName("ino"),
        fuse_lowlevel_h.C_LONG.withName("generation"),
        stat.layout().withName("attr"),
        fuse_lowlevel_h.C_DOUBLE.withName("attr_timeout"),
        fuse_lowlevel_h.C_DOUBLE.withName("entry_timeout")
    ).withName("fuse_entry_param");

    public static GroupLayout layout() { return $LAYOUT; }

    public static long sizeof() { return $LAYOUT.byteSize(); }

    public static MemorySegment allocate(SegmentAllocator allocator) { return allocator.allocate($LAYOUT); }

    private static final ValueLayout.OfLong ino$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("ino"));
    public static final ValueLayout.OfLong ino$layout() { return ino$LAYOUT; }
    private static final long ino$OFFSET = 0;
    public static final long ino$offset() { return ino$OFFSET; }
    public static long ino(MemorySegment struct) { return struct.get(ino$LAYOUT, ino$OFFSET); }
    public static void ino(MemorySegment struct, long fieldValue) { struct.set(ino$LAYOUT, ino$OFFSET, fieldValue); }

    private static final ValueLayout.OfLong generation$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("generation"));
    public static final ValueLayout.OfLong generation$layout() { return generation$LAYOUT; }
    private static final long generation$OFFSET = 8;
    public static final long generation$offset() { return generation$OFFSET; }
    public static long generation(MemorySegment struct) { return struct.get(generation$LAYOUT, generation$OFFSET); }
    public static void generation(MemorySegment struct, long fieldValue) { struct.set(generation$LAYOUT, generation$OFFSET, fieldValue); }

    private static final long attr$OFFSET = 16;
    public static final long attr$offset() { return attr$OFFSET; }
    public static MemorySegment attr(MemorySegment struct) { return struct.asSlice(attr$OFFSET, stat.layout().byteSize()); }
    public static void attr(MemorySegment struct, MemorySegment fieldValue) { MemorySegment.copy(fieldValue, 0L, struct, attr$OFFSET, stat.layout().byteSize()); }

    private static final ValueLayout.OfDouble attr_timeout$LAYOUT = (ValueLayout.OfDouble) $LAYOUT.select(MemoryLayout.PathElement.groupElement("attr_timeout"));
    public static final ValueLayout.OfDouble attr_timeout$layout() { return attr_timeout$LAYOUT; }
    private static final long attr_timeout$OFFSET = 160;
    public static final long attr_timeout$offset() { return attr_timeout$OFFSET; }
    public static double attr_timeout(MemorySegment struct) { return struct.get(attr_timeout$LAYOUT, attr_timeout$OFFSET); }
    public static void attr_timeout(MemorySegment struct, double fieldValue) { struct.set(attr_timeout$LAYOUT, attr_timeout$OFFSET, fieldValue); }

    private static final ValueLayout.OfDouble entry_timeout$LAYOUT = (ValueLayout.OfDouble) $LAYOUT.select(MemoryLayout.PathElement.groupElement("entry_timeout"));
    public static final ValueLayout.OfDouble entry_timeout$layout() { return entry_timeout$LAYOUT; }
    private static final long entry_timeout$OFFSET = 168;
    public static final long entry_timeout$offset() { return entry_timeout$OFFSET; }
    public static double entry_timeout(MemorySegment struct) { return struct.get(entry_timeout$LAYOUT, entry_timeout$OFFSET); }
    public static void entry_timeout(MemorySegment struct, double fieldValue) { struct.set(entry_timeout$LAYOUT, entry_timeout$OFFSET, fieldValue); }
}
