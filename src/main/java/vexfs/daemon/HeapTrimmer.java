package vexfs.daemon;

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
 * this; Serial has neither, so this does it from outside: once a second it samples the heap in use and asks for a
 * full collection ({@link System#gc()}, a stop-the-world mark-compact of a few tens of ms at this size) when the
 * least of the last five samples is more than {@code max(floor, live)} above what was live after its last one.
 * With {@code -XX:-ShrinkHeapInSteps} that collection also gives the grown old generation back at once.
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
    static final int WINDOW = 5;
    private final long[] recent = new long[WINDOW];
    private int next;
    private int filled;
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

    /**
     * One check at time {@code now}: collects if the heap grew past the threshold; true if it did. The figure
     * compared is the least of the last {@link #WINDOW} samples (so growth must last that many checks): the heap in use includes the young generation's
     * eden, which fills and empties many times a second under load, and the troughs are what the old generation
     * holds. (With the daemon's 6 MiB young generation this hardly matters; with a JVM's default one of 100+ MB
     * it keeps the trimmer from collecting what a cheap young collection would have.)
     */
    boolean check(long now) {
        long sample = used.getAsLong();
        recent[next] = sample;
        next = (next + 1) % WINDOW;
        filled = Math.min(filled + 1, WINDOW);
        if (filled < WINDOW) return false;
        long inUse = sample;
        for (int i = 0; i < WINDOW; i++) inUse = Math.min(inUse, recent[i]);
        if (inUse - liveAfterLast <= Math.max(floorBytes, liveAfterLast)) return false;
        if (collections > 0 && now - lastCollectNanos < minIntervalNanos) return false;
        collect.run();
        lastCollectNanos = now;
        long live = used.getAsLong();
        collections++;
        LOG.debug("heap trim #{}: {} MB in use -> {} MB after a full collection", collections, inUse >> 20,
                live >> 20);
        liveAfterLast = live;
        filled = 0;
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
