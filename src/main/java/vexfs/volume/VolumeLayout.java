package vexfs.volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import vexfs.index.HnswIndex;
import vexfs.store.VectorStore;

/**
 * Names every file of a volume: the backing directory the mount shows and, inside it, the store directory
 * {@code .vexfs} (hidden from the mounted view) with the vector file, the HNSW graph (main file and its
 * upper-level companion) and the temporary directory a reindex fills. Nothing else in VexFS spells these names.
 */
public record VolumeLayout(Path backing) {
    /** The store directory's name in the backing root (hidden by the passthrough, entry point of the control tree). */
    public static final String STORE_DIR = ".vexfs";

    public VolumeLayout {
        backing = backing.toAbsolutePath();
    }

    public static VolumeLayout of(Path backing) {
        return new VolumeLayout(backing);
    }

    public Path storeDir() {
        return backing.resolve(STORE_DIR);
    }

    /** The memory-mapped vector file (docs/format.md). */
    public Path vectorsFile() {
        return storeDir().resolve(VectorStore.FILE_NAME);
    }

    /** The graph's main file: header and level-0 records (docs/format-graph.md). */
    public Path graphFile() {
        return storeDir().resolve(HnswIndex.FILE_NAME);
    }

    /** The graph's upper-level blocks, beside the main file. */
    public Path graphUpperFile() {
        return storeDir().resolve(HnswIndex.FILE_NAME + ".upper");
    }

    /** Where a mounted daemon builds a fresh graph beside the live one before it renames it into place. */
    public Path graphBuildFile() {
        return storeDir().resolve(HnswIndex.FILE_NAME + ".new");
    }

    /** The upper-level companion of {@link #graphBuildFile()}. */
    public Path graphBuildUpperFile() {
        return storeDir().resolve(HnswIndex.FILE_NAME + ".new.upper");
    }

    /** Where {@code vexfs reindex} builds the new store before it replaces the old one. */
    public Path reindexDir() {
        return storeDir().resolve("reindex.tmp");
    }

    /**
     * Refuses (StoreAccessException, naming the file and the user) when the caller could not read the store
     * directory and its files with its own rights (access(2) checks: what the kernel would allow this process),
     * and with {@code write} also when it could not write them. A store directory that does not exist passes
     * (callers then say "run vexfs mkfs first").
     */
    public void requireAccess(boolean write) throws StoreAccessException {
        Path dir = storeDir();
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
        if (!Files.isReadable(dir) || !Files.isExecutable(dir) || (write && !Files.isWritable(dir))) {
            throw denied(dir, write);
        }
        for (Path f : new Path[] {vectorsFile(), graphFile(), graphUpperFile()}) {
            if (!Files.exists(f, LinkOption.NOFOLLOW_LINKS)) continue;
            if (!Files.isReadable(f) || (write && !Files.isWritable(f))) throw denied(f, write);
        }
    }

    private StoreAccessException denied(Path p, boolean write) {
        String owner;
        try {
            owner = "uid " + Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | RuntimeException e) {
            owner = "its owner";
        }
        return new StoreAccessException(p.toString(), "permission denied: user " + System.getProperty("user.name")
                + " cannot " + (write ? "read and write " : "read ") + p + " (the vector store of " + backing
                + " is private to " + owner + "); run this command as that user");
    }

    /** True if mkfs has made a store here. */
    public boolean hasStore() {
        return Files.isRegularFile(vectorsFile());
    }
}
