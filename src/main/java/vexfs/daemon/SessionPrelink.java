package vexfs.daemon;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import vexfs.fuse.FuseSession;
import vexfs.fuse.MountOptions;
import vexfs.fuse.PreparedSession;
import vexfs.libc.Errno;
import vexfs.libc.FsException;

/**
 * {@link FuseSession#prepare} on its own platform thread, started first thing in a mount: linking ~40 upcall
 * stubs is the largest single step of a cold start and needs nothing the store gives, so on two cores it costs
 * the mount only what is left of it when the store is open.
 */
final class SessionPrelink {
    private final CompletableFuture<PreparedSession> result = new CompletableFuture<>();
    private volatile long millis = -1;

    private SessionPrelink() {}

    static SessionPrelink start(MountOptions options) {
        SessionPrelink p = new SessionPrelink();
        Thread.ofPlatform().name("vexfs-prelink").daemon(true).start(() -> {
            long t0 = System.nanoTime();
            PreparedSession prepared = null;
            Throwable failure = null;
            try {
                prepared = FuseSession.prepare(options);
            } catch (Throwable t) {
                failure = t;
            }
            p.millis = (System.nanoTime() - t0) / 1_000_000;  // before completing: await() then sees it set
            if (failure == null) p.result.complete(prepared);
            else p.result.completeExceptionally(failure);
        });
        return p;
    }

    /** The prepared session, once linked; its failure (an unsupported libfuse, say) is rethrown as it was. */
    PreparedSession await() throws FsException {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FsException(Errno.EINTR, "interrupted while linking libfuse");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof FsException fe) throw fe;
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        }
    }

    /** Releases the prepared session if the mount failed before using it (a failed mount releases it itself). */
    void discard() {
        result.thenAccept(PreparedSession::close);  // a no-op on one a mount claimed
    }

    /** How long the linking took on its thread (set once {@link #await} returns), or -1 while it runs. */
    long millis() {
        return millis;
    }
}
