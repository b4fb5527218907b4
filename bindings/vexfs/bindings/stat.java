// Generated-shape binding (jextract layout) of struct stat (x86_64 glibc, _FILE_OFFSET_BITS=64). See scripts/regen-bindings; checked by AbiProbeTest.
package vexfs.bindings;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;

/** struct stat (x86_64 glibc, _FILE_OFFSET_BITS=64) */
public final class stat {
    private stat() {}

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        fuse_lowlevel_h.C_LONG.withName("st_dev"),
        fuse_lowlevel_h.C_LONG.withName("st_ino"),
        fuse_lowlevel_h.C_LONG.withName("st_nlink"),
        fuse_lowlevel_h.C_INT.withName("st_mode"),
        fuse_lowlevel_h.C_INT.withName("st_uid"),
        fuse_lowlevel_h.C_INT.withName("st_gid"),
        fuse_lowlevel_h.C_INT.withName("__pad0"),
        fuse_lowlevel_h.C_LONG.withName("st_rdev"),
        fuse_lowlevel_h.C_LONG.withName("st_size"),
        fuse_lowlevel_h.C_LONG.withName("st_blksize"),
        fuse_lowlevel_h.C_LONG.withName("st_blocks"),
        timespec.layout().withName("st_atim"),
        timespec.layout().withName("st_mtim"),
        timespec.layout().withName("st_ctim"),
        MemoryLayout.sequenceLayout(3, fuse_lowlevel_h.C_LONG).withName("__glibc_reserved")
    ).withName("stat");

    public static GroupLayout layout() { return $LAYOUT; }

    public static long sizeof() { return $LAYOUT.byteSize(); }

    public static MemorySegment allocate(SegmentAllocator allocator) { return allocator.allocate($LAYOUT); }

    private static final ValueLayout.OfLong st_dev$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("st_dev"));
    public static final ValueLayout.OfLong st_dev$layout() { return st_dev$LAYOUT; }
    private static final long st_dev$OFFSET = 0;
    public static final long st_dev$offset() { return st_dev$OFFSET; }
    public static long st_dev(MemorySegment struct) { return struct.get(st_dev$LAYOUT, st_dev$OFFSET); }
    public static void st_dev(MemorySegment struct, long fieldValue) { struct.set(st_dev$LAYOUT, st_dev$OFFSET, fieldValue); }

    private static final ValueLayout.OfLong st_ino$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("st_ino"));
    public static final ValueLayout.OfLong st_ino$layout() { return st_ino$LAYOUT; }
    private static final long st_ino$OFFSET = 8;
    public static final long st_ino$offset() { return st_ino$OFFSET; }
    public static long st_ino(MemorySegment struct) { return struct.get(st_ino$LAYOUT, st_ino$OFFSET); }
    public static void st_ino(MemorySegment struct, long fieldValue) { struct.set(st_ino$LAYOUT, st_ino$OFFSET, fieldValue); }

    private static final ValueLayout.OfLong st_nlink$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("st_nlink"));
    public static final ValueLayout.OfLong st_nlink$layout() { return st_nlink$LAYOUT; }
    private static final long st_nlink$OFFSET = 16;
    public static final long st_nlink$offset() { return st_nlink$OFFSET; }
    public static long st_nlink(MemorySegment struct) { return struct.get(st_nlink$LAYOUT, st_nlink$OFFSET); }
    public static void st_nlink(MemorySegment struct, long fieldValue) { struct.set(st_nlink$LAYOUT, st_nlink$OFFSET, fieldValue); }

    private static final ValueLayout.OfInt st_mode$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("st_mode"));
    public static final ValueLayout.OfInt st_mode$layout() { return st_mode$LAYOUT; }
    private static final long st_mode$OFFSET = 24;
    public static final long st_mode$offset() { return st_mode$OFFSET; }
    public static int st_mode(MemorySegment struct) { return struct.get(st_mode$LAYOUT, st_mode$OFFSET); }
    public static void st_mode(MemorySegment struct, int fieldValue) { struct.set(st_mode$LAYOUT, st_mode$OFFSET, fieldValue); }

    private static final ValueLayout.OfInt st_uid$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("st_uid"));
    public static final ValueLayout.OfInt st_uid$layout() { return st_uid$LAYOUT; }
    private static final long st_uid$OFFSET = 28;
    public static final long st_uid$offset() { return st_uid$OFFSET; }
    public static int st_uid(MemorySegment struct) { return struct.get(st_uid$LAYOUT, st_uid$OFFSET); }
    public static void st_uid(MemorySegment struct, int fieldValue) { struct.set(st_uid$LAYOUT, st_uid$OFFSET, fieldValue); }

    private static final ValueLayout.OfInt st_gid$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("st_gid"));
    public static final ValueLayout.OfInt st_gid$layout() { return st_gid$LAYOUT; }
    private static final long st_gid$OFFSET = 32;
    public static final long st_gid$offset() { return st_gid$OFFSET; }
    public static int st_gid(MemorySegment struct) { return struct.get(st_gid$LAYOUT, st_gid$OFFSET); }
    public static void st_gid(MemorySegment struct, int fieldValue) { struct.set(st_gid$LAYOUT, st_gid$OFFSET, fieldValue); }

    private static final ValueLayout.OfInt __pad0$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("__pad0"));
    public static final ValueLayout.OfInt __pad0$layout() { return __pad0$LAYOUT; }
    private static final long __pad0$OFFSET = 36;
    public static final long __pad0$offset() { return __pad0$OFFSET; }
    public static int __pad0(MemorySegment struct) { return struct.get(__pad0$LAYOUT, __pad0$OFFSET); }
    public static void __pad0(MemorySegment struct, int fieldValue) { struct.set(__pad0$LAYOUT, __pad0$OFFSET, fieldValue); }

    private static final ValueLayout.OfLong st_rdev$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("st_rdev"));
    public static final ValueLayout.OfLong st_rdev$layout() { return st_rdev$LAYOUT; }
    private static final long st_rdev$OFFSET = 40;
    public static final long st_rdev$offset() { return st_rdev$OFFSET; }
    public static long st_rdev(MemorySegment struct) { return struct.get(st_rdev$LAYOUT, st_rdev$OFFSET); }
    public static void st_rdev(MemorySegment struct, long fieldValue) { struct.set(st_rdev$LAYOUT, st_rdev$OFFSET, fieldValue); }

    private static final ValueLayout.OfLong st_size$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("st_size"));
    public static final ValueLayout.OfLong st_size$layout() { return st_size$LAYOUT; }
    private static final long st_size$OFFSET = 48;
    public static final long st_size$offset() { return st_size$OFFSET; }
    public static long st_size(MemorySegment struct) { return struct.get(st_size$LAYOUT, st_size$OFFSET); }
    public static void st_size(MemorySegment struct, long fieldValue) { struct.set(st_size$LAYOUT, st_size$OFFSET, fieldValue); }

    private static final ValueLayout.OfLong st_blksize$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("st_blksize"));
    public static final ValueLayout.OfLong st_blksize$layout() { return st_blksize$LAYOUT; }
    private static final long st_blksize$OFFSET = 56;
    public static final long st_blksize$offset() { return st_blksize$OFFSET; }
    public static long st_blksize(MemorySegment struct) { return struct.get(st_blksize$LAYOUT, st_blksize$OFFSET); }
    public static void st_blksize(MemorySegment struct, long fieldValue) { struct.set(st_blksize$LAYOUT, st_blksize$OFFSET, fieldValue); }

    private static final ValueLayout.OfLong st_blocks$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("st_blocks"));
    public static final ValueLayout.OfLong st_blocks$layout() { return st_blocks$LAYOUT; }
    private static final long st_blocks$OFFSET = 64;
    public static final long st_blocks$offset() { return st_blocks$OFFSET; }
    public static long st_blocks(MemorySegment struct) { return struct.get(st_blocks$LAYOUT, st_blocks$OFFSET); }
    public static void st_blocks(MemorySegment struct, long fieldValue) { struct.set(st_blocks$LAYOUT, st_blocks$OFFSET, fieldValue); }

    private static final long st_atim$OFFSET = 72;
    public static final long st_atim$offset() { return st_atim$OFFSET; }
    public static MemorySegment st_atim(MemorySegment struct) { return struct.asSlice(st_atim$OFFSET, timespec.layout().byteSize()); }
    public static void st_atim(MemorySegment struct, MemorySegment fieldValue) { MemorySegment.copy(fieldValue, 0L, struct, st_atim$OFFSET, timespec.layout().byteSize()); }

    private static final long st_mtim$OFFSET = 88;
    public static final long st_mtim$offset() { return st_mtim$OFFSET; }
    public static MemorySegment st_mtim(MemorySegment struct) { return struct.asSlice(st_mtim$OFFSET, timespec.layout().byteSize()); }
    public static void st_mtim(MemorySegment struct, MemorySegment fieldValue) { MemorySegment.copy(fieldValue, 0L, struct, st_mtim$OFFSET, timespec.layout().byteSize()); }

    private static final long st_ctim$OFFSET = 104;
    public static final long st_ctim$offset() { return st_ctim$OFFSET; }
    public static MemorySegment st_ctim(MemorySegment struct) { return struct.asSlice(st_ctim$OFFSET, timespec.layout().byteSize()); }
    public static void st_ctim(MemorySegment struct, MemorySegment fieldValue) { MemorySegment.copy(fieldValue, 0L, struct, st_ctim$OFFSET, timespec.layout().byteSize()); }

    private static final long __glibc_reserved$OFFSET = 120;
    public static final long __glibc_reserved$offset() { return __glibc_reserved$OFFSET; }
    public static MemorySegment __glibc_reserved(MemorySegment struct) { return struct.asSlice(__glibc_reserved$OFFSET, 24); }
}
