package vexfs.libc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Whether a file lives on a filesystem held in memory (tmpfs, ramfs). Such a filesystem has no storage behind it:
 * fsync(2) and msync(2) have nothing to write and return at once, so a request that only syncs is cheaper to serve
 * where it arrives than to hand to another thread.
 */
public final class MemoryFilesystems {
    private static final Set<String> TYPES = Set.of("tmpfs", "ramfs");

    private MemoryFilesystems() {
    }

    /** The filesystem type of {@code p} (through /proc/mounts) is one of the memory ones; false if unknown. */
    public static boolean contains(Path p) {
        try {
            return TYPES.contains(Files.getFileStore(p).type());
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return false;  // unknown: treated as storage-backed, the safe side
        }
    }
}
