package vexfs.vector;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vexfs.embed.EmbedException;
import vexfs.embed.Embedder;
import vexfs.embed.TextExtractor;
import vexfs.embed.DocumentVectors;
import vexfs.libc.Attr;
import vexfs.libc.FsException;
import vexfs.libc.Name;
import vexfs.libc.NativeIo;
import vexfs.store.InvalidVectorException;
import vexfs.volume.FileVectors;
import vexfs.volume.TreeWalker;

/**
 * Automatic embedding: a file closed after it was opened for writing is queued, and embedded once no further close
 * came for {@link #debounceMillis} (a file rewritten in a burst is embedded once). One platform thread embeds (the
 * model's native calls would pin a virtual thread's carrier) and a second stores what it made (vectors, chunks,
 * marks: ~1 ms a file on which the model's threads would otherwise wait), one file behind; FUSE requests only put a
 * key in a bounded map and never wait. Nothing of the queue needs to survive a crash: every file's content is compared with its mark
 * ({@link EmbedMarks}), so the scan after each mount — and after the queue overflowed — finds whatever was left
 * undone. A vector set by setxattr (a file with a vector and no mark) is never touched.
 */
final class AutoEmbedder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AutoEmbedder.class);
    static final int CAPACITY = Integer.getInteger("vexfs.embed.queue", 4096);

    private record Pending(byte[] path, long dueNanos) {}

    /** A file embedded, to be stored by the storer; {@code fd} (its O_PATH descriptor) is the storer's to close. */
    private record Embedded(int fd, long key, Attr before, DocumentVectors vectors, byte[] relPath, String shown,
                            long modelNanos, boolean first) {}

    private final FileVectors vectors;
    private final Embedder embedder;
    private final TextExtractor extractor = new TextExtractor();
    private final long debounceMillis;
    private final Map<Long, Pending> queue = new LinkedHashMap<>();
    private final Thread worker;
    /** What the worker embedded and the storer has not taken yet: one file, so the worker is at most one ahead. */
    private final java.util.concurrent.BlockingQueue<Embedded> toStore = new java.util.concurrent.ArrayBlockingQueue<>(1);
    private final Thread storer;
    private boolean scanRequested;
    private boolean busy;
    /** Files handed to the storer and not stored yet (guarded by this). */
    private int storing;
    private volatile boolean stopping;

    // statistics (the rates and counts written by the storer only; failures by both threads)
    private volatile long embedded, skipped, overflows, busyNanos, modelNanos, storeNanos, firstNanos;
    private final java.util.concurrent.atomic.AtomicLong failed = new java.util.concurrent.atomic.AtomicLong();
    private volatile String lastFailure = "";

    AutoEmbedder(FileVectors vectors, Embedder embedder, long debounceMillis) {
        this.vectors = vectors;
        this.embedder = embedder;
        this.debounceMillis = debounceMillis;
        this.worker = Thread.ofPlatform().daemon().name("vexfs-embed").unstarted(this::run);
        this.storer = Thread.ofPlatform().daemon().name("vexfs-embed-store").unstarted(this::storeLoop);
    }

    void start() {
        worker.start();
        storer.start();
    }

    Embedder embedder() {
        return embedder;
    }

    /** A handle that could write {@code key} (at {@code relPath}) was closed. Never blocks. */
    void changed(long key, byte[] relPath) {
        if (relPath == null) return;
        synchronized (this) {
            queue.remove(key); // re-queued at the end: the debounce restarts
            if (queue.size() >= CAPACITY) {
                if (!scanRequested) LOG.warn("embed queue full ({} files): a scan will find the rest", CAPACITY);
                overflows++;
                scanRequested = true;
            } else {
                queue.put(key, new Pending(relPath, System.nanoTime() + debounceMillis * 1_000_000));
            }
            notifyAll();
        }
    }

    /** Looks at every file (after mount: whatever a crash left undone, and changes made while unmounted). */
    synchronized void requestScan() {
        scanRequested = true;
        notifyAll();
    }

    /** Waits until the queue is empty, no scan is pending and the worker is idle; false on timeout. */
    synchronized boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (!queue.isEmpty() || scanRequested || busy || storing > 0) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) return false;
            // a sync skips the debounce: what is queued is due now
            if (!queue.isEmpty()) expedite();
            wait(Math.min(left, 100));
        }
        return true;
    }

    private void expedite() {
        long now = System.nanoTime();
        for (Map.Entry<Long, Pending> e : queue.entrySet()) {
            if (e.getValue().dueNanos() > now) e.setValue(new Pending(e.getValue().path(), now));
        }
        notifyAll();
    }

    List<String[]> stats() {
        List<String[]> rows = new ArrayList<>();
        int length;
        boolean scanning;
        synchronized (this) {
            length = queue.size();
            scanning = scanRequested;
        }
        long done = Math.max(0, embedded - (firstNanos > 0 ? 1 : 0));
        double secs = busyNanos / 1e9;
        rows.add(new String[] {"embed_model_loaded", embedder.loaded() ? "yes" : "no"});
        rows.add(new String[] {"embed_queue_length", Integer.toString(length)});
        rows.add(new String[] {"embed_scan_pending", scanning ? "yes" : "no"});
        rows.add(new String[] {"embed_files_embedded", Long.toString(embedded)});
        rows.add(new String[] {"embed_files_skipped", Long.toString(skipped)});
        rows.add(new String[] {"embed_failures", Long.toString(failed.get())});
        rows.add(new String[] {"embed_queue_overflows", Long.toString(overflows)});
        rows.add(new String[] {"embed_files_per_s", String.format(java.util.Locale.ROOT, "%.1f", secs > 0 ? done / secs : 0.0)});
        rows.add(new String[] {"embed_read_and_model_ms_per_file", ms(modelNanos, done)});
        rows.add(new String[] {"embed_store_ms_per_file", ms(storeNanos, done)});
        rows.add(new String[] {"embed_first_file_ms", String.format(java.util.Locale.ROOT, "%.0f", firstNanos / 1e6)});
        rows.add(new String[] {"embed_last_failure", lastFailure.isEmpty() ? "-" : lastFailure});
        return rows;
    }

    private static String ms(long nanos, long n) {
        return String.format(java.util.Locale.ROOT, "%.1f", n > 0 ? nanos / 1e6 / n : 0.0);
    }

    // ---- the worker ----

    private void run() {
        while (!stopping) {
            Map.Entry<Long, Pending> next;
            boolean scan = false;
            synchronized (this) {
                busy = false;
                notifyAll();
                next = null;
                while (!stopping && next == null) {
                    long now = System.nanoTime(), wait = Long.MAX_VALUE;
                    for (Iterator<Map.Entry<Long, Pending>> it = queue.entrySet().iterator(); it.hasNext(); ) {
                        Map.Entry<Long, Pending> e = it.next();
                        if (e.getValue().dueNanos() <= now) {
                            next = Map.entry(e.getKey(), e.getValue());
                            it.remove();
                            break;
                        }
                        wait = Math.min(wait, e.getValue().dueNanos() - now);
                    }
                    if (next == null && queue.isEmpty() && scanRequested) {
                        scanRequested = false;
                        scan = true;
                        break;
                    }
                    if (next == null) {
                        try {
                            wait(wait == Long.MAX_VALUE ? 0 : Math.max(1, wait / 1_000_000));
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
                if (stopping) return;
                busy = true;
            }
            try {
                if (scan) scan();
                else process(next.getKey(), next.getValue().path());
            } catch (RuntimeException | Error e) {
                failed.incrementAndGet();
                lastFailure = "internal error: " + e;
                LOG.error("embedder: {}", e.toString(), e);
            }
        }
    }

    private void scan() {
        long t0 = System.nanoTime();
        long[] visited = {0};
        List<byte[]> optedOut = new ArrayList<>();
        try {
            if (EmbedMarks.optedOut(vectors.rootFd)) return;
            TreeWalker.walk(vectors.rootFd, new byte[0], new TreeWalker.Visitor() {
                @Override
                public void file(int dirFd, Name name, long ino, byte[] relPath) {
                    visited[0]++;
                    if (!below(relPath, optedOut)) process(ino, relPath);
                }

                @Override
                public void directory(byte[] relPath) {
                    if (below(relPath, optedOut)) return;
                    try {
                        int fd = NativeIo.openat(vectors.rootFd, Name.of(relPath),
                                NativeIo.O_PATH | NativeIo.O_NOFOLLOW | NativeIo.O_CLOEXEC, 0);
                        try {
                            if (EmbedMarks.optedOut(fd)) optedOut.add(relPath);
                        } finally {
                            NativeIo.close(fd);
                        }
                    } catch (FsException gone) {
                        // removed meanwhile
                    }
                }
            }, () -> stopping || hasDueWork());
        } catch (FsException e) {
            LOG.warn("embed scan: {}", e.getMessage());
        }
        if (!stopping && hasDueWork()) {
            requestScan(); // files closed meanwhile go first; the scan starts again afterwards (marks make it cheap)
        }
        LOG.info("embed scan: {} files looked at in {} ms", visited[0], (System.nanoTime() - t0) / 1_000_000);
    }

    /** True if a queued file is due: the scan steps aside for it (and starts again afterwards). */
    private synchronized boolean hasDueWork() {
        long now = System.nanoTime();
        for (Pending p : queue.values()) {
            if (p.dueNanos() <= now) return true;
        }
        return false;
    }

    private static boolean below(byte[] path, List<byte[]> dirs) {
        for (byte[] d : dirs) {
            if (path.length > d.length && path[d.length] == '/' && Arrays.equals(path, 0, d.length, d, 0, d.length)) {
                return true;
            }
        }
        return false;
    }

    /** Embeds the file {@code key} at {@code relPath} if its content changed since its mark. */
    private void process(long key, byte[] relPath) {
        if (isVecFile(relPath)) return; // a .vec file's content is its vector (VecFileIndexer)
        int fd;
        try {
            fd = NativeIo.openat(vectors.rootFd, Name.of(relPath), NativeIo.O_PATH | NativeIo.O_NOFOLLOW | NativeIo.O_CLOEXEC, 0);
        } catch (FsException gone) {
            byte[] hinted = vectors.verifiedPath(key); // renamed since it was queued (known if it has a vector)
            if (hinted == null) return;
            relPath = hinted;
            try {
                fd = NativeIo.openat(vectors.rootFd, Name.of(relPath), NativeIo.O_PATH | NativeIo.O_NOFOLLOW | NativeIo.O_CLOEXEC, 0);
            } catch (FsException alsoGone) {
                return;
            }
        }
        String shown = "/" + new String(relPath, StandardCharsets.UTF_8);
        boolean handedOff = false;
        try {
            Attr a = NativeIo.stat(fd);
            if (!a.isRegular() || a.ino() != key || a.dev() != vectors.rootDev) return;
            byte[] mark = EmbedMarks.read(fd);
            if (mark == null && vectors.has(fd, key)) return; // set by setxattr: it wins
            if (mark != null && Arrays.equals(mark, EmbedMarks.of(a))) return; // up to date
            if (EmbedMarks.optedOutPath(vectors.rootFd, relPath)) return;
            long t0 = System.nanoTime();
            boolean first = !embedder.loaded();
            DocumentVectors v = embed(fd, a, shown);
            handedOff = handOff(new Embedded(fd, key, a, v, relPath, shown, System.nanoTime() - t0, first));
        } catch (EmbedException | FsException e) {
            failed.incrementAndGet();
            lastFailure = shown + ": " + e.getMessage();
            LOG.warn("embed {}: {}", shown, e.getMessage());
        } finally {
            if (!handedOff) NativeIo.close(fd);
        }
    }

    /** Gives {@code e} to the storer, waiting while it still has the previous file; false if interrupted. */
    private boolean handOff(Embedded e) {
        synchronized (this) {
            storing++;
        }
        try {
            toStore.put(e);
            return true;
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            synchronized (this) {
                storing--;
                notifyAll();
            }
            return false;
        }
    }

    /** The storer: stores each embedded file, in the order they were embedded, until stopped and drained. */
    private void storeLoop() {
        while (true) {
            Embedded e;
            try {
                e = toStore.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException ie) {
                return;
            }
            if (e == null) {
                if (stopping && !worker.isAlive()) return;
                continue;
            }
            try {
                long t0 = System.nanoTime();
                store(e.fd(), e.key(), e.before(), e.vectors(), e.relPath());
                long t1 = System.nanoTime();
                if (e.first()) firstNanos = e.modelNanos(); // the model loads within it: kept out of the rates
                else {
                    modelNanos += e.modelNanos();
                    storeNanos += t1 - t0;
                    busyNanos += e.modelNanos() + (t1 - t0);
                }
            } catch (FsException | InvalidVectorException ex) {
                // InvalidVectorException: the embedder gave what the store refuses (NaN, a zero vector under cosine)
                failed.incrementAndGet();
                lastFailure = e.shown() + ": " + ex.getMessage();
                LOG.warn("embed {}: {}", e.shown(), ex.getMessage());
            } catch (RuntimeException | Error ex) {
                failed.incrementAndGet();
                lastFailure = "internal error: " + ex;
                LOG.error("embedder: {}", ex.toString(), ex);
            } finally {
                NativeIo.close(e.fd());
                synchronized (this) {
                    storing--;
                    notifyAll();
                }
            }
        }
    }

    private static boolean isVecFile(byte[] p) {
        return p.length >= 4 && p[p.length - 4] == '.' && p[p.length - 3] == 'v' && p[p.length - 2] == 'e'
                && p[p.length - 1] == 'c';
    }

    /** The file's document vectors, or null if it is skipped (not text, empty). */
    private DocumentVectors embed(int pathFd, Attr a, String shown) throws FsException, EmbedException {
        if (a.size() == 0) return null;
        byte[] data;
        int rd = NativeIo.reopen(pathFd, NativeIo.O_RDONLY | NativeIo.O_CLOEXEC);
        try {
            data = NativeIo.pread(rd, (int) Math.min(a.size(), TextExtractor.MAX_FILE_BYTES), 0);
        } finally {
            NativeIo.close(rd);
        }
        return DocumentVectors.of(embedder, shown, extractor.extract(shown, data, embedder.takesBytes()));
    }

    /** Sets (or, for a skip, clears) the automatic vector and the mark, unless setxattr got there first. */
    private void store(int fd, long key, Attr before, DocumentVectors v, byte[] relPath) throws FsException {
        vectors.underKeyLock(key, () -> {
            byte[] mark = EmbedMarks.read(fd);
            boolean has = vectors.has(fd, key);
            if (mark == null && has) return null; // a setxattr came while we embedded
            Attr now = NativeIo.stat(fd);
            if (now.mtimeSec() != before.mtimeSec() || now.mtimeNsec() != before.mtimeNsec() || now.size() != before.size()) {
                changed(key, relPath); // written again meanwhile: its next turn embeds the new content
                return null;
            }
            if (v == null) {
                if (has) vectors.remove(fd, key); // the old automatic vector no longer describes it
                skipped++;
            } else {
                if (mark == null) EmbedMarks.write(fd, EmbedMarks.PENDING);
                // no fsync: a vector a power loss takes is made again
                vectors.setDocument(fd, key, v.whole(), v.wholeRange(), v.chunks(), v.ranges(), relPath);
                embedded++;
            }
            EmbedMarks.write(fd, EmbedMarks.of(now));
            return null;
        });
    }

    @Override
    public void close() {
        stopping = true;
        synchronized (this) {
            notifyAll();
        }
        try {
            worker.join(10_000);
            storer.join(10_000); // what the worker embedded last is stored before the store closes
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        embedder.close();
    }
}
