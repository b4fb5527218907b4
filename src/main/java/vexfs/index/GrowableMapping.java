package vexfs.index;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import vexfs.base.FileExtension;
import vexfs.base.PrivateFiles;

/**
 * A file mapped read-write as one {@link MemorySegment} that can grow. Growing maps the larger file
 * again and publishes the new segment; old segments stay valid (same shared arena) until
 * {@link #close()}, so a reader holding an older, shorter segment never faults - it only cannot see
 * bytes beyond its length.
 */
final class GrowableMapping implements AutoCloseable {
    private final FileChannel channel;
    private final Arena arena = Arena.ofShared();
    private volatile MemorySegment segment;

    private final boolean readOnly;

    GrowableMapping(Path file, boolean create, long minSize) throws IOException {
        this(file, create, minSize, false);
    }

    /** {@code readOnly}: maps the file as it is, read-only (inspecting a graph a daemon may be writing); never grows it. */
    GrowableMapping(Path file, boolean create, long minSize, boolean readOnly) throws IOException {
        this.readOnly = readOnly;
        if (readOnly) {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            segment = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
            return;
        }
        channel = create
                ? PrivateFiles.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        long size = Math.max(channel.size(), minSize);
        extendFile(size);
        segment = channel.map(FileChannel.MapMode.READ_WRITE, 0, size, arena);
    }

    MemorySegment segment() {
        return segment;
    }

    long fileSize() throws IOException {
        return channel.size();
    }

    /** Grows the file (doubling at least) until it holds {@code size} bytes; new bytes read as zero. */
    synchronized void ensureSize(long size) throws IOException {
        MemorySegment current = segment;
        if (current.byteSize() >= size) return;
        if (readOnly) throw new IllegalStateException("read-only graph mapping cannot grow");
        long newSize = Math.max(size, current.byteSize() * 2);
        extendFile(newSize);
        segment = channel.map(FileChannel.MapMode.READ_WRITE, 0, newSize, arena);
    }

    /**
     * Extends the file with written zeros, not a hole: a mapped page of a hole that the filesystem cannot back
     * (disk full) faults (SIGBUS, an InternalError in Java) in the middle of an insert; written zeros make a full
     * disk an IOException here, before anything changed. On failure the file is cut back to its old size.
     */
    private void extendFile(long size) throws IOException {
        FileExtension.withZeros(channel, size);
    }

    void force() {
        if (readOnly) return;
        segment.force();
    }

    @Override
    public void close() throws IOException {
        try {
            arena.close();
        } finally {
            channel.close();
        }
    }
}
