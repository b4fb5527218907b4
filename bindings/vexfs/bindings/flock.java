// Generated-shape binding (jextract layout) of struct flock. See scripts/regen-bindings; checked by AbiProbeTest.
package vexfs.bindings;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;

/** struct flock */
public final class flock {
    private flock() {}

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        fuse_lowlevel_h.C_SHORT.withName("l_type"),
        fuse_lowlevel_h.C_SHORT.withName("l_whence"),
        MemoryLayout.paddingLayout(4),
        fuse_lowlevel_h.C_LONG.withName("l_start"),
        fuse_lowlevel_h.C_LONG.withName("l_len"),
        fuse_lowlevel_h.C_INT.withName("l_pid"),
        MemoryLayout.paddingLayout(4)
    ).withName("flock");

    public static GroupLayout layout() { return $LAYOUT; }

    public static long sizeof() { return $LAYOUT.byteSize(); }

    public static MemorySegment allocate(SegmentAllocator allocator) { return allocator.allocate($LAYOUT); }

    private static final ValueLayout.OfShort l_type$LAYOUT = (ValueLayout.OfShort) $LAYOUT.select(MemoryLayout.PathElement.groupElement("l_type"));
    public static final ValueLayout.OfShort l_type$layout() { return l_type$LAYOUT; }
    private static final long l_type$OFFSET = 0;
    public static final long l_type$offset() { return l_type$OFFSET; }
    public static short l_type(MemorySegment struct) { return struct.get(l_type$LAYOUT, l_type$OFFSET); }
    public static void l_type(MemorySegment struct, short fieldValue) { struct.set(l_type$LAYOUT, l_type$OFFSET, fieldValue); }

    private static final ValueLayout.OfShort l_whence$LAYOUT = (ValueLayout.OfShort) $LAYOUT.select(MemoryLayout.PathElement.groupElement("l_whence"));
    public static final ValueLayout.OfShort l_whence$layout() { return l_whence$LAYOUT; }
    private static final long l_whence$OFFSET = 2;
    public static final long l_whence$offset() { return l_whence$OFFSET; }
    public static short l_whence(MemorySegment struct) { return struct.get(l_whence$LAYOUT, l_whence$OFFSET); }
    public static void l_whence(MemorySegment struct, short fieldValue) { struct.set(l_whence$LAYOUT, l_whence$OFFSET, fieldValue); }

    private static final ValueLayout.OfLong l_start$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("l_start"));
    public static final ValueLayout.OfLong l_start$layout() { return l_start$LAYOUT; }
    private static final long l_start$OFFSET = 8;
    public static final long l_start$offset() { return l_start$OFFSET; }
    public static long l_start(MemorySegment struct) { return struct.get(l_start$LAYOUT, l_start$OFFSET); }
    public static void l_start(MemorySegment struct, long fieldValue) { struct.set(l_start$LAYOUT, l_start$OFFSET, fieldValue); }

    private static final ValueLayout.OfLong l_len$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("l_len"));
    public static final ValueLayout.OfLong l_len$layout() { return l_len$LAYOUT; }
    private static final long l_len$OFFSET = 16;
    public static final long l_len$offset() { return l_len$OFFSET; }
    public static long l_len(MemorySegment struct) { return struct.get(l_len$LAYOUT, l_len$OFFSET); }
    public static void l_len(MemorySegment struct, long fieldValue) { struct.set(l_len$LAYOUT, l_len$OFFSET, fieldValue); }

    private static final ValueLayout.OfInt l_pid$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("l_pid"));
    public static final ValueLayout.OfInt l_pid$layout() { return l_pid$LAYOUT; }
    private static final long l_pid$OFFSET = 24;
    public static final long l_pid$offset() { return l_pid$OFFSET; }
    public static int l_pid(MemorySegment struct) { return struct.get(l_pid$LAYOUT, l_pid$OFFSET); }
    public static void l_pid(MemorySegment struct, int fieldValue) { struct.set(l_pid$LAYOUT, l_pid$OFFSET, fieldValue); }
}
