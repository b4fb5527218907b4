package vexfs.base;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import vexfs.libc.NativeIo;


/**
 * A file mapped as one {@link MemorySegment} that can grow: the one growable mapping of VexFS (the vector store's
 * file and both graph files). Growing allocates the new bytes on disk ({@link FileExtension#allocate}), maps the
 * larger file again and publishes the new segment; old segments stay valid (same shared arena) until
 * {@link #close()}, so a reader holding an older, shorter segment never faults - it only cannot see bytes beyond
 * its length. A writable mapping has every byte allocated before it is mapped (holes of an existing file too), so
 * writing through it never needs disk space: a full disk is an IOException at open or growth, never a fault.
 */
public final class GrowableMapping implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    /**
     * A write descriptor of the same file for fallocate, open as long as the channel (-1: read-only, or it could
     * not be opened; growth then writes zeros). Never closed before the channel: closing any descriptor of a file
     * drops this process's POSIX locks on it, and the store's writer lock is one.
     */
    private final int allocFd;
    private final Arena arena = Arena.ofShared();
    private volatile MemorySegment segment;

    private final boolean readOnly;

    public GrowableMapping(Path file, boolean create, long minSize) throws IOException {
        this(file, create, minSize, false);
    }

    /** {@code readOnly}: maps the file as it is, read-only (inspecting a graph a daemon may be writing); never grows it. */
    public GrowableMapping(Path file, boolean create, long minSize, boolean readOnly) throws IOException {
        this.readOnly = readOnly;
        this.file = file;
        if (readOnly) {
            allocFd = -1;
            channel = FileChannel.open(file, StandardOpenOption.READ);
            segment = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
            return;
        }
        channel = create
                ? PrivateFiles.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        allocFd = FileExtension.openForAllocation(file);
        try {
            long size = Math.max(channel.size(), minSize);
            extendFile(size);
            segment = channel.map(FileChannel.MapMode.READ_WRITE, 0, size, arena);
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            if (create) Files.deleteIfExists(file); // made here and never usable: not left behind (disk full)
            throw e;
        }
    }

    /**
     * Maps {@code channel} (the open file {@code file}; adopted: closed by {@link #close()}) at its current size,
     * read-only or read-write (then every byte allocated first); a caller that holds a lock on the channel keeps it
     * until then.
     */
    public GrowableMapping(Path file, FileChannel channel, boolean readOnly) throws IOException {
        this.readOnly = readOnly;
        this.file = file;
        this.channel = channel;
        this.allocFd = readOnly ? -1 : FileExtension.openForAllocation(file);
        try {
            if (!readOnly) extendFile(channel.size()); // fills holes: nothing mapped writable may need space later
            segment = channel.map(readOnly ? FileChannel.MapMode.READ_ONLY : FileChannel.MapMode.READ_WRITE, 0,
                    channel.size(), arena);
        } catch (IOException | RuntimeException e) {
            arena.close(); // the channel is the caller's until this constructor returns (and keeps its lock)
            if (allocFd >= 0) NativeIo.close(allocFd);
            throw e;
        }
    }

    public MemorySegment segment() {
        return segment;
    }

    public long fileSize() throws IOException {
        return channel.size();
    }

    /** Grows the file (doubling at least) until it holds {@code size} bytes; new bytes read as zero. */
    public synchronized void ensureSize(long size) throws IOException {
        MemorySegment current = segment;
        if (current.byteSize() >= size) return;
        if (readOnly) throw new IllegalStateException("read-only graph mapping cannot grow");
        long newSize = Math.max(size, current.byteSize() * 2);
        extendFile(newSize);
        segment = channel.map(FileChannel.MapMode.READ_WRITE, 0, newSize, arena);
    }

    /**
     * Grows the file to exactly {@code size} bytes (a file of fixed-size records chooses its own sizes); new bytes
     * read as zero. On failure (a full disk) nothing changed: the file keeps its size and the mapping its segment.
     */
    public synchronized void growTo(long size) throws IOException {
        if (readOnly) throw new IllegalStateException("a read-only mapping cannot grow");
        if (segment.byteSize() >= size) return;
        extendFile(size);
        segment = channel.map(FileChannel.MapMode.READ_WRITE, 0, size, arena);
    }

    /**
     * Allocates the file up to {@code size} (not a hole: a mapped page of a hole that the filesystem cannot back,
     * disk full, faults - SIGBUS, an InternalError in Java - in the middle of an insert); a full disk is an
     * IOException here, before anything changed. On failure the file is cut back to its old size.
     */
    private void extendFile(long size) throws IOException {
        FileExtension.allocate(allocFd, file, channel, size);
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException ignored) {
            // already failing
        }
    }

    public void force() {
        if (readOnly) return;
        segment.force();
    }

    @Override
    public void close() throws IOException {
        try {
            arena.close();
        } finally {
            try {
                channel.close();
            } finally {
                if (allocFd >= 0) NativeIo.close(allocFd); // after the channel: see allocFd
            }
        }
    }
}
