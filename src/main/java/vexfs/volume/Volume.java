package vexfs.volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vexfs.base.EmbedderSpec;
import vexfs.base.GraphSettings;
import vexfs.base.Metric;
import vexfs.base.PrivateFiles;
import vexfs.base.ProgressListener;
import vexfs.index.CorruptGraphException;
import vexfs.index.HnswIndex;
import vexfs.index.HnswParams;
import vexfs.store.VectorStore;

/**
 * The owner of a volume's store directory ({@code BACKING/.vexfs}): it opens the vector store, knows the volume's
 * HNSW parameters (chosen at mkfs, kept in the store header) and holds the one policy for opening, aligning,
 * rebuilding and removing the graph. The mount, {@code vexfs search}, {@code verify}, {@code reindex},
 * {@code import} and {@code inspect} all come through here, so no two of them open the graph differently.
 */
public final class Volume implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Volume.class);

    /** How a volume is opened. */
    public enum Access {
        /** For a mount: the store's writer lock (a second mount or an offline writer is refused). */
        MOUNT,
        /** Reads only; may run beside a mounted daemon (nothing is written, not even scratch files). */
        READ_ONLY,
        /** For offline tools that change the store or graph: the writer lock, so refused while mounted. */
        EXCLUSIVE
    }

    private final VolumeLayout layout;
    private final Access access;
    private final VectorStore store;

    private Volume(VolumeLayout layout, Access access, VectorStore store) {
        this.layout = layout;
        this.access = access;
        this.store = store;
    }

    /** mkfs: creates the store of a new volume in {@code backing} (replacing one only with {@code force}). */
    public static void create(Path backing, int dim, Metric metric, GraphSettings graph, boolean force)
            throws IOException {
        create(backing, dim, metric, graph, EmbedderSpec.NONE, force);
    }

    /** As above, with the volume's embedder (mkfs --embed / --embed-cmd). */
    public static void create(Path backing, int dim, Metric metric, GraphSettings graph, EmbedderSpec embedder,
                              boolean force) throws IOException {
        VolumeLayout layout = VolumeLayout.of(backing);
        layout.requireAccess(true);
        VectorStore.create(layout.storeDir(), dim, metric, graph, embedder, force).close();
        if (force) removeGraph(layout); // its slots belonged to the replaced store
        tightenModes(layout); // a --force over an older store with loose modes
    }

    /**
     * Sets the store directory to 0700 and every file in it to 0600 where they are looser (stores made before
     * this rule, or changed by hand) and, when run by root, gives them the backing root's owner and group; logs
     * once what it changed. Called on every open for writing.
     */
    public static void tightenModes(VolumeLayout layout) throws IOException {
        if (!Files.isDirectory(layout.storeDir())) return;
        List<String> changed = new java.util.ArrayList<>(PrivateFiles.tighten(layout.storeDir()));
        changed.addAll(PrivateFiles.adoptOwner(layout.storeDir(), layout.backing()));
        if (!changed.isEmpty()) {
            LOG.info("{}: store made private to its owner ({})", layout.storeDir(), String.join(", ", changed));
        }
    }

    /** Opens the volume in {@code backing}; a directory without a store is a NoSuchFileException saying so. */
    public static Volume open(Path backing, Access access) throws IOException {
        VolumeLayout layout = VolumeLayout.of(backing);
        layout.requireAccess(access != Access.READ_ONLY);
        if (!layout.hasStore()) {
            throw new NoSuchFileException(layout.vectorsFile().toString(), null,
                    backing + " has no vector store: run vexfs mkfs first");
        }
        VectorStore store = VectorStore.open(layout.storeDir(), access == Access.READ_ONLY);
        if (access != Access.READ_ONLY) {
            try {
                tightenModes(layout);
            } catch (IOException | RuntimeException e) {
                store.close();
                throw e;
            }
        }
        return new Volume(layout, access, store);
    }

    public VolumeLayout layout() {
        return layout;
    }

    public Access access() {
        return access;
    }

    public VectorStore store() {
        return store;
    }

    /** The volume's embedder (none unless mkfs chose one). */
    public EmbedderSpec embedder() {
        return store.embedder();
    }

    public GraphSettings graphSettings() {
        return store.graphSettings();
    }

    /** The volume's HNSW parameters as the index takes them (int8 traversal codes from 64 dimensions on). */
    public HnswParams hnswParams() {
        return hnswParams(store.dimension(), store.graphSettings());
    }

    static HnswParams hnswParams(int dim, GraphSettings g) {
        return HnswParams.defaults(dim).withM(g.m()).withEfConstruction(g.efConstruction()).withEfSearch(g.efSearch());
    }

    /**
     * The graph opened, rebuilt or aligned in the foreground (the caller waits for all of it): rebuilt from the
     * store if missing or left unusable by a crash, and after a crash brought in line with the store's live slots.
     * A mount does not use this (it must not wait): {@link MountedGraph#open} does the same in the background.
     */
    public HnswIndex openGraphForMount(ProgressListener progress) throws IOException {
        Path graph = layout.graphFile();
        HnswParams params = hnswParams();
        HnswIndex idx = HnswIndex.openOrRebuild(graph, store.asVectorSource(), params, store::isLive, progress);
        if (idx.wasDirty() || !store.recoveryReport().isEmpty()) {
            int fixed = IndexAlignment.align(store, idx);
            if (fixed < 0) {
                LOG.info("graph: live nodes beyond the store's slots after a crash; rebuilding");
                idx.close();
                idx = HnswIndex.rebuild(graph, store.asVectorSource(), params, store::isLive, progress);
            } else {
                int relinked = idx.relinkUnreachable();
                if (fixed > 0 || relinked > 0) {
                    LOG.info("graph: {} nodes brought in line with the store, {} unreachable nodes re-linked after a "
                            + "crash", fixed, relinked);
                }
            }
        }
        return idx;
    }

    /**
     * The graph mapped read-only (beside a mounted daemon too), or null if there is none. A caller should not trust
     * a graph that {@link HnswIndex#wasDirty()}: it may be changing under it.
     */
    public HnswIndex openGraphReadOnly() throws IOException {
        if (!Files.isRegularFile(layout.graphFile())) return null;
        return HnswIndex.openReadOnly(layout.graphFile(), store.asVectorSource(), hnswParams());
    }

    /**
     * The graph for a search without a mount, when it can answer for the store: clean (no unsynced changes) and
     * with as many nodes as the store has vectors. Otherwise null, and {@code whyNot[0]} says why.
     */
    public HnswIndex openGraphForSearch(String[] whyNot) {
        HnswIndex idx = null;
        String why = null;
        try {
            idx = openGraphReadOnly();
            if (idx == null) why = "no graph file";
            else if (idx.storeId() != 0 && idx.storeId() != store.creationId()) why = "the graph belongs to another store";
            else if (idx.wasDirty()) why = "the graph has unsynced changes (mounted, or not cleanly unmounted)";
            else if (idx.size() != store.liveCount()) {
                why = "the graph has " + idx.size() + " nodes, the store " + store.liveCount() + " vectors";
            }
        } catch (CorruptGraphException | RuntimeException e) {
            why = "graph unreadable: " + e.getMessage();
        } catch (IOException e) {
            why = "graph unreadable: " + e.getMessage();
        }
        if (why != null && idx != null) {
            closeQuietly(idx);
            idx = null;
        }
        whyNot[0] = why;
        return idx;
    }

    /** The graph opened for writing, created empty if there is none (bulk import). Needs exclusive access. */
    public HnswIndex openOrCreateGraph() throws IOException {
        requireWriter();
        Path graph = layout.graphFile();
        return Files.exists(graph)
                ? HnswIndex.openOrRebuild(graph, store.asVectorSource(), hnswParams(), store::isLive, ProgressListener.NONE)
                : HnswIndex.create(graph, store.asVectorSource(), hnswParams(), store.creationId());
    }

    /** Replaces the graph by one built from every live vector of the store, with the volume's parameters. */
    public HnswIndex rebuildGraph(ProgressListener progress) throws IOException {
        requireWriter();
        return HnswIndex.rebuild(layout.graphFile(), store.asVectorSource(), hnswParams(), store::isLive, progress,
                store.creationId());
    }

    /**
     * Deletes the graph files: when the store is replaced (reindex) or found unusable, the graph's slots mean
     * something else now, so the next mount builds it again rather than serving them.
     */
    public static void removeGraph(VolumeLayout layout) throws IOException {
        Files.deleteIfExists(layout.graphFile());
        Files.deleteIfExists(layout.graphUpperFile());
    }

    private void requireWriter() {
        if (access == Access.READ_ONLY) throw new IllegalStateException("the volume is open read-only");
    }

    private static void closeQuietly(HnswIndex idx) {
        try {
            idx.close();
        } catch (IOException e) {
            LOG.warn("closing the graph: {}", e.toString());
        }
    }

    /** Closes the store (marked clean when it was open for writing). The caller closes graphs it opened first. */
    @Override
    public void close() throws IOException {
        store.close();
    }
}
