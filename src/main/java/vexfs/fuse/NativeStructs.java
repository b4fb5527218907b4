package vexfs.fuse;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;

import vexfs.bindings.FileInfoBits;
import vexfs.bindings.fuse_entry_param;
import vexfs.bindings.fuse_file_info;
import vexfs.bindings.fuse_lowlevel_h;
import vexfs.libc.CStructs;

/** Conversions between the plain-Java records and libfuse/libc structs. Only the fuse package uses it. */
@SuppressWarnings("restricted") // raw FFM (linking, upcall stubs, reinterpret) is what this class is for
public final class NativeStructs {
    private NativeStructs() {}

    static MemorySegment entryParam(SegmentAllocator a, EntryParam e) {
        MemorySegment p = fuse_entry_param.allocate(a);
        writeEntryParam(p, e);
        return p;
    }

    /** Overwrites all of {@code p} (a fuse_entry_param) with {@code e}. */
    static void writeEntryParam(MemorySegment p, EntryParam e) {
        p.fill((byte) 0);
        fuse_entry_param.ino(p, e.ino());
        fuse_entry_param.generation(p, e.generation());
        if (e.attr() != null) CStructs.writeStat(fuse_entry_param.attr(p), e.attr());
        fuse_entry_param.attr_timeout(p, e.attrTimeout());
        fuse_entry_param.entry_timeout(p, e.entryTimeout());
    }

    /** A fresh fuse_file_info for open/create replies (the request's own struct may be gone by now). */
    static MemorySegment fileInfo(SegmentAllocator a, long fh, OpenOptions o) {
        MemorySegment fi = fuse_file_info.allocate(a);
        fi.fill((byte) 0);
        fuse_file_info.fh(fi, fh);
        int bits = 0;
        if (o.directIo()) bits |= FileInfoBits.direct_io;
        if (o.keepCache()) bits |= FileInfoBits.keep_cache;
        if (o.nonseekable()) bits |= FileInfoBits.nonseekable;
        if (o.cacheReaddir()) bits |= FileInfoBits.cache_readdir;
        fi.set(ValueLayout.JAVA_INT, FileInfoBits.WORD_OFFSET, bits);
        return fi;
    }

    static FileInfo readFileInfo(MemorySegment fiPtr) {
        if (fiPtr.equals(MemorySegment.NULL)) return null;
        MemorySegment fi = fiPtr.reinterpret(fuse_file_info.sizeof());
        int bits = fi.get(ValueLayout.JAVA_INT, FileInfoBits.WORD_OFFSET);
        return new FileInfo(fuse_file_info.flags(fi), fuse_file_info.fh(fi), fuse_file_info.lock_owner(fi),
                (bits & FileInfoBits.writepage) != 0, (bits & FileInfoBits.flush) != 0);
    }

    static MemorySegment ptr(long address) {
        return MemorySegment.ofAddress(address);
    }

    static final long C_POINTER_SIZE = fuse_lowlevel_h.C_POINTER.byteSize();
}
