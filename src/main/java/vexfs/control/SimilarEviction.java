package vexfs.control;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vexfs.libc.Name;

/**
 * Keeps the number of /.vexfs/similar nodes near a budget. The kernel keeps every dentry it was given in its cache
 * until memory pressure, and each holds one of our nodes (a lookup reference); listing the neighbours of ever new
 * files would grow the table without end (docs/reliability.md). Past the budget, one background thread asks the
 * kernel to drop the oldest entries ({@code fuse_lowlevel_notify_inval_entry}); the kernel then forgets the nodes
 * that nobody uses, and a later lookup simply makes them again. It runs outside every request, as libfuse requires
 * for this notification (called from a request path it can deadlock).
 */
public final class SimilarEviction implements AutoCloseable {
    /** Plain-Java face of the session's entry invalidation. */
    public interface Invalidator {
        void invalidateEntry(long parent, Name name);
    }

    private static final Logger LOG = LoggerFactory.getLogger(SimilarEviction.class);
    private static final long PAUSE_MS = 200;

    private final ControlNodes nodes;
    private final int budget;
    private final Invalidator invalidator;
    private final Thread thread;
    private volatile boolean closed;

    SimilarEviction(ControlNodes nodes, int budget, Invalidator invalidator) {
        this.nodes = nodes;
        this.budget = budget;
        this.invalidator = invalidator;
        this.thread = Thread.ofPlatform().daemon().name("vexfs-similar-evict").start(this::run);
    }

    private void run() {
        while (!closed) {
            try {
                // past the budget, down to three quarters of it, so that the kernel's forgets come in batches
                int held = nodes.size();
                int toOffer = held > budget ? held - budget * 3 / 4 : 0;
                for (int i = 0; i < toOffer && !closed; i++) {
                    ControlNodes.Dynamic d = nodes.offerOldest();
                    if (d == null) break;
                    long parent = nodes.parentOf(d);
                    if (parent >= 0) invalidator.invalidateEntry(parent, ControlNodes.nameOf(d));
                }
                Thread.sleep(PAUSE_MS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("similar/ eviction: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
