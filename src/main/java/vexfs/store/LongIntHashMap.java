package vexfs.store;

/**
 * Open-addressing map from a 64-bit file key to a slot number, two primitive arrays, linear
 * probing with backward-shift deletion (no tombstones). Any long is a valid key; an empty bucket
 * is marked by a negative value, so values must be {@code >= 0}. Not thread-safe: the store guards
 * it with its read-write lock.
 */
public final class LongIntHashMap {
    private static final int EMPTY = -1;
    private long[] keys;
    private int[] values;
    private int mask;
    private int size;

    public LongIntHashMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        allocate(cap);
    }

    public int size() {
        return size;
    }

    /** The value for {@code key}, or -1. */
    public int get(long key) {
        for (int i = bucket(key); ; i = (i + 1) & mask) {
            int v = values[i];
            if (v == EMPTY) {
                return -1;
            }
            if (keys[i] == key) {
                return v;
            }
        }
    }

    /** Sets {@code key -> value} ({@code value >= 0}); returns the previous value or -1. */
    public int put(long key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative value " + value);
        }
        int i = bucket(key);
        for (; values[i] != EMPTY; i = (i + 1) & mask) {
            if (keys[i] == key) {
                int old = values[i];
                values[i] = value;
                return old;
            }
        }
        keys[i] = key;
        values[i] = value;
        if (++size * 4 > keys.length * 3) {
            rehash(keys.length * 2);
        }
        return -1;
    }

    /** Removes {@code key}; returns its value or -1. */
    public int remove(long key) {
        int i = bucket(key);
        for (; values[i] != EMPTY; i = (i + 1) & mask) {
            if (keys[i] == key) {
                int old = values[i];
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
            if (values[i] == EMPTY) {
                break;
            }
            int home = bucket(keys[i]);
            // entry at i may move to the hole iff its home is not cyclically in (hole, i]
            boolean movable = hole <= i ? (home <= hole || home > i) : (home <= hole && home > i);
            if (movable) {
                keys[hole] = keys[i];
                values[hole] = values[i];
                hole = i;
            }
        }
        values[hole] = EMPTY;
    }

    private int bucket(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void allocate(int cap) {
        keys = new long[cap];
        values = new int[cap];
        java.util.Arrays.fill(values, EMPTY);
        mask = cap - 1;
    }

    private void rehash(int cap) {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(cap);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != EMPTY) {
                int j = bucket(oldKeys[i]);
                while (values[j] != EMPTY) {
                    j = (j + 1) & mask;
                }
                keys[j] = oldKeys[i];
                values[j] = oldValues[i];
            }
        }
    }
}
