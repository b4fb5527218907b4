package vexfs.base;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

import vexfs.libc.Errno;
import vexfs.libc.FsException;
import vexfs.libc.Libc;
import vexfs.libc.NativeIo;

/**
 * Makes every byte of a file that is (or will be) mapped allocated on disk, so that a full disk is an IOException
 * here and never a fault on a mapped page (SIGBUS: an InternalError in Java, in the middle of an update). Used by
 * every mapping VexFS makes: the vector store, both graph files and the scratch files of derived tables.
 */
public final class FileExtension {
    private FileExtension() {}

    /**
     * Allocates bytes {@code [0, max(size, current size))} of the file open as {@code ch} (and as {@code fd}, a
     * descriptor of the same file with write access from {@link #openForAllocation}, or -1): extends it to
     * {@code size} if shorter and fills any hole in it, with fallocate(2) (mode 0: allocated, reads as zeros, a
     * cheap no-op over bytes that are allocated already), or with written zeros where the filesystem has no
     * fallocate (or {@code fd} is -1). On failure (ENOSPC, EDQUOT, EFBIG: the message carries the C library's text,
     * so {@link Errno#of} maps it) the file is cut back to its old size, so it still holds whole records, and
     * nothing else changed.
     */
    public static void allocate(int fd, Path file, FileChannel ch, long size) throws IOException {
        long old = ch.size();
        long want = Math.max(old, size);
        if (want == 0) return;
        if (fd < 0) {
            withZeros(ch, size); // no descriptor to fallocate with: at least the new bytes are written
            return;
        }
        try {
            NativeIo.fallocate(fd, 0, 0, want);
        } catch (FsException e) {
            int n = e.errno();
            if (n == Errno.EOPNOTSUPP || n == Errno.ENOTSUP || n == Errno.ENOSYS) {
                fillHoles(fd, ch, old);
                withZeros(ch, size);
                return;
            }
            if (ch.size() != old) ch.truncate(old);
            throw new IOException(file + ": cannot allocate " + want + " bytes: " + Libc.strerror(n));
        }
    }

    /**
     * {@link #allocate(int, Path, FileChannel, long)} with a descriptor opened and closed here, for a file this
     * process holds no lock on: closing any descriptor of a file drops the process's POSIX (fcntl) locks on it, so
     * a locked file (the store) keeps one descriptor from {@link #openForAllocation} open instead.
     */
    public static void allocate(Path file, FileChannel ch, long size) throws IOException {
        int fd = openForAllocation(file);
        try {
            allocate(fd, file, ch, size);
        } finally {
            if (fd >= 0) NativeIo.close(fd);
        }
    }

    /**
     * A write descriptor of {@code file} for fallocate (a FileChannel does not show its own), or -1 if it cannot
     * be opened (then allocation writes zeros). Keep it as long as the channel: see above.
     */
    public static int openForAllocation(Path file) {
        try {
            return NativeIo.open(file.toAbsolutePath().toString(),
                    NativeIo.O_WRONLY | NativeIo.O_CLOEXEC | NativeIo.O_NOFOLLOW, 0);
        } catch (FsException e) {
            return -1;
        }
    }

    /**
     * A descriptor from {@link #openForAllocation}, opened on demand and closed by try-with-resources: declared
     * before the locked channel, it is closed after it, so the lock is never dropped early.
     */
    public static final class Descriptor implements AutoCloseable {
        private int fd = -1;

        public int open(Path file) {
            if (fd < 0) fd = openForAllocation(file);
            return fd;
        }

        @Override
        public void close() {
            if (fd >= 0) NativeIo.close(fd);
            fd = -1;
        }
    }

    /** Writes zeros over the holes below {@code end} (a file made sparse by an older version, or by a copy). */
    private static void fillHoles(int fd, FileChannel ch, long end) throws IOException {
        long at = 0;
        while (at < end) {
            long hole, data;
            try {
                hole = NativeIo.lseek(fd, at, NativeIo.SEEK_HOLE);
                if (hole >= end) return;
                try {
                    data = Math.min(end, NativeIo.lseek(fd, hole, NativeIo.SEEK_DATA));
                } catch (FsException noMoreData) {
                    data = end; // ENXIO: a hole up to the end of the file
                }
            } catch (FsException e) {
                return; // no SEEK_HOLE: the filesystem reports no holes
            }
            writeZeros(ch, hole, data);
            at = data;
        }
    }

    /**
     * Extends the file to {@code size} with written zeros (not a hole, whose pages a full disk cannot back: touching
     * them through the mapping would fault). On failure (ENOSPC) the file is cut back to its old size, so it still
     * holds whole records.
     */
    public static void withZeros(FileChannel ch, long size) throws IOException {
        long old = ch.size();
        if (old >= size) return;
        try {
            writeZeros(ch, old, size);
        } catch (IOException e) {
            ch.truncate(old);
            throw e;
        }
    }

    private static void writeZeros(FileChannel ch, long from, long to) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(1 << 20, to - from));
        for (long at = from; at < to; ) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), to - at));
            at += ch.write(zeros, at);
        }
    }
}
