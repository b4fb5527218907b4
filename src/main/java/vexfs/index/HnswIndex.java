package vexfs.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntPredicate;

import vexfs.base.ProgressListener;
import vexfs.base.SearchResult;
import vexfs.base.VectorSource;
import vexfs.libc.Name;

/**
 * HNSW over a memory-mapped graph file whose node ids are vector-store slots.
 *
 * <p>Concurrency: searches take no lock. insert/update/delete may run concurrently with each other
 * and with searches (they share the read side of {@code structure}); compaction, quantiser
 * training and sync take its write side, which waits for running mutations but never for searches.
 * A caller must not mutate the same slot from two threads at once.
 */
public final class HnswIndex implements AutoCloseable {
    /** Name of the graph file in a backing directory's {@code .vexfs/} (beside the vector store). */
    public static final String FILE_NAME = "graph.vxg";
    private final GraphStore g;
    private final VectorSource vectors;
    private final HnswParams params;
    private final GraphBuilder builder;
    private final SearcherPool pool;
    private final ReentrantReadWriteLock structure = new ReentrantReadWriteLock();
    private final double levelMultiplier;
    private volatile boolean closed;
    /** Opened after a crash and not yet verified clean: sync/close keep the DIRTY flag. */
    private volatile boolean unverified;
    /** Opened with {@link #openReadOnly}: searches only; sync and close write nothing. */
    private boolean readOnly;

    private HnswIndex(GraphStore g, VectorSource vectors, HnswParams params) {
        this.g = g;
        this.vectors = vectors;
        this.params = params;
        this.builder = new GraphBuilder(g, vectors, params.m(), params.efConstruction());
        this.pool = new SearcherPool(64, Math.max(params.m0(), params.m()));
        this.levelMultiplier = params.levelMultiplier();
        if (g.openedDirty) {
            unverified = true;
            recount();
        }
    }

    /** Creates a new, empty graph file (fails if it exists). */
    public static HnswIndex create(Path file, VectorSource vectors, HnswParams params) throws IOException {
        return create(file, vectors, params, 0);
    }

    /**
     * Creates a new, empty graph file for the vector store whose creation id is {@code storeId} (recorded in the
     * header, so a graph of another store put in its place is recognised: {@link #storeId()}).
     */
    public static HnswIndex create(Path file, VectorSource vectors, HnswParams params, long storeId) throws IOException {
        return new HnswIndex(GraphStore.create(file, vectors.dimension(), vectors.metric(), params, storeId), vectors,
                params);
    }

    /** The creation id of the store this graph was built for, or 0 if the graph does not record it. */
    public long storeId() {
        return g.storeId();
    }

    /**
     * Opens an existing graph file lazily (maps it; reads only the header). M, efConstruction,
     * the level seed and quantisation come from the file; {@code efSearch} from {@code params}.
     * Throws {@link CorruptGraphException} if the header is unusable; check {@link #wasDirty()}.
     */
    public static HnswIndex open(Path file, VectorSource vectors, HnswParams params) throws IOException {
        GraphStore g = GraphStore.open(file, vectors.metric(), vectors.dimension());
        HnswParams fromFile = new HnswParams(g.headerInt(GraphHeader.M), g.headerInt(GraphHeader.EF_CONSTRUCTION),
                params.efSearch(), g.levelSeed(), g.layout.codeBytes() > 0, Math.max(1, g.headerInt(GraphHeader.TRAIN_SIZE)));
        return new HnswIndex(g, vectors, fromFile);
    }

    /**
     * Opens the graph read-only for inspection and verification (also while a daemon has it open):
     * the file is mapped as it is and never written; mutations fail. The search ef is the default one.
     */
    public static HnswIndex openReadOnly(Path file, VectorSource vectors) throws IOException {
        return openReadOnly(file, vectors, HnswParams.defaults(vectors.dimension()));
    }

    /**
     * Opens an existing graph file mapped read-only, for searching beside a process that may have it open for
     * writing (the mounted daemon): insert/update/delete/compact must not be called; sync and close write nothing.
     * A caller should not trust a graph that {@link #wasDirty()} (mutations not yet synced): the file may be
     * changing under it.
     */
    public static HnswIndex openReadOnly(Path file, VectorSource vectors, HnswParams params) throws IOException {
        GraphStore g = GraphStore.open(file, vectors.metric(), vectors.dimension(), true);
        HnswParams fromFile = new HnswParams(g.headerInt(GraphHeader.M), g.headerInt(GraphHeader.EF_CONSTRUCTION),
                params.efSearch(), g.levelSeed(), g.layout.codeBytes() > 0, Math.max(1, g.headerInt(GraphHeader.TRAIN_SIZE)));
        HnswIndex idx = new HnswIndex(g, vectors, fromFile);
        idx.readOnly = true;
        return idx;
    }

    /**
     * Opens the graph, or rebuilds it from the vector store when it is missing, unreadable, or was
     * left dirty (kill -9 during a mutation) and does not verify clean. {@code liveSlots} says which
     * slots hold vectors; progress of a rebuild is reported.
     */
    public static HnswIndex openOrRebuild(Path file, VectorSource vectors, HnswParams params, IntPredicate liveSlots,
                                          ProgressListener progress) throws IOException {
        if (Files.exists(file)) {
            try {
                HnswIndex idx = open(file, vectors, params);
                if (!idx.wasDirty()) return idx;
                VerifyReport r = GraphVerifier.verify(idx, progress);
                if (r.ok()) {
                    int[] fixed = GraphRepair.reconcile(idx, liveSlots);
                    if (fixed[0] + fixed[1] > 0)
                        progress.progress("graph caught up with the store after a crash: " + fixed[0] + " inserted, "
                                + fixed[1] + " deleted", 0, 0);
                    return idx;
                }
                progress.progress("graph dirty and inconsistent (" + r.errors().getFirst() + "); rebuilding", 0, 0);
                idx.close();
            } catch (CorruptGraphException e) {
                progress.progress("graph unreadable (" + e.getMessage() + "); rebuilding", 0, 0);
            }
        }
        return rebuild(file, vectors, params, liveSlots, progress);
    }

    /** Replaces the graph file by one built from every slot for which {@code liveSlots} is true. */
    public static HnswIndex rebuild(Path file, VectorSource vectors, HnswParams params, IntPredicate liveSlots,
                                    ProgressListener progress) throws IOException {
        return rebuild(file, vectors, params, liveSlots, progress, 0);
    }

    /** As above, for the store whose creation id is {@code storeId} (recorded in the header). */
    public static HnswIndex rebuild(Path file, VectorSource vectors, HnswParams params, IntPredicate liveSlots,
                                    ProgressListener progress, long storeId) throws IOException {
        Files.deleteIfExists(file);
        HnswIndex idx = create(file, vectors, params, storeId);
        int n = vectors.slotCount();
        for (int slot = 0; slot < n; slot++) {
            if (liveSlots.test(slot)) idx.insert(slot);
            if ((slot & 255) == 0 || slot == n - 1) progress.progress("rebuild", slot + 1L, n); // often: listeners throttle
        }
        idx.sync();
        return idx;
    }

    /**
     * Makes room for {@code slots} nodes (and a few upper-level blocks) ahead of an insert, so that a full disk
     * fails here, before the caller changes anything, rather than in the middle of the insert.
     */
    public void reserve(int slots) throws IOException {
        structure.readLock().lock();
        try {
            g.ensureCapacity(slots);
            g.reserveUpper(32);
        } finally {
            structure.readLock().unlock();
        }
    }

    /** Adds the vector in {@code slot}. Inserting a slot already indexed updates it; a tombstoned slot is revived. */
    public void insert(int slot) {
        checkSlot(slot);
        structure.readLock().lock();
        try {
            g.ensureCapacity(slot + 1);
            g.markDirty();
            byte st = g.state(g.segment(), slot);
            if (st != GraphLayout.FREE) {
                relink(slot);
                if (st == GraphLayout.DELETED) {
                    g.setState(slot, GraphLayout.LIVE);
                    g.tombstones.decrementAndGet();
                    g.liveCount.incrementAndGet();
                } else if (st == GraphLayout.INSERTING) {
                    g.setState(slot, GraphLayout.LIVE);
                }
                // a revived tombstone may be higher than the entry point that replaced it
                g.promoteIfHigher(slot, g.level(g.segment(), slot));
                return;
            }
            int level = levelFor(slot);
            g.initNode(slot, level);
            HnswSearcher s = pool.lease(g.capacity());
            try {
                float[] q = prepared(slot);
                writeCodes(slot, q);
                g.setState(slot, GraphLayout.INSERTING);
                boolean linked = builder.link(slot, level, q, s);
                g.setState(slot, GraphLayout.LIVE);
                g.liveCount.incrementAndGet();
                if (linked) g.promoteIfHigher(slot, level);
            } finally {
                pool.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            structure.readLock().unlock();
        }
        maybeTrain();
    }

    /** The vector in {@code slot} changed: re-encode and re-link it and repair its old neighbours' lists. */
    public void update(int slot) {
        checkSlot(slot);
        structure.readLock().lock();
        try {
            if (slot >= g.capacity() || g.state(g.segment(), slot) == GraphLayout.FREE)
                throw new IllegalStateException("slot " + slot + " is not in the graph");
            g.markDirty();
            relink(slot);
        } finally {
            structure.readLock().unlock();
        }
    }

    /**
     * Re-links a node whose vector changed (an update, or a store slot reused for another vector):
     * links it at its new position like an insert, then repairs its old neighbourhood — each old
     * neighbour still pointing at it re-chooses its list from its own entries plus the node's old
     * neighbours. Measured in HnswChurnTest (Fashion-MNIST 5k, 30% moved, recall@10 at ef=10):
     * fresh build 0.965, no repair 0.934, repair 0.958.
     */
    private void relink(int slot) {
        HnswSearcher s = pool.lease(g.capacity());
        try {
            int top = g.level(g.segment(), slot);
            if (top < 0 || top > GraphStore.MAX_LEVEL) throw CorruptGraphException.damaged("node " + slot + ": level " + top);
            int[][] oldFriends = new int[top + 1][];
            int[] friends = new int[g.layout.m0()];
            for (int l = 0; l <= top; l++) oldFriends[l] = java.util.Arrays.copyOf(friends, g.readNeighbors(g.segment(), slot, l, friends));
            float[] q = prepared(slot);
            writeCodes(slot, q);
            builder.link(slot, top, q, s);
            for (int l = 0; l <= top; l++) {
                for (int friend : oldFriends[l]) builder.repairAfterMove(friend, slot, l, oldFriends[l], oldFriends[l].length, s);
            }
        } finally {
            pool.release(s);
        }
    }

    /**
     * Re-links every live node that no search from the entry point can reach (a crash in the middle of an insert,
     * concurrent pruning or an entry-point change can leave such nodes; they would never be found), pass after pass
     * until a walk finds none: re-linking one node adds it to its new neighbours' lists, and pruning such a list can
     * drop the last incoming link of another node with few links (an outlier), which the next pass then re-links
     * (seen in the soak: 3 re-linked at unmount, 1 left unreachable). Bounded by {@value #RELINK_PASSES} passes; in
     * the churn tests the second pass re-links at most a few nodes and the third finds none. Returns how many were
     * re-linked in all.
     */
    public int relinkUnreachable() {
        int total = 0;
        for (int pass = 0; pass < RELINK_PASSES; pass++) {
            int n = relinkUnreachableOnce();
            total += n;
            if (n == 0) break;
        }
        return total;
    }

    private static final int RELINK_PASSES = 16;

    /**
     * {@link #relinkUnreachable} with inserts, updates and deletes held off meanwhile (searches go on), for a walk
     * while the mount's writers run: re-linking a slot that an insert is re-linking for its store's new vector at
     * the same time could leave the older vector's codes behind.
     */
    public int relinkUnreachableExclusive() {
        structure.writeLock().lock();
        try {
            return relinkUnreachable(); // its updates take the read side, which the writer may
        } finally {
            structure.writeLock().unlock();
        }
    }

    private int relinkUnreachableOnce() {
        long[] seen;
        structure.readLock().lock();
        try {
            seen = Reachability.reachable(g);
        } finally {
            structure.readLock().unlock();
        }
        int n = 0;
        int cap = Math.min(g.capacity(), vectors.slotCount());
        for (int node = 0; node < cap; node++) {
            if (g.state(g.segment(), node) == GraphLayout.LIVE && !Reachability.contains(seen, node)) {
                update(node);
                n++;
            }
        }
        return n;
    }

    /**
     * Tombstones {@code slot}: it is still traversed but never returned. A deleted entry point is
     * replaced at once; {@link #compact} later repairs the edges through tombstones and frees them.
     * Returns false if the slot was not live.
     */
    public boolean delete(int slot) {
        checkSlot(slot);
        structure.readLock().lock();
        try {
            if (slot >= g.capacity() || g.state(g.segment(), slot) != GraphLayout.LIVE) return false;
            g.markDirty();
            g.setState(slot, GraphLayout.DELETED);
            g.liveCount.decrementAndGet();
            g.tombstones.incrementAndGet();
            GraphRepair.replaceEntryPoint(g, slot); // a no-op unless it is the entry point
            return true;
        } finally {
            structure.readLock().unlock();
        }
    }

    /**
     * Repairs every edge through a tombstone (FreshDiskANN: a node losing neighbour j considers j's
     * live neighbours) and frees the tombstoned slots. Searches continue meanwhile; mutations wait.
     * Returns the number of slots freed.
     */
    public int compact(ProgressListener progress) {
        structure.writeLock().lock();
        try {
            if (g.tombstones.get() == 0) {
                relinkUnreachable();  // see below; `compact` from /.vexfs/control heals orphans even without tombstones
                return 0;
            }
            g.markDirty();
            HnswSearcher s = pool.lease(g.capacity());
            try {
                int freed = GraphRepair.compact(g, builder, s, vectors, progress);
                // Concurrent inserts and updates can leave a live node with no incoming link (two neighbours pruned
                // it at the same time; IndexAlignmentTest's churn does it in about one run in ten). No mutation runs
                // now (write lock; relinking takes the read side, which the writer may), so re-link such nodes here.
                relinkUnreachable();
                return freed;
            } finally {
                pool.release(s);
            }
        } finally {
            structure.writeLock().unlock();
        }
    }

    /**
     * True when tombstones make up a tenth of the live nodes (and at least {@value #COMPACT_MIN}):
     * then {@link #compact} is worth its full pass over the graph. Tombstones do not hurt recall
     * (they are traversed, HnswChurnTest), but they cost traversal time and graph space.
     */
    public boolean compactionDue() {
        int dead = g.tombstones.get();
        return dead >= COMPACT_MIN && dead >= g.liveCount.get() / 10;
    }

    static final int COMPACT_MIN = 128;

    /** The {@code k} nearest live slots with the default ef. */
    public SearchResult search(float[] query, int k) {
        return search(query, k, params.efSearch(), null);
    }

    /**
     * The {@code k} nearest live slots accepted by {@code filterOrNull}, closest first, with exact
     * distances. A selective filter falls back to exact search (see {@link FilteredSearch}).
     */
    public SearchResult search(float[] query, int k, int ef, IntPredicate filterOrNull) {
        if (query.length != vectors.dimension())
            throw new IllegalArgumentException("query has " + query.length + " dimensions, index has " + vectors.dimension());
        if (k < 1) throw new IllegalArgumentException("k must be >= 1: " + k);
        float[] q = vectors.prepareQuery(query);
        HnswSearcher s = pool.lease(g.capacity());
        try {
            if (filterOrNull != null) return FilteredSearch.search(g, vectors, s, q, k, Math.max(ef, k), filterOrNull);
            for (int attempt = 0; ; attempt++) {
                SearchResult r = s.search(s.startSearch(g, vectors, q, k, Math.max(ef, k)));
                if (r != null) return r;
                if (attempt == 2) return FilteredSearch.exact(g, vectors, q, k, null);  // still growing: exact
                s.end();  // the graph grew under the binding: bind again
            }
        } finally {
            pool.release(s);
        }
    }

    /**
     * True if {@link #search} with a per-slot filter accepting {@code selectivity} of the live slots and beam
     * {@code ef} would answer by an exact scan over every slot (so a caller may as well collect the filter's members
     * into a {@link vexfs.base.SlotSet} in one such pass).
     */
    public boolean filterScansAllSlots(double selectivity, int ef) {
        int cap = Math.min(g.capacity(), vectors.slotCount());
        return FilteredSearch.scansExactly(g, cap, g.liveCount.get(), selectivity, Math.max(1, ef), false);
    }

    /** Exact (brute-force) k nearest live slots, for ground truth and small filters. */
    public SearchResult exactSearch(float[] query, int k, IntPredicate filterOrNull) {
        return FilteredSearch.exact(g, vectors, vectors.prepareQuery(query), k, filterOrNull);
    }

    /** Number of live (non-deleted) nodes. */
    public int size() {
        return g.liveCount.get();
    }

    public int tombstoneCount() {
        return g.tombstones.get();
    }

    /** Node ids the graph file has room for (every node is below it). */
    public int nodeCapacity() {
        return g.capacity();
    }

    /** True if {@code slot} is a live node. */
    public boolean contains(int slot) {
        return slot >= 0 && slot < g.capacity() && g.state(g.segment(), slot) == GraphLayout.LIVE;
    }

    /**
     * The file was left with mutations in progress (crash): live/tombstone counts were recomputed
     * from the records; run {@link GraphVerifier#verify} (which clears the flag when clean) or rebuild.
     * Until verified clean, sync and close keep the file marked dirty.
     */
    public boolean wasDirty() {
        return g.openedDirty;
    }

    public HnswParams params() {
        return params;
    }

    public long bytesOnDisk() throws IOException {
        return g.bytesOnDisk();
    }

    /** Forces the mapping to disk and leaves a clean, checksummed header. Waits for running mutations. */
    public void sync() {
        if (readOnly) return;
        structure.writeLock().lock();
        try {
            g.sync(unverified);
        } finally {
            structure.writeLock().unlock();
        }
    }

    /**
     * Unmaps without writing anything (no msync, no header): for a graph found damaged (its file may be truncated,
     * so a write could fault) or replaced by a fresh one. No search may run during or after it.
     */
    public void discard() throws IOException {
        if (closed) return;
        closed = true;
        g.close();
    }

        /** Syncs and unmaps. No search may run during or after close. */
    @Override
    public void close() throws IOException {
        if (closed) return;
        sync();
        closed = true;
        g.close();
    }

    /** Called by the verifier when a crashed file checked clean: the next sync may clear DIRTY. */
    void markVerified() {
        unverified = false;
    }

    GraphStore graph() {
        return g;
    }

    VectorSource vectors() {
        return vectors;
    }

    /** Recomputes live/tombstone counters from the records (after a crash left them stale). */
    void recount() {
        int live = 0;
        int dead = 0;
        int cap = g.capacity();
        var seg = g.segment();
        for (int i = 0; i < cap; i++) {
            byte st = g.state(seg, i);
            if (st == GraphLayout.LIVE || st == GraphLayout.INSERTING) live++;
            else if (st == GraphLayout.DELETED) dead++;
        }
        g.liveCount.set(live);
        g.tombstones.set(dead);
    }

    /** Writes the int8 codes of a prepared vector into the node's record, once the graph has a quantiser. */
    private void writeCodes(int slot, float[] prepared) {
        Quantizer qz = g.quantizer();
        if (qz != null) qz.encode(prepared, g.segment(), g.codesOffset(slot));
    }

    private float[] prepared(int slot) {
        float[] raw = new float[vectors.dimension()];
        vectors.read(slot, raw);
        return vectors.prepareQuery(raw);
    }

    /** Deterministic level of a slot from the stored seed: floor(-ln(u) / ln(M)). */
    int levelFor(int slot) {
        long x = g.levelSeed() ^ (slot * 0x9E3779B97F4A7C15L);
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        x ^= x >>> 31;
        double u = ((x >>> 11) + 1) * 0x1.0p-53;
        return (int) Math.min(30, Math.floor(-Math.log(u) * levelMultiplier));
    }

    private void checkSlot(int slot) {
        if (slot < 0 || slot >= vectors.slotCount())
            throw new IndexOutOfBoundsException("slot " + slot + " outside [0, " + vectors.slotCount() + ")");
    }

    /** Trains the int8 quantiser once enough nodes exist, then writes codes for all nodes. */
    private void maybeTrain() {
        if (!params.quantize() || g.quantizer() != null || g.liveCount.get() < params.trainSize()) return;
        structure.writeLock().lock();
        try {
            if (g.quantizer() != null) return;
            var seg = g.segment();
            int cap = g.capacity();
            int[] nodes = new int[g.liveCount.get() + g.tombstones.get()];
            int n = 0;
            for (int i = 0; i < cap && n < nodes.length; i++) if (g.state(seg, i) != GraphLayout.FREE) nodes[n++] = i;
            float[][] sample = new float[n][];
            for (int i = 0; i < n; i++) sample[i] = prepared(nodes[i]);
            Quantizer qz = Quantizer.train(vectors.metric(), vectors.dimension(), g.layout.codeBytes(), sample);
            for (int i = 0; i < n; i++) qz.encode(sample[i], seg, g.codesOffset(nodes[i]));
            g.publishQuantizer(qz);
        } finally {
            structure.writeLock().unlock();
        }
    }
}
