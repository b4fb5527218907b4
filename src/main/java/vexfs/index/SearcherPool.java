package vexfs.index;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * A bounded pool of {@link HnswSearcher} scratch objects. Leasing never blocks: an empty pool makes
 * a new searcher, and a full pool drops the returned one. No ThreadLocal, because requests run on
 * short-lived virtual threads that would each pin their own scratch.
 */
final class SearcherPool {
    private final ArrayBlockingQueue<HnswSearcher> free;
    private final int maxDegree;

    SearcherPool(int size, int maxDegree) {
        free = new ArrayBlockingQueue<>(size);
        this.maxDegree = maxDegree;
    }

    HnswSearcher lease(int capacity) {
        HnswSearcher s = free.poll();
        return s != null ? s : new HnswSearcher(capacity, maxDegree);
    }

    void release(HnswSearcher s) {
        s.end();
        free.offer(s);
    }
}
