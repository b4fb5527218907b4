// Generated-shape binding (jextract layout) of struct iovec. See scripts/regen-bindings; checked by AbiProbeTest.
package vexfs.bindings;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;

/** struct iovec */
public final class iovec {
    private iovec() {}

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        fuse_lowlevel_h.C_POINTER.withName("iov_base"),
        fuse_lowlevel_h.C_LONG.withName("iov_len")
    ).withName("iovec");

    public static GroupLayout layout() { return $LAYOUT; }

    public static long sizeof() { return $LAYOUT.byteSize(); }

    public static MemorySegment allocate(SegmentAllocator allocator) { return allocator.allocate($LAYOUT); }

    private static final AddressLayout iov_base$LAYOUT = (AddressLayout) $LAYOUT.select(MemoryLayout.PathElement.groupElement("iov_base"));
    public static final AddressLayout iov_base$layout() { return iov_base$LAYOUT; }
    private static final long iov_base$OFFSET = 0;
    public static final long iov_base$offset() { return iov_base$OFFSET; }
    public static MemorySegment iov_base(MemorySegment struct) { return struct.get(iov_base$LAYOUT, iov_base$OFFSET); }
    public static void iov_base(MemorySegment struct, MemorySegment fieldValue) { struct.set(iov_base$LAYOUT, iov_base$OFFSET, fieldValue); }

    private static final ValueLayout.OfLong iov_len$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("iov_len"));
    public static final ValueLayout.OfLong iov_len$layout() { return iov_len$LAYOUT; }
    private static final long iov_len$OFFSET = 8;
    public static final long iov_len$offset() { return iov_len$OFFSET; }
    public static long iov_len(MemorySegment struct) { return struct.get(iov_len$LAYOUT, iov_len$OFFSET); }
    public static void iov_len(MemorySegment struct, long fieldValue) { struct.set(iov_len$LAYOUT, iov_len$OFFSET, fieldValue); }
}
