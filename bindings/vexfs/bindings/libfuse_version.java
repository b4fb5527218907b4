// Generated-shape binding (jextract layout) of struct libfuse_version (libfuse 3.17 headers). See scripts/regen-bindings; checked by AbiProbeTest.
package vexfs.bindings;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;

/** struct libfuse_version (libfuse 3.17+): the libfuse version whose ABI a server speaks, passed to fuse_session_new_versioned */
public final class libfuse_version {
    private libfuse_version() {}

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        fuse_lowlevel_h.C_INT.withName("major"),
        fuse_lowlevel_h.C_INT.withName("minor"),
        fuse_lowlevel_h.C_INT.withName("hotfix"),
        fuse_lowlevel_h.C_INT.withName("padding")
    ).withName("libfuse_version");

    public static GroupLayout layout() { return $LAYOUT; }

    public static long sizeof() { return $LAYOUT.byteSize(); }

    public static MemorySegment allocate(SegmentAllocator allocator) { return allocator.allocate($LAYOUT); }

    private static final ValueLayout.OfInt major$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("major"));
    public static final ValueLayout.OfInt major$layout() { return major$LAYOUT; }
    private static final long major$OFFSET = 0;
    public static final long major$offset() { return major$OFFSET; }
    public static int major(MemorySegment struct) { return struct.get(major$LAYOUT, major$OFFSET); }
    public static void major(MemorySegment struct, int fieldValue) { struct.set(major$LAYOUT, major$OFFSET, fieldValue); }

    private static final ValueLayout.OfInt minor$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("minor"));
    public static final ValueLayout.OfInt minor$layout() { return minor$LAYOUT; }
    private static final long minor$OFFSET = 4;
    public static final long minor$offset() { return minor$OFFSET; }
    public static int minor(MemorySegment struct) { return struct.get(minor$LAYOUT, minor$OFFSET); }
    public static void minor(MemorySegment struct, int fieldValue) { struct.set(minor$LAYOUT, minor$OFFSET, fieldValue); }

    private static final ValueLayout.OfInt hotfix$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("hotfix"));
    public static final ValueLayout.OfInt hotfix$layout() { return hotfix$LAYOUT; }
    private static final long hotfix$OFFSET = 8;
    public static final long hotfix$offset() { return hotfix$OFFSET; }
    public static int hotfix(MemorySegment struct) { return struct.get(hotfix$LAYOUT, hotfix$OFFSET); }
    public static void hotfix(MemorySegment struct, int fieldValue) { struct.set(hotfix$LAYOUT, hotfix$OFFSET, fieldValue); }

    private static final ValueLayout.OfInt padding$LAYOUT = (ValueLayout.OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("padding"));
    public static final ValueLayout.OfInt padding$layout() { return padding$LAYOUT; }
    private static final long padding$OFFSET = 12;
    public static final long padding$offset() { return padding$OFFSET; }
    public static int padding(MemorySegment struct) { return struct.get(padding$LAYOUT, padding$OFFSET); }
    public static void padding(MemorySegment struct, int fieldValue) { struct.set(padding$LAYOUT, padding$OFFSET, fieldValue); }
}
