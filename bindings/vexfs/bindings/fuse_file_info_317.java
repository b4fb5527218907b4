// Generated-shape binding (jextract layout) of struct fuse_file_info (libfuse 3.17 headers). See scripts/regen-bindings; checked by AbiProbeTest.
package vexfs.bindings;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;

/** struct fuse_file_info as libfuse 3.17 lays it out (64 bytes: backing_id, compat_flags, reserved added after poll_events; the first bitfield word is described by FileInfoBits) */
public final class fuse_file_info_317 {
    private fuse_file_info_317() {}

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        fuse_lowlevel_h.C_INT.withName("flags"),
        fuse_lowlevel_h.C_INT.withName("bits"),
        fuse_lowlevel_h.C_INT.withName("bits2"),
        fuse_lowlevel_h.C_INT.withName("bits3"),
        fuse_lowlevel_h.C_LONG.withName("fh"),
        fuse_lowlevel_h.C_LONG.withName("lock_owner"),
        fuse_lowlevel_h.C_INT.withName("poll_events"),
        fuse_lowlevel_h.C_INT.withName("backing_id"),
        fuse_lowlevel_h.C_LONG.withName("compat_flags"),
        MemoryLayout.sequenceLayout(2, fuse_lowlevel_h.C_LONG).withName("reserved")
    ).withName("fuse_file_info");

    public static GroupLayout layout() { return $LAYOUT; }

    public static long sizeof() { return $LAYOUT.byteSize(); }

    public static MemorySegment allocate(SegmentAllocator allocator) { return allocator.allocate($LAYOUT); }

    private static final ValueLayout.OfInt flags$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("flags"));
    public static final ValueLayout.OfInt flags$layout() { return flags$LAYOUT; }
    private static final long flags$OFFSET = 0;
    public static final long flags$offset() { return flags$OFFSET; }
    public static int flags(MemorySegment struct) { return struct.get(flags$LAYOUT, flags$OFFSET); }
    public static void flags(MemorySegment struct, int fieldValue) { struct.set(flags$LAYOUT, flags$OFFSET, fieldValue); }

    private static final ValueLayout.OfInt bits$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("bits"));
    public static final ValueLayout.OfInt bits$layout() { return bits$LAYOUT; }
    private static final long bits$OFFSET = 4;
    public static final long bits$offset() { return bits$OFFSET; }
    public static int bits(MemorySegment struct) { return struct.get(bits$LAYOUT, bits$OFFSET); }
    public static void bits(MemorySegment struct, int fieldValue) { struct.set(bits$LAYOUT, bits$OFFSET, fieldValue); }

    private static final ValueLayout.OfInt bits2$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("bits2"));
    public static final ValueLayout.OfInt bits2$layout() { return bits2$LAYOUT; }
    private static final long bits2$OFFSET = 8;
    public static final long bits2$offset() { return bits2$OFFSET; }
    public static int bits2(MemorySegment struct) { return struct.get(bits2$LAYOUT, bits2$OFFSET); }
    public static void bits2(MemorySegment struct, int fieldValue) { struct.set(bits2$LAYOUT, bits2$OFFSET, fieldValue); }

    private static final ValueLayout.OfInt bits3$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("bits3"));
    public static final ValueLayout.OfInt bits3$layout() { return bits3$LAYOUT; }
    private static final long bits3$OFFSET = 12;
    public static final long bits3$offset() { return bits3$OFFSET; }
    public static int bits3(MemorySegment struct) { return struct.get(bits3$LAYOUT, bits3$OFFSET); }
    public static void bits3(MemorySegment struct, int fieldValue) { struct.set(bits3$LAYOUT, bits3$OFFSET, fieldValue); }

    private static final ValueLayout.OfLong fh$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("fh"));
    public static final ValueLayout.OfLong fh$layout() { return fh$LAYOUT; }
    private static final long fh$OFFSET = 16;
    public static final long fh$offset() { return fh$OFFSET; }
    public static long fh(MemorySegment struct) { return struct.get(fh$LAYOUT, fh$OFFSET); }
    public static void fh(MemorySegment struct, long fieldValue) { struct.set(fh$LAYOUT, fh$OFFSET, fieldValue); }

    private static final ValueLayout.OfLong lock_owner$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("lock_owner"));
    public static final ValueLayout.OfLong lock_owner$layout() { return lock_owner$LAYOUT; }
    private static final long lock_owner$OFFSET = 24;
    public static final long lock_owner$offset() { return lock_owner$OFFSET; }
    public static long lock_owner(MemorySegment struct) { return struct.get(lock_owner$LAYOUT, lock_owner$OFFSET); }
    public static void lock_owner(MemorySegment struct, long fieldValue) { struct.set(lock_owner$LAYOUT, lock_owner$OFFSET, fieldValue); }

    private static final ValueLayout.OfInt poll_events$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("poll_events"));
    public static final ValueLayout.OfInt poll_events$layout() { return poll_events$LAYOUT; }
    private static final long poll_events$OFFSET = 32;
    public static final long poll_events$offset() { return poll_events$OFFSET; }
    public static int poll_events(MemorySegment struct) { return struct.get(poll_events$LAYOUT, poll_events$OFFSET); }
    public static void poll_events(MemorySegment struct, int fieldValue) { struct.set(poll_events$LAYOUT, poll_events$OFFSET, fieldValue); }

    private static final ValueLayout.OfInt backing_id$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("backing_id"));
    public static final ValueLayout.OfInt backing_id$layout() { return backing_id$LAYOUT; }
    private static final long backing_id$OFFSET = 36;
    public static final long backing_id$offset() { return backing_id$OFFSET; }
    public static int backing_id(MemorySegment struct) { return struct.get(backing_id$LAYOUT, backing_id$OFFSET); }
    public static void backing_id(MemorySegment struct, int fieldValue) { struct.set(backing_id$LAYOUT, backing_id$OFFSET, fieldValue); }

    private static final ValueLayout.OfLong compat_flags$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("compat_flags"));
    public static final ValueLayout.OfLong compat_flags$layout() { return compat_flags$LAYOUT; }
    private static final long compat_flags$OFFSET = 40;
    public static final long compat_flags$offset() { return compat_flags$OFFSET; }
    public static long compat_flags(MemorySegment struct) { return struct.get(compat_flags$LAYOUT, compat_flags$OFFSET); }
    public static void compat_flags(MemorySegment struct, long fieldValue) { struct.set(compat_flags$LAYOUT, compat_flags$OFFSET, fieldValue); }

    private static final long reserved$OFFSET = 48;
    public static final long reserved$offset() { return reserved$OFFSET; }
    public static MemorySegment reserved(MemorySegment struct) { return struct.asSlice(reserved$OFFSET, 16); }
}
