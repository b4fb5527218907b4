package vexfs.index;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import vexfs.base.GrowableMapping;
import vexfs.base.Metric;

/**
 * The mapped graph: header, level-0 records (main file) and upper-level blocks (sibling file
 * {@code <name>.upper}). Stateless accessors read straight from the mapping; no per-node objects.
 *
 * <p>Publication rules that make lock-free readers safe: neighbour ids are written before the count
 * that covers them, both with release stores; readers load the count with acquire, clamp it to the
 * level's bound and skip ids outside the segment they hold. A torn read can therefore only yield a
 * stale-but-valid list. A node's codes, level and upper block are written before any list points
 * at it (outgoing links before incoming ones).
 */
final class GraphStore implements AutoCloseable {
    static final int INITIAL_CAPACITY = 1024;
    /** The highest level a node can have ({@link HnswIndex#levelFor} caps it); anything above is damage. */
    static final int MAX_LEVEL = 30;
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

    final GraphLayout layout;
    final Metric metric;
    final Path file;
    private final GrowableMapping main;
    private final GrowableMapping upper;
    private final Object upperLock = new Object();
    private final Object entryLock = new Object();
    private final Object headerLock = new Object();
    /** (entryPoint << 32) | maxLevel; entryPoint -1 when the graph is empty. */
    private volatile long entry;
    private volatile Quantizer quantizer;
    private volatile boolean dirty;
    private int upperUsed;
    final AtomicInteger liveCount = new AtomicInteger();
    final AtomicInteger tombstones = new AtomicInteger();
    final boolean openedDirty;

    /** Opened for inspection only: nothing is ever written. */
    private boolean readOnly;

    private GraphStore(Path file, GraphLayout layout, Metric metric, GrowableMapping main, GrowableMapping upper) {
        this.file = file;
        this.layout = layout;
        this.metric = metric;
        this.main = main;
        this.upper = upper;
        MemorySegment h = main.segment();
        entry = pack(GraphHeader.getInt(h, GraphHeader.ENTRY_POINT), GraphHeader.getInt(h, GraphHeader.MAX_LEVEL));
        upperUsed = GraphHeader.getInt(h, GraphHeader.UPPER_USED);
        liveCount.set(GraphHeader.getInt(h, GraphHeader.LIVE_COUNT));
        tombstones.set(GraphHeader.getInt(h, GraphHeader.TOMBSTONES));
        int flags = GraphHeader.getInt(h, GraphHeader.FLAGS);
        openedDirty = (flags & GraphHeader.FLAG_DIRTY) != 0;
        dirty = openedDirty;
        if ((flags & GraphHeader.FLAG_CODES_READY) != 0) quantizer = Quantizer.read(metric, layout.dim(), layout.codeBytes(), h);
    }

    static Path upperPath(Path file) {
        return file.resolveSibling(file.getFileName() + ".upper");
    }

    static GraphStore create(Path file, int dim, Metric metric, HnswParams p) throws IOException {
        return create(file, dim, metric, p, 0);
    }

    /** {@code storeId}: the creation id of the vector store the graph is for (0: unrecorded). */
    static GraphStore create(Path file, int dim, Metric metric, HnswParams p, long storeId) throws IOException {
        GraphLayout layout = GraphLayout.of(dim, p.m(), p.quantize());
        Files.deleteIfExists(upperPath(file));
        GrowableMapping main = new GrowableMapping(file, true, layout.fileBytesFor(INITIAL_CAPACITY));
        GrowableMapping upper;
        try {
            upper = new GrowableMapping(upperPath(file), true, GraphLayout.UPPER_HEADER + 64L * layout.upperBlockBytes());
        } catch (IOException | RuntimeException e) {
            // no space for the second file: leave no half graph behind (the caller sees why, e.g. ENOSPC)
            main.close();
            Files.deleteIfExists(file);
            Files.deleteIfExists(upperPath(file));
            throw e;
        }
        MemorySegment h = main.segment();
        GraphHeader.setLong(h, GraphHeader.MAGIC, GraphHeader.MAGIC_VALUE);
        GraphHeader.setInt(h, GraphHeader.VERSION, GraphHeader.VERSION_VALUE);
        GraphHeader.setInt(h, GraphHeader.HEADER_BYTES, layout.headerBytes());
        GraphHeader.setInt(h, GraphHeader.DIM, dim);
        GraphHeader.setInt(h, GraphHeader.METRIC, metric.ordinal());
        GraphHeader.setInt(h, GraphHeader.M, p.m());
        GraphHeader.setInt(h, GraphHeader.EF_CONSTRUCTION, p.efConstruction());
        GraphHeader.setInt(h, GraphHeader.EF_SEARCH, p.efSearch());
        GraphHeader.setInt(h, GraphHeader.FLAGS, p.quantize() ? GraphHeader.FLAG_QUANTIZE : 0);
        GraphHeader.setLong(h, GraphHeader.LEVEL_SEED, p.levelSeed());
        GraphHeader.setInt(h, GraphHeader.ENTRY_POINT, -1);
        GraphHeader.setInt(h, GraphHeader.MAX_LEVEL, -1);
        GraphHeader.setInt(h, GraphHeader.CAPACITY, INITIAL_CAPACITY);
        GraphHeader.setInt(h, GraphHeader.RECORD_SIZE, layout.recordSize());
        GraphHeader.setInt(h, GraphHeader.CODE_BYTES, layout.codeBytes());
        GraphHeader.setInt(h, GraphHeader.TRAIN_SIZE, p.trainSize());
        GraphHeader.setLong(h, GraphHeader.STORE_ID, storeId);
        GraphHeader.setLong(upper.segment(), 0, GraphHeader.MAGIC_VALUE + 1);
        GraphHeader.seal(h, layout.headerBytes());
        upper.force();
        main.force();
        return new GraphStore(file, layout, metric, main, upper);
    }

    static GraphStore open(Path file, Metric expectedMetric, int expectedDim) throws IOException {
        return open(file, expectedMetric, expectedDim, false);
    }

    /** {@code readOnly}: for inspection; the mappings are read-only and {@link #sync} writes nothing. */
    static GraphStore open(Path file, Metric expectedMetric, int expectedDim, boolean readOnly) throws IOException {
        GrowableMapping main = new GrowableMapping(file, false, 0, readOnly);
        GrowableMapping upper = null;
        try {
            MemorySegment h = main.segment();
            GraphLayout layout = GraphHeader.validate(h, main.fileSize());
            int metricOrd = GraphHeader.getInt(h, GraphHeader.METRIC);
            if (metricOrd < 0 || metricOrd >= Metric.values().length) throw new CorruptGraphException("bad metric " + metricOrd);
            Metric metric = Metric.values()[metricOrd];
            if (metric != expectedMetric || layout.dim() != expectedDim)
                throw new CorruptGraphException("graph is " + layout.dim() + "-d " + metric.label() + ", vectors are "
                        + expectedDim + "-d " + expectedMetric.label());
            Path up = upperPath(file);
            if (!Files.exists(up)) throw new CorruptGraphException("missing upper-level file " + up);
            upper = new GrowableMapping(up, false, 0, readOnly);
            long need = layout.upperListOffset(GraphHeader.getInt(h, GraphHeader.UPPER_USED), 1);
            if (upper.fileSize() < need) throw new CorruptGraphException("upper-level file shorter than " + need + " bytes");
            GraphStore g = new GraphStore(file, layout, metric, main, upper);
            g.readOnly = readOnly;
            return g;
        } catch (IOException | RuntimeException e) {
            main.close();
            if (upper != null) upper.close();
            throw e;
        }
    }

    static long pack(int node, int level) {
        return ((long) node << 32) | (level & 0xffffffffL);
    }

    long entry() {
        return entry;
    }

    static int entryNode(long e) {
        return (int) (e >> 32);
    }

    static int entryLevel(long e) {
        return (int) e;
    }

    /** Makes {@code node} the entry point if the graph has none or {@code level} exceeds the current max level. */
    void promoteIfHigher(int node, int level) {
        synchronized (entryLock) {
            long e = entry;
            if (entryNode(e) < 0 || level > entryLevel(e)) setEntry(node, level);
        }
    }

    /**
     * Runs {@code change} holding the lock that orders every entry-point change: a replacement that checks "is the
     * entry still the deleted node" and picks a live successor is one step against promotions and other
     * replacements (two deletes racing once left the entry on a tombstone, HnswIndex.delete).
     */
    void underEntryLock(Runnable change) {
        synchronized (entryLock) {
            change.run();
        }
    }

    /** The node with the highest level among those {@code accept} passes (the first such on ties), or -1; one scan. */
    int highestNode(java.util.function.IntPredicate accept) {
        MemorySegment seg = main.segment();
        int cap = capacity();
        int best = -1;
        int bestLevel = -1;
        for (int i = 0; i < cap; i++) {
            if (accept.test(i) && level(seg, i) > bestLevel) {
                best = i;
                bestLevel = level(seg, i);
            }
        }
        return best;
    }

    /** Makes {@code node} (-1: none) the entry point at {@code level} whatever the current one is. */
    void replaceEntry(int node, int level) {
        synchronized (entryLock) {
            setEntry(node, level);
        }
    }

    private void setEntry(int node, int level) {
        entry = pack(node, level);
        MemorySegment h = main.segment();
        GraphHeader.setInt(h, GraphHeader.ENTRY_POINT, node);
        GraphHeader.setInt(h, GraphHeader.MAX_LEVEL, level);
    }

    Quantizer quantizer() {
        return quantizer;
    }

    void publishQuantizer(Quantizer q) {
        q.write(main.segment());
        synchronized (headerLock) {
            MemorySegment h = main.segment();
            GraphHeader.setInt(h, GraphHeader.FLAGS, GraphHeader.getInt(h, GraphHeader.FLAGS) | GraphHeader.FLAG_CODES_READY);
        }
        quantizer = q;
    }

    MemorySegment segment() {
        return main.segment();
    }

    MemorySegment upperSegment() {
        return upper.segment();
    }

    int capacity() {
        return layout.capacityOf(main.segment().byteSize());
    }

    void ensureCapacity(int nodes) throws IOException {
        if (nodes <= capacity()) return;
        main.ensureSize(layout.fileBytesFor(Math.max(nodes, capacity() * 2)));
        synchronized (headerLock) {
            GraphHeader.setInt(main.segment(), GraphHeader.CAPACITY, capacity());
        }
    }

    /** Grows the upper-level file so that {@code blocks} more blocks fit without growing during an insert. */
    void reserveUpper(int blocks) throws IOException {
        int used;
        synchronized (upperLock) {
            used = upperUsed;
        }
        upper.ensureSize(layout.upperListOffset(used + blocks, 1));
    }

    void markDirty() {
        if (dirty) return;
        synchronized (headerLock) {
            MemorySegment h = main.segment();
            GraphHeader.setInt(h, GraphHeader.FLAGS, GraphHeader.getInt(h, GraphHeader.FLAGS) | GraphHeader.FLAG_DIRTY);
            dirty = true;
        }
    }

    boolean isDirty() {
        return dirty;
    }

    // ---- node accessors -------------------------------------------------------------------------

    byte state(MemorySegment s, int node) {
        return s.get(ValueLayout.JAVA_BYTE, layout.stateOffset(node));
    }

    void setState(int node, byte st) {
        main.segment().set(ValueLayout.JAVA_BYTE, layout.stateOffset(node), st);
    }

    int level(MemorySegment s, int node) {
        return s.get(ValueLayout.JAVA_BYTE, layout.levelOffset(node));
    }

    int upperRef(MemorySegment s, int node) {
        return s.get(ValueLayout.JAVA_INT_UNALIGNED, layout.upperRefOffset(node));
    }

    /**
     * Copies the neighbours of {@code node} on {@code level} into {@code buf}; returns their count.
     * Count first (acquire), clamped to the level bound; ids are not validated here.
     */
    int readNeighbors(MemorySegment s, int node, int level, int[] buf) {
        MemorySegment seg;
        long off;
        int bound = layout.maxConn(level);
        if (level == 0) {
            seg = s;
            off = layout.count0Offset(node);
        } else {
            if (level(s, node) < level) return 0;
            seg = upper.segment();
            off = layout.upperListOffset(upperRef(s, node), level);
            // a damaged upper ref (negative, or past the file) reads as no list; writers check it (upperListChecked)
            if (off < GraphLayout.UPPER_HEADER || off + 4L * (bound + 1) > seg.byteSize()) return 0;
        }
        int n = (int) INT.getAcquire(seg, off);
        if (n > bound) n = bound;
        if (n < 0) n = 0;
        long ids = level == 0 ? off + 8 : off + 4;
        for (int i = 0; i < n; i++) buf[i] = seg.get(ValueLayout.JAVA_INT, ids + 4L * i);
        return n;
    }

    /** Replaces the list of {@code node} on {@code level}; the caller holds the node's stripe lock. */
    void writeNeighbors(int node, int level, int[] ids, int n) {
        MemorySegment seg;
        long off;
        if (level == 0) {
            seg = main.segment();
            off = layout.count0Offset(node);
        } else {
            seg = upper.segment();
            off = upperListChecked(seg, node, level);
        }
        long base = level == 0 ? off + 8 : off + 4;
        for (int i = 0; i < n; i++) INT.setRelease(seg, base + 4L * i, ids[i]);
        INT.setRelease(seg, off, n);
    }

    /** Appends one neighbour; the caller holds the lock and checked there is room. */
    void appendNeighbor(int node, int level, int count, int id) {
        MemorySegment seg;
        long off;
        if (level == 0) {
            seg = main.segment();
            off = layout.count0Offset(node);
        } else {
            seg = upper.segment();
            off = upperListChecked(seg, node, level);
        }
        long base = level == 0 ? off + 8 : off + 4;
        INT.setRelease(seg, base + 4L * count, id);
        INT.setRelease(seg, off, count + 1);
    }

    /** The offset of a node's list on {@code level >= 1} in {@code upperSeg}, or "this graph is damaged". */
    private long upperListChecked(MemorySegment upperSeg, int node, int level) {
        int ref = upperRef(main.segment(), node);
        long off = layout.upperListOffset(ref, level);
        if (ref < 1 || off + 4L * (layout.m() + 1) > upperSeg.byteSize()) {
            throw CorruptGraphException.damaged("node " + node + " level " + level + ": upper block " + ref
                    + " outside the upper-level file");
        }
        return off;
    }

    /**
     * Prepares the record of a FREE node for insertion at {@code level}: upper block (reusing the
     * old one when big enough), empty lists. The node stays unreachable until linked.
     */
    void initNode(int node, int level) throws IOException {
        MemorySegment s = main.segment();
        int oldLevel = level(s, node);
        int ref = upperRef(s, node);
        // a ref that does not fit the used blocks (damage) is not reused: a fresh block is allocated
        if (level > 0 && (oldLevel < level || ref <= 0 || (long) ref + level > upperUsed())) ref = allocateUpper(level);
        s.set(ValueLayout.JAVA_BYTE, layout.levelOffset(node), (byte) level);
        s.set(ValueLayout.JAVA_INT_UNALIGNED, layout.upperRefOffset(node), level > 0 ? ref : Math.max(ref, 0));
        INT.setRelease(s, layout.count0Offset(node), 0);
        for (int l = 1; l <= level; l++) INT.setRelease(upper.segment(), layout.upperListOffset(ref, l), 0);
    }

    /** Block index 0 is never handed out so that upperRef 0 means "none" in a zeroed record. */
    private int allocateUpper(int levels) throws IOException {
        synchronized (upperLock) {
            int first = Math.max(upperUsed, 1);
            upper.ensureSize(layout.upperListOffset(first + levels, 1));
            upperUsed = first + levels;
            synchronized (headerLock) {
                GraphHeader.setInt(main.segment(), GraphHeader.UPPER_USED, upperUsed);
            }
            return first;
        }
    }

    int upperUsed() {
        synchronized (upperLock) {
            return upperUsed;
        }
    }

    long codesOffset(int node) {
        return layout.record(node);
    }

    long bytesOnDisk() throws IOException {
        return main.fileSize() + upper.fileSize();
    }

    /**
     * Writes counters, clears DIRTY (unless {@code keepDirty}: a crashed file not yet verified) and
     * seals the header after forcing the records to disk.
     */
    void sync(boolean keepDirty) {
        if (readOnly) return;
        upper.force();
        main.force();
        synchronized (headerLock) {
            MemorySegment h = main.segment();
            GraphHeader.setInt(h, GraphHeader.LIVE_COUNT, liveCount.get());
            GraphHeader.setInt(h, GraphHeader.TOMBSTONES, tombstones.get());
            GraphHeader.setInt(h, GraphHeader.UPPER_USED, upperUsed());
            GraphHeader.setInt(h, GraphHeader.CAPACITY, capacity());
            if (!keepDirty) {
                GraphHeader.setInt(h, GraphHeader.FLAGS, GraphHeader.getInt(h, GraphHeader.FLAGS) & ~GraphHeader.FLAG_DIRTY);
                GraphHeader.seal(h, layout.headerBytes());
                dirty = false;
            }
        }
        main.force();
    }

    long storeId() {
        return GraphHeader.getLong(main.segment(), GraphHeader.STORE_ID);
    }

    long levelSeed() {
        return GraphHeader.getLong(main.segment(), GraphHeader.LEVEL_SEED);
    }

    int headerInt(long field) {
        return GraphHeader.getInt(main.segment(), field);
    }

    @Override
    public void close() throws IOException {
        try {
            main.close();
        } finally {
            upper.close();
        }
    }
}
