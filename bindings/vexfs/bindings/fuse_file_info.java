// Generated-shape binding (jextract layout) of struct fuse_file_info (libfuse 3.14 layout; the bitfield word is described by FileInfoBits). See scripts/regen-bindings; checked by AbiProbeTest.
package vexfs.bindings;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;

/** struct fuse_file_info (libfuse 3.14 layout; the bitfield word is described by FileInfoBits) */
public final class fuse_file_info {
    private fuse_file_info() {}

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        fuse_lowlevel_h.C_INT.withName("flags"),
        fuse_lowlevel_h.C_INT.withName("bits"),
        fuse_lowlevel_h.C_INT.withName("bits2"),
        MemoryLayout.paddingLayout(4),
        fuse_lowlevel_h.C_LONG.withName("fh"),
        fuse_lowlevel_h.C_LONG.withName("lock_owner"),
        fuse_lowlevel_h.C_INT.withName("poll_events"),
        MemoryLayout.paddingLayout(4)
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
}
