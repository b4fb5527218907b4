package vexfs.fs;

import java.util.List;

import vexfs.fuse.FsException;
import vexfs.fuse.NativeIo;

/**
 * An open directory: its descriptor, and the entries of the last getdents64 that were not sent yet. The kernel
 * reads a directory in many small requests (a few KiB each), each starting where the previous one stopped;
 * keeping the rest of a 32 KiB getdents64 batch for the next request saves re-reading and re-decoding it
 * (passthrough_ll keeps its DIR* stream for the same reason). A request at any other offset (seekdir, rewind,
 * a second reader of the same handle) reads afresh from that offset. Callers synchronize on the stream; the
 * kernel serializes readdir of one open directory anyway.
 */
final class DirStream {
    private static final int BATCH_BYTES = 32 * 1024;

    final int fd;
    private List<NativeIo.DirEntry> batch = List.of();
    private int next;
    /** The offset at which batch[next] starts (the d_off of the entry before it), or -1 if nothing is kept. */
    private long nextStartsAt = -1;
    /** Where the descriptor stands: reading on from there needs no lseek (which walks a tmpfs directory). */
    private long fdPosition;

    DirStream(int fd) {
        this.fd = fd;
    }

    /** The entry at directory offset {@code offset} (0 = start) and after, or null at the end. */
    NativeIo.DirEntry peek(long offset) throws FsException {
        if (offset != nextStartsAt || next >= batch.size()) {
            batch = offset == fdPosition ? NativeIo.readDirectory(fd, BATCH_BYTES)
                    : NativeIo.readDirectory(fd, offset, BATCH_BYTES);
            if (!batch.isEmpty()) fdPosition = batch.get(batch.size() - 1).nextOffset();
            else fdPosition = offset;
            next = 0;
            nextStartsAt = offset;
        }
        return next < batch.size() ? batch.get(next) : null;
    }

    /** Consumes the entry {@link #peek} returned. */
    void advance() {
        nextStartsAt = batch.get(next).nextOffset();
        next++;
    }
}
