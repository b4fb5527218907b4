package vexfs.volume;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vexfs.base.ProgressListener;
import vexfs.libc.Attr;
import vexfs.libc.FsException;
import vexfs.libc.Name;
import vexfs.libc.NativeIo;
import vexfs.store.RecordTag;
import vexfs.store.VectorStore;

/**
 * Brings the store in line with the backing files' xattrs (the authority): walks the tree, and for each regular
 * file compares its xattr with the store (adding, updating or dropping the store entry), records its path hint,
 * then (full scans only) drops store entries no file claims any more. This is how changes made to the backing
 * directory while unmounted (deletions, renames, {@code cp -a --preserve=xattr}, restores) are taken in.
 * Without {@code repair} it only counts. Each file's step holds the file's key lock, so it is safe while the
 * filesystem is mounted and writing.
 */
public final class Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private static final int MAX_LISTED = 20;

    private final FileVectors v;
    private final boolean repair;
    /**
     * vexfs verify: files whose vector xattr is unreadable are looked for too (one more getxattr per file without
     * a vector, which the mount's reconcile does not pay), and under --repair moved aside
     * ({@link FileVectors#moveBackingAside}).
     */
    private boolean verifying;
    private final ProgressListener progress;
    /** reindex: where STORE_ONLY vectors are copied from (the store being replaced), or null. */
    private final VectorStore previous;
    private final BitSet seen = new BitSet();
    private final List<String> problems = new ArrayList<>();
    private long files, withVector, added, updated, stale, lost, foreign;

    private Reconciler(FileVectors v, boolean repair, ProgressListener progress, VectorStore previous) {
        this.v = v;
        this.previous = previous;
        this.repair = repair;
        this.progress = progress;
    }

    /** Whole tree, then the store entries no file claimed. */
    public static ReconcileReport full(FileVectors v, boolean repair, ProgressListener progress, BooleanSupplier stop) throws FsException {
        Reconciler r = new Reconciler(v, repair, progress, null);
        TreeWalker.walk(v.rootFd, new byte[0], r::file, stop);
        if (stop.getAsBoolean()) return r.report(false);
        r.unclaimed();
        return r.report(true);
    }

    /**
     * {@code vexfs verify}: a {@link #full} scan that also reports every file whose vector xattr this store cannot
     * hold (another dimension, unreadable, not storable) and, with {@code repair}, moves those xattrs aside.
     */
    public static ReconcileReport verify(FileVectors v, boolean repair, ProgressListener progress) throws FsException {
        Reconciler r = new Reconciler(v, repair, progress, null);
        r.verifying = true;
        TreeWalker.walk(v.rootFd, new byte[0], r::file, () -> false);
        r.unclaimed();
        return r.report(true);
    }

    /** Into an empty store: every vector the files carry; STORE_ONLY ones are copied from {@code previous}. */
    static ReconcileReport rebuild(FileVectors fresh, VectorStore previous, ProgressListener progress) throws FsException {
        Reconciler r = new Reconciler(fresh, true, progress, previous);
        TreeWalker.walk(fresh.rootFd, new byte[0], r::file, () -> false);
        return r.report(true);
    }

    /** Only below {@code relDir} (after a directory rename): refreshes path hints, fixes what differs. */
    public static ReconcileReport subtree(FileVectors v, byte[] relDir) throws FsException {
        Reconciler r = new Reconciler(v, true, null, null);
        TreeWalker.walk(v.rootFd, relDir, r::file, () -> false);
        return r.report(true);
    }

    private ReconcileReport report(boolean complete) {
        return new ReconcileReport(files, withVector, added, updated, stale, lost, foreign, List.copyOf(problems), complete);
    }

    private void problem(String s) {
        if (problems.size() < MAX_LISTED) problems.add(s);
        LOG.debug("reconcile: {}{}", s, repair ? " (fixed)" : "");
    }

    private void file(int dirFd, Name name, long dIno, byte[] path) throws FsException {
        if (++files % 1024 == 0 && progress != null) progress.progress("files scanned", files, -1);
        int fd = NativeIo.openat(dirFd, name, NativeIo.O_PATH | NativeIo.O_NOFOLLOW | NativeIo.O_CLOEXEC, 0);
        try {
            Attr a = NativeIo.stat(fd);
            if (!a.isRegular() || a.dev() != v.rootDev) return;
            long key = a.ino();
            ReentrantLock l = v.locks.of(key);
            l.lock();
            try {
                fileLocked(fd, key, path);
            } finally {
                l.unlock();
            }
        } finally {
            NativeIo.close(fd);
        }
    }

    private void fileLocked(int fd, long key, byte[] path) throws FsException {
        String shown = "/" + new String(path, java.nio.charset.StandardCharsets.UTF_8);
        int slot = v.store.slotOf(key);
        BackingXattr.Value x = v.xattrs ? v.readBacking(fd) : null;
        if (!v.xattrs) {
            if (slot >= 0) claim(key, slot, path);
            return;
        }
        String unstorable = x == null || x.storeOnly() || x.dim() != v.dimension() ? null : unstorable(x.vector());
        if (unstorable != null) {
            // copied in from elsewhere (cp -a, a restore, another store's metric): skip this file, not the whole walk
            problem(shown + " (ino " + key + "): its vector cannot be stored here (" + unstorable + "); ignored");
        }
        if (x == null || x.dim() != v.dimension() || unstorable != null) {
            boolean other = x != null || (verifying && v.hasBacking(fd));  // x == null: none, too large or damaged
            if (other) foreignVector(fd, shown, key, x, unstorable);
            if (slot >= 0) {
                stale++;
                problem(shown + " (ino " + key + "): in the store but the file has no vector");
                if (repair) v.removeFromStoreLocked(key);
                else seen.set(slot); // counted here, not again as unclaimed
            }
            return;
        }
        withVector++;
        if (x.storeOnly()) {
            float[] old = previous == null ? null : new float[v.dimension()];
            if (slot >= 0) {
                claim(key, slot, path);
                v.markStoreOnly(slot, true);
            } else if (old != null && previous.get(key, old)) {
                added++;
                v.markStoreOnly(putFromPrevious(key, old), true);
            } else {
                lost++;
                problem(shown + " (ino " + key + "): vector kept in the store only, and the store has none (lost)");
                if (repair) NativeIo.removexattr(fd, BackingXattr.NAME);
            }
            return;
        }
        if (slot < 0) {
            added++;
            problem(shown + " (ino " + key + "): vector missing from the store");
        } else if (!FileVectors.sameVector(v.storeGet(key), x.vector())) {
            updated++;
            problem(shown + " (ino " + key + "): store holds a different vector");
            claim(key, slot, path); // the entry is this file's, only outdated: not stale
        } else {
            claim(key, slot, path);
            return;
        }
        if (repair) {
            putFromPrevious(key, x.vector());
            claim(key, v.store.slotOf(key), path);
        }
    }

    /**
     * Puts the file's vector {@code vector} (from its xattr). A reindex ({@code previous} set) keeps a document's
     * chunks, which only the store held, when the old store has the same vector as their WHOLE; anything else stands
     * for the whole file again and the file's chunks, made from content that no longer matches it, go.
     */
    private int putFromPrevious(long key, float[] vector) throws FsException {
        int ps = previous == null ? -1 : previous.slotOf(key);
        if (ps >= 0 && previous.kindOf(ps) == RecordTag.KIND_WHOLE) {
            float[] before = new float[v.dimension()];
            if (previous.get(key, before) && FileVectors.sameVector(before, vector)) {
                v.copyChunksLocked(key, previous);
                return v.putLocked(key, vector, previous.tagOf(ps));
            }
        }
        v.removeChunksLocked(key, 0);
        return v.putLocked(key, vector);
    }

    private String unstorable(float[] vector) {
        try {
            vexfs.store.VectorCodec.validate(vector, v.dimension(), v.metric());
            return null;
        } catch (vexfs.store.InvalidVectorException e) {
            return e.getMessage();
        }
    }

    /** A vector xattr this store cannot hold: counted, listed, and under verify --repair moved aside. */
    private void foreignVector(int fd, String shown, long key, BackingXattr.Value x, String unstorable) throws FsException {
        foreign++;
        String why = unstorable != null ? null
                : x != null ? "its vector has dimension " + x.dim() + ", this store's is " + v.dimension()
                : "its vector xattr " + BackingXattr.NAME_TEXT + " is not a vector of this store (too large or damaged)";
        if (verifying && repair) {
            v.moveBackingAside(fd);
            problem(shown + " (ino " + key + "): " + (why != null ? why + "; " : "") + "moved aside to "
                    + FileVectors.FOREIGN_XATTR + " (repaired)");
        } else if (why != null) {
            problem(shown + " (ino " + key + "): " + why);
        }
    }

    private void claim(long key, int slot, byte[] path) {
        if (slot >= 0) seen.set(slot);
        v.hints.put(key, path);
    }

    /** Store entries that no walked file claimed: deleted offline, or renamed/linked during the walk. */
    private void unclaimed() throws FsException {
        int n = v.store.slotCount();
        for (int slot = seen.nextClearBit(0); slot < n; slot = seen.nextClearBit(slot + 1)) {
            if (!v.store.isLive(slot)) continue;
            long key = v.store.fileKeyOf(slot);
            ReentrantLock l = v.locks.of(ChunkKeys.owner(key)); // a chunk is written under its file's lock
            l.lock();
            try {
                if (v.store.slotOf(key) != slot) continue; // replaced while we walked: a fresh put
                if (ChunkKeys.isChunk(key)) {
                    if (!chunkClaimed(key)) {
                        stale++;
                        problem("chunk " + ChunkKeys.index(key) + " of ino " + ChunkKeys.owner(key)
                                + ": its file has no document vector (WHOLE) for it");
                        if (repair) v.removeKeyLocked(key);
                    }
                    continue;
                }
                if (stillClaimed(key)) continue;
                stale++;
                problem("ino " + key + ": in the store but no file has it (deleted or replaced while unmounted)");
                if (repair) v.removeFromStoreLocked(key);
            } finally {
                l.unlock();
            }
        }
    }

    /**
     * A chunk belongs to a file whose vector in the store is its WHOLE: claimed by the walk, or still findable (a file
     * that is itself unclaimed is dropped later in this scan, with its chunks).
     */
    private boolean chunkClaimed(long chunkKey) throws FsException {
        if (!DocumentSlots.isCurrentChunk(v.store, chunkKey)) return false;
        long owner = ChunkKeys.owner(chunkKey);
        return seen.get(v.store.slotOf(owner)) || stillClaimed(owner);
    }

    /** A file moved during the walk out of the part not yet walked: its hint (kept current by rename) finds it. */
    private boolean stillClaimed(long key) throws FsException {
        byte[] p = v.verifiedPath(key);
        if (p == null) return false;
        int fd;
        try {
            fd = NativeIo.openat(v.rootFd, Name.of(p), NativeIo.O_PATH | NativeIo.O_NOFOLLOW | NativeIo.O_CLOEXEC, 0);
        } catch (FsException gone) {
            return false;
        }
        try {
            return v.has(fd, key);
        } finally {
            NativeIo.close(fd);
        }
    }
}
