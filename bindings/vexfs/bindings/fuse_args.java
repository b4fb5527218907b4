// Generated-shape binding (jextract layout) of struct fuse_args. See scripts/regen-bindings; checked by AbiProbeTest.
package vexfs.bindings;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;

/** struct fuse_args */
public final class fuse_args {
    private fuse_args() {}

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        fuse_lowlevel_h.C_INT.withName("argc"),
        MemoryLayout.paddingLayout(4),
        fuse_lowlevel_h.C_POINTER.withName("argv"),
        fuse_lowlevel_h.C_INT.withName("allocated"),
        MemoryLayout.paddingLayout(4)
    ).withName("fuse_args");

    public static GroupLayout layout() { return $LAYOUT; }

    public static long sizeof() { return $LAYOUT.byteSize(); }

    public static MemorySegment allocate(SegmentAllocator allocator) { return allocator.allocate($LAYOUT); }

    private static final ValueLayout.OfInt argc$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("argc"));
    public static final ValueLayout.OfInt argc$layout() { return argc$LAYOUT; }
    private static final long argc$OFFSET = 0;
    public static final long argc$offset() { return argc$OFFSET; }
    public static int argc(MemorySegment struct) { return struct.get(argc$LAYOUT, argc$OFFSET); }
    public static void argc(MemorySegment struct, int fieldValue) { struct.set(argc$LAYOUT, argc$OFFSET, fieldValue); }

    private static final AddressLayout argv$LAYOUT = (AddressLayout) $LAYOUT.select(MemoryLayout.PathElement.groupElement("argv"));
    public static final AddressLayout argv$layout() { return argv$LAYOUT; }
    private static final long argv$OFFSET = 8;
    public static final long argv$offset() { return argv$OFFSET; }
    public static MemorySegment argv(MemorySegment struct) { return struct.get(argv$LAYOUT, argv$OFFSET); }
    public static void argv(MemorySegment struct, MemorySegment fieldValue) { struct.set(argv$LAYOUT, argv$OFFSET, fieldValue); }

    private static final ValueLayout.OfInt allocated$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("allocated"));
    public static final ValueLayout.OfInt allocated$layout() { return allocated$LAYOUT; }
    private static final long allocated$OFFSET = 16;
    public static final long allocated$offset() { return allocated$OFFSET; }
    public static int allocated(MemorySegment struct) { return struct.get(allocated$LAYOUT, allocated$OFFSET); }
    public static void allocated(MemorySegment struct, int fieldValue) { struct.set(allocated$LAYOUT, allocated$OFFSET, fieldValue); }
}
