// Generated-shape binding (jextract layout) of struct fuse_forget_data. See scripts/regen-bindings; checked by AbiProbeTest.
package vexfs.bindings;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;

/** struct fuse_forget_data */
public final class fuse_forget_data {
    private fuse_forget_data() {}

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        fuse_lowlevel_h.C_LONG.withName("ino"),
        fuse_lowlevel_h.C_LONG.withName("nlookup")
    ).withName("fuse_forget_data");

    public static GroupLayout layout() { return $LAYOUT; }

    public static long sizeof() { return $LAYOUT.byteSize(); }

    public static MemorySegment allocate(SegmentAllocator allocator) { return allocator.allocate($LAYOUT); }

    private static final ValueLayout.OfLong ino$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("ino"));
    public static final ValueLayout.OfLong ino$layout() { return ino$LAYOUT; }
    private static final long ino$OFFSET = 0;
    public static final long ino$offset() { return ino$OFFSET; }
    public static long ino(MemorySegment struct) { return struct.get(ino$LAYOUT, ino$OFFSET); }
    public static void ino(MemorySegment struct, long fieldValue) { struct.set(ino$LAYOUT, ino$OFFSET, fieldValue); }

    private static final ValueLayout.OfLong nlookup$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("nlookup"));
    public static final ValueLayout.OfLong nlookup$layout() { return nlookup$LAYOUT; }
    private static final long nlookup$OFFSET = 8;
    public static final long nlookup$offset() { return nlookup$OFFSET; }
    public static long nlookup(MemorySegment struct) { return struct.get(nlookup$LAYOUT, nlookup$OFFSET); }
    public static void nlookup(MemorySegment struct, long fieldValue) { struct.set(nlookup$LAYOUT, nlookup$OFFSET, fieldValue); }
}
