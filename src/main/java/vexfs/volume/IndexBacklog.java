package vexfs.volume;

import java.util.Arrays;

/**
 * The slots whose vector is in the store but not yet in the graph: the background indexer's queue. A FIFO of slot
 * numbers plus one pending bit per slot (so a slot is queued once however often it is put before the indexer gets
 * to it, and a search can tell a pending slot in O(1)). Plain int and long arrays, no object per slot.
 *
 * <p>Bounded: {@link #offer} refuses past {@code capacity} slots, and the caller then inserts in the request itself
 * (back-pressure: ingest never runs further ahead of the graph than one bounded exact scan can answer for).
 *
 * <p>Protocol with the slot's stripe lock (held by the caller of {@link #offer}, and by the indexer around an
 * insert and {@link #done}): a put marks the slot while it holds the lock, the indexer inserts and clears it while
 * it holds the lock, so a slot is always either pending here or in the graph (or no longer live), and a put that
 * comes while its slot is being inserted waits and queues it again.
 */
final class IndexBacklog {
    private final int capacity;
    private int[] ring = new int[1024];
    private int head;
    private int size;
    /** One bit per slot: queued and not yet done. */
    private long[] pending = new long[64];
    private long offered;
    private long finished;

    IndexBacklog(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity " + capacity);
        this.capacity = capacity;
    }

    /** Queues {@code slot} (true), true at once if it is queued already; false if the backlog is full. */
    synchronized boolean offer(int slot) {
        if (slot < 0) throw new IllegalArgumentException("slot " + slot);
        if (isPending(slot)) return true;
        if (size == capacity) return false;
        if (size == ring.length) grow();
        ring[(head + size) % ring.length] = slot;
        size++;
        int w = slot >>> 6;
        if (w >= pending.length) pending = Arrays.copyOf(pending, Math.max(w + 1, pending.length * 2));
        pending[w] |= 1L << slot;
        offered++;
        notifyAll();
        return true;
    }

    private void grow() {
        int[] next = new int[Math.min(capacity, ring.length * 2)];
        for (int i = 0; i < size; i++) next[i] = ring[(head + i) % ring.length];
        ring = next;
        head = 0;
    }

    /**
     * Moves up to {@code out.length} queued slots into {@code out} (still marked pending until {@link #done});
     * waits up to {@code millis} for one. Returns how many.
     */
    synchronized int take(int[] out, long millis) throws InterruptedException {
        if (size == 0 && millis > 0) wait(millis);
        int n = Math.min(size, out.length);
        for (int i = 0; i < n; i++) {
            out[i] = ring[head];
            head = (head + 1) % ring.length;
        }
        size -= n;
        return n;
    }

    /** The indexer has put {@code slot} into the graph (or found it no longer live): no longer pending. */
    synchronized void done(int slot) {
        int w = slot >>> 6;
        if (w < pending.length && (pending[w] & (1L << slot)) != 0) {
            pending[w] &= ~(1L << slot);
            finished++;
            if (finished == offered) notifyAll();
        }
    }

    synchronized boolean isPending(int slot) {
        int w = slot >>> 6;
        return w < pending.length && (pending[w] & (1L << slot)) != 0;
    }

    /** Slots pending now (queued or being inserted): what a search must scan exactly. {@code count()} of them. */
    synchronized int[] pendingSlots() {
        int n = (int) (offered - finished);
        int[] out = new int[n];
        int j = 0;
        for (int w = 0; w < pending.length && j < n; w++) {
            long bits = pending[w];
            while (bits != 0 && j < n) {
                out[j++] = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
            }
        }
        return j == n ? out : Arrays.copyOf(out, j);
    }

    /** Pending slots (queued or being inserted). */
    synchronized int count() {
        return (int) (offered - finished);
    }

    /** Slots ever queued. */
    synchronized long offered() {
        return offered;
    }

    /** Waits until nothing is pending; false on timeout. */
    synchronized boolean awaitEmpty(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (offered != finished) {
            long left = (end - System.nanoTime()) / 1_000_000L;
            if (left <= 0) return false;
            wait(left);
        }
        return true;
    }

    /** Wakes a waiting {@link #take} (closing). */
    synchronized void wake() {
        notifyAll();
    }
}
