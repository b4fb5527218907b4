package vexfs.volume;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vexfs.base.Metric;
import vexfs.libc.Attr;
import vexfs.libc.Errno;
import vexfs.libc.FsException;
import vexfs.libc.MemoryFilesystems;
import vexfs.libc.Name;
import vexfs.libc.NativeIo;
import vexfs.store.InvalidVectorException;
import vexfs.store.RecordTag;
import vexfs.store.VectorCodec;
import vexfs.store.VectorStore;

/**
 * The vectors of backing files: the authoritative copy is the file's own xattr ({@link BackingXattr}), the
 * vector store is the derived index, keyed by the backing inode number. Invariant (outside a running
 * reconcile of offline changes): every vector in the store is also in its file's xattr. Writers keep it by
 * ordering: set = xattr, then store; remove = store, then xattr; all under the key's lock. A crash between the
 * two steps leaves the file with a vector the store lacks, which reconcile adds. Used by the mounted filesystem
 * and, with no mount, by {@code vexfs verify/reindex}.
 */
public final class FileVectors {
    private static final Logger LOG = LoggerFactory.getLogger(FileVectors.class);

    public final VectorStore store;
    public final int rootFd;
    public final long rootDev;
    final KeyLocks locks = new KeyLocks();
    private final DiskFullNotice diskFull = new DiskFullNotice();
    final PathHints hints;
    /** The backing root as /proc/self/fd shows it, as bytes (never decoded: names need not be UTF-8). */
    private final byte[] rootPath;
    private final int dim;
    /** {@code -o sync_vectors}: fsync + msync before every acknowledgement (else the backing FS's own durability). */
    private final boolean syncEveryCall;
    /** The store is on a memory filesystem: its msync has nothing to write (see {@link #storeSyncIsFree()}). */
    private final boolean storeSyncIsFree;
    /** False when the backing filesystem has no user xattrs: the store is then the only copy. */
    public final boolean xattrs;
    private volatile IndexUpdates updates = IndexUpdates.NONE;
    /**
     * The store slots whose vector is store-only (its xattr is the STORE_ONLY marker: too large for the backing
     * filesystem), for /.vexfs/stats; one bit per slot, set by set() and the reconcile, cleared when the slot is.
     */
    private final java.util.BitSet storeOnlySlots = new java.util.BitSet();

    /**
     * {@code syncEveryCall}: every set/remove returns only after the file is fsynced and the store msynced (mount
     * option {@code sync_vectors}). Without it a set returns once the vector is in the store mapping and the
     * backing xattr (both in the kernel: safe against kill -9 of the daemon) and is durable against power loss
     * after {@link #syncAll()}, an fsync of the file ({@link #syncStore()} + the backing fsync) or unmount.
     */
    public FileVectors(VectorStore store, int rootFd, boolean syncEveryCall) throws FsException {
        this.store = store;
        store.scratch().onAnonymousFallback(why -> LOG.warn("the store directory cannot take more scratch tables "
                + "({}): the key map and path hints grow in anonymous memory until it can", why));
        this.hints = new PathHints(store.scratch());
        this.rootFd = rootFd;
        this.rootDev = NativeIo.stat(rootFd).dev();
        this.rootPath = procLink(rootFd);
        this.dim = store.dimension();
        this.syncEveryCall = syncEveryCall;
        this.storeSyncIsFree = MemoryFilesystems.contains(store.file());
        this.xattrs = probeXattrs(rootFd);
        if (!xattrs) LOG.warn("the backing filesystem has no user xattrs: vectors live in the store only");
    }

    public void setUpdates(IndexUpdates u) {
        this.updates = u == null ? IndexUpdates.NONE : u;
    }

    public int dimension() {
        return dim;
    }

    public Metric metric() {
        return store.metric();
    }

    // ---- one file ----

    /** The file's vector, or null if it has none. */
    public float[] read(int pathFd, long key) throws FsException {
        if (!xattrs) return storeGet(key);
        BackingXattr.Value v = readBacking(pathFd);
        if (v == null || v.dim() != dim) return null;
        return v.storeOnly() ? storeGet(key) : v.vector();
    }

    /** True if the file carries a vector (cheaper than {@link #read}: a size probe). */
    public boolean has(int pathFd, long key) throws FsException {
        if (!xattrs) return store.slotOf(key) >= 0;
        return hasBacking(pathFd);
    }

    /**
     * Sets the vector of the file open as {@code pathFd} (key = its inode). Throws InvalidVectorException for a
     * value that may not be stored (nothing changed then). A file with no links left (open but unlinked) gets
     * the xattr only: it can never be found by search again. Durable before returning with {@code syncEveryCall}.
     */
    public void set(int pathFd, long key, float[] v, byte[] hint) throws FsException {
        set(pathFd, key, v, hint, syncEveryCall);
    }

    /**
     * As above, durable before returning only if {@code sync} (the automatic embedder's vectors need not be: what a
     * power loss takes is embedded again, see docs/embeddings.md).
     */
    public void set(int pathFd, long key, float[] v, byte[] hint, boolean sync) throws FsException {
        VectorCodec.validate(v, dim, store.metric());
        ReentrantLock l = locks.of(key);
        l.lock();
        try {
            setLocked(pathFd, key, v, RecordTag.PLAIN, hint);
            removeChunksLocked(key, 0); // a vector set by hand stands for the whole file: a document's chunks go
        } finally {
            l.unlock();
        }
        if (sync) makeDurable(pathFd);
    }

    /**
     * Sets a document's vectors (the automatic embedder): {@code whole} as the file's vector (xattr and store, as
     * {@link #set}), and {@code chunks[i]} with text range {@code ranges[2i]..ranges[2i+1]} as its chunks (store only:
     * they are derived from the content, which the embedder can read again). With no chunks, {@code whole} is a plain
     * vector with {@code wholeRange} as its text range. The chunks are put before the file's vector turns WHOLE, and a
     * failure removes them all, so search never sees a file twice or a WHOLE vector standing for chunks that are gone
     * (the search side checks that too: {@link DocumentSlots}). Not durable on return (see {@link #set}).
     */
    public void setDocument(int pathFd, long key, float[] whole, long[] wholeRange, float[][] chunks, long[] ranges,
                            byte[] hint) throws FsException {
        VectorCodec.validate(whole, dim, store.metric());
        boolean chunked = chunks.length > 1 && ChunkKeys.fits(key);
        if (chunked) {
            for (float[] c : chunks) VectorCodec.validate(c, dim, store.metric());
        }
        ReentrantLock l = locks.of(key);
        l.lock();
        try {
            int n = 0;
            try {
                if (chunked && NativeIo.stat(pathFd).nlink() > 0) {
                    for (; n < chunks.length; n++) {
                        putLocked(ChunkKeys.of(key, n), chunks[n], RecordTag.chunk(ranges[2 * n], ranges[2 * n + 1]));
                    }
                }
                RecordTag tag = n > 0 ? new RecordTag(RecordTag.KIND_WHOLE, wholeRange[0], wholeRange[1])
                        : new RecordTag(RecordTag.KIND_PLAIN, wholeRange[0], wholeRange[1]);
                setLocked(pathFd, key, whole, tag, hint);
                if (store.slotOf(key) < 0) n = 0; // no link left: nothing of it is searchable
            } catch (FsException | RuntimeException | Error e) {
                n = 0;
                throw e;
            } finally {
                removeChunksLocked(key, n);
            }
        } finally {
            l.unlock();
        }
    }

    private void setLocked(int pathFd, long key, float[] v, RecordTag tag, byte[] hint) throws FsException {
        byte[] previous = xattrs ? previousBacking(pathFd) : null;
        boolean storeOnly;
        try {
            storeOnly = writeBacking(pathFd, v);
        } catch (FsException e) {
            if (e.errno() == Errno.ENOSPC || e.errno() == Errno.EDQUOT) {
                diskFull.refused("the file's vector xattr: " + e.getMessage());
            }
            throw e;
        }
        boolean stored = false;
        try {
            if (NativeIo.stat(pathFd).nlink() > 0) {
                markStoreOnly(putLocked(key, v, tag), storeOnly);
                stored = true;
                if (hint != null) hints.put(key, hint);
            }
        } catch (FsException | RuntimeException | InternalError e) {
            // InternalError: a fault in a mapped file (one damaged or cut short behind our back)
            if (stored) {
                // the vector is in the xattr and the store: the call did what it says, only a hint is missing
                LOG.warn("ino {}: path hint not recorded: {}", key, e.toString());
            } else {
                restoreBacking(pathFd, previous); // the call fails: the previous vector stays in force
                throw e;
            }
        }
    }

    /** What {@link #underKeyLock} runs. */
    public interface Locked<T> {
        T run() throws FsException;
    }

    /**
     * Runs {@code action} holding {@code key}'s lock, the one {@link #set} and {@link #remove} take (reentrant): a check
     * and a set inside are one step for every other writer of that file's vector (the automatic embedder uses it so
     * that a vector set by setxattr meanwhile is never overwritten).
     */
    public <T> T underKeyLock(long key, Locked<T> action) throws FsException {
        ReentrantLock l = locks.of(key);
        l.lock();
        try {
            return action.run();
        } finally {
            l.unlock();
        }
    }

    /** Removes the file's vector; false if it had none. */
    public boolean remove(int pathFd, long key) throws FsException {
        ReentrantLock l = locks.of(key);
        l.lock();
        try {
            boolean had = has(pathFd, key);
            float[] before = had && xattrs ? storeGet(key) : null;
            removeFromStoreLocked(key); // also drops a stale entry left by an offline inode reuse
            if (!had) return false;
            if (xattrs) {
                try {
                    NativeIo.removexattr(pathFd, BackingXattr.NAME);
                } catch (FsException e) {
                    if (e.errno() != Errno.ENODATA) {
                        // the call fails: the vector stays (back into the slot just freed, so no growth is needed)
                        if (before != null) putBack(key, before);
                        throw e;
                    }
                }
            }
        } finally {
            l.unlock();
        }
        if (syncEveryCall) makeDurable(pathFd);
        return true;
    }

    private void putBack(long key, float[] v) {
        try {
            putLocked(key, v);
        } catch (FsException | RuntimeException e) {
            LOG.warn("ino {}: could not put the vector back after a failed removexattr: {} (reconcile will)", key,
                    e.getMessage());
        }
    }

    /** The inode lost its last link: its vector leaves the index (the xattr goes with the inode). */
    public void lastLinkGone(long key) {
        ReentrantLock l = locks.of(key);
        l.lock();
        try {
            removeFromStoreLocked(key);
        } catch (FsException e) {
            LOG.warn("ino {}: removing the vector of a deleted file failed: {}", key, e.getMessage());
        } finally {
            l.unlock();
        }
    }

    // ---- paths ----

    /** The path relative to the backing root of what {@code fd} refers to ("" for the root), or null. */
    public byte[] relativePath(int fd) {
        byte[] p = procLink(fd);
        if (p == null || rootPath == null || endsWith(p, DELETED)) return null;
        if (Arrays.equals(p, rootPath)) return new byte[0];
        // the prefix is the root and a '/' (just "/" when the backing root is the filesystem root)
        int n = rootPath.length == 1 ? 1 : rootPath.length + 1;
        if (p.length <= n || !Arrays.equals(p, 0, rootPath.length, rootPath, 0, rootPath.length) || p[n - 1] != '/') {
            return null;
        }
        return Arrays.copyOfRange(p, n, p.length);
    }

    private static final byte[] DELETED = " (deleted)".getBytes(StandardCharsets.US_ASCII);

    private static boolean endsWith(byte[] p, byte[] suffix) {
        return p.length >= suffix.length
                && Arrays.equals(p, p.length - suffix.length, p.length, suffix, 0, suffix.length);
    }

    /** Records {@code path} (relative to the backing root) as where the file with {@code key} now is. */
    public void recordPath(long key, byte[] path) {
        hints.put(key, path);
    }

    /** How many times a path hint was recorded or dropped since the mount: equal counts mean no hint changed. */
    public long hintChanges() {
        return hints.changeCount();
    }

    /** The hinted path of {@code key} as recorded (not verified), or null. */
    public byte[] hintedPath(long key) {
        return hints.get(key);
    }

    /**
     * The hinted path of {@code key} (relative to the backing root, the name's bytes) if it still names that inode as
     * a regular file, else null.
     */
    public byte[] verifiedPath(long key) {
        byte[] p = hints.get(key);
        if (p == null || p.length == 0) return null;
        try {
            // a multi-component relative path: openat/fstatat accept it, and it never leaves the backing root
            Attr a = NativeIo.fstatat(rootFd, Name.of(p), NativeIo.AT_SYMLINK_NOFOLLOW);
            if (a.isRegular() && a.ino() == key) return p;
        } catch (FsException gone) {
            // stale
        }
        return null;
    }

    // ---- internals shared with the reconciler ----

    /** Where verify --repair keeps a vector xattr this store cannot hold (the file keeps it; VexFS ignores it). */
    static final String FOREIGN_XATTR = "user.vexfs.v1.foreign";
    private static final Name FOREIGN_NAME = Name.of(FOREIGN_XATTR);
    /** XATTR_SIZE_MAX: no xattr value is larger. */
    private static final int XATTR_SIZE_MAX = 65536;

    /** The file has a vector xattr at all, readable or not. */
    boolean hasBacking(int pathFd) throws FsException {
        try {
            NativeIo.getxattrSize(pathFd, BackingXattr.NAME);
            return true;
        } catch (FsException e) {
            if (e.errno() == Errno.ENODATA) return false;
            throw e;
        }
    }

    /** Renames the file's vector xattr to {@link #FOREIGN_XATTR} (replacing an older one there). */
    void moveBackingAside(int pathFd) throws FsException {
        byte[] raw = NativeIo.getxattr(pathFd, BackingXattr.NAME, XATTR_SIZE_MAX);
        NativeIo.setxattr(pathFd, FOREIGN_NAME, raw, 0);
        NativeIo.removexattr(pathFd, BackingXattr.NAME);
        LOG.info("{}: vector xattr moved aside to {} (this store cannot hold it)", describe(pathFd), FOREIGN_XATTR);
    }

    BackingXattr.Value readBacking(int pathFd) throws FsException {
        byte[] b;
        try {
            b = NativeIo.getxattr(pathFd, BackingXattr.NAME, BackingXattr.HEADER + 4 * dim + 64);
        } catch (FsException e) {
            if (e.errno() == Errno.ENODATA) return null;
            if (e.errno() == Errno.ERANGE) {
                LOG.warn("{}: xattr {} is larger than a dim-{} vector; ignored", describe(pathFd), BackingXattr.NAME_TEXT, dim);
                return null;
            }
            throw e;
        }
        try {
            BackingXattr.Value v = BackingXattr.decode(b);
            if (v.dim() != dim) {
                LOG.warn("{}: vector of dimension {} (this store has {}); ignored", describe(pathFd), v.dim(), dim);
            }
            return v;
        } catch (InvalidVectorException e) {
            LOG.warn("{}: {}; ignored", describe(pathFd), e.getMessage());
            return null;
        }
    }

    float[] storeGet(long key) {
        float[] v = new float[dim];
        return store.get(key, v) ? v : null;
    }

    /**
     * Puts the vector into the store, then tells the index; returns its slot. Room in the store and the graph is
     * made first, so a full disk fails here with ENOSPC before anything changed; once the store holds the vector
     * the call has succeeded, and a failure of the graph update is the graph's (logged), not the caller's.
     */
    int putLocked(long key, float[] v) throws FsException {
        return putLocked(key, v, RecordTag.PLAIN);
    }

    int putLocked(long key, float[] v, RecordTag tag) throws FsException {
        try {
            updates.reserve(store.slotCount() + 1);
        } catch (FsException e) {
            if (e.errno() == Errno.ENOSPC || e.errno() == Errno.EDQUOT) diskFull.refused(e.getMessage());
            throw e;
        }
        int old = store.slotOf(key);
        long capacity = store.capacity();
        int slot;
        try {
            slot = store.put(key, v, tag);
        } catch (IOException e) {
            throw diskError("vector store", e);
        }
        if (store.capacity() > capacity) diskFull.succeeded(); // the store grew: there is room again
        if (old >= 0) markStoreOnly(old, false);
        try {
            updates.onPut(key, slot, old);
        } catch (RuntimeException | InternalError e) {
            LOG.warn("ino {}: the vector is stored but the graph could not take it ({}); search may miss it until "
                    + "the graph is rebuilt", key, e.toString());
        }
        return slot;
    }

    /**
     * The errno of a failed store or graph growth: ENOSPC / EDQUOT for a full disk (the caller can do something
     * about it), said in one line per episode rather than one per request; else what the exception says.
     */
    private FsException diskError(String what, IOException e) {
        int errno = Errno.of(e);
        if (errno == Errno.ENOSPC || errno == Errno.EDQUOT) diskFull.refused(what + ": " + e.getMessage());
        return new FsException(errno, what + ": " + e.getMessage());
    }

    void removeFromStoreLocked(long key) throws FsException {
        hints.remove(key);
        removeChunksLocked(key, 0);
        removeKeyLocked(key);
    }

    /** Removes chunks {@code from}, {@code from + 1}, ... of the file {@code key} (they are numbered without gaps). */
    void removeChunksLocked(long key, int from) throws FsException {
        if (!ChunkKeys.fits(key)) return;
        for (int i = from; i <= ChunkKeys.MAX_INDEX && store.slotOf(ChunkKeys.of(key, i)) >= 0; i++) {
            removeKeyLocked(ChunkKeys.of(key, i));
        }
    }

    /** Copies the chunks of {@code key} from {@code previous} (a reindex keeps what only the store held). */
    void copyChunksLocked(long key, VectorStore previous) throws FsException {
        if (!ChunkKeys.fits(key)) return;
        float[] c = new float[dim];
        for (int i = 0; i <= ChunkKeys.MAX_INDEX; i++) {
            long ck = ChunkKeys.of(key, i);
            int slot = previous.slotOf(ck);
            if (slot < 0 || !previous.get(ck, c)) return;
            putLocked(ck, c, previous.tagOf(slot));
        }
    }

    void removeKeyLocked(long key) throws FsException {
        int old = store.slotOf(key);
        if (old < 0) return;
        markStoreOnly(old, false);
        try {
            store.remove(key);
        } catch (IOException e) {
            throw new FsException(Errno.of(e), "vector store: " + e.getMessage());
        }
        try {
            updates.onRemove(key, old);
        } catch (RuntimeException | InternalError e) {
            LOG.warn("ino {}: the vector is removed but the graph could not drop it ({})", key, e.toString());
        }
    }

    private byte[] previousBacking(int pathFd) throws FsException {
        try {
            return NativeIo.getxattr(pathFd, BackingXattr.NAME, BackingXattr.HEADER + 4 * dim + 64);
        } catch (FsException e) {
            if (e.errno() == Errno.ENODATA || e.errno() == Errno.ERANGE) return null;
            throw e;
        }
    }

    private void restoreBacking(int pathFd, byte[] previous) {
        try {
            if (previous != null) NativeIo.setxattr(pathFd, BackingXattr.NAME, previous, 0);
            else NativeIo.removexattr(pathFd, BackingXattr.NAME);
        } catch (FsException e) {
            LOG.warn("{}: could not restore the previous vector xattr: {} (reconcile will settle it)", describe(pathFd),
                    e.getMessage());
        }
    }

    /** Writes the backing xattr; true if only the STORE_ONLY marker fitted (the store holds the only copy). */
    private boolean writeBacking(int pathFd, float[] v) throws FsException {
        if (!xattrs) return true;
        try {
            NativeIo.setxattr(pathFd, BackingXattr.NAME, BackingXattr.encode(v), 0);
            return false;
        } catch (FsException e) {
            int n = e.errno();
            if (n != Errno.ENOSPC && n != Errno.E2BIG && n != Errno.ERANGE) throw e;
            // too large for this filesystem's xattr space (ext4 without ea_inode: ~4 KiB per inode)
            NativeIo.setxattr(pathFd, BackingXattr.NAME, BackingXattr.storeOnlyMarker(dim), 0);
            if (storeOnlyLogged.compareAndSet(false, true)) {
                LOG.warn("{}: a {}-dimension vector does not fit in the backing filesystem's xattrs: it is kept in the"
                        + " store only (copies of the file do not carry it; back up with vexfs export; counted in"
                        + " /.vexfs/stats vectors_store_only)", describe(pathFd), dim);
            }
            return true;
        }
    }

    private final java.util.concurrent.atomic.AtomicBoolean storeOnlyLogged = new java.util.concurrent.atomic.AtomicBoolean();

    /** Records whether the vector in {@code slot} is store-only. */
    void markStoreOnly(int slot, boolean storeOnly) {
        if (slot < 0 || !xattrs) return;
        synchronized (storeOnlySlots) {
            storeOnlySlots.set(slot, storeOnly);
        }
    }

    /**
     * Vectors whose only copy is the store (too large for the backing filesystem's xattrs, or no xattrs at all):
     * the ones a copy of the files does not carry. Counted since the mount's reconcile walk.
     */
    public long storeOnlyCount() {
        if (!xattrs) return store.liveCount();
        synchronized (storeOnlySlots) {
            return storeOnlySlots.cardinality();
        }
    }

    /** True when every set/remove is made durable before it returns ({@code -o sync_vectors}). */
    public boolean syncEveryCall() {
        return syncEveryCall;
    }

    /**
     * The store lives on a memory filesystem (tmpfs, ramfs), where msync writes nothing: a sync of it can be
     * skipped, and an fsync through the mount need not wait for the store's write lock.
     */
    public boolean storeSyncIsFree() {
        return storeSyncIsFree;
    }

    /** msync of the store records written since the last sync (the half of a file's fsync the backing FS cannot do). */
    public void syncStore() throws FsException {
        try {
            store.sync();
        } catch (IOException e) {
            throw new FsException(Errno.EIO, "vector store sync: " + e.getMessage());
        }
    }

    /**
     * Everything acknowledged so far survives a power loss after this returns: the store's records (msync) and the
     * backing filesystem's xattrs (syncfs of the backing root). For {@code sync} on the control file and unmount.
     */
    public void syncAll() throws FsException {
        try {
            syncStore();
        } finally {
            NativeIo.syncfs(rootFd);  // the files' data and xattrs, even when the store is found damaged
        }
    }

    /** fsync of the backing file (persists its xattr) and msync of the store pages written. */
    private void makeDurable(int pathFd) throws FsException {
        if (xattrs) {
            int fd = -1;
            try {
                fd = NativeIo.reopen(pathFd, NativeIo.O_RDONLY | NativeIo.O_CLOEXEC | NativeIo.O_NOATIME);
            } catch (FsException noRead) {
                try {
                    fd = NativeIo.reopen(pathFd, NativeIo.O_RDONLY | NativeIo.O_CLOEXEC);
                } catch (FsException e) {
                    LOG.debug("{}: cannot open to fsync: {}", describe(pathFd), e.getMessage());
                }
            }
            if (fd >= 0) {
                try {
                    NativeIo.fsync(fd, false);
                } finally {
                    NativeIo.close(fd);
                }
            }
        }
        try {
            store.sync();
        } catch (IOException e) {
            throw new FsException(Errno.EIO, "vector store sync: " + e.getMessage());
        }
    }

    public String describe(int fd) {
        byte[] p = relativePath(fd);
        return p == null ? "fd " + fd : "/" + new String(p, StandardCharsets.UTF_8);
    }

    static boolean sameVector(float[] a, float[] b) {
        return a != null && b != null && Arrays.equals(a, b);
    }

    /** The target of /proc/self/fd/N as raw bytes, or null. */
    private static byte[] procLink(int fd) {
        try {
            return NativeIo.readlink(NativeIo.procPath(fd));
        } catch (FsException e) {
            return null;
        }
    }

    private static boolean probeXattrs(int rootFd) {
        try {
            NativeIo.listxattrSize(rootFd);
            return true;
        } catch (FsException e) {
            return e.errno() != Errno.ENOTSUP && e.errno() != Errno.EOPNOTSUPP;
        }
    }
}
