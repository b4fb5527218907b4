package vexfs.control;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntPredicate;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vexfs.base.SearchResult;
import vexfs.base.SlotSet;
import vexfs.embed.EmbedException;
import vexfs.embed.Embedder;
import vexfs.index.GraphInspector;
import vexfs.index.GraphVerifier;
import vexfs.index.HnswIndex;
import vexfs.index.VerifyReport;
import vexfs.libc.Errno;
import vexfs.libc.FsException;
import vexfs.store.VectorStore;
import vexfs.store.RecordTag;
import vexfs.volume.ChunkKeys;
import vexfs.volume.DocumentSlots;
import vexfs.volume.MountedGraph;
import vexfs.volume.MountPath;
import vexfs.volume.VolumeLayout;

/**
 * Search for the control tree over the vector store and its HNSW graph ({@link MountedGraph}: exact scans while no
 * graph is ready). Results are mapped from slots to
 * current paths through the vector layer ({@code pathOfKey}); results the caller could not read, and files that
 * vanished, are dropped and the search asks for more, so k results come back whenever k readable ones exist.
 */
public final class IndexedSearchBackend implements SearchBackend {
    private static final Logger LOG = LoggerFactory.getLogger(IndexedSearchBackend.class);

    private final VectorStore store;
    private final MountedGraph graph;
    private final LongFunction<MountPath> pathOfKey;
    private final LongFunction<MountPath> hintOfKey;
    private final DirectorySlots directorySlots;
    private final ToLongFunction<MountPath> keyOfPath;
    private final Path backingRoot;
    /** For callers other than root: which directories they can list, remembered a second across searches. */
    private final ListableDirectories listable;
    private final AtomicReference<String> status = new AtomicReference<>("idle\n");
    private final AtomicReference<Thread> running = new AtomicReference<>();
    /** Hits left out after the search: files that vanished or that the caller cannot read (in a listable place). */
    private final java.util.concurrent.atomic.LongAdder dropped = new java.util.concurrent.atomic.LongAdder();
    /** The graph (or exact) search alone, without the paths, access checks and formatting around it. */
    private final vexfs.fuse.LatencyHistogram graphLatency = new vexfs.fuse.LatencyHistogram();
    private volatile Embedder embedder;
    private volatile EmbedQueue embedQueue = EmbedQueue.NONE;

    /** The automatic embedding queue as the control tree sees it: sync waits for it, stats show it. */
    public interface EmbedQueue {
        EmbedQueue NONE = new EmbedQueue() {
            @Override
            public boolean awaitIdle(long millis) {
                return true;
            }

            @Override
            public List<String[]> stats() {
                return List.of();
            }
        };

        boolean awaitIdle(long millis) throws InterruptedException;

        List<String[]> stats();
    }

    /** Lets text queries use {@code embedder} and sync wait for the queue ({@code awaitIdle}); adds its stats. */
    public void attachEmbedding(Embedder embedder, AwaitIdle awaitIdle, java.util.function.Supplier<List<String[]>> stats) {
        this.embedder = embedder;
        this.embedQueue = new EmbedQueue() {
            @Override
            public boolean awaitIdle(long millis) throws InterruptedException {
                return awaitIdle.await(millis);
            }

            @Override
            public List<String[]> stats() {
                return stats.get();
            }
        };
    }

    /** What {@link #attachEmbedding} waits with. */
    public interface AwaitIdle {
        boolean await(long millis) throws InterruptedException;
    }

    @Override
    public boolean embeds() {
        return embedder != null;
    }

    @Override
    public float[] embedQuery(String text) throws FsException {
        Embedder e = embedder;
        if (e == null) throw new FsException(Errno.EINVAL, "this store has no embedder (vexfs mkfs --embed minilm): give a vector");
        try {
            return e.embedText("", text);
        } catch (EmbedException ex) {
            LOG.warn("text query not embedded: {}", ex.getMessage());
            throw new FsException(Errno.EIO, "text query: " + ex.getMessage());
        }
    }

    /**
     * @param pathOfKey current path of a file key (verified), or null if gone
     * @param hintOfKey last known path of a file key (memory only, not verified: for filters), or null
     * @param keyOfPath file key of the file at a path, or -1
     * @param slotOrHintChanges a count that moves whenever a slot or a path hint changes (keeps directory slot sets)
     */
    public IndexedSearchBackend(VectorStore store, MountedGraph graph, LongFunction<MountPath> pathOfKey,
                                LongFunction<MountPath> hintOfKey, ToLongFunction<MountPath> keyOfPath, Path backingRoot,
                                LongSupplier slotOrHintChanges) {
        this.store = store;
        this.graph = graph;
        this.pathOfKey = pathOfKey;
        this.hintOfKey = hintOfKey;
        this.keyOfPath = keyOfPath;
        this.backingRoot = backingRoot;
        this.listable = new ListableDirectories(backingRoot);
        this.directorySlots = new DirectorySlots(slotOrHintChanges);
    }

    @Override
    public int dimension() {
        return store.dimension();
    }

    @Override
    public String metric() {
        return store.metric().label();
    }

    @Override
    public List<Hit> search(float[] query, int k, int ef, SearchFilter conditions, Caller who) throws FsException {
        MountPath under = conditions.under();
        boolean scoped = under != null && !under.isRoot();
        if (scoped && !AccessCheck.canList(backingRoot, under, who)) throw unlistable(under, who);
        Predicate<MountPath> below = scoped ? p -> p.isBelow(under) : null;
        Predicate<MountPath> visible = who.uid() != 0 ? VisibleDirectories.filter(listable, who) : null;
        // a selective under= as the directory's set of slots (kept between searches), narrowed by the rest
        int beam = Math.max(beam(ef), k);
        SlotSet inDir = scoped ? directorySlots.of(under, bySlot(below), store::isLive, store.slotCount(),
                share -> graph.filterScansAllSlots(share, beam)) : null;
        if (conditions.byPathOnly()) {
            return resolve(query, k, ef, slotFilter(inDir, below, visible), both(below, visible), -1, who);
        }
        try (FileConditions times = conditions.byTime() ? FileConditions.open(backingRoot) : null) {
            Predicate<MountPath> rest = both(visible, FileConditions.predicate(conditions, times));
            return resolve(query, k, ef, slotFilter(inDir, below, rest), both(below, rest), -1, who);
        }
    }

    /**
     * The slot filter of a search whose paths must be {@code below} the under= directory (null: anywhere) and pass
     * {@code rest}: the directory's set of slots narrowed by {@code rest} where there is one, else one per-slot
     * predicate; either way only the slots a search ranks ({@link DocumentSlots#ranked}).
     */
    private IntPredicate slotFilter(SlotSet inDir, Predicate<MountPath> below, Predicate<MountPath> rest) {
        IntPredicate ranked = DocumentSlots.ranked(store);
        return inDir != null ? inDir.narrowedBy(DocumentSlots.both(ranked, bySlot(rest)))
                : DocumentSlots.both(ranked, bySlot(both(below, rest)));
    }

    /** The beam width a query's {@code ef} stands for (the volume's own for {@link QueryParser#VOLUME_EF}). */
    private int beam(int ef) {
        return ef == QueryParser.VOLUME_EF ? graph.efSearch() : ef;
    }

    private static Predicate<MountPath> both(Predicate<MountPath> a, Predicate<MountPath> b) {
        return a == null ? b : b == null ? a : a.and(b);
    }

    /**
     * The slot filter of a search: its file's last known path passes {@code accept}. The path hint is taken as it is
     * (memory only: no syscall per candidate slot on the search path); every hit is checked again on its verified
     * path in {@link #resolve}. Only a file without a hint yet (before the scan after mount reached it) is looked up.
     */
    private IntPredicate bySlot(Predicate<MountPath> acceptOrNull) {
        if (acceptOrNull == null) return null;
        return slot -> {
            long key = ChunkKeys.owner(store.fileKeyOf(slot));
            MountPath p = hintOfKey.apply(key);
            if (p == null) p = pathOfKey.apply(key);
            return p != null && acceptOrNull.test(p);
        };
    }

    /**
     * {@code under=} a directory the caller cannot list: EACCES before any search, so the answer and its time say
     * nothing about what the directory holds; ENOENT only where the caller could see that the name is missing.
     */
    private FsException unlistable(MountPath under, Caller who) {
        MountPath parent = under.parent();
        if (AccessCheck.canList(backingRoot, parent, who) && AccessCheck.missing(backingRoot, under)) {
            return new FsException(Errno.ENOENT, "under=" + under + ": no such directory");
        }
        return new FsException(Errno.EACCES, "under=" + under + ": permission denied (you cannot list it)");
    }

    /**
     * Searches, maps slots to readable paths (a chunk to its file, which is named once: by its best chunk, with that
     * chunk's byte range), and widens the search while hits are being dropped or several are one file's chunks.
     */
    private List<Hit> resolve(float[] query, int k, int ef, IntPredicate filter, Predicate<MountPath> recheck,
                              long excludeKey, Caller who) {
        boolean chunked = DocumentSlots.mayHaveChunks(store);
        int want = (chunked ? 2 * k : k) + (excludeKey >= 0 ? 1 : 0);
        for (int attempt = 0; ; attempt++) {
            int beam = beam(ef);
            long t0 = System.nanoTime();
            SearchResult r = graph.search(query, want, Math.max(beam, want), filter);
            graphLatency.record(System.nanoTime() - t0);
            List<Hit> out = new ArrayList<>(k);
            for (int i : DocumentSlots.firstOfEachFile(store, r.slots(), r.size())) {
                if (out.size() >= k) break;
                int slot = r.slots()[i];
                long key = ChunkKeys.owner(store.fileKeyOf(slot));
                if (key == excludeKey) continue;
                MountPath p = pathOfKey.apply(key);
                // the filter saw the path hint; a file moved behind the mount's back is judged by where it is now
                if (p == null || (recheck != null && !recheck.test(p)) || !AccessCheck.canRead(backingRoot, p, who)) {
                    dropped.increment();
                    continue;
                }
                RecordTag tag = chunked ? store.tagOf(slot) : RecordTag.PLAIN;
                out.add(new Hit(p, r.distances()[i], tag.start(), tag.end()));
            }
            if (out.size() >= k || r.size() < want || attempt >= 4) return out;
            want *= 2;  // some hits were dropped or were chunks of a file already named: ask for more
        }
    }

    @Override
    public List<Hit> neighbours(MountPath path, int k, Caller who) throws FsException {
        // checked first: ENOENT or ENODATA would tell whether an unreadable file exists or has a vector
        if (!AccessCheck.canRead(backingRoot, path, who)) throw new FsException(Errno.EACCES);
        long key = keyOfPath.applyAsLong(path);
        if (key < 0) throw new FsException(Errno.ENOENT);
        float[] v = new float[store.dimension()];
        if (!store.get(key, v)) throw new FsException(Errno.ENODATA, path + " has no vector");
        Predicate<MountPath> visible = who.uid() == 0 ? null : VisibleDirectories.filter(listable, who);
        return resolve(v, k, QueryParser.VOLUME_EF, DocumentSlots.both(DocumentSlots.files(store), bySlot(visible)), visible,
                key, who);
    }

    @Override
    public List<String[]> stats() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"dimension", Integer.toString(store.dimension())});
        rows.add(new String[] {"metric", store.metric().label()});
        rows.add(new String[] {"vectors", Integer.toString(store.liveCount())});
        rows.add(new String[] {"deleted_slots", Integer.toString(store.freeCount())});
        rows.add(new String[] {"store_slots", Integer.toString(store.slotCount())});
        rows.add(new String[] {"store_capacity_slots", Long.toString(store.capacity())});
        rows.addAll(graph.stateRows());
        rows.add(new String[] {"search_hits_dropped", Long.toString(dropped.sum())});
        rows.add(new String[] {"search_directory_sets_collected", Long.toString(directorySlots.collectedCount())});
        rows.add(new String[] {"search_graph_p50_us", vexfs.fuse.LatencyHistogram.micros(graphLatency.percentile(0.50))});
        Integer tombstones = graph.withServing(HnswIndex::tombstoneCount);
        rows.add(new String[] {"graph_nodes", Integer.toString(graph.nodes())});
        rows.add(new String[] {"graph_tombstones", Integer.toString(tombstones == null ? 0 : tombstones)});
        rows.add(new String[] {"graph_m", Integer.toString(graph.params().m())});
        rows.add(new String[] {"graph_ef_construction", Integer.toString(graph.params().efConstruction())});
        GraphInspector.Stats shape = graphShape();
        rows.add(new String[] {"graph_levels", Integer.toString(shape.levelHistogram().length)});
        for (int l = 0; l < shape.levelHistogram().length; l++) {
            rows.add(new String[] {"graph_level" + l + "_nodes", Integer.toString(shape.levelHistogram()[l])});
        }
        rows.add(new String[] {"graph_mean_degree_level0",
                String.format(java.util.Locale.ROOT, "%.2f", shape.degreeMean().length == 0 ? 0.0 : shape.degreeMean()[0])});
        rows.add(new String[] {"graph_unreachable_nodes", Integer.toString(shape.unreachable())});
        long storeBytes = fileSize(VolumeLayout.of(backingRoot).vectorsFile());
        Long onDisk = graph.withServing(idx -> {
            try {
                return idx.bytesOnDisk();
            } catch (java.io.IOException e) {
                return 0L;
            }
        });
        long graphBytes = onDisk == null ? 0 : onDisk;
        rows.add(new String[] {"store_bytes_mapped", Long.toString(storeBytes)});
        rows.add(new String[] {"graph_bytes_mapped", Long.toString(graphBytes)});
        rows.add(new String[] {"bytes_mapped", Long.toString(storeBytes + graphBytes)});
        // derived per-vector tables (key map, path hints): scratch-file page cache, or anonymous memory when the
        // store directory could not take them (disk full)
        rows.add(new String[] {"scratch_bytes_mapped", Long.toString(store.scratch().mappedBytes())});
        rows.add(new String[] {"scratch_bytes_anonymous", Long.toString(store.scratch().anonymousBytes())});
        if (embedder != null) rows.addAll(embedQueue.stats());
        return rows;
    }

    /**
     * The graph's level histogram and degrees walk every node (O(n)): computed at most once per
     * {@link #SHAPE_TTL_NANOS}, so reading stats in a loop does not rescan a large graph each time.
     */
    private GraphInspector.Stats graphShape() {
        ShapeSample s = shape.get();
        long now = System.nanoTime();
        if (s == null || now - s.at() > SHAPE_TTL_NANOS) {
            GraphInspector.Stats st = graph.withServing(GraphInspector::stats);
            if (st == null) return new GraphInspector.Stats(-1, -1, 0, 0, 0, 0, 0, new int[0], new int[0],
                    new double[0], new int[0], 0, false); // no graph yet: not cached
            s = new ShapeSample(st, now);
            shape.set(s);
        }
        return s.stats();
    }

    private record ShapeSample(GraphInspector.Stats stats, long at) {}

    private static final long SHAPE_TTL_NANOS = 5_000_000_000L;
    private final AtomicReference<ShapeSample> shape = new AtomicReference<>();

    private static long fileSize(Path p) {
        try {
            return java.nio.file.Files.size(p);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    @Override
    public void control(String command) throws FsException {
        if (command.equals("sync")) {
            syncNow(); // before the write returns: `echo sync > control` then means "durable"
            return;
        }
        Runnable job = switch (command) {
            case "verify" -> () -> run("verify", () -> {
                VerifyReport r = graph.withServing(idx -> GraphVerifier.verify(idx, (phase, done, total) ->
                        status.set("verify running: " + phase + " " + done + "/" + total + " slots\n")));
                return r == null ? "no graph to verify yet: " + activityOrNone() : r.toText();
            });
            case "compact" -> () -> run("compact", () -> {
                Integer freed = graph.withServing(idx -> idx.compact((phase, done, total) ->
                        status.set("compact running: " + phase + " " + done + "/" + total + "\n")));
                return freed == null ? "no graph to compact yet: " + activityOrNone() : "compacted: " + freed
                        + " tombstones removed";
            });
            // a fresh graph is built beside the serving one (which answers meanwhile) and swapped in when complete:
            // re-inserting into the live graph degraded it (issue 16)
            case "reindex" -> () -> run("reindex", () -> "reindexed " + store.liveCount() + " vectors: "
                    + graph.rebuildAndWait("reindex requested"));
            default -> throw new FsException(Errno.EINVAL, "unknown control command '" + command
                    + "' (reindex, compact, verify, sync)");
        };
        Thread t = Thread.ofVirtual().name("vexfs-control-" + command).unstarted(job);
        if (!running.compareAndSet(null, t)) throw new FsException(Errno.EBUSY, "a control command is running");
        status.set(command + " running\n");
        t.start();
    }

    /** What else {@code sync} makes durable (the vector layer: the backing filesystem's xattrs). */
    public interface SyncHook {
        void sync() throws FsException;
    }

    private volatile SyncHook alsoSync = () -> { };

    /** Connects {@code sync} on the control file to the vector layer's sync (store records + backing syncfs). */
    public void alsoSync(SyncHook hook) {
        this.alsoSync = hook;
    }

    /** Store records, the backing filesystem (vectors' xattrs) and the graph, synchronously; EIO with the reason. */
    private void syncNow() throws FsException {
        long t0 = System.nanoTime();
        try {
            // the embed queue first (its vectors are then in the store and graph synced below)
            while (!embedQueue.awaitIdle(1_000)) status.set("sync running: waiting for the embed queue\n");
            // the indexer next: sync returns with every vector put so far in the graph
            while (!graph.awaitIndexed(1_000)) status.set("sync running: waiting for the indexer\n");
            store.sync();
            alsoSync.sync();
            graph.sync();
        } catch (java.io.IOException e) {
            status.set("sync failed: " + e.getMessage() + "\n");
            throw new FsException(Errno.EIO, "sync: " + e.getMessage());
        } catch (FsException e) {
            status.set("sync failed: " + e.getMessage() + "\n");
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status.set("sync interrupted\n");
            throw new FsException(Errno.EINTR, "sync interrupted");
        }
        status.set("sync done in " + (System.nanoTime() - t0) / 1_000_000 + " ms: synced\n");
    }

    private interface Job {
        String call() throws Exception;
    }

    private void run(String name, Job job) {
        long t0 = System.nanoTime();
        try {
            String result = job.call();
            status.set(name + " done in " + (System.nanoTime() - t0) / 1_000_000 + " ms: " + result.strip() + "\n");
        } catch (Exception e) {
            LOG.error("control {} failed: {}", name, e.toString(), e);
            status.set(name + " failed: " + e.getMessage() + "\n");
        } finally {
            running.set(null);
        }
    }

    /** The control file: a running command's status; else a background graph task's; else the last result. */
    @Override
    public String controlStatus() {
        String activity = graph.activity();
        return running.get() == null && activity != null ? activity + "\n" : status.get();
    }

    private String activityOrNone() {
        String a = graph.activity();
        return a != null ? a : "no graph is being built (echo reindex > /.vexfs/control builds one)";
    }
}
