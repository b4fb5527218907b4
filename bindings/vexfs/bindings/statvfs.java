// Generated-shape binding (jextract layout) of struct statvfs. See scripts/regen-bindings; checked by AbiProbeTest.
package vexfs.bindings;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;

/** struct statvfs */
public final class statvfs {
    private statvfs() {}

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        fuse_lowlevel_h.C_LONG.withName("f_bsize"),
        fuse_lowlevel_h.C_LONG.withName("f_frsize"),
        fuse_lowlevel_h.C_LONG.withName("f_blocks"),
        fuse_lowlevel_h.C_LONG.withName("f_bfree"),
        fuse_lowlevel_h.C_LONG.withName("f_bavail"),
        fuse_lowlevel_h.C_LONG.withName("f_files"),
        fuse_lowlevel_h.C_LONG.withName("f_ffree"),
        fuse_lowlevel_h.C_LONG.withName("f_favail"),
        fuse_lowlevel_h.C_LONG.withName("f_fsid"),
        fuse_lowlevel_h.C_LONG.withName("f_flag"),
        fuse_lowlevel_h.C_LONG.withName("f_namemax"),
        MemoryLayout.sequenceLayout(6, fuse_lowlevel_h.C_INT).withName("__f_spare")
    ).withName("statvfs");

    public static GroupLayout layout() { return $LAYOUT; }

    public static long sizeof() { return $LAYOUT.byteSize(); }

    public static MemorySegment allocate(SegmentAllocator allocator) { return allocator.allocate($LAYOUT); }

    private static final ValueLayout.OfLong f_bsize$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("f_bsize"));
    public static final ValueLayout.OfLong f_bsize$layout() { return f_bsize$LAYOUT; }
    private static final long f_bsize$OFFSET = 0;
    public static final long f_bsize$offset() { return f_bsize$OFFSET; }
    public static long f_bsize(MemorySegment struct) { return struct.get(f_bsize$LAYOUT, f_bsize$OFFSET); }
    public static void f_bsize(MemorySegment struct, long fieldValue) { struct.set(f_bsize$LAYOUT, f_bsize$OFFSET, fieldValue); }

    private static final ValueLayout.OfLong f_frsize$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("f_frsize"));
    public static final ValueLayout.OfLong f_frsize$layout() { return f_frsize$LAYOUT; }
    private static final long f_frsize$OFFSET = 8;
    public static final long f_frsize$offset() { return f_frsize$OFFSET; }
    public static long f_frsize(MemorySegment struct) { return struct.get(f_frsize$LAYOUT, f_frsize$OFFSET); }
    public static void f_frsize(MemorySegment struct, long fieldValue) { struct.set(f_frsize$LAYOUT, f_frsize$OFFSET, fieldValue); }

    private static final ValueLayout.OfLong f_blocks$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("f_blocks"));
    public static final ValueLayout.OfLong f_blocks$layout() { return f_blocks$LAYOUT; }
    private static final long f_blocks$OFFSET = 16;
    public static final long f_blocks$offset() { return f_blocks$OFFSET; }
    public static long f_blocks(MemorySegment struct) { return struct.get(f_blocks$LAYOUT, f_blocks$OFFSET); }
    public static void f_blocks(MemorySegment struct, long fieldValue) { struct.set(f_blocks$LAYOUT, f_blocks$OFFSET, fieldValue); }

    private static final ValueLayout.OfLong f_bfree$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("f_bfree"));
    public static final ValueLayout.OfLong f_bfree$layout() { return f_bfree$LAYOUT; }
    private static final long f_bfree$OFFSET = 24;
    public static final long f_bfree$offset() { return f_bfree$OFFSET; }
    public static long f_bfree(MemorySegment struct) { return struct.get(f_bfree$LAYOUT, f_bfree$OFFSET); }
    public static void f_bfree(MemorySegment struct, long fieldValue) { struct.set(f_bfree$LAYOUT, f_bfree$OFFSET, fieldValue); }

    private static final ValueLayout.OfLong f_bavail$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("f_bavail"));
    public static final ValueLayout.OfLong f_bavail$layout() { return f_bavail$LAYOUT; }
    private static final long f_bavail$OFFSET = 32;
    public static final long f_bavail$offset() { return f_bavail$OFFSET; }
    public static long f_bavail(MemorySegment struct) { return struct.get(f_bavail$LAYOUT, f_bavail$OFFSET); }
    public static void f_bavail(MemorySegment struct, long fieldValue) { struct.set(f_bavail$LAYOUT, f_bavail$OFFSET, fieldValue); }

    private static final ValueLayout.OfLong f_files$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("f_files"));
    public static final ValueLayout.OfLong f_files$layout() { return f_files$LAYOUT; }
    private static final long f_files$OFFSET = 40;
    public static final long f_files$offset() { return f_files$OFFSET; }
    public static long f_files(MemorySegment struct) { return struct.get(f_files$LAYOUT, f_files$OFFSET); }
    public static void f_files(MemorySegment struct, long fieldValue) { struct.set(f_files$LAYOUT, f_files$OFFSET, fieldValue); }

    private static final ValueLayout.OfLong f_ffree$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("f_ffree"));
    public static final ValueLayout.OfLong f_ffree$layout() { return f_ffree$LAYOUT; }
    private static final long f_ffree$OFFSET = 48;
    public static final long f_ffree$offset() { return f_ffree$OFFSET; }
    public static long f_ffree(MemorySegment struct) { return struct.get(f_ffree$LAYOUT, f_ffree$OFFSET); }
    public static void f_ffree(MemorySegment struct, long fieldValue) { struct.set(f_ffree$LAYOUT, f_ffree$OFFSET, fieldValue); }

    private static final ValueLayout.OfLong f_favail$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("f_favail"));
    public static final ValueLayout.OfLong f_favail$layout() { return f_favail$LAYOUT; }
    private static final long f_favail$OFFSET = 56;
    public static final long f_favail$offset() { return f_favail$OFFSET; }
    public static long f_favail(MemorySegment struct) { return struct.get(f_favail$LAYOUT, f_favail$OFFSET); }
    public static void f_favail(MemorySegment struct, long fieldValue) { struct.set(f_favail$LAYOUT, f_favail$OFFSET, fieldValue); }

    private static final ValueLayout.OfLong f_fsid$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("f_fsid"));
    public static final ValueLayout.OfLong f_fsid$layout() { return f_fsid$LAYOUT; }
    private static final long f_fsid$OFFSET = 64;
    public static final long f_fsid$offset() { return f_fsid$OFFSET; }
    public static long f_fsid(MemorySegment struct) { return struct.get(f_fsid$LAYOUT, f_fsid$OFFSET); }
    public static void f_fsid(MemorySegment struct, long fieldValue) { struct.set(f_fsid$LAYOUT, f_fsid$OFFSET, fieldValue); }

    private static final ValueLayout.OfLong f_flag$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("f_flag"));
    public static final ValueLayout.OfLong f_flag$layout() { return f_flag$LAYOUT; }
    private static final long f_flag$OFFSET = 72;
    public static final long f_flag$offset() { return f_flag$OFFSET; }
    public static long f_flag(MemorySegment struct) { return struct.get(f_flag$LAYOUT, f_flag$OFFSET); }
    public static void f_flag(MemorySegment struct, long fieldValue) { struct.set(f_flag$LAYOUT, f_flag$OFFSET, fieldValue); }

    private static final ValueLayout.OfLong f_namemax$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("f_namemax"));
    public static final ValueLayout.OfLong f_namemax$layout() { return f_namemax$LAYOUT; }
    private static final long f_namemax$OFFSET = 80;
    public static final long f_namemax$offset() { return f_namemax$OFFSET; }
    public static long f_namemax(MemorySegment struct) { return struct.get(f_namemax$LAYOUT, f_namemax$OFFSET); }
    public static void f_namemax(MemorySegment struct, long fieldValue) { struct.set(f_namemax$LAYOUT, f_namemax$OFFSET, fieldValue); }

    private static final long __f_spare$OFFSET = 88;
    public static final long __f_spare$offset() { return __f_spare$OFFSET; }
    public static MemorySegment __f_spare(MemorySegment struct) { return struct.asSlice(__f_spare$OFFSET, 24); }
}
