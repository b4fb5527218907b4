package vexfs.fuse;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;

import vexfs.bindings.FileInfoBits;
import vexfs.bindings.fuse_entry_param;
import vexfs.bindings.fuse_file_info;
import vexfs.bindings.fuse_file_info_317;
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

    /**
     * The loaded library's fuse_file_info shape, fixed for the process: static finals so that the per-request
     * reads below fold to constants. Initialised on first use, which FuseSession.mount puts after
     * FuseLibrary.checkSupported() has refused unknown libraries with a clear message.
     */
    private static final class FileInfoAbi {
        static final FileInfoBits BITS = FuseLibrary.abi().fileInfoBits();
        static final GroupLayout LAYOUT = FuseLibrary.abi().fileInfo();
    }

    /**
     * A fresh fuse_file_info for open/create replies (the request's own struct may be gone by now), zeroed at the
     * loaded ABI's size: libfuse 3.17 reads backing_id (bytes 36-39) from it, past 3.14's 40-byte struct's fields.
     */
    static MemorySegment fileInfo(SegmentAllocator a, long fh, OpenOptions o, int backingId) {
        FileInfoBits fib = FileInfoAbi.BITS;
        MemorySegment fi = a.allocate(FileInfoAbi.LAYOUT);
        fi.fill((byte) 0);
        fuse_file_info.fh(fi, fh);
        int bits = 0;
        if (o.directIo()) bits |= fib.direct_io();
        if (o.keepCache()) bits |= fib.keep_cache();
        if (o.nonseekable()) bits |= fib.nonseekable();
        if (o.cacheReaddir()) bits |= fib.cache_readdir();
        fi.set(ValueLayout.JAVA_INT, FileInfoBits.WORD_OFFSET, bits);
        // only ever > 0 on 3.17 (KernelPassthrough), where the struct has the field: libfuse then sets
        // FOPEN_PASSTHROUGH and the kernel does this open file's reads and writes on the backing file
        if (backingId > 0) fuse_file_info_317.backing_id(fi, backingId);
        return fi;
    }

    static FileInfo readFileInfo(MemorySegment fiPtr) {
        if (fiPtr.equals(MemorySegment.NULL)) return null;
        FileInfoBits fib = FileInfoAbi.BITS;
        MemorySegment fi = fiPtr.reinterpret(FileInfoAbi.LAYOUT.byteSize());
        int bits = fi.get(ValueLayout.JAVA_INT, FileInfoBits.WORD_OFFSET);
        return new FileInfo(fuse_file_info.flags(fi), fuse_file_info.fh(fi), fuse_file_info.lock_owner(fi),
                (bits & fib.writepage()) != 0, (bits & fib.flush()) != 0);
    }

    static MemorySegment ptr(long address) {
        return MemorySegment.ofAddress(address);
    }

    static final long C_POINTER_SIZE = fuse_lowlevel_h.C_POINTER.byteSize();
}
