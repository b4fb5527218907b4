package vexfs.store;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import vexfs.base.FileExtension;

/**
 * Zeroed memory for derived, per-vector tables (key map, path hints) that must not live on the Java heap and,
 * where the disk has room, not in anonymous memory either, so a mount's resident anonymous memory does not grow
 * with the store. With a directory, the memory is a shared mapping of a scratch file created there and unlinked
 * at once: its pages are page cache (RssFile; RssShmem on tmpfs), written back and dropped by the kernel under
 * memory pressure, and nothing is left behind on disk whatever happens to the process. Every byte of the scratch
 * file is allocated before it is mapped ({@link FileExtension#allocate}): a sparse file's pages would be allocated
 * only when first touched, which on a full disk faults (SIGBUS, an InternalError in Java) inside a table update.
 * When the file cannot be allocated (disk full, quota, a read-only directory) or without a directory, the memory
 * is anonymous off-heap memory instead: the tables keep working on a full disk, at the price of anonymous memory,
 * which {@link #anonymousBytes()} counts (shown in /.vexfs/stats). Either way the memory is freed when the segment
 * becomes unreachable (automatic arena). The tables are rebuilt from the store at every open, so nothing in them
 * needs to survive. Thread-safe.
 */
public final class ScratchMemory {
    private final Path dir;
    private final AtomicLong mapped = new AtomicLong();
    private final AtomicLong anonymous = new AtomicLong();
    private volatile boolean inAnonymous;
    private volatile Consumer<String> onAnonymous = reason -> { };

    /** {@code dir} null: anonymous off-heap memory. */
    public ScratchMemory(Path dir) {
        this.dir = dir;
    }

    /** Anonymous off-heap memory (tests, small tables, read-only places). */
    public static ScratchMemory anonymous() {
        return new ScratchMemory(null);
    }

    /**
     * {@code listener} is told why, once each time allocations fall back to anonymous memory after the scratch
     * directory could not take them (e.g. "No space left on device"); a later file-backed allocation re-arms it.
     */
    public void onAnonymousFallback(Consumer<String> listener) {
        this.onAnonymous = listener;
    }

    /** {@code bytes} zeroed bytes, 8-byte aligned; counted until {@link #release}d. */
    public MemorySegment allocate(long bytes) {
        if (dir != null) {
            try {
                MemorySegment s = mapScratch(bytes);
                mapped.addAndGet(s.byteSize());
                inAnonymous = false;
                return s;
            } catch (IOException | UnsupportedOperationException e) {
                // a full or read-only directory: anonymous memory (still off the heap), said once
                if (!inAnonymous) {
                    inAnonymous = true;
                    onAnonymous.accept(e.getMessage());
                }
            }
        }
        MemorySegment s = Arena.ofAuto().allocate(Math.max(1, bytes), 8);
        anonymous.addAndGet(s.byteSize());
        return s;
    }

    /** {@code s} (from {@link #allocate}) is no longer used by its table: no longer counted (freed by the GC). */
    public void release(MemorySegment s) {
        (s.isMapped() ? mapped : anonymous).addAndGet(-s.byteSize());
    }

    /** Bytes of live tables in scratch-file mappings (page cache). */
    public long mappedBytes() {
        return mapped.get();
    }

    /** Bytes of live tables in anonymous memory (no directory, or it could not take them: e.g. disk full). */
    public long anonymousBytes() {
        return anonymous.get();
    }

    private MemorySegment mapScratch(long bytes) throws IOException {
        long size = Math.max(1, bytes);
        Path f = Files.createTempFile(dir, ".scratch-", ".tmp");
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileExtension.allocate(f, ch, size); // allocated, not sparse: touching a page never needs disk space
            Files.delete(f); // unlinked: the mapping keeps the inode alive, nothing remains after exit
            return ch.map(FileChannel.MapMode.READ_WRITE, 0, size, Arena.ofAuto());
        } finally {
            Files.deleteIfExists(f);
        }
    }
}
