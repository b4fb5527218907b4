package vexfs.volume;

import java.util.concurrent.locks.ReentrantLock;

import vexfs.index.HnswIndex;
import vexfs.libc.FsException;
import vexfs.store.VectorStore;

/**
 * Keeps the HNSW graph in step with the store's slots. Invariant (outside a call in flight): a slot is a live
 * graph node exactly when the store holds a live record in it.
 *
 * <p>While mounted, the store frees a replaced vector's slot at once and any writer may reuse it, so "delete the
 * old slot from the graph" races with another file's "insert this (reused) slot". Both steps take the slot's
 * stripe lock, and a delete happens only if the store has not reused the slot meanwhile: whatever the order, the
 * graph ends with the slot live exactly when the store has it live.
 *
 * <p>After a crash, a call may have died between its store change and its graph change: {@link #align} walks
 * the slots once (only then: a clean mount touches nothing) and inserts or deletes what differs.
 */
public final class IndexAlignment implements IndexUpdates {
    private static final int STRIPES = 64;

    private final VectorStore store;
    private final HnswIndex index;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    private final Runnable afterDelete;

    /** {@code afterDelete} runs after each node the graph tombstones (to schedule compaction). */
    public IndexAlignment(VectorStore store, HnswIndex index, Runnable afterDelete) {
        this.store = store;
        this.index = index;
        this.afterDelete = afterDelete;
        for (int i = 0; i < STRIPES; i++) stripes[i] = new ReentrantLock();
    }

    @Override
    public void reserve(int slots) throws FsException {
        try {
            index.reserve(slots);
        } catch (java.io.IOException e) {
            throw new FsException(vexfs.libc.Errno.of(e), "vector index: " + e.getMessage());
        }
    }

    @Override
    public void onPut(long fileKey, int slot, int oldSlot) {
        ReentrantLock l = stripes[slot % STRIPES];
        l.lock();
        try {
            index.insert(slot);
        } finally {
            l.unlock();
        }
        if (oldSlot >= 0 && oldSlot != slot) dropIfFree(oldSlot);
    }

    @Override
    public void onRemove(long fileKey, int oldSlot) {
        if (oldSlot >= 0) dropIfFree(oldSlot);
    }

    private void dropIfFree(int slot) {
        ReentrantLock l = stripes[slot % STRIPES];
        l.lock();
        try {
            // else reused by another file, whose insert is (or comes) here
            if (!store.isLive(slot) && index.delete(slot)) afterDelete.run();
        } finally {
            l.unlock();
        }
    }

    /**
     * Makes the graph's live nodes equal to the store's live slots (before the mount serves requests). Returns the
     * number of nodes inserted or deleted, or -1 if the graph has live nodes beyond the store's slots (rebuild it).
     */
    public static int align(VectorStore store, HnswIndex index) {
        int n = store.slotCount();
        long cap = store.capacity();
        for (long slot = n; slot < cap; slot++) {
            if (index.contains((int) slot)) return -1;
        }
        int fixed = 0;
        for (int slot = 0; slot < n; slot++) {
            boolean live = store.isLive(slot);
            if (live == index.contains(slot)) continue;
            if (live) index.insert(slot);
            else index.delete(slot);
            fixed++;
        }
        return fixed;
    }
}
