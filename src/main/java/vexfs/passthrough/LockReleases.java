package vexfs.passthrough;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes lock waiters when a lock on their node is released through this mount (an unlock, a flush or a close),
 * so a waiter takes a freed lock at once instead of at its next retry. Waiters still retry on a timer: a holder
 * that locked the backing file directly releases without telling us. Striped by node id: a release wakes only
 * the waiters of nodes in its stripe, each of which simply tries again.
 */
final class LockReleases {
    private static final int STRIPES = 64;

    private static final class Stripe {
        final ReentrantLock lock = new ReentrantLock();
        final Condition released = lock.newCondition();
        long version;  // guarded by lock
    }

    private final Stripe[] stripes = new Stripe[STRIPES];

    LockReleases() {
        for (int i = 0; i < STRIPES; i++) stripes[i] = new Stripe();
    }

    private Stripe stripe(long nodeId) {
        return stripes[(int) ((nodeId ^ (nodeId >>> 32)) & (STRIPES - 1))];
    }

    /** The count of releases seen so far on {@code nodeId}'s stripe; read it before a try. */
    long version(long nodeId) {
        Stripe s = stripe(nodeId);
        s.lock.lock();
        try {
            return s.version;
        } finally {
            s.lock.unlock();
        }
    }

    /** A lock on {@code nodeId} was released (or may have been): wake its waiters. */
    void released(long nodeId) {
        Stripe s = stripe(nodeId);
        s.lock.lock();
        try {
            s.version++;
            s.released.signalAll();
        } finally {
            s.lock.unlock();
        }
    }

    /**
     * Waits up to {@code nanos} for a release on {@code nodeId}'s stripe after {@code seen} (returns at once if
     * one already happened since that version was read).
     */
    void await(long nodeId, long seen, long nanos) throws InterruptedException {
        Stripe s = stripe(nodeId);
        s.lock.lock();
        try {
            long left = nanos;
            while (s.version == seen && left > 0) left = s.released.awaitNanos(left);
        } finally {
            s.lock.unlock();
        }
    }
}
