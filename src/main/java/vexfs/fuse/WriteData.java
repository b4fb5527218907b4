package vexfs.fuse;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import vexfs.bindings.libc_h;
import vexfs.libc.FsException;
import vexfs.libc.Scratch;

/**
 * The payload of a write request. When the request is served on the reader thread it is libfuse's own buffer
 * (no copy); a request handed to another thread gets a private copy first, because libfuse's buffer is only
 * valid until the callback returns.
 */
public final class WriteData {
    private final MemorySegment bytes;
    private final boolean killSuidGid;

    WriteData(MemorySegment bytes) {
        this(bytes, false);
    }

    WriteData(MemorySegment bytes, boolean killSuidGid) {
        this.bytes = bytes;
        this.killSuidGid = killSuidGid;
    }

    /** A copy that outlives the callback (memory freed by the GC with this object). */
    WriteData detach() {
        MemorySegment copy = Arena.ofAuto().allocate(Math.max(1, bytes.byteSize()));
        MemorySegment.copy(bytes, 0, copy, 0, bytes.byteSize());
        return new WriteData(copy.asSlice(0, bytes.byteSize()), killSuidGid);
    }

    /**
     * The kernel asks this write to clear the file's set-user-ID bit (and set-group-ID with group execute): only
     * ever true under HANDLE_KILLPRIV_V2, when the writer lacks CAP_FSETID (FUSE_WRITE_KILL_SUIDGID).
     */
    public boolean killSuidGid() {
        return killSuidGid;
    }

    public int size() {
        return (int) bytes.byteSize();
    }

    public byte[] toArray() {
        return bytes.toArray(ValueLayout.JAVA_BYTE);
    }

    /** pwrite(2) of all bytes to {@code fd} at {@code offset}; returns the count written (may be short). */
    public long pwrite(int fd, long offset) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment errno = libc_h.allocateErrno(a);
            long n = libc_h.pwrite(errno, fd, bytes, bytes.byteSize(), offset);
            if (n < 0) throw new FsException(libc_h.errno(errno), "pwrite");
            return n;
        }
    }

    /** write(2) (for descriptors opened O_APPEND the offset is the kernel's). */
    public long write(int fd) throws FsException {
        try (Scratch a = Scratch.open()) {
            MemorySegment errno = libc_h.allocateErrno(a);
            long n = libc_h.write(errno, fd, bytes, bytes.byteSize());
            if (n < 0) throw new FsException(libc_h.errno(errno), "write");
            return n;
        }
    }
}
