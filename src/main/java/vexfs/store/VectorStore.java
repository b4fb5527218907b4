package vexfs.store;

import static vexfs.store.StoreFormat.*;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntPredicate;

import vexfs.base.Distances;
import vexfs.base.EmbedderSpec;
import vexfs.base.ExactSearch;
import vexfs.base.FileExtension;
import vexfs.base.GraphSettings;
import vexfs.base.GrowableMapping;
import vexfs.base.Metric;
import vexfs.base.PrivateFiles;
import vexfs.base.SearchResult;
import vexfs.base.VectorSource;

/**
 * The memory-mapped vector file {@code STORE_DIR/vectors.vxv}: one fixed-size record per slot,
 * keyed by a 64-bit file key that the fs layer assigns. Thread-safe: any number of readers,
 * writers serialised by a lock; searches read the mapping without locking.
 *
 * <p>Replace is copy-on-write: {@link #put} writes the new vector into a free slot, marks it LIVE,
 * then frees the old slot, so a kill at any instant leaves the old or the new vector, never
 * neither. The slot of a key therefore changes on every put.
 *
 * <p>Durability: {@code put}/{@code remove} survive a kill -9 of the process as soon as they
 * return (the mapping is in the page cache). Surviving a power loss needs {@link #sync()}, which
 * forces the pages written since the last sync; the fs layer calls it before acknowledging a
 * setxattr. put() does not sync itself, so batch writers (import, reindex) pay one msync per batch.
 *
 * <p>Open cost: a cleanly closed store opens by reading its header only; the key map is rebuilt by
 * reading each record's 64-byte header on the first key operation ({@link #slotOf}, {@link #put},
 * ...). After an unclean shutdown, open scans every record with checksums and repairs what it
 * finds (see {@link RecordScan}) before returning.
 */
public final class VectorStore implements AutoCloseable {
    public static final String FILE_NAME = StoreFormat.FILE_NAME;
    private static final int INITIAL_CAPACITY = 64;

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean readOnly;
    private final Header header;
    private final int dim;
    private final Metric metric;
    private final int recordSize;
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final Object syncLock = new Object();
    private final GrowableMapping mapping;
    private final List<String> recovery = new ArrayList<>();
    private final StoreVectorSource source;
    /** One for the store's lifetime, so that its figures count every table derived from this store. */
    private final ScratchMemory scratch;

    private volatile MemorySegment seg;
    private volatile long capacity;
    private volatile int highWater;
    private volatile int live;
    private volatile boolean scanned;
    private volatile boolean closed;
    /** Bumped by every put and remove (under the write lock): what a reader's derived tables compare to see a change. */
    private volatile long changes;
    /** Why the mounted file is not to be trusted any more (cut short, a fault on a mapped page), or null. */
    private volatile String damage;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(VectorStore.class);
    // guarded by the write lock once scanned
    private LongIntHashMap keys;
    private IntStack free;
    private long nextGeneration;
    private int freeAtOpen;
    // slots written since the last sync, guarded by the write lock; -1 when none
    private int dirtyMin = -1, dirtyMax = -1;

    private VectorStore(Path file, FileChannel channel, FileLock lock, boolean readOnly) throws IOException {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.readOnly = readOnly;
        // a read-only store must not see writes in its directory, even of unlinked scratch files
        this.scratch = new ScratchMemory(readOnly ? Path.of(System.getProperty("java.io.tmpdir")) : file.getParent());
        long size = channel.size();
        this.mapping = new GrowableMapping(file, channel, readOnly);
        MemorySegment first = seg = mapping.segment();
        this.header = Header.read(first, file.toString());
        this.dim = header.dim();
        this.metric = header.metric();
        this.recordSize = header.recordSize();
        this.capacity = Header.capacityOf(size, recordSize, file.toString());
        if (header.clean()) {
            if (header.highWater() > capacity || header.live() > header.highWater()) {
                throw new CorruptStoreException(file + ": header says " + header.highWater() + " slots in use ("
                        + header.live() + " live) but the file holds " + capacity + " (truncated?)");
            }
            highWater = (int) header.highWater();
            live = (int) header.live();
            freeAtOpen = (int) header.free();
            nextGeneration = header.nextGeneration();
        } else {
            recovery.add(file + " was not closed cleanly; scanned all " + capacity + " slots");
            adopt(RecordScan.run(seg, header, capacity, true, !readOnly, recovery, scratch()));
        }
        if (!readOnly) {
            writeCounters(seg, STATE_DIRTY, capacity, highWater, live, freeCount(), nextGeneration);
            seg.asSlice(0, HEADER_SIZE).force();
        }
        this.source = new StoreVectorSource(this);
    }

    /**
     * Creates an empty store in {@code storeDir} (created if needed). Refuses a dim outside 1..4096
     * (IllegalArgumentException) and an existing store unless {@code force} (FileAlreadyExistsException).
     * The file is written beside and renamed into place, so a crash never leaves half a store.
     */
    public static VectorStore create(Path storeDir, int dim, Metric metric, boolean force) throws IOException {
        return create(storeDir, dim, metric, GraphSettings.DEFAULT, force);
    }

    /** As above, recording the volume's HNSW parameters {@code graph} in the header. */
    public static VectorStore create(Path storeDir, int dim, Metric metric, GraphSettings graph, boolean force)
            throws IOException {
        return create(storeDir, dim, metric, graph, EmbedderSpec.NONE, force);
    }

    /** As above, recording the store's embedder too (its dimension and metric must be the model's). */
    public static VectorStore create(Path storeDir, int dim, Metric metric, GraphSettings graph, EmbedderSpec embedder,
                                     boolean force) throws IOException {
        if (embedder.kind().dim != 0 && (embedder.kind().dim != dim || embedder.kind().metric != metric)) {
            throw new IllegalArgumentException("the " + embedder.label() + " model gives " + embedder.kind().dim
                    + "-d vectors compared by " + embedder.kind().metric.label());
        }
        if (dim < 1 || dim > MAX_DIM) {
            throw new IllegalArgumentException("dimension " + dim + " is out of range: must be between 1 and " + MAX_DIM);
        }
        if (metric == null) {
            throw new IllegalArgumentException("metric is required (l2, cosine or dot)");
        }
        Path parent = storeDir.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        PrivateFiles.directory(storeDir); // 0700, whatever the umask
        Path target = storeDir.resolve(FILE_NAME);
        if (Files.exists(target) && !force) {
            throw new FileAlreadyExistsException(target.toString(), null,
                    "a vector store already exists here; use --force to replace it (its vectors are lost)");
        }
        try (FileChannel old = Files.exists(target) ? FileChannel.open(target, StandardOpenOption.READ,
                StandardOpenOption.WRITE) : null) {
            // --force over a store a mount (or another tool) has open would pull it from under that process:
            // the old file's lock is held until the new one is in place
            if (old != null) lockOrRefuse(old, target, "is in use by a mount or another vexfs process; unmount it first");
            return createFresh(storeDir, target, dim, metric, graph, embedder);
        }
    }

    /** Takes the store's writer lock on {@code ch} (held until it closes), or says "{@code f} {@code why}". */
    static void lockOrRefuse(FileChannel ch, Path f, String why) throws IOException {
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new StoreInUseException(f + " " + why);
        }
    }

    private static VectorStore createFresh(Path storeDir, Path target, int dim, Metric metric, GraphSettings graph,
                                           EmbedderSpec embedder) throws IOException {
        Path tmp = storeDir.resolve(FILE_NAME + ".tmp");
        long size = recordOffset(INITIAL_CAPACITY, StoreFormat.recordSize(dim, metric));
        try (FileChannel ch = PrivateFiles.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ, StandardOpenOption.WRITE); Arena arena = Arena.ofConfined()) {
            FileExtension.allocate(tmp, ch, size);
            MemorySegment m = ch.map(FileChannel.MapMode.READ_WRITE, 0, size, arena);
            Header.writeNew(m, dim, metric, graph, embedder, new SecureRandom().nextLong(), System.currentTimeMillis(),
                    INITIAL_CAPACITY);
            m.force();
            ch.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel dir = FileChannel.open(storeDir, StandardOpenOption.READ)) {
            dir.force(true); // makes the rename durable
        } catch (IOException ignored) {
            // some filesystems cannot fsync a directory; the rename is still atomic
        }
        return open(storeDir, false);
    }

    /**
     * Opens the store in {@code storeDir}. A writable open takes an exclusive lock on the file
     * (IOException if another process has it). Throws NoSuchFileException if there is no store and
     * CorruptStoreException (naming the bad values) on bad magic, version, checksum or size.
     */
    public static VectorStore open(Path storeDir, boolean readOnly) throws IOException {
        Path f = storeDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(f)) {
            throw new NoSuchFileException(f.toString(), null, "no vector store (run vexfs mkfs first)");
        }
        FileChannel ch = readOnly ? FileChannel.open(f, StandardOpenOption.READ)
                : FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock = null;
        try {
            if (!readOnly) {
                try {
                    lock = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    throw new IOException(f + " is in use by another vexfs process (or already open in this one)");
                }
            }
            return new VectorStore(f, ch, lock, readOnly);
        } catch (IOException | RuntimeException e) {
            ch.close(); // also releases the lock
            throw e;
        }
    }

    /**
     * Where per-vector tables derived from this store (its key map, the fs layer's path hints) keep their memory:
     * unlinked scratch files in the store directory (java.io.tmpdir for a read-only store), so they are page cache
     * rather than heap or anonymous memory.
     */
    public ScratchMemory scratch() {
        return scratch;
    }

    public int dimension() {
        return dim;
    }

    public Metric metric() {
        return metric;
    }

    /** The embedder chosen at mkfs (none for most stores). */
    public EmbedderSpec embedder() {
        return header.embedder();
    }

    /** The volume's HNSW parameters, fixed at mkfs (the defaults for a store made before they were kept). */
    public GraphSettings graphSettings() {
        return header.graph();
    }

    public boolean readOnly() {
        return readOnly;
    }

    /** The id chosen when the store was made (mkfs, reindex): a graph records it to say which store it is for. */
    public long creationId() {
        return header.creationId();
    }

    /** Live vectors. */
    public int liveCount() {
        return live;
    }

    /** Slots ever used: every live slot is below this; what {@link VectorSource#slotCount()} reports. */
    public int slotCount() {
        return highWater;
    }

    /** Slots the file currently has room for. */
    public long capacity() {
        return capacity;
    }

    /** Free slots below {@link #slotCount()} (reused before the file grows). */
    public int freeCount() {
        return scanned ? free.size() : freeAtOpen;
    }

    /** What open found and repaired after an unclean shutdown (empty after a clean one). */
    public List<String> recoveryReport() {
        return List.copyOf(recovery);
    }

    /**
     * Stores {@code vector} (exact float32 values) as the vector of {@code fileKey}, replacing any
     * previous one, and returns its slot (a new slot on every call; see class comment).
     * Throws InvalidVectorException for a wrong length, NaN, infinity, or a zero vector under cosine.
     */
    public int put(long fileKey, float[] vector) throws IOException {
        return put(fileKey, vector, RecordTag.PLAIN);
    }

    /** As {@link #put(long, float[])}, with what the vector stands for (a chunk, a whole-file mean; {@link RecordTag}). */
    public int put(long fileKey, float[] vector, RecordTag tag) throws IOException {
        checkWritable();
        VectorCodec.validate(vector, dim, metric);
        checkIntact();
        try {
            return putChecked(fileKey, vector, tag);
        } catch (InternalError e) {
            throw damaged(e);
        }
    }

    private int putChecked(long fileKey, float[] vector, RecordTag tag) throws IOException {
        float norm = Distances.norm(vector);
        float[] normalised = metric == Metric.COSINE ? Distances.normalized(vector) : null;
        rw.writeLock().lock();
        try {
            ensureScannedLocked();
            int slot = allocateLocked();
            long gen = nextGeneration++;
            writeRecord(seg, recordOffset(slot, recordSize), recordSize, header.vectorBytes(), fileKey, gen, norm,
                    vector, normalised, tag);
            if (slot >= highWater) {
                highWater = slot + 1;
            }
            int old = keys.put(fileKey, slot);
            if (old >= 0) {
                markFree(seg, recordOffset(old, recordSize)); // only after the new record is LIVE
                free.push(old);
                touch(old);
            } else {
                live++;
            }
            touch(slot);
            changes++;
            return slot;
        } finally {
            rw.writeLock().unlock();
        }
    }

    /** Removes the vector of {@code fileKey}; false if it had none. */
    public boolean remove(long fileKey) throws IOException {
        checkWritable();
        checkIntact();
        try {
            return removeChecked(fileKey);
        } catch (InternalError e) {
            throw damaged(e);
        }
    }

    private boolean removeChecked(long fileKey) {
        rw.writeLock().lock();
        try {
            ensureScannedLocked();
            int slot = keys.remove(fileKey);
            if (slot < 0) {
                return false;
            }
            markFree(seg, recordOffset(slot, recordSize));
            free.push(slot);
            live--;
            touch(slot);
            changes++;
            return true;
        } finally {
            rw.writeLock().unlock();
        }
    }

    /**
     * How many puts and removes this store has seen since it was opened: equal counts mean no slot changed its key
     * or liveness in between (for tables derived from the slots, such as a directory's set of slots).
     */
    public long changeCount() {
        return changes;
    }

    /** The slot holding the vector of {@code fileKey}, or -1. */
    public int slotOf(long fileKey) {
        ensureScanned();
        rw.readLock().lock();
        try {
            return keys.get(fileKey);
        } finally {
            rw.readLock().unlock();
        }
    }

    /** Copies the vector of {@code fileKey}, exactly as it was put, into {@code dst}; false if it has none. */
    public boolean get(long fileKey, float[] dst) {
        if (dst.length != dim) {
            throw new IllegalArgumentException("destination has length " + dst.length + ", store dimension is " + dim);
        }
        ensureScanned();
        checkIntact();
        rw.readLock().lock();
        try {
            int slot = keys.get(fileKey);
            if (slot < 0) {
                return false;
            }
            readOriginal(slot, dst);
            return true;
        } catch (InternalError e) {
            throw damaged(e);
        } finally {
            rw.readLock().unlock();
        }
    }

    /** The key last written to {@code slot}; meaningful only while {@link #isLive(int)} is true. */
    public long fileKeyOf(int slot) {
        checkSlot(slot);
        return key(seg, recordOffset(slot, recordSize));
    }

    /** True if {@code slot} currently holds a vector. */
    public boolean isLive(int slot) {
        return slot >= 0 && slot < highWater && state(seg, recordOffset(slot, recordSize)) == RECORD_LIVE;
    }

    /** The kind of the vector in {@code slot} ({@link RecordTag#KIND_PLAIN} for anything unknown). */
    public int kindOf(int slot) {
        checkSlot(slot);
        return RecordTag.knownKind(kind(seg, recordOffset(slot, recordSize)));
    }

    /** The kind and text range of the vector in {@code slot}, checked (a bad range reads as none). */
    public RecordTag tagOf(int slot) {
        checkSlot(slot);
        long off = recordOffset(slot, recordSize);
        return RecordTag.of(kind(seg, off), rangeStart(seg, off), rangeEnd(seg, off));
    }

    /** The stored Euclidean norm of the original vector in {@code slot}. */
    public float normOf(int slot) {
        checkSlot(slot);
        return norm(seg, recordOffset(slot, recordSize));
    }

    /**
     * The {@code k} live vectors closest to {@code query} (raw; prepared here for the metric) among the slots
     * {@code filter} accepts (null = all), by an exact scan.
     */
    public SearchResult exactSearch(float[] query, int k, IntPredicate filter) {
        checkIntact();
        VectorSource vs = asVectorSource();
        IntPredicate accept = filter == null ? this::isLive : slot -> isLive(slot) && filter.test(slot);
        try {
            return ExactSearch.search(vs, vs.prepareQuery(query), k, accept);
        } catch (InternalError e) {
            throw damaged(e);
        }
    }

    /** A view for the HNSW index: distances by slot, straight from the mapping. */
    public VectorSource asVectorSource() {
        return source;
    }

    /**
     * Makes every put/remove that returned before this call durable (msync of the header page and of
     * the records written since the last sync). Concurrent callers are serialised so none returns
     * before the pages it depends on are on disk.
     */
    public void sync() throws IOException {
        if (readOnly || closed) {
            return;
        }
        checkIntact();
        synchronized (syncLock) {
            int lo, hi;
            MemorySegment m;
            rw.writeLock().lock();
            try {
                lo = dirtyMin;
                hi = dirtyMax;
                dirtyMin = dirtyMax = -1;
                m = seg;
            } finally {
                rw.writeLock().unlock();
            }
            if (lo >= 0) {
                long from = recordOffset(lo, recordSize);
                m.asSlice(from, recordOffset(hi + 1L, recordSize) - from).force();
            }
        }
    }

    /** Writes exact counters, marks the file clean, forces it and unmaps. Idempotent. */
    @Override
    public void close() throws IOException {
        rw.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (!readOnly && intact()) {
                try {
                    writeCounters(seg, STATE_CLEAN, capacity, highWater, live, freeCount(), nextGeneration);
                    seg.force();
                } catch (InternalError e) {
                    damaged(e);  // logged; the file stays marked dirty, the next open checks it
                }
            }
            mapping.close(); // unmaps, and closes the channel: releases the lock
        } finally {
            rw.writeLock().unlock();
        }
    }

    // ---- damage while mounted

    /**
     * Throws {@link StoreDamagedException} if the store was found damaged, or is found cut short now (one fstat:
     * the file is never smaller than the mapping unless someone truncated it behind our back, and a mapped page
     * past its end faults on the next touch).
     */
    public void checkIntact() {
        if (!intact()) throw new StoreDamagedException(damage);
    }

    /** The store is not known to be damaged (a size check; marks it damaged if it is cut short). */
    public boolean intact() {
        if (damage != null) return false;
        // the mapping first, then the size: a put growing the store meanwhile extends the file before it maps the
        // larger segment, so read in this order the file is never smaller than the segment unless it was cut short
        // (read the other way round, a growth between the two reads looked like damage: concurrent puts)
        MemorySegment m = seg;
        long size;
        try {
            size = mapping.fileSize();
        } catch (IOException e) {
            return true;  // cannot tell: the next touch of the mapping decides
        }
        if (size < m.byteSize()) {
            markDamaged("it is " + size + " bytes, " + m.byteSize() + " are mapped: cut short while mounted");
            return false;
        }
        return true;
    }

    /** A fault on a mapped page (SIGBUS, an InternalError in Java): the store is damaged from now on. */
    private StoreDamagedException damaged(InternalError e) {
        if (intact()) markDamaged("a fault on a mapped page (" + e.getMessage() + ")");
        return new StoreDamagedException(damage);
    }

    private synchronized void markDamaged(String why) {
        if (damage != null) return;
        Path backing = file.toAbsolutePath().getParent().getParent();
        damage = "the vector store " + file + " is damaged: " + why + "; vector operations answer EUCLEAN until it"
                + " is rebuilt from the files' vectors: unmount, then run vexfs reindex --dim " + dim
                + " --metric " + metric.name().toLowerCase(java.util.Locale.ROOT) + " " + backing;
        LOG.error("{}", damage);
    }

    // ---- package-private access for the vector source, search, verifier and inspector

    MemorySegment segment() {
        return seg;
    }

    Header header() {
        return header;
    }

    /** The store's file. */
    public Path file() {
        return file;
    }

    int recordSize() {
        return recordSize;
    }

    long recordOffsetOf(int slot) {
        return recordOffset(slot, recordSize);
    }

    /** Offset of the copy distances are computed on: the normalised copy for cosine, else the original. */
    long searchOffsetOf(int slot) {
        long base = recordOffset(slot, recordSize) + R_VECTOR;
        return metric == Metric.COSINE ? base + header.vectorBytes() : base;
    }

    void readOriginal(int slot, float[] dst) {
        MemorySegment.copy(seg, FLOAT, recordOffset(slot, recordSize) + R_VECTOR, dst, 0, dim);
    }

    // ---- internals

    private void ensureScanned() {
        if (!scanned) {
            rw.writeLock().lock();
            try {
                ensureScannedLocked();
            } finally {
                rw.writeLock().unlock();
            }
        }
    }

    private void ensureScannedLocked() {
        if (!scanned) {
            adopt(RecordScan.run(seg, header, highWater, false, !readOnly, recovery, scratch()));
        }
    }

    private void adopt(RecordScan s) {
        keys = s.keys;
        free = s.free;
        highWater = s.highWater;
        live = s.live;
        nextGeneration = Math.max(nextGeneration, s.maxGeneration + 1);
        scanned = true;
    }

    /** A free slot, or the next new one, growing the file (by doubling) when it is full. */
    private int allocateLocked() throws IOException {
        int slot = free.pop();
        if (slot >= 0) {
            return slot;
        }
        if (highWater >= capacity) {
            long newCap = Math.min(Math.max(capacity * 2, INITIAL_CAPACITY), Integer.MAX_VALUE);
            if (newCap <= highWater) {
                throw new IOException(file + ": store is full (" + highWater + " slots)");
            }
            // a full disk fails here, not as a fault on a mapped hole; the new records are zeros (FREE), and
            // readers keep the old mapping
            mapping.growTo(recordOffset(newCap, recordSize));
            MemorySegment m = seg = mapping.segment();
            channel.force(true);
            capacity = newCap;
            writeCounters(m, STATE_DIRTY, capacity, highWater, live, free.size(), nextGeneration);
        }
        return highWater;
    }

    private void touch(int slot) {
        dirtyMin = dirtyMin < 0 ? slot : Math.min(dirtyMin, slot);
        dirtyMax = Math.max(dirtyMax, slot);
    }

    private void checkSlot(int slot) {
        if (slot < 0 || slot >= highWater) {
            throw new IndexOutOfBoundsException("slot " + slot + " outside [0, " + highWater + ")");
        }
    }

    private void checkWritable() throws IOException {
        if (readOnly) {
            throw new IOException(file + " is open read-only");
        }
        if (closed) {
            throw new IOException(file + " is closed");
        }
    }
}
