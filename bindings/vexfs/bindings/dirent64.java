// Generated-shape binding (jextract layout) of struct dirent64 (header of a getdents64 record; d_name is NUL-terminated, d_reclen long). See scripts/regen-bindings; checked by AbiProbeTest.
package vexfs.bindings;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;

/** struct dirent64 (header of a getdents64 record; d_name is NUL-terminated, d_reclen long) */
public final class dirent64 {
    private dirent64() {}

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        fuse_lowlevel_h.C_LONG.withName("d_ino"),
        fuse_lowlevel_h.C_LONG.withName("d_off"),
        fuse_lowlevel_h.C_SHORT.withName("d_reclen"),
        fuse_lowlevel_h.C_CHAR.withName("d_type"),
        MemoryLayout.sequenceLayout(261, fuse_lowlevel_h.C_CHAR).withName("d_name")
    ).withName("dirent64");

    public static GroupLayout layout() { return $LAYOUT; }

    public static long sizeof() { return $LAYOUT.byteSize(); }

    public static MemorySegment allocate(SegmentAllocator allocator) { return allocator.allocate($LAYOUT); }

    private static final ValueLayout.OfLong d_ino$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("d_ino"));
    public static final ValueLayout.OfLong d_ino$layout() { return d_ino$LAYOUT; }
    private static final long d_ino$OFFSET = 0;
    public static final long d_ino$offset() { return d_ino$OFFSET; }
    public static long d_ino(MemorySegment struct) { return struct.get(d_ino$LAYOUT, d_ino$OFFSET); }
    public static void d_ino(MemorySegment struct, long fieldValue) { struct.set(d_ino$LAYOUT, d_ino$OFFSET, fieldValue); }

    private static final ValueLayout.OfLong d_off$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("d_off"));
    public static final ValueLayout.OfLong d_off$layout() { return d_off$LAYOUT; }
    private static final long d_off$OFFSET = 8;
    public static final long d_off$offset() { return d_off$OFFSET; }
    public static long d_off(MemorySegment struct) { return struct.get(d_off$LAYOUT, d_off$OFFSET); }
    public static void d_off(MemorySegment struct, long fieldValue) { struct.set(d_off$LAYOUT, d_off$OFFSET, fieldValue); }

    private static final ValueLayout.OfShort d_reclen$LAYOUT = (ValueLayout.OfShort) $LAYOUT.select(MemoryLayout.PathElement.groupElement("d_reclen"));
    public static final ValueLayout.OfShort d_reclen$layout() { return d_reclen$LAYOUT; }
    private static final long d_reclen$OFFSET = 16;
    public static final long d_reclen$offset() { return d_reclen$OFFSET; }
    public static short d_reclen(MemorySegment struct) { return struct.get(d_reclen$LAYOUT, d_reclen$OFFSET); }
    public static void d_reclen(MemorySegment struct, short fieldValue) { struct.set(d_reclen$LAYOUT, d_reclen$OFFSET, fieldValue); }

    private static final ValueLayout.OfByte d_type$LAYOUT = (ValueLayout.OfByte) $LAYOUT.select(MemoryLayout.PathElement.groupElement("d_type"));
    public static final ValueLayout.OfByte d_type$layout() { return d_type$LAYOUT; }
    private static final long d_type$OFFSET = 18;
    public static final long d_type$offset() { return d_type$OFFSET; }
    public static byte d_type(MemorySegment struct) { return struct.get(d_type$LAYOUT, d_type$OFFSET); }
    public static void d_type(MemorySegment struct, byte fieldValue) { struct.set(d_type$LAYOUT, d_type$OFFSET, fieldValue); }

    private static final long d_name$OFFSET = 19;
    public static final long d_name$offset() { return d_name$OFFSET; }
    public static MemorySegment d_name(MemorySegment struct) { return struct.asSlice(d_name$OFFSET, 261); }
}
