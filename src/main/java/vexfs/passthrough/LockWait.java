package vexfs.passthrough;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import vexfs.libc.Errno;
import vexfs.libc.FsException;

/**
 * Waits for a lock by retrying a non-blocking attempt with a pause that doubles from 0.1 ms to 20 ms. Meant for
 * a virtual thread: it holds no platform thread while waiting (a blocking fcntl/flock through FFM would pin the
 * carrier), and it ends with EINTR as soon as the caller was interrupted (FUSE_INTERRUPT): until a lock request
 * is answered the kernel keeps the calling process in an uninterruptible wait, even against SIGKILL.
 */
final class LockWait {
    private static final long FIRST_PAUSE_NANOS = 100_000;
    private static final long MAX_PAUSE_NANOS = 20_000_000;

    /** One non-blocking try: true if the lock was taken, false if it is held by someone else. */
    interface Attempt {
        boolean tryOnce() throws FsException;
    }

    private LockWait() {}

    static void until(Attempt attempt, BooleanSupplier interrupted) throws FsException {
        long pause = FIRST_PAUSE_NANOS;
        while (!attempt.tryOnce()) {
            if (interrupted.getAsBoolean()) throw new FsException(Errno.EINTR, "lock wait interrupted");
            try {
                Thread.sleep(Duration.ofNanos(pause));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FsException(Errno.EINTR, "lock wait interrupted");
            }
            pause = Math.min(MAX_PAUSE_NANOS, pause * 2);
        }
    }
}
