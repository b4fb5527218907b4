package vexfs.vector;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vexfs.volume.FileVectors;
import vexfs.volume.ReconcileReport;
import vexfs.volume.Reconciler;

/**
 * Runs reconcile work of a mounted filesystem on one background thread, so mount time does not grow with the
 * tree: a full scan right after mount (takes in offline changes and fills the path hints), subtree scans after
 * directory renames (refresh the hints below), and a full scan when a path hint turns out stale (rate limited).
 */
final class BackgroundReconciler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundReconciler.class);
    private static final long MISS_RESCAN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final FileVectors vectors;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("vexfs-reconcile").daemon(true).factory());
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean fullQueued = new AtomicBoolean();
    private final Object idle = new Object();
    private volatile boolean stopping;
    private volatile boolean firstScanDone;
    private volatile long lastMissScan = System.nanoTime() - MISS_RESCAN_INTERVAL_NANOS;
    private volatile ReconcileReport lastReport;

    BackgroundReconciler(FileVectors vectors) {
        this.vectors = vectors;
    }

    void requestFull() {
        if (!fullQueued.compareAndSet(false, true)) return;
        submit(() -> {
            fullQueued.set(false);
            long t0 = System.nanoTime();
            ReconcileReport r = Reconciler.full(vectors, true, null, () -> stopping);
            lastReport = r;
            LOG.info("reconcile: {} files, {} with a vector, {} added, {} updated, {} stale removed, {} lost, in {} ms{}",
                    r.files(), r.withVector(), r.added(), r.updated(), r.stale(), r.lostStoreOnly(),
                    (System.nanoTime() - t0) / 1_000_000, r.complete() ? "" : " (interrupted)");
            for (String p : r.problems()) LOG.info("reconcile fixed: {}", p);
            firstScanDone = true;
        });
    }

    /** A path hint was stale: rescan, at most once per interval. */
    void requestAfterMiss() {
        long now = System.nanoTime();
        if (now - lastMissScan < MISS_RESCAN_INTERVAL_NANOS) return;
        lastMissScan = now;
        requestFull();
    }

    void requestSubtree(byte[] relDir) {
        submit(() -> Reconciler.subtree(vectors, relDir));
    }

    boolean firstScanDone() {
        return firstScanDone;
    }

    ReconcileReport lastReport() {
        return lastReport;
    }

    /** Waits until no work is queued or running; false on timeout. */
    boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (idle) {
            while (pending.get() > 0) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) return false;
                idle.wait(left);
            }
        }
        return true;
    }

    private interface Job {
        void run() throws Exception;
    }

    private void submit(Job job) {
        if (stopping) return;
        pending.incrementAndGet();
        try {
            worker.execute(() -> {
                try {
                    if (!stopping) job.run();
                } catch (Exception | Error e) {
                    LOG.warn("reconcile failed: {}", e.toString());
                } finally {
                    synchronized (idle) {
                        pending.decrementAndGet();
                        idle.notifyAll();
                    }
                }
            });
        } catch (RuntimeException rejected) {
            pending.decrementAndGet();
        }
    }

    @Override
    public void close() {
        stopping = true;
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) LOG.warn("reconcile did not stop in 10 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
