package vexfs.store;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Zeroed memory for derived, per-vector tables (key map, path hints) that must not live on the Java heap nor in
 * anonymous memory, so a mount's resident anonymous memory does not grow with the store. With a directory, the
 * memory is a shared mapping of a sparse scratch file created there and unlinked at once: its pages are page
 * cache (RssFile), written back and dropped by the kernel under memory pressure, and nothing is left behind on
 * disk whatever happens to the process. Without one (or if the directory is not writable) it is anonymous
 * off-heap memory. Either way the memory is freed when the segment becomes unreachable (automatic arena).
 * The tables are rebuilt from the store at every open, so nothing in them needs to survive.
 */
public final class ScratchMemory {
    private final Path dir;

    /** {@code dir} null: anonymous off-heap memory. */
    public ScratchMemory(Path dir) {
        this.dir = dir;
    }

    /** Anonymous off-heap memory (tests, small tables, read-only places). */
    public static ScratchMemory anonymous() {
        return new ScratchMemory(null);
    }

    /** {@code bytes} zeroed bytes, 8-byte aligned. */
    public MemorySegment allocate(long bytes) {
        if (dir != null) {
            try {
                return mapScratch(bytes);
            } catch (IOException | UnsupportedOperationException e) {
                // a read-only or full directory: fall back to anonymous memory (still off the heap)
            }
        }
        return Arena.ofAuto().allocate(bytes, 8);
    }

    private MemorySegment mapScratch(long bytes) throws IOException {
        Path f = Files.createTempFile(dir, ".scratch-", ".tmp");
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            Files.delete(f); // unlinked: the mapping keeps the inode alive, nothing remains after exit
            if (bytes > 0) ch.write(ByteBuffer.wrap(new byte[1]), bytes - 1); // sparse: pages appear when touched
            return ch.map(FileChannel.MapMode.READ_WRITE, 0, Math.max(1, bytes), Arena.ofAuto());
        } finally {
            Files.deleteIfExists(f);
        }
    }
}
