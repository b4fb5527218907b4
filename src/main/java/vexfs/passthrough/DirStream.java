package vexfs.passthrough;

import vexfs.libc.DirBatch;
import vexfs.libc.FsException;
import vexfs.libc.NativeIo;

/**
 * An open directory: its descriptor, and the entries of the last getdents64 that were not sent yet. The kernel
 * reads a directory in many requests, each starting where the previous one stopped; keeping the rest of a
 * 32 KiB getdents64 batch for the next request saves re-reading it (passthrough_ll keeps its DIR* stream for the
 * same reason), and reading on from where the descriptor stands saves the lseek, which on tmpfs walks the
 * directory from its start. A request at any other offset (seekdir, rewind) reads afresh from that offset.
 * Callers synchronize on the stream; the kernel serializes readdir of one open directory anyway.
 */
final class DirStream {
    private static final int BATCH_BYTES = 32 * 1024;

    final int fd;
    private DirBatch batch;
    private int next;
    /** The offset at which batch[next] starts (the d_off of the entry before it), or -1 if nothing is kept. */
    private long nextStartsAt = -1;
    /** Where the descriptor stands. */
    private long fdPosition;

    DirStream(int fd) {
        this.fd = fd;
    }

    /**
     * Positions at directory offset {@code offset} (0 = start) and returns the index in {@link #batch()} of the
     * entry there, or -1 at the end of the directory.
     */
    int peek(long offset) throws FsException {
        if (batch == null || offset != nextStartsAt || next >= batch.size()) {
            batch = offset == fdPosition ? NativeIo.readBatch(fd, BATCH_BYTES)
                    : NativeIo.readBatch(fd, offset, BATCH_BYTES);
            fdPosition = batch.isEmpty() ? offset : batch.nextOffset(batch.size() - 1);
            next = 0;
            nextStartsAt = offset;
        }
        return next < batch.size() ? next : -1;
    }

    DirBatch batch() {
        return batch;
    }

    /** Consumes the entry {@link #peek} returned. */
    void advance() {
        nextStartsAt = batch.nextOffset(next);
        next++;
    }
}
