package vexfs.fuse;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vexfs.libc.Errno;
import vexfs.libc.FsException;

/**
 * Runs each request's handler on its lane and guarantees exactly one reply: a handler that throws
 * {@link FsException} is answered with its errno, any other Throwable with EIO and one log line, and a handler
 * that returns without replying with EIO. Handed-off requests are bounded by a semaphore the reader thread
 * waits on (backpressure), and tracked so that unmount can wait for them.
 */
final class Dispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    /** One request in this many has its reply-time stack depth sampled. */
    private static final int STACK_SAMPLE_EVERY = 64;

    /** The body of one request. */
    interface Handler {
        void handle() throws FsException, InterruptedException;
    }

    private final Map<Op, Op.Lane> lanes = new EnumMap<>(Op.class);
    private final Semaphore handOffBudget;
    private final int maxInFlight;
    /** Virtual threads are nameless by default (a log line would show "[]"): each is named after its request. */
    private final ExecutorService virtualThreads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().factory());
    /** Requests handed to a virtual thread, and to the blocking pool, since the mount (the rest ran inline). */
    private final AtomicLong handOffs = new AtomicLong();
    private final AtomicLong blockingHandOffs = new AtomicLong();
    private final ExecutorService blockingPool;
    private final Set<Reply> handedOff = ConcurrentHashMap.newKeySet();
    private final Set<Op> reportedEnosys = ConcurrentHashMap.newKeySet();
    private final OpStats stats = new OpStats();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger maxStackDepth = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong completed = new AtomicLong();

    Dispatcher(int maxInFlight, int blockingThreads) {
        this.maxInFlight = maxInFlight;
        this.handOffBudget = new Semaphore(maxInFlight);
        this.blockingPool = Executors.newFixedThreadPool(blockingThreads,
                Thread.ofPlatform().name("vexfs-blocking-", 0).daemon(true).factory());
        for (Op op : Op.values()) {
            String o = System.getProperty("vexfs.lane." + op.label());
            lanes.put(op, o == null ? op.defaultLane() : Op.Lane.valueOf(o.trim().toUpperCase(java.util.Locale.ROOT)));
        }
    }

    long nextUnique() {
        return sequence.incrementAndGet();
    }

    Op.Lane lane(Op op) {
        return lanes.get(op);
    }

    /** Requests handed to virtual threads since the mount. */
    long virtualHandOffs() {
        return handOffs.get();
    }

    /** Requests handed to the blocking pool since the mount. */
    long blockingHandOffs() {
        return blockingHandOffs.get();
    }

    OpStats stats() {
        return stats;
    }

    int inFlight() {
        return inFlight.get();
    }

    int maxStackDepth() {
        return maxStackDepth.get();
    }

    /** A completion that records latency for {@code op}; one per request. */
    Reply.Completion completion(Op op) {
        long start = System.nanoTime();
        inFlight.incrementAndGet();
        return (reply, errno) -> {
            inFlight.decrementAndGet();
            stats.record(op, System.nanoTime() - start, errno);
            if (errno == Errno.ENOSYS && reportedEnosys.add(op)) {
                LOG.info("{} is not implemented (ENOSYS); the kernel will not ask again", op.label());
            }
            if (handedOff.remove(reply)) handOffBudget.release();
            if (completed.incrementAndGet() % STACK_SAMPLE_EVERY == 1) sampleStackDepth();
        };
    }

    private void sampleStackDepth() {
        int depth = StackWalker.getInstance().walk(s -> (int) s.count());
        maxStackDepth.accumulateAndGet(depth, Math::max);
    }

    /** Runs {@code handler} for {@code reply} on the lane of {@code op}. Called on a reader thread. */
    void dispatch(Op op, Reply reply, Handler handler) {
        dispatch(op, null, reply, handler);
    }

    /** As {@link #dispatch(Op, Reply, Handler)} with a lane chosen by the filesystem (null = the op's). */
    void dispatch(Op op, Op.Lane override, Reply reply, Handler handler) {
        Op.Lane lane = override != null ? override : lanes.get(op);
        if (lane == Op.Lane.INLINE) {
            run(op, reply, handler);
            return;
        }
        handOffBudget.acquireUninterruptibly();
        handedOff.add(reply);
        try {
            if (lane == Op.Lane.VIRTUAL) {
                String name = op.label() + "#" + handOffs.incrementAndGet();
                virtualThreads.execute(() -> {
                    Thread.currentThread().setName(name);
                    run(op, reply, handler);
                });
            } else {
                blockingHandOffs.incrementAndGet();
                blockingPool.execute(() -> run(op, reply, handler));
            }
        } catch (RuntimeException rejected) {
            LOG.warn("{}: cannot hand off ({}), answering EIO", op.label(), rejected.toString());
            reply.failIfUnsent();
        }
    }

    private void run(Op op, Reply reply, Handler handler) {
        try {
            handler.handle();
            if (!reply.isSent()) {
                LOG.error("{}: handler returned without replying; answering EIO", op.label());
                reply.failIfUnsent();
            }
        } catch (FsException e) {
            if (!reply.isSent()) {
                reply.error(e.errno());
            } else {
                LOG.warn("{}: {} thrown after the reply was sent", op.label(), e.getMessage());
            }
        } catch (vexfs.libc.FsFault e) {
            if (!reply.isSent()) reply.error(e.errno());  // logged once by whoever raised it
        } catch (InterruptedException e) {
            if (!reply.isSent()) reply.error(Errno.EINTR);
        } catch (Throwable t) {
            LOG.error("{}: unexpected {}; answering EIO", op.label(), t.toString(), t);
            reply.failIfUnsent();
        }
    }

    /**
     * Waits up to {@code timeoutMillis} for handed-off requests to be answered, then answers EIO to whatever is
     * still open (logging each), and stops the pools.
     */
    @Override
    public void close() {
        awaitIdle(10_000);
        for (Reply r : handedOff) {
            if (r.failIfUnsent()) LOG.warn("request {} still open at unmount: answered EIO", Long.toHexString(r.req));
        }
        virtualThreads.shutdown();
        blockingPool.shutdown();
        try {
            virtualThreads.awaitTermination(2, TimeUnit.SECONDS);
            blockingPool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean awaitIdle(long timeoutMillis) {
        try {
            if (handOffBudget.tryAcquire(maxInFlight, timeoutMillis, TimeUnit.MILLISECONDS)) {
                handOffBudget.release(maxInFlight);
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
