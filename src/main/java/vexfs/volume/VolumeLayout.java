package vexfs.volume;

import java.nio.file.Files;
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

    /** Where {@code vexfs reindex} builds the new store before it replaces the old one. */
    public Path reindexDir() {
        return storeDir().resolve("reindex.tmp");
    }

    /** True if mkfs has made a store here. */
    public boolean hasStore() {
        return Files.isRegularFile(vectorsFile());
    }
}
