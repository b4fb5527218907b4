package vexfs.control;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vexfs.fuse.EntryParam;
import vexfs.fuse.FileInfo;
import vexfs.fuse.FuseFilesystem;
import vexfs.fuse.Op;
import vexfs.fuse.OpenOptions;
import vexfs.fuse.ReplyAttr;
import vexfs.fuse.ReplyData;
import vexfs.fuse.ReplyDirectory;
import vexfs.fuse.ReplyEmpty;
import vexfs.fuse.ReplyEntry;
import vexfs.fuse.ReplyOpen;
import vexfs.fuse.ReplyReadlink;
import vexfs.fuse.ReplyWrite;
import vexfs.fuse.Request;
import vexfs.fuse.WriteData;
import vexfs.libc.Attr;
import vexfs.libc.Errno;
import vexfs.libc.FsException;
import vexfs.libc.Name;
import vexfs.volume.VolumeLayout;

/**
 * The /.vexfs control tree, served beside the real files: {@code search} (write a query, read the results on the
 * same descriptor), {@code stats}, {@code stats.json}, {@code control}, and {@code similar/<path>/} directories of
 * neighbour symlinks. It is reachable by name but never listed by readdir of the root (the passthrough hides the
 * store directory of the same name), so find, cp -a, rsync and tar never walk into it.
 * The rest of the filesystem is handled by {@link ControlTreeRouter}, which sends control node ids here.
 */
public final class ControlFs {
    private static final Logger LOG = LoggerFactory.getLogger(ControlFs.class);
    static final Name DIR_NAME = Name.of(VolumeLayout.STORE_DIR);
    private static final double TIMEOUT = 1.0;

    private final SearchBackend backend;
    private final SimilarTree similar;
    private final QueryTree queries;
    private final ControlNodes nodes = new ControlNodes();
    private volatile SimilarEviction eviction;
    private final ConcurrentHashMap<Long, ControlSession> sessions = new ConcurrentHashMap<>();
    private final AtomicLong nextFh = new AtomicLong(1);
    /**
     * Bytes held for open descriptors (results, query fragments, stats snapshots). Whatever callers write or ask
     * for, the daemon's heap use stays bounded: past {@code maxBuffered} (256 MiB or a quarter of the heap, whichever is less; system property {@code vexfs.search.maxBufferedBytes}) a query fails with ENOMEM until
     * descriptors are read from or closed.
     */
    private final AtomicLong buffered = new AtomicLong();
    // a quarter of the heap at most: the launcher's -Xmx256m would otherwise be exhausted before the bound holds
    private final long maxBuffered = Long.getLong("vexfs.search.maxBufferedBytes",
            Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 4));
    private final long mountTime = System.currentTimeMillis() / 1000;
    private final RecentResults recent = new RecentResults();
    private final vexfs.fuse.LatencyHistogram searchLatency = new vexfs.fuse.LatencyHistogram();
    private final java.util.concurrent.atomic.LongAdder searches = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder refusedQueries = new java.util.concurrent.atomic.LongAdder();
    private volatile Supplier<List<String[]>> sessionStats = List::of;
    /** A read-only mount: searches and verify only (the store and graph are open read-only). */
    private volatile boolean readOnly;
    private final int ownerUid = OwnerUid.ofThisProcess();
    private final ControlRefusals refusals = new ControlRefusals();

    /** Root and the mount's owner (the daemon's uid): control commands and the full stats. */
    private boolean privileged(Request req) {
        return req.uid() == 0 || req.uid() == ownerUid;
    }

    public void readOnly(boolean on) {
        this.readOnly = on;
    }

    public ControlFs(SearchBackend backend, java.nio.file.Path backingRoot, int similarK) {
        this.backend = backend;
        this.similar = new SimilarTree(nodes, backend, backingRoot, similarK);
        this.queries = new QueryTree(nodes, backend, similarK);
    }

    /**
     * Lets similar/ ask the kernel to drop old entries once it holds more than {@code vexfs.similar.nodeBudget}
     * nodes (default 10,000); see {@link SimilarEviction}. Called once the session is mounted.
     */
    public void attachInvalidator(SimilarEviction.Invalidator invalidator) {
        int budget = Integer.getInteger("vexfs.similar.nodeBudget", 10_000);
        eviction = new SimilarEviction(nodes, Math.max(1, budget), invalidator);
    }

    /** Stops the similar/ eviction thread (before the session goes away). */
    public void close() {
        SimilarEviction e = eviction;
        if (e != null) e.close();
    }

    /** Request statistics of the FUSE session (in-flight, per-op counts and latency), added to stats. */
    public void attachSessionStats(Supplier<List<String[]>> stats) {
        this.sessionStats = stats;
    }

    private List<String[]> sessionRows() {
        List<String[]> rows = new java.util.ArrayList<>(sessionStats.get());
        rows.add(new String[] {"search_count", Long.toString(searches.sum())});
        rows.add(new String[] {"search_refused", Long.toString(refusedQueries.sum())});
        rows.add(new String[] {"search_p50_us", vexfs.fuse.LatencyHistogram.micros(searchLatency.percentile(0.50))});
        rows.add(new String[] {"search_p99_us", vexfs.fuse.LatencyHistogram.micros(searchLatency.percentile(0.99))});
        rows.add(new String[] {"control_open_descriptors", Integer.toString(sessions.size())});
        rows.add(new String[] {"control_buffered_bytes", Long.toString(buffered.get())});
        rows.add(new String[] {"control_similar_nodes", Integer.toString(nodes.size())});
        return rows;
    }

    static boolean owns(long ino) {
        return ControlNodes.isControl(ino);
    }

    static boolean isEntryPoint(long parent, Name name) {
        return parent == FuseFilesystem.ROOT_ID && name.equals(DIR_NAME);
    }

    Attr attr(long ino, int mode, long size) {
        return new Attr(0, ino, mode, mode >>> 12 == 4 ? 2 : 1, 0, 0, 0, size, 4096, 0, mountTime, 0, mountTime, 0,
                mountTime, 0);
    }

    private Attr fixedAttr(long ino) throws FsException {
        if (ino == ControlNodes.DIR || ino == ControlNodes.SIMILAR) return attr(ino, Attr.S_IFDIR | 0555, 0);
        if (ino == ControlNodes.QUERY && backend.embeds()) return attr(ino, Attr.S_IFDIR | 0555, 0);
        if (ino == ControlNodes.SEARCH) return attr(ino, Attr.S_IFREG | 0666, 0);
        if (ino == ControlNodes.STATS || ino == ControlNodes.STATS_JSON) return attr(ino, Attr.S_IFREG | 0444, 0);
        if (ino == ControlNodes.CONTROL) return attr(ino, Attr.S_IFREG | 0644, 0);
        throw new FsException(Errno.ENOENT);
    }

    EntryParam entryFor(long ino) throws FsException {
        Attr a = ControlNodes.isFixed(ino) ? fixedAttr(ino) : similar.attr(ino, this);
        return new EntryParam(ino, 0, a, TIMEOUT, TIMEOUT);
    }

    /**
     * A search (a write of the search file) runs on the reader thread that received it while no other search does
     * so; one that comes while another runs inline goes to a virtual thread. The hand-off to a virtual thread cost
     * ~30-100 µs of a ~200 µs query through the mount (docs/benchmarks.md, "Search through the mount"), and one
     * permit keeps every other reader thread free for other requests, however long a search takes (an exact scan, a
     * text query's model call). {@code -Dvexfs.lane.search=virtual} always hands off (for measurements).
     */
    private final java.util.concurrent.Semaphore inlineSearch = new java.util.concurrent.Semaphore(0);

    /**
     * How many searches may run on reader threads at once: the session's reader threads less one, so one is always
     * free for other requests (0 with a single reader: every search is handed off). Called once, before mounting.
     */
    public void inlineSearches(int readerThreads) {
        if (!"virtual".equals(System.getProperty("vexfs.lane.search"))) inlineSearch.release(Math.max(0, readerThreads - 1));
    }

    Op.Lane laneFor(Op op, long ino) {
        if (op == Op.WRITE && ino == ControlNodes.SEARCH) {
            return inlineSearch.tryAcquire() ? Op.Lane.INLINE : Op.Lane.VIRTUAL; // released by write()
        }
        // a similar/ listing computes: keep it off the reader threads
        // (opening stats renders the graph shape: a walk of every node, at most every few seconds)
        if ((op == Op.READDIR || op == Op.READDIRPLUS
                || op == Op.LOOKUP) && !ControlNodes.isFixed(ino) || ino == ControlNodes.SIMILAR || ino == ControlNodes.QUERY
                || op == Op.OPEN && (ino == ControlNodes.STATS || ino == ControlNodes.STATS_JSON)) {
            return Op.Lane.VIRTUAL;
        }
        // a control write may be `sync` (the embed queue, then msync + syncfs, done before the write returns): long
        // raw syscalls, which would pin a virtual thread's carrier
        if (op == Op.WRITE && ino == ControlNodes.CONTROL) return Op.Lane.BLOCKING;
        return null;
    }

    void lookup(Request req, long parent, Name name, ReplyEntry reply) throws FsException {
        if (parent == FuseFilesystem.ROOT_ID) {
            reply.entry(entryFor(ControlNodes.DIR));
            return;
        }
        if (parent == ControlNodes.DIR) {
            long ino = switch (name.toString()) {
                case "search" -> ControlNodes.SEARCH;
                case "stats" -> ControlNodes.STATS;
                case "stats.json" -> ControlNodes.STATS_JSON;
                case "control" -> ControlNodes.CONTROL;
                case "similar" -> ControlNodes.SIMILAR;
                case "query" -> ControlNodes.QUERY; // ENOENT from entryFor without an embedder
                default -> throw new FsException(Errno.ENOENT);
            };
            reply.entry(entryFor(ino));
            return;
        }
        if (parent == ControlNodes.QUERY || queries.owns(parent)) reply.entry(queries.lookup(req, parent, name, this));
        else reply.entry(similar.lookup(req, parent, name, this));
    }

    void forget(long ino, long n) {
        similar.forget(ino, n);
    }

    void getattr(long ino, ReplyAttr reply) throws FsException {
        reply.attr(entryFor(ino).attr(), TIMEOUT);
    }

    void readlink(long ino, ReplyReadlink reply) throws FsException {
        reply.target(similar.target(ino));
    }

    void open(Request req, long ino, FileInfo fi, ReplyOpen reply) throws FsException {
        byte[] content;
        if (ino == ControlNodes.SEARCH) {
            content = new byte[0];
        } else if (ino == ControlNodes.STATS || ino == ControlNodes.STATS_JSON) {
            List<List<String[]>> view = StatsView.of(backend.stats(), sessionRows(), privileged(req));
            content = ino == ControlNodes.STATS ? StatsRenderer.text(view.get(0), view.get(1))
                    : StatsRenderer.json(view.get(0), view.get(1));
        } else if (ino == ControlNodes.CONTROL) {
            content = new byte[0];
        } else {
            throw new FsException(Errno.EISDIR);
        }
        long fh = nextFh.getAndIncrement();
        buffered.addAndGet(content.length);
        sessions.put(fh, new ControlSession(content));
        reply.opened(fh, new OpenOptions(true, false, false, false));
    }

    void read(Request req, long ino, long size, long offset, FileInfo fi, ReplyData reply) throws FsException {
        ControlSession s = session(fi);
        int n = (int) Math.min(size, 1 << 20);
        if (ino == ControlNodes.SEARCH) {
            long before = s.buffered();
            try {
                if (s.pendingSize() > 0) {
                    try {
                        execute(req, s, s.appendPending(new byte[0]));
                    } catch (FsException refused) {
                        // a kept fragment that turns out bad: the "# error:" line execute left is what is read
                    }
                } else if (!s.written() && offset == 0) {
                    // a fresh descriptor that only reads: the last results of this process or its parent
                    // (echo "$q" > search; cat search)
                    byte[] last = recent.forReader(req.uid(), req.pid());
                    if (last != null) s.setContent(last);
                }
            } finally {
                buffered.addAndGet(s.buffered() - before);
            }
            reply.data(s.readStream(offset, n));
        } else if (ino == ControlNodes.CONTROL) {
            if (offset == 0) {
                long before = s.buffered();
                s.setContent(backend.controlStatus().getBytes(StandardCharsets.UTF_8));
                buffered.addAndGet(s.buffered() - before);
            }
            reply.data(s.readAt(offset, n));
        } else {
            reply.data(s.readAt(offset, n));
        }
    }

    void write(Request req, long ino, WriteData data, FileInfo fi, ReplyWrite reply) throws FsException {
        if (ino == ControlNodes.SEARCH) {
            try {
                ControlSession s = session(fi);
                long before = s.buffered();
                try {
                    runQuery(req, s, data.toArray());
                } finally {
                    buffered.addAndGet(s.buffered() - before);
                }
            } finally {
                if (!Thread.currentThread().isVirtual()) inlineSearch.release(); // laneFor gave this one INLINE
            }
            reply.written(data.size());
            return;
        }
        session(fi); // a descriptor of this tree
        if (ino == ControlNodes.CONTROL) {
            if (!privileged(req)) {
                refusals.refused(req.uid(), data.size());
                throw new FsException(Errno.EACCES, "control commands need root or the mount's owner");
            }
            if (data.size() > 256) throw new FsException(Errno.EINVAL, "control command longer than 256 bytes");
            String cmd = new String(data.toArray(), StandardCharsets.UTF_8).trim();
            if (readOnly && !cmd.equals("verify")) {
                throw new FsException(Errno.EROFS, "control '" + cmd + "' on a read-only mount (only verify runs)");
            }
            LOG.info("control: '{}' from uid {}", cmd, req.uid());
            backend.control(cmd);
            reply.written(data.size());
        } else {
            throw new FsException(Errno.EBADF);
        }
    }

    /**
     * A write is a whole query unless it is a fragment: shells and stdio split a long write at their buffer size
     * (bash's echo of an 18 KB line arrives as 4096 + 12288 + 2048 bytes), and the kernel splits at max_write, always
     * at a multiple of 4096. So a write whose size is a multiple of 4096 and which does not end with a newline is
     * kept until the rest arrives; a read on the descriptor runs whatever is kept. A bad query fails its write with
     * EINVAL (a kept fragment that turns out bad fails the read instead: the write could not know).
     */
    private void runQuery(Request req, ControlSession s, byte[] chunk) throws FsException {
        s.markWritten();
        if (isBinary(s.pendingSize() == 0 ? chunk : s.appendPending(new byte[0]))) {
            binaryQuery(req, s, chunk);
            return;
        }
        if (s.pendingSize() == 0 && s.lastQuery() != null && startsWithOption(chunk)) {
            // shells (bash's printf, echo per line) write a query line by line: "k=3\n" refines the last query
            byte[] last = s.lastQuery();
            byte[] joined = java.util.Arrays.copyOf(last, last.length + chunk.length);
            System.arraycopy(chunk, 0, joined, last.length, chunk.length);
            chunk = joined;
        }
        if (buffered.get() + chunk.length > maxBuffered) {
            s.setContent(new byte[0]);
            throw new FsException(Errno.ENOMEM, "search buffers full (" + maxBuffered
                    + " bytes held for open descriptors): read or close them");
        }
        byte[] all = s.appendPending(chunk);
        boolean fragment = chunk.length > 0 && chunk.length % 4096 == 0 && chunk[chunk.length - 1] != '\n';
        if (fragment && all.length <= QueryParser.MAX_QUERY_BYTES) {
            s.setContent(new byte[0], true);
            return;
        }
        execute(req, s, all);
    }

    /** Whether {@code start} (a first write, or what is kept) begins a binary query, well-formed or not. */
    private boolean isBinary(byte[] start) {
        try {
            return BinaryQuery.form(start, backend.dimension()) != BinaryQuery.Form.NONE;
        } catch (FsException malformed) {
            return true;
        }
    }

    /** A binary query ({@link BinaryQuery}): kept until all its bytes came, then run. */
    private void binaryQuery(Request req, ControlSession s, byte[] chunk) throws FsException {
        byte[] all = s.appendPending(chunk);
        BinaryQuery.Form form;
        try {
            form = BinaryQuery.form(all, backend.dimension());
        } catch (FsException e) {
            throw refused(req, s, e);
        }
        if (form == BinaryQuery.Form.INCOMPLETE && all.length <= QueryParser.MAX_QUERY_BYTES) {
            s.setContent(new byte[0], true);
            return;
        }
        execute(req, s, all);
    }

    private void execute(Request req, ControlSession s, byte[] all) throws FsException {
        QueryParser.Query q;
        boolean binary;
        try {
            binary = BinaryQuery.form(all, backend.dimension()) == BinaryQuery.Form.COMPLETE;
            q = binary ? BinaryQuery.parse(all, backend.dimension(), backend.metric())
                    : QueryParser.parse(all, backend.dimension(), backend.metric(), backend::embedQuery);
        } catch (FsException e) {
            throw refused(req, s, e);
        }
        long t0 = System.nanoTime();
        List<SearchBackend.Hit> hits;
        try {
            hits = backend.search(q.vector(), q.k(), q.ef(), q.filter(), Caller.of(req));
        } catch (FsException e) {
            if (e.errno() != Errno.EACCES && e.errno() != Errno.ENOENT) throw e;
            throw refused(req, s, e);  // under= a directory the caller cannot list, or none
        }
        searchLatency.record(System.nanoTime() - t0);
        searches.increment();
        s.goodQuery();
        s.setLastQuery(binary ? null : all);  // option lines refine a CSV query only
        ByteArrayOutputStream out = new ByteArrayOutputStream(hits.size() * 48);
        for (int i = 0; i < hits.size(); i++) {
            SearchBackend.Hit h = hits.get(i);
            ResultLine.append(out, i + 1, h.distance(), h.path(), h.rangeStart(), h.rangeEnd());
        }
        byte[] bytes = out.toByteArray();
        if (buffered.get() - s.buffered() + bytes.length > maxBuffered) {
            s.setContent(new byte[0]);
            throw new FsException(Errno.ENOMEM, "search buffers full (" + maxBuffered
                    + " bytes held for open descriptors): read or close them");
        }
        s.setContent(bytes);
        recent.put(req.uid(), req.pid(), bytes);
    }

    /**
     * A refused query: the descriptor then reads one line {@code # error: <reason>} (the fd stays usable), and the
     * refusal is logged once until the next good query (a client retrying the same bad query logs nothing more).
     */
    private FsException refused(Request req, ControlSession s, FsException e) {
        byte[] line = ("# error: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8);
        s.setContent(line);
        recent.put(req.uid(), req.pid(), line);  // echo bad > search; cat search shows why too
        refusedQueries.increment();
        if (s.firstRefusal()) LOG.warn("search query refused: {}", e.getMessage());
        return e;
    }

    /** True if the first non-blank line is a key=value option (a vector line never contains '='; text= is a query). */
    private static boolean startsWithOption(byte[] chunk) {
        if (QueryParser.isTextLine(chunk)) return false;
        for (byte b : chunk) {
            if (b == '\n') return false;
            if (b == '=') return true;
        }
        return false;
    }

    private ControlSession session(FileInfo fi) throws FsException {
        ControlSession s = fi == null ? null : sessions.get(fi.fh());
        if (s == null) throw new FsException(Errno.EBADF);
        return s;
    }

    void release(FileInfo fi, ReplyEmpty reply) {
        ControlSession s = fi == null ? null : sessions.remove(fi.fh());
        if (s != null) buffered.addAndGet(-s.buffered());
        reply.ok();
    }

    /** The entries of /.vexfs (query/ only in a volume with an embedder). */
    private List<SimilarTree.Row> topLevel() {
        List<SimilarTree.Row> rows = new java.util.ArrayList<>(List.of(
                new SimilarTree.Row(Name.of("."), ControlNodes.DIR, Attr.S_IFDIR),
                new SimilarTree.Row(Name.of(".."), FuseFilesystem.ROOT_ID, Attr.S_IFDIR),
                new SimilarTree.Row(Name.of("search"), ControlNodes.SEARCH, Attr.S_IFREG),
                new SimilarTree.Row(Name.of("stats"), ControlNodes.STATS, Attr.S_IFREG),
                new SimilarTree.Row(Name.of("stats.json"), ControlNodes.STATS_JSON, Attr.S_IFREG),
                new SimilarTree.Row(Name.of("control"), ControlNodes.CONTROL, Attr.S_IFREG),
                new SimilarTree.Row(Name.of("similar"), ControlNodes.SIMILAR, Attr.S_IFDIR)));
        if (backend.embeds()) rows.add(new SimilarTree.Row(Name.of("query"), ControlNodes.QUERY, Attr.S_IFDIR));
        return rows;
    }

    void readdir(Request req, long ino, long offset, ReplyDirectory reply) throws FsException {
        List<SimilarTree.Row> entries = ino == ControlNodes.DIR ? topLevel()
                : ino == ControlNodes.QUERY || queries.owns(ino) ? queries.list(req, ino)
                : similar.list(req, ino);
        for (int i = (int) offset; i < entries.size(); i++) {
            SimilarTree.Row e = entries.get(i);
            Name name = e.name();
            long child = e.ino();
            int mode = e.mode();
            boolean full;
            if (!reply.isPlus() || name.isDotOrDotDot()) {
                full = reply.isPlus()
                        ? reply.addPlus(name, new EntryParam(0, 0, attr(child, mode, 0), 0, 0), i + 1)
                        : reply.add(name, child, mode, i + 1);
            } else {
                EntryParam ep = child >= 0 ? entryFor(child) : similar.entry(req, ino, e, this);
                full = reply.addPlus(name, ep, i + 1);
                if (full && !ControlNodes.isFixed(ep.ino())) similar.forget(ep.ino(), 1);
            }
            if (full) break;
        }
        reply.send();
    }
}
