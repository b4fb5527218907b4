// Generated-shape binding (jextract layout) of struct fuse_conn_info (libfuse 3.17 headers). See scripts/regen-bindings; checked by AbiProbeTest.
package vexfs.bindings;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;

/** struct fuse_conn_info as libfuse 3.17 lays it out (same 128 bytes as 3.14; max_backing_stack_depth, a bitfield word, capable_ext and want_ext take the first 24 bytes of 3.14's reserved area) */
public final class fuse_conn_info_317 {
    private fuse_conn_info_317() {}

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        fuse_lowlevel_h.C_INT.withName("proto_major"),
        fuse_lowlevel_h.C_INT.withName("proto_minor"),
        fuse_lowlevel_h.C_INT.withName("max_write"),
        fuse_lowlevel_h.C_INT.withName("max_read"),
        fuse_lowlevel_h.C_INT.withName("max_readahead"),
        fuse_lowlevel_h.C_INT.withName("capable"),
        fuse_lowlevel_h.C_INT.withName("want"),
        fuse_lowlevel_h.C_INT.withName("max_background"),
        fuse_lowlevel_h.C_INT.withName("congestion_threshold"),
        fuse_lowlevel_h.C_INT.withName("time_gran"),
        fuse_lowlevel_h.C_INT.withName("max_backing_stack_depth"),
        fuse_lowlevel_h.C_INT.withName("bits"),
        fuse_lowlevel_h.C_LONG.withName("capable_ext"),
        fuse_lowlevel_h.C_LONG.withName("want_ext"),
        MemoryLayout.sequenceLayout(16, fuse_lowlevel_h.C_INT).withName("reserved")
    ).withName("fuse_conn_info");

    public static GroupLayout layout() { return $LAYOUT; }

    public static long sizeof() { return $LAYOUT.byteSize(); }

    public static MemorySegment allocate(SegmentAllocator allocator) { return allocator.allocate($LAYOUT); }

    private static final ValueLayout.OfInt proto_major$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("proto_major"));
    public static final ValueLayout.OfInt proto_major$layout() { return proto_major$LAYOUT; }
    private static final long proto_major$OFFSET = 0;
    public static final long proto_major$offset() { return proto_major$OFFSET; }
    public static int proto_major(MemorySegment struct) { return struct.get(proto_major$LAYOUT, proto_major$OFFSET); }
    public static void proto_major(MemorySegment struct, int fieldValue) { struct.set(proto_major$LAYOUT, proto_major$OFFSET, fieldValue); }

    private static final ValueLayout.OfInt proto_minor$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("proto_minor"));
    public static final ValueLayout.OfInt proto_minor$layout() { return proto_minor$LAYOUT; }
    private static final long proto_minor$OFFSET = 4;
    public static final long proto_minor$offset() { return proto_minor$OFFSET; }
    public static int proto_minor(MemorySegment struct) { return struct.get(proto_minor$LAYOUT, proto_minor$OFFSET); }
    public static void proto_minor(MemorySegment struct, int fieldValue) { struct.set(proto_minor$LAYOUT, proto_minor$OFFSET, fieldValue); }

    private static final ValueLayout.OfInt max_write$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("max_write"));
    public static final ValueLayout.OfInt max_write$layout() { return max_write$LAYOUT; }
    private static final long max_write$OFFSET = 8;
    public static final long max_write$offset() { return max_write$OFFSET; }
    public static int max_write(MemorySegment struct) { return struct.get(max_write$LAYOUT, max_write$OFFSET); }
    public static void max_write(MemorySegment struct, int fieldValue) { struct.set(max_write$LAYOUT, max_write$OFFSET, fieldValue); }

    private static final ValueLayout.OfInt max_read$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("max_read"));
    public static final ValueLayout.OfInt max_read$layout() { return max_read$LAYOUT; }
    private static final long max_read$OFFSET = 12;
    public static final long max_read$offset() { return max_read$OFFSET; }
    public static int max_read(MemorySegment struct) { return struct.get(max_read$LAYOUT, max_read$OFFSET); }
    public static void max_read(MemorySegment struct, int fieldValue) { struct.set(max_read$LAYOUT, max_read$OFFSET, fieldValue); }

    private static final ValueLayout.OfInt max_readahead$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("max_readahead"));
    public static final ValueLayout.OfInt max_readahead$layout() { return max_readahead$LAYOUT; }
    private static final long max_readahead$OFFSET = 16;
    public static final long max_readahead$offset() { return max_readahead$OFFSET; }
    public static int max_readahead(MemorySegment struct) { return struct.get(max_readahead$LAYOUT, max_readahead$OFFSET); }
    public static void max_readahead(MemorySegment struct, int fieldValue) { struct.set(max_readahead$LAYOUT, max_readahead$OFFSET, fieldValue); }

    private static final ValueLayout.OfInt capable$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("capable"));
    public static final ValueLayout.OfInt capable$layout() { return capable$LAYOUT; }
    private static final long capable$OFFSET = 20;
    public static final long capable$offset() { return capable$OFFSET; }
    public static int capable(MemorySegment struct) { return struct.get(capable$LAYOUT, capable$OFFSET); }
    public static void capable(MemorySegment struct, int fieldValue) { struct.set(capable$LAYOUT, capable$OFFSET, fieldValue); }

    private static final ValueLayout.OfInt want$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("want"));
    public static final ValueLayout.OfInt want$layout() { return want$LAYOUT; }
    private static final long want$OFFSET = 24;
    public static final long want$offset() { return want$OFFSET; }
    public static int want(MemorySegment struct) { return struct.get(want$LAYOUT, want$OFFSET); }
    public static void want(MemorySegment struct, int fieldValue) { struct.set(want$LAYOUT, want$OFFSET, fieldValue); }

    private static final ValueLayout.OfInt max_background$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("max_background"));
    public static final ValueLayout.OfInt max_background$layout() { return max_background$LAYOUT; }
    private static final long max_background$OFFSET = 28;
    public static final long max_background$offset() { return max_background$OFFSET; }
    public static int max_background(MemorySegment struct) { return struct.get(max_background$LAYOUT, max_background$OFFSET); }
    public static void max_background(MemorySegment struct, int fieldValue) { struct.set(max_background$LAYOUT, max_background$OFFSET, fieldValue); }

    private static final ValueLayout.OfInt congestion_threshold$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("congestion_threshold"));
    public static final ValueLayout.OfInt congestion_threshold$layout() { return congestion_threshold$LAYOUT; }
    private static final long congestion_threshold$OFFSET = 32;
    public static final long congestion_threshold$offset() { return congestion_threshold$OFFSET; }
    public static int congestion_threshold(MemorySegment struct) { return struct.get(congestion_threshold$LAYOUT, congestion_threshold$OFFSET); }
    public static void congestion_threshold(MemorySegment struct, int fieldValue) { struct.set(congestion_threshold$LAYOUT, congestion_threshold$OFFSET, fieldValue); }

    private static final ValueLayout.OfInt time_gran$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("time_gran"));
    public static final ValueLayout.OfInt time_gran$layout() { return time_gran$LAYOUT; }
    private static final long time_gran$OFFSET = 36;
    public static final long time_gran$offset() { return time_gran$OFFSET; }
    public static int time_gran(MemorySegment struct) { return struct.get(time_gran$LAYOUT, time_gran$OFFSET); }
    public static void time_gran(MemorySegment struct, int fieldValue) { struct.set(time_gran$LAYOUT, time_gran$OFFSET, fieldValue); }

    private static final ValueLayout.OfInt max_backing_stack_depth$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("max_backing_stack_depth"));
    public static final ValueLayout.OfInt max_backing_stack_depth$layout() { return max_backing_stack_depth$LAYOUT; }
    private static final long max_backing_stack_depth$OFFSET = 40;
    public static final long max_backing_stack_depth$offset() { return max_backing_stack_depth$OFFSET; }
    public static int max_backing_stack_depth(MemorySegment struct) { return struct.get(max_backing_stack_depth$LAYOUT, max_backing_stack_depth$OFFSET); }
    public static void max_backing_stack_depth(MemorySegment struct, int fieldValue) { struct.set(max_backing_stack_depth$LAYOUT, max_backing_stack_depth$OFFSET, fieldValue); }

    private static final ValueLayout.OfInt bits$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("bits"));
    public static final ValueLayout.OfInt bits$layout() { return bits$LAYOUT; }
    private static final long bits$OFFSET = 44;
    public static final long bits$offset() { return bits$OFFSET; }
    public static int bits(MemorySegment struct) { return struct.get(bits$LAYOUT, bits$OFFSET); }
    public static void bits(MemorySegment struct, int fieldValue) { struct.set(bits$LAYOUT, bits$OFFSET, fieldValue); }

    private static final ValueLayout.OfLong capable_ext$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("capable_ext"));
    public static final ValueLayout.OfLong capable_ext$layout() { return capable_ext$LAYOUT; }
    private static final long capable_ext$OFFSET = 48;
    public static final long capable_ext$offset() { return capable_ext$OFFSET; }
    public static long capable_ext(MemorySegment struct) { return struct.get(capable_ext$LAYOUT, capable_ext$OFFSET); }
    public static void capable_ext(MemorySegment struct, long fieldValue) { struct.set(capable_ext$LAYOUT, capable_ext$OFFSET, fieldValue); }

    private static final ValueLayout.OfLong want_ext$LAYOUT = (ValueLayout.OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("want_ext"));
    public static final ValueLayout.OfLong want_ext$layout() { return want_ext$LAYOUT; }
    private static final long want_ext$OFFSET = 56;
    public static final long want_ext$offset() { return want_ext$OFFSET; }
    public static long want_ext(MemorySegment struct) { return struct.get(want_ext$LAYOUT, want_ext$OFFSET); }
    public static void want_ext(MemorySegment struct, long fieldValue) { struct.set(want_ext$LAYOUT, want_ext$OFFSET, fieldValue); }

    private static final long reserved$OFFSET = 64;
    public static final long reserved$offset() { return reserved$OFFSET; }
    public static MemorySegment reserved(MemorySegment struct) { return struct.asSlice(reserved$OFFSET, 64); }
}
