package vexfs.index;

/**
 * A binary heap of (distance, node) pairs packed into one {@code long} each (Lucene's NeighborQueue
 * idea): the high 32 bits hold the distance as a sortable int, the low 32 bits the node id, so heap
 * order is distance order with ties broken by node id. No objects per entry. A MIN queue pops the
 * closest first; a MAX queue pops the farthest first (entries stored as {@code ~code}).
 */
final class NeighborQueue {
    private long[] heap;
    private int size;
    private final boolean max;

    private NeighborQueue(int initialCapacity, boolean maxHeap) {
        heap = new long[Math.max(2, initialCapacity + 1)];
        max = maxHeap;
    }

    /** A MIN queue: {@link #pop} returns the closest entry (a search's candidates). */
    static NeighborQueue closestFirst(int initialCapacity) {
        return new NeighborQueue(initialCapacity, false);
    }

    /** A MAX queue: {@link #pop} returns the farthest entry (a bounded set of results, worst on top). */
    static NeighborQueue farthestFirst(int initialCapacity) {
        return new NeighborQueue(initialCapacity, true);
    }

    static long encode(float distance, int node) {
        int bits = Float.floatToRawIntBits(distance);
        int sortable = bits ^ ((bits >> 31) & 0x7fffffff);
        return ((long) sortable << 32) | (node & 0xffffffffL);
    }

    static float distanceOf(long code) {
        int sortable = (int) (code >> 32);
        return Float.intBitsToFloat(sortable ^ ((sortable >> 31) & 0x7fffffff));
    }

    static int nodeOf(long code) {
        return (int) code;
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    void add(float distance, int node) {
        push(encode(distance, node));
    }

    /** Adds and, if the queue then exceeds {@code limit}, drops the top. Only meaningful for MAX queues. */
    void addBounded(float distance, int node, int limit) {
        push(encode(distance, node));
        if (size > limit) pop();
    }

    /** Packed code at the top (closest for MIN, farthest for MAX). */
    long topCode() {
        long v = heap[1];
        return max ? ~v : v;
    }

    int topNode() {
        return nodeOf(topCode());
    }

    float topDistance() {
        return distanceOf(topCode());
    }

    long pop() {
        long top = heap[1];
        heap[1] = heap[size];
        size--;
        siftDown();
        return max ? ~top : top;
    }

    /** Packed code at internal index {@code i} in [0, size), in no particular order. */
    long codeAt(int i) {
        long v = heap[i + 1];
        return max ? ~v : v;
    }

    private void push(long code) {
        long v = max ? ~code : code;
        if (++size == heap.length) heap = java.util.Arrays.copyOf(heap, heap.length * 2);
        int i = size;
        long[] h = heap;
        while (i > 1) {
            int parent = i >>> 1;
            long p = h[parent];
            if (p <= v) break;
            h[i] = p;
            i = parent;
        }
        h[i] = v;
    }

    private void siftDown() {
        long[] h = heap;
        int n = size;
        if (n == 0) return;
        long v = h[1];
        int i = 1;
        while (true) {
            int child = i << 1;
            if (child > n) break;
            long c = h[child];
            if (child < n && h[child + 1] < c) {
                child++;
                c = h[child];
            }
            if (c >= v) break;
            h[i] = c;
            i = child;
        }
        h[i] = v;
    }
}
