package vexfs.index;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import vexfs.base.SearchResult;
import vexfs.base.VectorSource;
import vexfs.store.VectorStore;

/**
 * Same-JVM A/B of the HNSW query search before and after the scorer/collector refactor: {@link LegacyHnswSearcher}
 * (HnswSearcher at dd57911, verbatim) against {@link HnswSearcher}, on one graph built by {@link AbBuildMain}.
 * Args: {@code DATA DIR [queries=2000] [efs=20,80] [rounds=6] [passes=3] [k=10]}.
 *
 * <p>First every query is searched by both at every ef and the results compared bit for bit (slots, distances,
 * visited counts), and recall@k against exact search is printed; then filtered searches with visit limits
 * (the legacy null result against {@code earlyTerminated()}). Then each round times, per ef, both searchers
 * (order swapped every round), each the best of {@code passes} passes over the queries, one query at a time on
 * this thread, by thread CPU time and by wall time. Every round prints new/legacy QPS ratios.
 */
public final class ScorerAbBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ScorerAbBench() {
    }

    public static void main(String[] args) throws Exception {
        String spec = args[0];
        Path dir = Path.of(args[1]);
        int nq = 2000;
        int[] efs = {20, 80};
        int rounds = 6;
        int passes = 3;
        int k = 10;
        for (int i = 2; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            switch (kv[0]) {
                case "queries" -> nq = Integer.parseInt(kv[1]);
                case "efs" -> efs = Arrays.stream(kv[1].split(",")).mapToInt(Integer::parseInt).toArray();
                case "rounds" -> rounds = Integer.parseInt(kv[1]);
                case "passes" -> passes = Integer.parseInt(kv[1]);
                case "k" -> k = Integer.parseInt(kv[1]);
                default -> throw new IllegalArgumentException(args[i]);
            }
        }
        AbData data = AbData.load(spec, nq);
        nq = data.queryRows();
        try (VectorStore store = VectorStore.open(dir.resolve("store"), true);
             HnswIndex index = HnswIndex.openReadOnly(dir.resolve("graph.vxg"), store.asVectorSource())) {
            VectorSource vs = store.asVectorSource();
            GraphStore g = index.graph();
            float[][] qs = new float[nq][];
            for (int i = 0; i < nq; i++) qs[i] = vs.prepareQuery(data.query(i));
            int degree = Math.max(index.params().m0(), index.params().m());
            LegacyHnswSearcher legacy = new LegacyHnswSearcher(g.capacity(), degree);
            HnswSearcher current = new HnswSearcher(g.capacity(), degree);
            System.out.printf(Locale.ROOT, "ab data=%s rows=%d dim=%d queries=%d k=%d codes=%s load=%s%n", spec, g.liveCount.get(),
                    data.dim(), nq, k, g.quantizer() != null, loadAvg());
            for (int ef : efs) {
                int mismatches = 0;
                long hits = 0;
                for (int i = 0; i < nq; i++) {
                    SearchResult a = legacy(legacy, g, vs, qs[i], k, ef);
                    SearchResult b = current(current, g, vs, qs[i], k, ef);
                    if (!Arrays.equals(a.slots(), b.slots()) || !Arrays.equals(a.distances(), b.distances())
                            || a.visited() != b.visited()) mismatches++;
                    SearchResult truth = index.exactSearch(data.query(i), k, null);
                    for (int s : b.slots()) for (int t : truth.slots()) if (s == t) hits++;
                }
                System.out.printf(Locale.ROOT, "check ef=%d recall@%d=%.4f mismatches=%d%n", ef, k, hits / (double) (nq * k), mismatches);
                if (mismatches > 0) throw new AssertionError(mismatches + " queries differ at ef=" + ef);
            }
            checkFiltered(legacy, current, g, vs, qs, k);
            double[][] cpuRatios = new double[efs.length][rounds];
            double[][] wallRatios = new double[efs.length][rounds];
            double[][] legacyCpuQps = new double[efs.length][rounds];
            double[][] newCpuQps = new double[efs.length][rounds];
            for (int r = 0; r < rounds; r++) {
                for (int e = 0; e < efs.length; e++) {
                    int ef = efs[e];
                    long[] legacyTimes;
                    long[] currentTimes;
                    if (r % 2 == 0) {
                        legacyTimes = time(passes, qs, q -> legacy(legacy, g, vs, q, 10, ef));
                        currentTimes = time(passes, qs, q -> current(current, g, vs, q, 10, ef));
                    } else {
                        currentTimes = time(passes, qs, q -> current(current, g, vs, q, 10, ef));
                        legacyTimes = time(passes, qs, q -> legacy(legacy, g, vs, q, 10, ef));
                    }
                    double lc = nq / (legacyTimes[0] / 1e9);
                    double cc = nq / (currentTimes[0] / 1e9);
                    double lw = nq / (legacyTimes[1] / 1e9);
                    double cw = nq / (currentTimes[1] / 1e9);
                    cpuRatios[e][r] = cc / lc;
                    wallRatios[e][r] = cw / lw;
                    legacyCpuQps[e][r] = lc;
                    newCpuQps[e][r] = cc;
                    System.out.printf(Locale.ROOT,
                            "round=%d ef=%d order=%s legacy_cpu_qps=%.0f new_cpu_qps=%.0f ratio_cpu=%.3f legacy_wall_qps=%.0f new_wall_qps=%.0f ratio_wall=%.3f load=%s%n",
                            r, ef, r % 2 == 0 ? "legacy,new" : "new,legacy", lc, cc, cc / lc, lw, cw, cw / lw, loadAvg());
                }
            }
            for (int e = 0; e < efs.length; e++) {
                System.out.printf(Locale.ROOT,
                        "summary ef=%d rounds=%d legacy_cpu_qps_median=%.0f new_cpu_qps_median=%.0f ratio_cpu median=%.3f q1=%.3f q3=%.3f min=%.3f max=%.3f ratio_wall median=%.3f q1=%.3f q3=%.3f%n",
                        efs[e], rounds, quantile(legacyCpuQps[e], 0.5), quantile(newCpuQps[e], 0.5),
                        quantile(cpuRatios[e], 0.5), quantile(cpuRatios[e], 0.25), quantile(cpuRatios[e], 0.75),
                        quantile(cpuRatios[e], 0), quantile(cpuRatios[e], 1),
                        quantile(wallRatios[e], 0.5), quantile(wallRatios[e], 0.25), quantile(wallRatios[e], 0.75));
            }
        }
    }

    /**
     * Filtered searches with visit limits, as {@link FilteredSearch} runs them: the legacy searcher's null result
     * ("visit limit hit") must coincide with {@link NeighborCollector#earlyTerminated()}, and every other result
     * must be identical.
     */
    private static void checkFiltered(LegacyHnswSearcher legacy, HnswSearcher current, GraphStore g, VectorSource vs,
                                      float[][] qs, int k) {
        int mismatches = 0;
        int limited = 0;
        int searches = 0;
        for (int mod : new int[] {2, 5, 20}) {
            java.util.function.IntPredicate filter = s -> (s * 0x9E3779B9) >>> 1 < Integer.MAX_VALUE / mod;
            for (int budget : new int[] {300, 1500, 6000, Integer.MAX_VALUE}) {
                for (int i = 0; i < Math.min(500, qs.length); i++) {
                    legacy.begin(g, vs, qs[i], true, false, -1, filter);
                    SearchResult a = legacy.search(k, 64, budget);
                    legacy.end();
                    SearchCollector results = current.startSearch(g, vs, qs[i], k, 64).acceptOnly(filter).limitVisits(budget);
                    SearchResult b = current.search(results);
                    boolean terminated = results.earlyTerminated();
                    current.end();
                    searches++;
                    if (a == null) limited++;
                    if ((a == null) != terminated) mismatches++;
                    else if (a != null && (!Arrays.equals(a.slots(), b.slots()) || !Arrays.equals(a.distances(), b.distances())
                            || a.visited() != b.visited())) mismatches++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "check filtered searches=%d visit_limit_hit=%d mismatches=%d%n", searches, limited, mismatches);
        if (mismatches > 0) throw new AssertionError(mismatches + " filtered searches differ");
    }

    private static SearchResult legacy(LegacyHnswSearcher s, GraphStore g, VectorSource vs, float[] q, int k, int ef) {
        s.begin(g, vs, q, true, false, -1, null);
        SearchResult r = s.search(k, Math.max(ef, k), Integer.MAX_VALUE);
        s.end();
        return r;
    }

    private static SearchResult current(HnswSearcher s, GraphStore g, VectorSource vs, float[] q, int k, int ef) {
        SearchResult r = s.search(s.startSearch(g, vs, q, k, Math.max(ef, k)));
        s.end();
        return r;
    }

    interface Query {
        SearchResult run(float[] q);
    }

    private static int sink;

    /** Best of {@code passes} passes: {thread CPU ns, wall ns} (each minimised separately). */
    private static long[] time(int passes, float[][] qs, Query search) {
        long bestCpu = Long.MAX_VALUE;
        long bestWall = Long.MAX_VALUE;
        for (int p = 0; p < passes; p++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            int s = 0;
            for (float[] q : qs) s += search.run(q).slots()[0];
            long wall = System.nanoTime() - t0;
            long cpu = THREADS.getCurrentThreadCpuTime() - c0;
            sink += s;
            bestCpu = Math.min(bestCpu, cpu);
            bestWall = Math.min(bestWall, wall);
        }
        return new long[] {bestCpu, bestWall};
    }

    /** Linear-interpolated quantile {@code q} in [0, 1]. */
    private static double quantile(double[] values, double q) {
        double[] v = values.clone();
        Arrays.sort(v);
        double pos = q * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(v.length - 1, lo + 1);
        return v[lo] + (pos - lo) * (v[hi] - v[lo]);
    }

    private static String loadAvg() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
