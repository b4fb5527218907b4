package vexfs.fuse;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A FUSE session's filesystem-independent parts, made by {@link FuseSession#prepare}: the arena holding the ops
 * struct and its upcall stubs, the dispatcher, and the adapters that will serve the filesystem once it is
 * built. {@link #close()} releases them when the mount never happens; after a mount the session owns them.
 */
public final class PreparedSession implements AutoCloseable {
    private final Arena arena;
    private final Dispatcher dispatcher;
    private final KernelPassthrough passthrough;
    private final UpcallAdapters adapters;
    private final MemorySegment ops;
    /** OPEN until a mount claims it; CLAIMED belongs to that mount (and its session); CLOSED released. */
    private final java.util.concurrent.atomic.AtomicInteger state = new java.util.concurrent.atomic.AtomicInteger(OPEN);
    private static final int OPEN = 0, CLAIMED = 1, CLOSED = 2;

    PreparedSession(Arena arena, Dispatcher dispatcher, KernelPassthrough passthrough, UpcallAdapters adapters,
                    MemorySegment ops) {
        this.arena = arena;
        this.dispatcher = dispatcher;
        this.passthrough = passthrough;
        this.adapters = adapters;
        this.ops = ops;
    }

    Arena arena() { return arena; }

    Dispatcher dispatcher() { return dispatcher; }

    KernelPassthrough passthrough() { return passthrough; }

    UpcallAdapters adapters() { return adapters; }

    MemorySegment ops() { return ops; }

    /** A mount takes it over: from here it is the mount's (or its session's) to release. */
    void claim() {
        if (!state.compareAndSet(OPEN, CLAIMED)) throw new IllegalStateException("prepared session already used");
    }

    /** The mount that claimed it failed before a session owned it. */
    void releaseClaimed() {
        if (state.compareAndSet(CLAIMED, CLOSED)) release();
    }

    /** Releases the stubs and the dispatcher unless a mount claimed them; idempotent. */
    @Override
    public void close() {
        if (state.compareAndSet(OPEN, CLOSED)) release();
    }

    private void release() {
        dispatcher.close();
        arena.close();
    }
}
