package vexfs.volume;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vexfs.base.ProgressListener;
import vexfs.index.HnswIndex;

/**
 * Runs {@link HnswIndex#compact} on one background thread once deletes have left enough tombstones
 * ({@link HnswIndex#compactionDue}). At most one compaction is queued or running. Searches go on
 * during a compaction; vector changes wait for it (it holds the index's structure lock).
 */
public final class GraphCompactor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GraphCompactor.class);

    private final HnswIndex index;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vexfs-graph-compact");
        t.setDaemon(true);
        return t;
    });

    public GraphCompactor(HnswIndex index) {
        this.index = index;
    }

    /** Call after a delete: queues a compaction if one is due and none is queued. */
    public void afterDelete() {
        if (!index.compactionDue() || !queued.compareAndSet(false, true)) return;
        try {
            worker.execute(this::run);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            queued.set(false);
        }
    }

    private void run() {
        try {
            long t0 = System.nanoTime();
            int freed = index.compact(ProgressListener.NONE);
            LOG.info("graph: compacted, {} tombstones freed in {} ms", freed, (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("graph compaction failed: {}", e.toString());
        } finally {
            queued.set(false);
        }
    }

    /** Waits for a running compaction (the index must not close under it) and stops the thread. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.MINUTES)) LOG.warn("graph compaction still running at close");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
