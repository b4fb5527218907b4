package vexfs.volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntPredicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vexfs.base.ProgressListener;
import vexfs.base.SearchResult;
import vexfs.index.CorruptGraphException;
import vexfs.index.GraphVerifier;
import vexfs.index.HnswIndex;
import vexfs.index.HnswParams;
import vexfs.index.VerifyReport;
import vexfs.libc.Errno;
import vexfs.libc.FsException;
import vexfs.store.VectorStore;

/**
 * The HNSW graph of a mounted volume through its life: opened at mount without waiting for anything that grows with
 * the store, built (or brought in line with the store) on one background thread, swapped in atomically when ready,
 * dropped when found damaged. Search never waits for a graph: without a ready one it is an exact scan of the store.
 *
 * <p>At most two graphs exist: the <em>serving</em> one (searched; null while none is ready) and the one being
 * <em>built</em> (a fresh file, {@code graph.vxg.new}, renamed over {@code graph.vxg} when complete; or, after a
 * crash, the existing file being checked). Every store change is applied to both, under a per-slot stripe lock that
 * the build also takes for each slot it visits, so whatever the interleaving a finished build holds a slot as a live
 * node exactly when the store holds it live (the invariant {@link IndexAlignment} keeps for one graph).
 *
 * <p>A graph is untrusted input: any value read from its mapping that cannot be right, a fault of its mapping (the
 * file truncated under us) or an index out of bounds on a graph path is caught here, at this one place, and means
 * "this graph is damaged": it is dropped (its files removed), the caller's search is answered exactly, and a
 * rebuild starts in the background. Graphs are reference-counted, so one dropped or replaced is unmapped only
 * after the last search that holds it ends.
 */
public final class MountedGraph implements IndexUpdates, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MountedGraph.class);
    private static final int STRIPES = 64;

    private final VectorStore store;
    private final VolumeLayout layout;
    private final HnswParams params;
    private final boolean writable;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    private final Object stateLock = new Object();
    private volatile State state = new State(null, null);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vexfs-graph");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean compactQueued = new AtomicBoolean();
    private final RelinkSchedule relinks = RelinkSchedule.fromProperties();
    private final java.util.concurrent.atomic.LongAdder relinkedByWalks = new java.util.concurrent.atomic.LongAdder();
    private final AtomicBoolean buildQueued = new AtomicBoolean();
    private volatile boolean closing;
    /** The running background task, for stats and the control file; null when idle. */
    private volatile Progress progress;
    /** What the last background task ended with (one line), or "" before the first. */
    private volatile String lastOutcome = "";
    private final AtomicInteger damaged = new AtomicInteger();
    private long lastLog;
    /** Slots put but not yet in the graph; the indexer threads drain it (see {@link #onPut}). */
    private final IndexBacklog backlog;
    private final List<Thread> indexers = new ArrayList<>();
    private volatile boolean stopIndexing;
    private final java.util.concurrent.atomic.LongAdder indexed = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder insertedInline = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.AtomicReference<RateSample> rateSample =
            new java.util.concurrent.atomic.AtomicReference<>(new RateSample(System.nanoTime(), 0, 0));

    /** The indexer's count at a time, and the rate since the reading before. */
    private record RateSample(long atNanos, long indexed, double rate) {}

    /**
     * The most vector bytes that wait for the graph: past it a put inserts in its own request (back-pressure). A
     * search scans the waiting vectors exactly, and 128 MiB is about 10-30 ms of memory bandwidth here: 262,144
     * vectors at 128-d, 21,845 at 1536-d.
     */
    static final long BACKLOG_BYTES = 128L << 20;
    /** Slots an indexer takes at a time. */
    private static final int INDEX_BATCH = 256;

    /** A graph and its users: the owner's reference (1) plus one per search or update that holds it. */
    private static final class Ref {
        final HnswIndex index;
        /** Its files are the volume's graph.vxg (removed when it is dropped as damaged); false for a build. */
        volatile boolean ownsVolumeFiles;
        private final AtomicInteger users = new AtomicInteger(1);
        private final AtomicBoolean retired = new AtomicBoolean();
        volatile boolean dropped;

        Ref(HnswIndex index, boolean ownsVolumeFiles) {
            this.index = index;
            this.ownsVolumeFiles = ownsVolumeFiles;
        }

        boolean acquire() {
            for (int u = users.get(); u > 0; u = users.get()) {
                if (users.compareAndSet(u, u + 1)) return true;
            }
            return false;
        }

        void release() {
            if (users.decrementAndGet() == 0) {
                try {
                    if (dropped) index.discard(); // a damaged file may fault on write; nothing of it is kept
                    else index.close();
                } catch (IOException | RuntimeException | InternalError e) {
                    LOG.warn("closing a graph: {}", e.toString());
                }
            }
        }

        /** Gives up the owner's reference (once): unmapped when the last user is done. */
        void retire() {
            if (retired.compareAndSet(false, true)) release();
        }
    }

    private record State(Ref serving, Ref building) {}

    /** A background task's progress: what, why, how far. */
    private record Progress(String task, String why, long startNanos, AtomicInteger done, AtomicInteger total) {}

    private MountedGraph(Volume volume) {
        this.store = volume.store();
        this.layout = volume.layout();
        this.params = volume.hnswParams();
        this.writable = volume.access() != Volume.Access.READ_ONLY;
        this.backlog = new IndexBacklog(backlogSlots(store.dimension()));
        for (int i = 0; i < STRIPES; i++) stripes[i] = new ReentrantLock();
    }

    /**
     * The graph for a mount of {@code volume}, in time that does not grow with the store: a clean graph of this
     * store is served at once; a missing, unreadable or foreign one is rebuilt in the background, and one left dirty by
     * a crash (or a store that was recovered) is checked and aligned in the background. A read-only mount serves
     * the graph only if it is clean and complete, and otherwise searches exactly (it writes nothing).
     */
    public static MountedGraph open(Volume volume) throws IOException {
        MountedGraph mg = new MountedGraph(volume);
        if (!mg.writable) {
            String[] whyNot = new String[1];
            HnswIndex idx = volume.openGraphForSearch(whyNot);
            if (idx != null && idx.storeId() != 0 && idx.storeId() != mg.store.creationId()) {
                idx.close();
                idx = null;
                whyNot[0] = "the graph belongs to another store";
            }
            if (idx != null) mg.state = new State(new Ref(idx, false), null);
            else LOG.info("graph: not used ({}); a read-only mount answers searches exactly", whyNot[0]);
            return mg;
        }
        mg.startIndexers(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
        Files.deleteIfExists(mg.layout.graphBuildFile()); // a build interrupted by a crash or an unmount
        Files.deleteIfExists(mg.layout.graphBuildUpperFile());
        Path file = mg.layout.graphFile();
        if (!Files.exists(file)) {
            mg.startBuild("no graph file");
            return mg;
        }
        HnswIndex idx;
        try {
            idx = HnswIndex.open(file, mg.store.asVectorSource(), mg.params);
        } catch (CorruptGraphException e) {
            Volume.removeGraph(mg.layout);
            mg.startBuild("graph unreadable (" + e.getMessage() + ")");
            return mg;
        }
        if (idx.storeId() != 0 && idx.storeId() != mg.store.creationId()) {
            idx.discard();
            Volume.removeGraph(mg.layout);
            mg.startBuild("the graph belongs to another store");
            return mg;
        }
        // Even a clean graph is checked before it is trusted: its header has a checksum, its records do not, and a
        // damaged list (bad ids, self-loops, no edges) would give wrong answers rather than errors. The check reads
        // every record once (much less than a build); searches are exact until it passes.
        String why = idx.wasDirty() ? "graph left dirty by a crash"
                : !mg.store.recoveryReport().isEmpty() ? "the store was recovered after a crash"
                : idx.size() != mg.store.liveCount()
                        ? "the graph has " + idx.size() + " nodes, the store " + mg.store.liveCount() + " vectors"
                        : "checking the graph before it is trusted";
        Ref candidate = new Ref(idx, true);
        mg.state = new State(null, candidate);
        mg.submit(() -> mg.recover(candidate, why));
        return mg;
    }

    // ---- search -----------------------------------------------------------------------------------------------

    /** The volume's search ef (mkfs --ef). */
    public int efSearch() {
        return params.efSearch();
    }

    public HnswParams params() {
        return params;
    }

    /**
     * The {@code k} nearest live vectors accepted by {@code filterOrNull}: through the serving graph, or by an
     * exact scan of the store while there is none (or when it turns out damaged during this search).
     */
    public SearchResult search(float[] query, int k, int ef, IntPredicate filterOrNull) {
        store.checkIntact();  // a store damaged while mounted answers EUCLEAN, not what is left of it
        Ref ref = acquireServing();
        if (ref != null) {
            try {
                // taken before the graph search: a slot the indexer inserts meanwhile is then in one or both
                int[] waiting = backlog.count() == 0 ? null : backlog.pendingSlots();
                SearchResult r = liveOnly(ref.index.search(query, k, ef, filterOrNull));
                if (waiting != null && waiting.length > 0) r = BacklogSearch.merge(r, store, query, k, filterOrNull, waiting);
                graphAnswers.increment();
                return r;
            } catch (RuntimeException | InternalError e) {
                if (!isDamage(e)) throw e;
                dropDamaged(ref, "search", e);
            } finally {
                ref.release();
            }
        }
        exactAnswers.increment();
        return store.exactSearch(query, k, filterOrNull);
    }

    /**
     * True if a search with a per-slot filter of {@code selectivity} and beam {@code ef} would scan every slot: by
     * the serving graph's choice, or because no graph serves (searches are exact meanwhile).
     */
    public boolean filterScansAllSlots(double selectivity, int ef) {
        Ref ref = acquireServing();
        if (ref == null) return true;
        try {
            return ref.index.filterScansAllSlots(selectivity, ef);
        } finally {
            ref.release();
        }
    }

    private final java.util.concurrent.atomic.LongAdder graphAnswers = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder exactAnswers = new java.util.concurrent.atomic.LongAdder();

    /** True while searches are answered by an HNSW graph (false: exact scans). */
    public boolean ready() {
        return state.serving() != null;
    }

    /**
     * Drops results whose slot the store no longer holds (a delete between the store and the graph, or a
     * damaged state byte): a path is never reported for a vector that is gone.
     */
    private SearchResult liveOnly(SearchResult r) {
        int keep = 0;
        for (int i = 0; i < r.size(); i++) if (store.isLive(r.slots()[i])) keep++;
        if (keep == r.size()) return r;
        int[] slots = new int[keep];
        float[] dist = new float[keep];
        for (int i = 0, j = 0; i < r.size(); i++) {
            if (!store.isLive(r.slots()[i])) continue;
            slots[j] = r.slots()[i];
            dist[j++] = r.distances()[i];
        }
        return new SearchResult(slots, dist, r.visited(), r.exact());
    }

    private Ref acquireServing() {
        while (true) {
            Ref ref = state.serving();
            if (ref == null || ref.acquire()) return ref;
            // retired between the read and the acquire: the state has moved on, read it again
        }
    }

    /**
     * What counts as damage of the graph: the index's own verdict, a fault of the mapping (SIGBUS: the file was
     * truncated under the mapping) or a bounds check of the JDK on a value read from the graph.
     */
    static boolean isDamage(Throwable e) {
        return CorruptGraphException.isDamage(e) || e instanceof InternalError || e instanceof IndexOutOfBoundsException
                || e instanceof NegativeArraySizeException;
    }

    // ---- store changes (IndexUpdates) -------------------------------------------------------------------------

    @Override
    public void reserve(int slots) throws FsException {
        State s = state;
        for (Ref ref : new Ref[] {s.serving(), s.building()}) {
            if (ref == null || !ref.acquire()) continue;
            try {
                ref.index.reserve(slots);
            } catch (IOException e) {
                throw new FsException(Errno.of(e), "vector index: " + e.getMessage());
            } catch (RuntimeException | InternalError e) {
                if (!isDamage(e)) throw e;
                dropDamaged(ref, "reserve", e);
            } finally {
                ref.release();
            }
        }
    }

    /**
     * Queues the slot for the indexer threads (the request goes on at once: the graph insert is most of a put's
     * cost) while searches scan the queued slots exactly, so the vector is found from the moment this returns.
     * With the backlog full, or no indexer (a read-only or closing mount), the insert is done here, as before.
     */
    @Override
    public void onPut(long fileKey, int slot, int oldSlot) {
        ReentrantLock l = stripes[slot % STRIPES];
        l.lock();
        try {
            State s = state; // read under the slot's lock: a build that starts later sees this put in the store
            if (s.serving() != null || s.building() != null) {
                if (indexers.isEmpty() || stopIndexing || !backlog.offer(slot)) {
                    apply(s.serving(), slot, true);
                    apply(s.building(), slot, true);
                    insertedInline.increment();
                }
            }
        } finally {
            l.unlock();
        }
        if (oldSlot >= 0 && oldSlot != slot) dropIfFree(oldSlot);
    }

    /** {@link #BACKLOG_BYTES} of {@code dim}-d float32 vectors, at least 4,096 slots. */
    static int backlogSlots(int dim) {
        return (int) Math.max(4096, BACKLOG_BYTES / (4L * Math.max(1, dim)));
    }

    private void startIndexers(int threads) {
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(this::indexLoop, "vexfs-indexer-" + i);
            t.setDaemon(true);
            indexers.add(t);
            t.start();
        }
    }

    /**
     * One indexer thread: takes queued slots in batches and inserts each into the serving graph and the one being
     * built, under the slot's stripe lock (so a put of the same slot meanwhile waits, then queues it again). A slot
     * no longer live is only marked done (its file moved on; the graph never had it, or dropIfFree removes it).
     */
    private void indexLoop() {
        int[] batch = new int[INDEX_BATCH];
        while (true) {
            int n;
            try {
                n = backlog.take(batch, 200);
            } catch (InterruptedException e) {
                return;
            }
            if (n == 0 && stopIndexing) return;
            indexBatch(batch, n);
        }
    }

    /**
     * Inserts the slots taken. Every slot is marked done whatever happens to its insert (a damaged store, even an
     * OutOfMemoryError): the next mount's check inserts what was missed, and sync and unmount never wait for a slot
     * that no one will insert.
     */
    private void indexBatch(int[] batch, int n) {
        for (int i = 0; i < n; i++) {
            int slot = batch[i];
            ReentrantLock l = stripes[slot % STRIPES];
            l.lock();
            try {
                if (store.isLive(slot)) {
                    State s = state;
                    apply(s.serving(), slot, true);
                    apply(s.building(), slot, true);
                }
            } catch (RuntimeException | InternalError e) {
                // the store itself is damaged (marked, logged once by the store): searches answer EUCLEAN
                LOG.debug("indexer: slot {} skipped: {}", slot, e.toString());
            } catch (Error e) {
                LOG.warn("indexer: slot {} not inserted ({}); the next mount's check inserts it", slot, e.toString());
            } finally {
                backlog.done(slot);
                l.unlock();
            }
            indexed.increment();
        }
    }

    /**
     * Waits until every vector put so far is in the graph (sync on the control file, tests); false on timeout. With
     * no graph to insert into there is nothing to wait for (the build inserts what the store holds).
     */
    public boolean awaitIndexed(long millis) throws InterruptedException {
        return backlog.awaitEmpty(millis);
    }

    /** Stops the indexer threads after they have drained the backlog for at most {@code millis}. */
    private void stopIndexers(long millis) {
        try {
            if (!backlog.awaitEmpty(millis)) {
                LOG.info("graph: {} vectors not yet indexed at unmount; the next mount inserts them", backlog.count());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopIndexing = true;
        backlog.wake();
        for (Thread t : indexers) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void onRemove(long fileKey, int oldSlot) {
        if (oldSlot >= 0) dropIfFree(oldSlot);
    }

    private void dropIfFree(int slot) {
        ReentrantLock l = stripes[slot % STRIPES];
        l.lock();
        try {
            if (store.isLive(slot)) return; // reused by another file, whose insert is (or comes) here
            State s = state;
            apply(s.serving(), slot, false);
            apply(s.building(), slot, false);
        } finally {
            l.unlock();
        }
        afterDelete();
    }

    /**
     * Inserts or deletes {@code slot} in one graph. A graph that cannot take the change no longer matches the store
     * (and, damaged or short of disk, cannot be trusted to): it is dropped and rebuilt; the store change stands.
     */
    private void apply(Ref ref, int slot, boolean insert) {
        if (ref == null || !ref.acquire()) return;
        try {
            if (insert) ref.index.insert(slot);
            else ref.index.delete(slot);
            if (ref == state.serving() && relinks.changed(ref.index.size()) && !submit(this::relinkServing)) {
                relinks.done();
            }
        } catch (RuntimeException | InternalError e) {
            dropDamaged(ref, insert ? "insert of slot " + slot : "delete of slot " + slot, e);
        } finally {
            ref.release();
        }
    }

    /** A walk for unreachable nodes between compactions ({@link RelinkSchedule}), on the background thread. */
    private void relinkServing() {
        long changes = relinks.pending();
        Ref ref = acquireServing();
        try {
            if (ref == null) return;
            long t0 = System.nanoTime();
            int n = ref.index.relinkUnreachableExclusive();
            relinkedByWalks.add(n);
            if (n > 0) {
                LOG.info("graph: {} unreachable nodes re-linked after {} changes (walk of {} ms)", n, changes,
                        (System.nanoTime() - t0) / 1_000_000);
            }
        } catch (RuntimeException | InternalError e) {
            if (ref != null && isDamage(e)) dropDamaged(ref, "re-linking", e);
            else LOG.warn("graph: re-linking unreachable nodes failed: {}", e.toString());
        } finally {
            if (ref != null) ref.release();
            relinks.done();
        }
    }

    private void afterDelete() {
        Ref ref = acquireServing();
        if (ref == null) return;
        try {
            if (!ref.index.compactionDue() || !compactQueued.compareAndSet(false, true)) return;
        } finally {
            ref.release();
        }
        if (!submit(this::compactServing)) compactQueued.set(false);
    }

    private void compactServing() {
        compactQueued.set(false);
        Ref ref = acquireServing();
        if (ref == null) return;
        try {
            long t0 = System.nanoTime();
            int freed = ref.index.compact(ProgressListener.NONE);
            LOG.info("graph: compacted, {} tombstones freed in {} ms", freed, (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException | InternalError e) {
            if (isDamage(e)) dropDamaged(ref, "compaction", e);
            else LOG.warn("graph compaction failed: {}", e.toString());
        } finally {
            ref.release();
        }
    }

    // ---- damage -----------------------------------------------------------------------------------------------

    /**
     * Takes {@code ref} out of service (once): searches go exact, its files are removed (so neither a crash nor
     * the next mount reuses them), and a fresh build starts unless one is already running. One log line says why.
     */
    private void dropDamaged(Ref ref, String during, Throwable e) {
        boolean wasServing;
        synchronized (stateLock) {
            State s = state;
            if (s.serving() != ref && s.building() != ref) return; // already dropped or replaced
            wasServing = s.serving() == ref;
            state = wasServing ? new State(null, s.building()) : new State(s.serving(), null);
            ref.dropped = true;
        }
        damaged.incrementAndGet();
        LOG.warn("graph damaged ({} failed: {}): dropped; searches are exact until a fresh graph is built", during,
                e.toString());
        if (ref.ownsVolumeFiles) { // graph.vxg itself (serving, or being checked at mount), not a .new build
            try {
                Volume.removeGraph(layout);
            } catch (IOException io) {
                LOG.warn("removing the damaged graph: {}", io.toString());
            }
        }
        ref.retire();
        // no graph left to serve: build one (the worker runs it after the task that held this graph has stopped);
        // a fresh build dropped beside a serving graph is not retried (echo reindex > /.vexfs/control does)
        if (wasServing || state.serving() == null) startBuild("graph damaged: " + e);
    }

    // ---- background building ----------------------------------------------------------------------------------

    private boolean submit(Runnable task) {
        if (closing) return false;
        try {
            worker.execute(task);
            return true;
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            return false;
        }
    }

    /** Queues a fresh build (at most one queued at a time) on the background thread; returns at once. */
    private void startBuild(String why) {
        if (!writable || !buildQueued.compareAndSet(false, true)) return;
        if (!submit(() -> {
            buildQueued.set(false);
            build(why);
        })) buildQueued.set(false);
    }

    /**
     * Builds a fresh graph beside the serving one (which goes on answering, or exact search does) and swaps it in;
     * waits until it is done. For {@code echo reindex > /.vexfs/control}. Returns the outcome line.
     */
    public String rebuildAndWait(String why) throws FsException {
        if (!writable) throw new FsException(Errno.EROFS, "a read-only mount does not build graphs");
        Future<?> f;
        try {
            f = worker.submit(() -> build(why));
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            throw new FsException(Errno.EBUSY, "unmounting");
        }
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FsException(Errno.EINTR, "interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new FsException(Errno.EIO, "graph build failed: " + e.getCause());
        }
        return lastOutcome;
    }

    private void build(String why) {
        if (closing) return;
        long t0 = System.nanoTime();
        Path file = layout.graphBuildFile();
        Ref ref = null;
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(layout.graphBuildUpperFile());
            HnswIndex idx = HnswIndex.create(file, store.asVectorSource(), params, store.creationId());
            ref = new Ref(idx, false);
            synchronized (stateLock) {
                state = new State(state.serving(), ref);
            }
            LOG.info("graph: building a fresh graph of {} vectors in the background ({}); searches are {} meanwhile",
                    store.liveCount(), why, state.serving() != null ? "answered by the current graph" : "exact");
            align(ref, "rebuild", why);
            int relinked = idx.relinkUnreachable();
            idx.sync();
            install(ref, true);
            lastOutcome = String.format(java.util.Locale.ROOT, "built a fresh graph of %d nodes in %.1f s (%s%s)",
                    idx.size(), (System.nanoTime() - t0) / 1e9, why, relinked > 0 ? ", " + relinked + " re-linked" : "");
            LOG.info("graph: {}", lastOutcome);
        } catch (Cancelled c) {
            abandon(ref, true);
            lastOutcome = "graph build stopped (" + c.getMessage() + ")";
            LOG.info("graph: {}", lastOutcome);
        } catch (IOException | RuntimeException | InternalError e) {
            abandon(ref, true);
            lastOutcome = "graph build failed: " + e + "; searches stay " + (ready() ? "on the previous graph" : "exact")
                    + " (echo reindex > /.vexfs/control retries)";
            LOG.warn("graph: {}", lastOutcome);
        } finally {
            progress = null;
        }
    }

    /**
     * Checks the existing graph file (structure: GraphVerifier), aligns it with the store, re-links unreachable nodes
     * and serves it; a graph that does not check is removed and built afresh.
     */
    private void recover(Ref candidate, String why) {
        long t0 = System.nanoTime();
        try {
            HnswIndex idx = candidate.index;
            progress = new Progress("check", why, t0, new AtomicInteger(), new AtomicInteger(1));
            VerifyReport r = GraphVerifier.verify(idx, this::report);
            if (!r.ok()) throw new Unusable("damaged: " + r.errors().getFirst());
            // a few orphans are what churn and crashes leave (re-linked below); many mean lost lists (a zeroed page):
            // re-linking them one by one would leave a graph much worse than a fresh build
            if (r.unreachable() > Math.max(8, r.live() / 100)) {
                throw new Unusable("damaged: " + r.unreachable() + " of " + r.live() + " live nodes unreachable");
            }
            for (int slot = store.slotCount(); slot < idx.nodeCapacity(); slot++) {
                if (idx.contains(slot)) throw new Unusable("live nodes beyond the store's slots");
            }
            align(candidate, "check", why);
            int relinked = idx.relinkUnreachable();
            idx.sync();
            install(candidate, false);
            lastOutcome = String.format(java.util.Locale.ROOT, "graph of %d nodes checked and brought in line with the "
                    + "store in %.1f s (%s; %d unreachable re-linked)", idx.size(), (System.nanoTime() - t0) / 1e9, why,
                    relinked);
            LOG.info("graph: {}", lastOutcome);
        } catch (Cancelled c) {
            abandon(candidate, false);
            LOG.info("graph: check stopped ({})", c.getMessage());
        } catch (Unusable | IOException | RuntimeException | InternalError e) {
            LOG.warn("graph: not usable ({}; {}); removed, rebuilding", why, e.getMessage());
            candidate.dropped = true;
            abandon(candidate, false);
            try {
                Volume.removeGraph(layout);
            } catch (IOException io) {
                LOG.warn("removing the unusable graph: {}", io.toString());
            }
            progress = null;
            build(why + "; " + e.getMessage());
        } finally {
            progress = null;
        }
    }

    /**
     * Makes {@code ref}'s live nodes the store's live slots, slot by slot under each slot's stripe lock (the same
     * lock store changes take to update it), so concurrent setxattr/removexattr can neither be missed nor undone.
     */
    private void align(Ref ref, String task, String why) {
        HnswIndex idx = ref.index;
        AtomicInteger done = new AtomicInteger();
        AtomicInteger total = new AtomicInteger(store.slotCount());
        progress = new Progress(task, why, System.nanoTime(), done, total);
        for (int slot = 0; slot < store.slotCount(); slot++) {
            if (closing) throw new Cancelled("unmounting");
            if (ref.dropped) throw new Cancelled("the graph being built was dropped");
            ReentrantLock l = stripes[slot % STRIPES];
            l.lock();
            try {
                boolean live = store.isLive(slot);
                if (live && !idx.contains(slot)) idx.insert(slot);
                else if (!live && idx.contains(slot)) idx.delete(slot);
            } finally {
                l.unlock();
            }
            done.set(slot + 1);
            if ((slot & 255) == 0) {
                total.set(store.slotCount());
                report(task, slot + 1, total.get());
            }
        }
        total.set(store.slotCount());
        report(task, total.get(), total.get());
    }

    /** Logs progress about once a second (vexfs mount shows these lines while it waits). */
    private void report(String phase, long done, long total) {
        long now = System.nanoTime();
        if (done == total || now - lastLog > 1_000_000_000L) {
            lastLog = now;
            Progress p = progress;
            LOG.info("graph: {} {}/{} slots{}", phase, done, total, p == null ? "" : rateAndEta(p));
        }
    }

    /** Puts a complete graph into service (renaming a fresh build over graph.vxg first) and retires the old one. */
    private void install(Ref ref, boolean fresh) throws IOException {
        Ref old;
        synchronized (stateLock) {
            if (state.building() != ref) throw new Cancelled("the graph being built was dropped");
            if (fresh) {
                // graph.vxg goes first: between the renames there is no main file, so a crash leaves "no graph"
                // (rebuilt at the next mount), never the old main file beside the new upper file
                Files.deleteIfExists(layout.graphFile());
                Files.move(layout.graphBuildUpperFile(), layout.graphUpperFile(), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
                Files.move(layout.graphBuildFile(), layout.graphFile(), StandardCopyOption.ATOMIC_MOVE);
                ref.ownsVolumeFiles = true; // dropping it now removes graph.vxg
                old = state.serving();
                state = new State(ref, null);
            } else {
                old = state.serving();
                state = new State(ref, null);
            }
        }
        if (old != null) {
            old.dropped = true; // its file was replaced: unmapped without writing anything
            old.retire();
        }
    }

    /** Takes a graph that is not going into service out of the state and unmaps it; removes build files. */
    private void abandon(Ref ref, boolean buildFiles) {
        if (ref != null) {
            synchronized (stateLock) {
                if (state.building() == ref) state = new State(state.serving(), null);
            }
            ref.dropped = true;
            ref.retire();
        }
        if (buildFiles) {
            try {
                Files.deleteIfExists(layout.graphBuildFile());
                Files.deleteIfExists(layout.graphBuildUpperFile());
            } catch (IOException e) {
                LOG.warn("removing an unfinished graph build: {}", e.toString());
            }
        }
    }

    private static final class Cancelled extends RuntimeException {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        Cancelled(String why) {
            super(why, null, false, false);
        }
    }

    private static final class Unusable extends Exception {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        Unusable(String why) {
            super(why, null, false, false);
        }
    }

    // ---- maintenance, stats -------------------------------------------------------------------------------------

    /** Runs {@code job} on the serving graph (held for the call), or returns null if there is none. */
    public <T> T withServing(java.util.function.Function<HnswIndex, T> job) {
        Ref ref = acquireServing();
        if (ref == null) return null;
        try {
            return job.apply(ref.index);
        } catch (RuntimeException | InternalError e) {
            if (isDamage(e)) {
                dropDamaged(ref, "maintenance", e);
                return null;
            }
            throw e;
        } finally {
            ref.release();
        }
    }

    /** Live nodes of the serving graph, else of the graph being built or checked, else 0. */
    public int nodes() {
        State s = state;
        Ref ref = s.serving() != null ? s.serving() : s.building();
        return ref == null || ref.dropped ? 0 : ref.index.size(); // an in-memory counter: no mapped read
    }

    /** Forces both graphs' changes to disk (sync on the control file). */
    public void sync() {
        State s = state;
        for (Ref ref : new Ref[] {s.serving(), s.building()}) {
            if (ref == null || !ref.acquire()) continue;
            try {
                ref.index.sync();
            } catch (RuntimeException | InternalError e) {
                if (!isDamage(e)) throw e;
                dropDamaged(ref, "sync", e);
            } finally {
                ref.release();
            }
        }
    }

    /**
     * One line for the control file while a background task runs ("graph rebuild running: 1200/15000 slots
     * (no graph file); searches are exact meanwhile"), else null.
     */
    public String activity() {
        Progress p = progress;
        if (p == null) return null;
        return "graph " + p.task() + " running: " + p.done().get() + "/" + p.total().get() + " slots" + rateAndEta(p)
                + " (" + p.why() + "); searches are " + (ready() ? "answered by the current graph" : "exact")
                + " meanwhile";
    }

    /** ", 4100/s, ETA 12 s" once the task has run a second and done something; "" before. */
    private static String rateAndEta(Progress p) {
        double secs = (System.nanoTime() - p.startNanos()) / 1e9;
        int done = p.done().get(), total = p.total().get();
        if (secs < 1 || done <= 0) return "";
        double rate = done / secs;
        String eta = total > done ? String.format(java.util.Locale.ROOT, ", ETA %.0f s", (total - done) / rate) : "";
        return String.format(java.util.Locale.ROOT, ", %.0f/s%s", rate, eta);
    }

    /** Rows for /.vexfs/stats: the graph's state, the background task's progress, nodes of the serving graph. */
    public List<String[]> stateRows() {
        List<String[]> rows = new ArrayList<>();
        Progress p = progress;
        rows.add(new String[] {"graph_state", p != null ? (p.task().equals("check") ? "checking" : "building")
                : ready() ? "ready" : "none"});
        rows.add(new String[] {"graph_search", ready() ? "hnsw" : "exact"});
        rows.add(new String[] {"search_answers_graph", Long.toString(graphAnswers.sum())});
        rows.add(new String[] {"search_answers_exact", Long.toString(exactAnswers.sum())});
        rows.add(new String[] {"graph_build_done_slots", p == null ? "0" : Integer.toString(p.done().get())});
        rows.add(new String[] {"graph_build_total_slots", p == null ? "0" : Integer.toString(p.total().get())});
        rows.add(new String[] {"graph_build_seconds", p == null ? "0"
                : String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - p.startNanos()) / 1e9)});
        rows.add(new String[] {"graph_build_reason", p == null ? "none" : p.why()});
        rows.add(new String[] {"graph_last_build", lastOutcome.isEmpty() ? "none" : lastOutcome});
        rows.add(new String[] {"graph_damage_events", Integer.toString(damaged.get())});
        rows.add(new String[] {"graph_relinked_between_compactions", Long.toString(relinkedByWalks.sum())});
        rows.add(new String[] {"index_backlog", Integer.toString(backlog.count())});
        rows.add(new String[] {"index_threads", Integer.toString(indexers.size())});
        rows.add(new String[] {"index_inserted", Long.toString(indexed.sum())});
        rows.add(new String[] {"index_inserted_inline", Long.toString(insertedInline.sum())});
        rows.add(new String[] {"index_rate", String.format(java.util.Locale.ROOT, "%.0f", indexRate())});
        return rows;
    }

    /** Slots indexed per second, over the time since the previous reading (at least a second apart). */
    private double indexRate() {
        long now = System.nanoTime();
        long done = indexed.sum();
        RateSample last = rateSample.get();
        if (now - last.atNanos() < 1_000_000_000L) return last.rate();
        double rate = (done - last.indexed()) / ((now - last.atNanos()) / 1e9);
        rateSample.compareAndSet(last, new RateSample(now, done, rate));
        return rate;
    }

    /**
     * Waits until no background task is queued or running (tests, {@code sync}); false on timeout.
     */
    public boolean awaitIdle(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            Future<?> f;
            try {
                f = worker.submit(() -> { });
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                return true;
            }
            try {
                f.get(Math.max(1, (end - System.nanoTime()) / 1_000_000L), TimeUnit.MILLISECONDS);
                if (progress == null && !buildQueued.get() && !compactQueued.get() && backlog.count() == 0) return true;
            } catch (java.util.concurrent.TimeoutException e) {
                return false;
            } catch (java.util.concurrent.ExecutionException e) {
                return false;
            }
        }
        return false;
    }

    /**
     * Stops a running build (its unfinished file is removed; the next mount builds again), waits for a running
     * compaction, and closes the serving graph: re-linked (every live node reachable) and synced when writable.
     */
    @Override
    public void close() {
        if (!indexers.isEmpty()) stopIndexers(60_000);
        closing = true;
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.MINUTES)) LOG.warn("graph: background task still running at close");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Ref building;
        Ref serving;
        synchronized (stateLock) {
            building = state.building();
            serving = state.serving();
            state = new State(null, null);
        }
        if (building != null) abandon(building, true);
        if (serving == null) return;
        if (writable && !serving.dropped) {
            try {
                // churn can leave a live node without incoming links (vexfs verify reports it): the unmount leaves
                // a graph in which every live node can be found
                int relinked = serving.index.relinkUnreachable();
                if (relinked > 0) LOG.info("graph: {} unreachable nodes re-linked at unmount", relinked);
            } catch (RuntimeException | InternalError e) {
                LOG.warn("graph: re-linking at unmount failed ({}); the graph is removed, the next mount rebuilds it",
                        e.toString());
                serving.dropped = true;
                try {
                    Volume.removeGraph(layout);
                } catch (IOException io) {
                    LOG.warn("removing the damaged graph: {}", io.toString());
                }
            }
        }
        serving.retire();
    }
}
