package vexfs.passthrough;

import java.util.function.BooleanSupplier;

import vexfs.libc.Errno;
import vexfs.libc.FsException;

/**
 * Waits for a lock by retrying a non-blocking attempt: at once when a lock on the same node is released through
 * this mount ({@link LockReleases}), else after a pause that doubles from 0.1 ms to 20 ms (a holder outside the
 * mount, locking the backing file directly, tells us nothing). Meant for a virtual thread: it holds no platform
 * thread while waiting (a blocking fcntl/flock through FFM would pin the carrier), and it ends with EINTR as soon
 * as the caller was interrupted (FUSE_INTERRUPT): until a lock request is answered the kernel keeps the calling
 * process in an uninterruptible wait, even against SIGKILL.
 */
final class LockWait {
    private static final long FIRST_PAUSE_NANOS = 100_000;
    private static final long MAX_PAUSE_NANOS = 20_000_000;

    /** One non-blocking try: true if the lock was taken, false if it is held by someone else. */
    interface Attempt {
        boolean tryOnce() throws FsException;
    }

    private LockWait() {}

    static void until(Attempt attempt, BooleanSupplier interrupted, LockReleases releases, long nodeId)
            throws FsException {
        long pause = FIRST_PAUSE_NANOS;
        while (true) {
            long seen = releases.version(nodeId);
            if (attempt.tryOnce()) return;
            if (interrupted.getAsBoolean()) throw new FsException(Errno.EINTR, "lock wait interrupted");
            try {
                releases.await(nodeId, seen, pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FsException(Errno.EINTR, "lock wait interrupted");
            }
            pause = Math.min(MAX_PAUSE_NANOS, pause * 2);
        }
    }
}
