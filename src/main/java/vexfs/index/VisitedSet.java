package vexfs.index;

/**
 * A bitset over node ids that remembers which 64-bit words it dirtied, so {@link #clear()} costs
 * what the last search touched rather than capacity / 8 bytes (Lucene's TrackingVisitedBitSet idea).
 */
final class VisitedSet {
    private long[] words;
    private int[] touched;
    private int touchedCount;

    VisitedSet(int capacity) {
        words = new long[Math.max(1, (capacity + 63) >>> 6)];
        touched = new int[64];
    }

    int capacity() {
        return words.length << 6;
    }

    /** Makes room for ids below {@code capacity}; only called while the set is clear. */
    void ensureCapacity(int capacity) {
        if (capacity > capacity()) words = new long[Math.max((capacity + 63) >>> 6, words.length * 2)];
    }

    /** Marks {@code id}; returns true if it was not marked before. */
    boolean add(int id) {
        int w = id >>> 6;
        long bit = 1L << id;
        long old = words[w];
        if ((old & bit) != 0) return false;
        if (old == 0) {
            if (touchedCount == touched.length) touched = java.util.Arrays.copyOf(touched, touchedCount * 2);
            touched[touchedCount++] = w;
        }
        words[w] = old | bit;
        return true;
    }

    boolean contains(int id) {
        return (words[id >>> 6] & (1L << id)) != 0;
    }

    void clear() {
        for (int i = 0; i < touchedCount; i++) words[touched[i]] = 0;
        touchedCount = 0;
    }
}
