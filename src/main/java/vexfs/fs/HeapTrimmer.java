package vexfs.fs;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A soft heap limit for the mount daemon: keeps the committed heap, and so RssAnon, near twice what is live.
 *
 * <p>Why: the daemon runs the serial collector with a small fixed young generation (docs/architecture.md,
 * "Launcher and JVM flags"). Serial grows the old generation whenever a young collection promotes more than fits
 * and collects the old generation only when it can grow no further, i.e. at -Xmx. Under a steady load much of
 * what survives a young collection dies seconds later in the old generation (inodes the kernel forgets later,
 * evicted {@code /.vexfs/similar} nodes, closed search sessions), so in a 10-minute soak RssAnon climbed from
 * 123 to ~270 MiB while a full collection found 19 MB live. G1 has SoftMaxHeapSize and periodic collections for
 * this; Serial has neither, so this does it from outside: once a second it compares the heap in use with what was
 * live after its last collection and asks for a full one ({@link System#gc()}, a stop-the-world mark-compact of a
 * few tens of ms at this size) when the growth exceeds {@code max(floor, live)}. With
 * {@code -XX:-ShrinkHeapInSteps} that collection also gives the grown old generation back at once.
 *
 * <p>It never thrashes: the threshold is at least the live size, so a heap that is legitimately large (many cached
 * inodes) is collected at most every doubling, and never more often than {@code minInterval}. Off with
 * {@code -Dvexfs.heapTrim=false}.
 */
final class HeapTrimmer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HeapTrimmer.class);
    static final long DEFAULT_FLOOR_BYTES = 16L << 20;

    private final LongSupplier used;
    private final Runnable collect;
    private final long floorBytes;
    private final long minIntervalNanos;
    private long liveAfterLast;
    private long lastCollectNanos;
    private long collections;
    private volatile Thread thread;

    /** The daemon's trimmer over this JVM's heap. */
    static HeapTrimmer forThisJvm() {
        Runtime rt = Runtime.getRuntime();
        return new HeapTrimmer(() -> rt.totalMemory() - rt.freeMemory(), System::gc,
                Long.getLong("vexfs.heapTrim.floorBytes", DEFAULT_FLOOR_BYTES), TimeUnit.SECONDS.toNanos(5));
    }

    HeapTrimmer(LongSupplier used, Runnable collect, long floorBytes, long minIntervalNanos) {
        this.used = used;
        this.collect = collect;
        this.floorBytes = floorBytes;
        this.minIntervalNanos = minIntervalNanos;
        this.liveAfterLast = used.getAsLong();
    }

    /** Starts the once-a-second check on a virtual thread, unless -Dvexfs.heapTrim=false. */
    HeapTrimmer start() {
        if ("false".equals(System.getProperty("vexfs.heapTrim"))) return this;
        thread = Thread.ofVirtual().name("vexfs-heap-trim").start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(1000);
                    check(System.nanoTime());
                }
            } catch (InterruptedException stopped) {
                // closed
            }
        });
        return this;
    }

    /** One check at time {@code now}: collects if the heap grew past the threshold; true if it did. */
    boolean check(long now) {
        long inUse = used.getAsLong();
        if (inUse - liveAfterLast <= Math.max(floorBytes, liveAfterLast)) return false;
        if (collections > 0 && now - lastCollectNanos < minIntervalNanos) return false;
        collect.run();
        lastCollectNanos = now;
        long live = used.getAsLong();
        collections++;
        LOG.debug("heap trim #{}: {} MB in use -> {} MB after a full collection", collections, inUse >> 20,
                live >> 20);
        liveAfterLast = live;
        return true;
    }

    long collections() {
        return collections;
    }

    @Override
    public void close() {
        Thread t = thread;
        if (t != null) t.interrupt();
    }
}
