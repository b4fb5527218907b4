package vexfs.volume;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When a mount walks its graph for nodes no search reaches and re-links them ({@code HnswIndex.relinkUnreachable}),
 * between compactions. Concurrent vector changes orphan a few nodes (two neighbours pruning the same one at once:
 * 1-7 per 12,000 changes by 4 writers in IndexAlignmentTest), and graph search misses an orphan until it is re-linked;
 * compaction re-links too, but it is due only once tombstones reach a tenth of the live nodes, and a workload that
 * mostly adds files may never get there. A walk (one breadth-first pass over level 0 from the entry point, 5 ms at
 * 1,500 nodes, on the graph's background thread; vector changes wait for it, searches do not) is due after
 * max({@code minChanges}, live nodes / 20) inserts and deletes and at least {@code minIntervalNanos} after the
 * previous one. {@code -Dvexfs.relink.minChanges} and {@code -Dvexfs.relink.intervalMillis} change the defaults
 * (1,000 changes, 30 s).
 */
final class RelinkSchedule {
    private final long minChanges;
    private final long minIntervalNanos;
    private final AtomicLong changes = new AtomicLong();
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile long lastNanos = System.nanoTime();

    RelinkSchedule(long minChanges, long minIntervalNanos) {
        this.minChanges = minChanges;
        this.minIntervalNanos = minIntervalNanos;
    }

    static RelinkSchedule fromProperties() {
        return new RelinkSchedule(Long.getLong("vexfs.relink.minChanges", 1000),
                Long.getLong("vexfs.relink.intervalMillis", 30_000) * 1_000_000L);
    }

    /** Counts one change to a graph of {@code liveNodes}; true, once until {@link #done}, when a walk is due. */
    boolean changed(int liveNodes) {
        long c = changes.incrementAndGet();
        if (c < Math.max(minChanges, liveNodes / 20)) return false;
        if (System.nanoTime() - lastNanos < minIntervalNanos) return false;
        return queued.compareAndSet(false, true);
    }

    /** Changes counted since the last walk. */
    long pending() {
        return changes.get();
    }

    /** The walk ran, or could not be queued: counting starts again. */
    void done() {
        changes.set(0);
        lastNanos = System.nanoTime();
        queued.set(false);
    }
}
