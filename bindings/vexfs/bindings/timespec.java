// Generated-shape binding (jextract layout) of struct timespec. See scripts/regen-bindings; checked by AbiProbeTest.
package vexfs.bindings;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;

/** struct timespec */
public final class timespec {
    private timespec() {}

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        fuse_lowlevel_h.C_LONG.withName("tv_sec"),
        fuse_lowlevel_h.C_LONG.withName("tv_nsec")
    ).withName("timespec");

    public static GroupLayout layout() { return $LAYOUT; }

    public static long sizeof() { return $LAYOUT.byteSize(); }

    public static MemorySegment allocate(SegmentAllocator allocator) { return allocator.allocate($LAYOUT); }

    private static final ValueLayout.OfLong tv_sec$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("tv_sec"));
    public static final ValueLayout.OfLong tv_sec$layout() { return tv_sec$LAYOUT; }
    private static final long tv_sec$OFFSET = 0;
    public static final long tv_sec$offset() { return tv_sec$OFFSET; }
    public static long tv_sec(MemorySegment struct) { return struct.get(tv_sec$LAYOUT, tv_sec$OFFSET); }
    public static void tv_sec(MemorySegment struct, long fieldValue) { struct.set(tv_sec$LAYOUT, tv_sec$OFFSET, fieldValue); }

    private static final ValueLayout.OfLong tv_nsec$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("tv_nsec"));
    public static final ValueLayout.OfLong tv_nsec$layout() { return tv_nsec$LAYOUT; }
    private static final long tv_nsec$OFFSET = 8;
    public static final long tv_nsec$offset() { return tv_nsec$OFFSET; }
    public static long tv_nsec(MemorySegment struct) { return struct.get(tv_nsec$LAYOUT, tv_nsec$OFFSET); }
    public static void tv_nsec(MemorySegment struct, long fieldValue) { struct.set(tv_nsec$LAYOUT, tv_nsec$OFFSET, fieldValue); }
}
