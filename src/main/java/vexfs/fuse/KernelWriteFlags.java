package vexfs.fuse;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The kernel's {@code fuse_write_in.write_flags} of a WRITE, which libfuse's write callback does not pass on
 * (3.14 to 3.17 give the filesystem only FUSE_WRITE_CACHE, as {@code fi->writepage}). We need one more of them:
 * with HANDLE_KILLPRIV_V2 the kernel sets FUSE_WRITE_KILL_SUIDGID when the writer lacks CAP_FSETID, and the
 * filesystem must then clear the file's set-ID bits.
 *
 * <p>libfuse's {@code do_write} hands the callback {@code PARAM(arg)}: a pointer just past the request's
 * {@code fuse_write_in}, in the same receive buffer (we register {@code write}, not {@code write_buf}, so the data
 * is always in that buffer). The 40 bytes before the data are therefore the kernel's header, laid out by the FUSE
 * protocol (include/fuse_kernel.h, 7.9+): fh u64, offset u64, size u32, write_flags u32, lock_owner u64, flags u32,
 * padding u32. It is read only when the fh, offset and size there are exactly what the callback was given;
 * otherwise the flags are {@link #UNKNOWN}.
 */
@SuppressWarnings("restricted") // reinterpret of libfuse's receive buffer
final class KernelWriteFlags {
    static final int UNKNOWN = -1;
    /** FUSE_WRITE_KILL_SUIDGID (fuse_kernel.h 7.33). */
    static final int KILL_SUIDGID = 1 << 2;
    private static final int HEADER = 40;

    private KernelWriteFlags() {}

    /** write_flags of the WRITE whose data libfuse passed as {@code buf}, or {@link #UNKNOWN}. */
    static int of(MemorySegment buf, long size, long offset, long fh) {
        if (buf.address() < HEADER) return UNKNOWN;
        MemorySegment in = MemorySegment.ofAddress(buf.address() - HEADER).reinterpret(HEADER);
        if (in.get(ValueLayout.JAVA_LONG_UNALIGNED, 0) != fh) return UNKNOWN;
        if (in.get(ValueLayout.JAVA_LONG_UNALIGNED, 8) != offset) return UNKNOWN;
        if (Integer.toUnsignedLong(in.get(ValueLayout.JAVA_INT_UNALIGNED, 16)) != size) return UNKNOWN;
        return in.get(ValueLayout.JAVA_INT_UNALIGNED, 20);
    }
}
