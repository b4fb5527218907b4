package vexfs.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * The measurement loop shared by every impl (docs/bench-ann-protocol.md): first one untimed pass over
 * the queries at every ef; then for each ef an untimed warm-up of max(queries, 10000) searches cycling
 * over the query set, then TIMED_RUNS timed passes on this thread, one query at a time, of which the
 * fastest is reported. recall@k = |returned top-k ∩ true top-k| / k averaged over queries; qps =
 * queries / wall time of the pass; p50/p99 from that pass's per-query System.nanoTime() latencies.
 */
public final class AnnMeasure {
    static final int TIMED_RUNS = 3;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** One search: the ids (base-file rows) of the best {@code k} results found with beam width {@code ef}. */
    public interface Search {
        int[] topK(float[] query, int ef, int k) throws IOException;
    }

    private AnnMeasure() {
    }

    public static void run(String impl, Search search, Vecs queries, Vecs gt, int[] efs, int k) throws IOException {
        run(impl, search, queries, gt, efs, k, new int[] {1});
    }

    /**
     * As above, once per entry of {@code threads}: with t > 1 threads the timed passes split the queries among t
     * threads (each takes the next query from a shared counter; searchers must be thread-safe) and the lines are
     * reported as impl {@code NAME@Tt}; qps is queries per wall second of the pass, cpu_qps per CPU second of all
     * its threads.
     */
    public static void run(String impl, Search search, Vecs queries, Vecs gt, int[] efs, int k, int[] threads)
            throws IOException {
        for (int t : threads) runWith(t == 1 ? impl : impl + "@" + t + "t", search, queries, gt, efs, k, t);
    }

    private static void runWith(String impl, Search search, Vecs queries, Vecs gt, int[] efs, int k, int threads)
            throws IOException {
        float[][] qs = new float[queries.rows()][];
        for (int i = 0; i < qs.length; i++) {
            qs[i] = queries.floatRow(i);
        }
        long[] lat = new long[qs.length];
        for (int ef : efs) { // pre-warm: one untimed pass at every ef before any timed pass
            for (float[] q : qs) {
                search.topK(q, ef, k);
            }
        }
        for (int ef : efs) {
            for (int w = 0; w < warmUpQueries(qs.length); w++) {
                search.topK(qs[w % qs.length], ef, k);
            }
            // Best of TIMED_RUNS passes (shortest wall time), as ann-benchmarks does: interference from other
            // processes on a shared machine only ever slows a pass down.
            long total = Long.MAX_VALUE;
            long cpuTotal = Long.MAX_VALUE;
            long[] pass = new long[qs.length];
            int[][] got = new int[qs.length][];
            for (int run = 0; run < TIMED_RUNS; run++) {
                long start = System.nanoTime();
                long cpu = threads == 1 ? timedPass(search, qs, ef, k, got, pass) : timedPass(search, qs, ef, k, got, pass, threads);
                long t = System.nanoTime() - start;
                cpuTotal = Math.min(cpuTotal, cpu);
                if (t < total) {
                    total = t;
                    System.arraycopy(pass, 0, lat, 0, lat.length);
                }
            }
            long hits = 0; // scored after timing
            for (int i = 0; i < qs.length; i++) {
                hits += overlap(got[i], gt, i, k);
            }
            long[] sorted = lat.clone();
            Arrays.sort(sorted);
            int n = qs.length;
            System.out.printf(Locale.ROOT, "impl=%s ef=%d recall=%.4f qps=%.1f p50_us=%.1f p99_us=%.1f cpu_qps=%.1f%n",
                    impl, ef, hits / ((double) n * k), n / (total / 1e9),
                    sorted[(n - 1) * 50 / 100] / 1e3, sorted[(n - 1) * 99 / 100] / 1e3, n / (cpuTotal / 1e9));
            System.out.flush();
        }
    }

    /** One pass on this thread; returns its CPU nanoseconds. */
    private static long timedPass(Search search, float[][] qs, int ef, int k, int[][] got, long[] pass) throws IOException {
        long cpuStart = cpuNanos();
        for (int i = 0; i < qs.length; i++) {
            long s = System.nanoTime();
            got[i] = search.topK(qs[i], ef, k);
            pass[i] = System.nanoTime() - s;
        }
        return cpuNanos() - cpuStart;
    }

    /** One pass on {@code threads} platform threads sharing a query counter; returns their CPU nanoseconds. */
    private static long timedPass(Search search, float[][] qs, int ef, int k, int[][] got, long[] pass, int threads)
            throws IOException {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicLong cpu = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.CyclicBarrier go = new java.util.concurrent.CyclicBarrier(threads);
        IOException[] failure = new IOException[1];
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            ts[t] = Thread.ofPlatform().name("ann-search-" + t).start(() -> {
                try {
                    go.await();
                    long c0 = cpuNanos();
                    for (int i; (i = next.getAndIncrement()) < qs.length; ) {
                        long s = System.nanoTime();
                        got[i] = search.topK(qs[i], ef, k);
                        pass[i] = System.nanoTime() - s;
                    }
                    cpu.addAndGet(cpuNanos() - c0);
                } catch (IOException e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                } catch (InterruptedException | java.util.concurrent.BrokenBarrierException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        for (Thread t : ts) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        synchronized (failure) {
            if (failure[0] != null) throw failure[0];
        }
        return cpu.get();
    }

    /**
     * CPU time of the calling thread: less sensitive than wall time to other jobs on a shared machine
     * (JIT and GC threads are not counted).
     */
    public static long cpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** Untimed queries before each timed pass: a full pass, and at least 10,000 so the JIT has settled. */
    static int warmUpQueries(int queries) {
        return Math.max(queries, 10_000);
    }

    private static int overlap(int[] got, Vecs gt, int row, int k) {
        int hits = 0;
        for (int g = 0; g < k; g++) {
            int want = gt.intAt(row, g);
            for (int j = 0; j < Math.min(k, got.length); j++) {
                if (got[j] == want) {
                    hits++;
                    break;
                }
            }
        }
        return hits;
    }
}
