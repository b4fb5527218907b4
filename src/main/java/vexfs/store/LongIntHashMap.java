package vexfs.store;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Open-addressing map from a 64-bit file key to a slot number, linear probing with backward-shift deletion (no
 * tombstones). Buckets live off the Java heap in {@link ScratchMemory} (16 bytes each: key, value + 1, pad), so a
 * map of a million keys adds nothing to the heap; with a scratch directory it is page cache, not anonymous
 * memory. Any long is a valid key; values must be {@code >= 0} (a stored 0 marks an empty bucket, so fresh
 * zeroed memory needs no fill and sparse scratch pages stay untouched). Not thread-safe: the store guards it
 * with its read-write lock.
 */
public final class LongIntHashMap {
    private static final long BUCKET = 16;
    private static final ValueLayout.OfLong KEY = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfInt VAL = ValueLayout.JAVA_INT_UNALIGNED;
    private final ScratchMemory memory;
    private MemorySegment buckets;
    private int capacity;
    private int mask;
    private int size;

    /** A map in anonymous off-heap memory. */
    public LongIntHashMap(int expected) {
        this(expected, ScratchMemory.anonymous());
    }

    public LongIntHashMap(int expected, ScratchMemory memory) {
        this.memory = memory;
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        allocate(cap);
    }

    public int size() {
        return size;
    }

    /** The value for {@code key}, or -1. */
    public int get(long key) {
        for (int i = bucket(key); ; i = (i + 1) & mask) {
            int v = value(i);
            if (v < 0 || keyAt(i) == key) return v;
        }
    }

    /** Sets {@code key -> value} ({@code value >= 0}); returns the previous value or -1. */
    public int put(long key, int value) {
        if (value < 0 || value == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("value out of range: " + value);
        }
        int i = bucket(key);
        for (; value(i) >= 0; i = (i + 1) & mask) {
            if (keyAt(i) == key) {
                int old = value(i);
                set(i, key, value);
                return old;
            }
        }
        set(i, key, value);
        if (++size * 4L > capacity * 3L) rehash(capacity * 2);
        return -1;
    }

    /** Removes {@code key}; returns its value or -1. */
    public int remove(long key) {
        for (int i = bucket(key); value(i) >= 0; i = (i + 1) & mask) {
            if (keyAt(i) == key) {
                int old = value(i);
                shiftBack(i);
                size--;
                return old;
            }
        }
        return -1;
    }

    /** Backward-shift deletion: moves later entries of the probe run into the hole so lookups never stop early. */
    private void shiftBack(int hole) {
        int i = hole;
        while (true) {
            i = (i + 1) & mask;
            int v = value(i);
            if (v < 0) break;
            long k = keyAt(i);
            int home = bucket(k);
            // entry at i may move to the hole iff its home is not cyclically in (hole, i]
            boolean movable = hole <= i ? (home <= hole || home > i) : (home <= hole && home > i);
            if (movable) {
                set(hole, k, v);
                hole = i;
            }
        }
        buckets.set(VAL, hole * BUCKET + 8, 0);
    }

    private long keyAt(int i) {
        return buckets.get(KEY, i * BUCKET);
    }

    /** The stored value, -1 for an empty bucket. */
    private int value(int i) {
        return buckets.get(VAL, i * BUCKET + 8) - 1;
    }

    private void set(int i, long key, int value) {
        buckets.set(KEY, i * BUCKET, key);
        buckets.set(VAL, i * BUCKET + 8, value + 1);
    }

    private int bucket(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void allocate(int cap) {
        buckets = memory.allocate(cap * BUCKET);
        capacity = cap;
        mask = cap - 1;
    }

    private void rehash(int cap) {
        MemorySegment old = buckets;
        int oldCap = capacity;
        allocate(cap);
        for (int i = 0; i < oldCap; i++) {
            int v = old.get(VAL, i * BUCKET + 8) - 1;
            if (v < 0) continue;
            long k = old.get(KEY, i * BUCKET);
            int j = bucket(k);
            while (value(j) >= 0) j = (j + 1) & mask;
            set(j, k, v);
        }
        memory.release(old);
    }
}
