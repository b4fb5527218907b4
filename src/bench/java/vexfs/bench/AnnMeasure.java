package vexfs.bench;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The measurement loop shared by every impl (docs/bench-ann-protocol.md): for each ef, an untimed
 * warm-up of max(queries, 10000) searches cycling over the query set, then one timed pass on
 * this thread, one query at a time.
 * recall@k = |returned top-k ∩ true top-k| / k averaged over queries; qps = queries / wall time of the
 * timed pass; p50/p99 from per-query System.nanoTime() latencies.
 */
final class AnnMeasure {

    /** One search: the ids (base-file rows) of the best {@code k} results found with beam width {@code ef}. */
    interface Search {
        int[] topK(float[] query, int ef, int k) throws IOException;
    }

    private AnnMeasure() {
    }

    static void run(String impl, Search search, Vecs queries, Vecs gt, int[] efs, int k) throws IOException {
        float[][] qs = new float[queries.rows()][];
        for (int i = 0; i < qs.length; i++) {
            qs[i] = queries.floatRow(i);
        }
        long[] lat = new long[qs.length];
        for (int ef : efs) {
            for (int w = 0; w < warmUpQueries(qs.length); w++) {
                search.topK(qs[w % qs.length], ef, k);
            }
            long hits = 0;
            long start = System.nanoTime();
            for (int i = 0; i < qs.length; i++) {
                long s = System.nanoTime();
                int[] got = search.topK(qs[i], ef, k);
                lat[i] = System.nanoTime() - s;
                hits += overlap(got, gt, i, k);
            }
            long total = System.nanoTime() - start;
            long[] sorted = lat.clone();
            Arrays.sort(sorted);
            int n = qs.length;
            System.out.printf(Locale.ROOT, "impl=%s ef=%d recall=%.4f qps=%.1f p50_us=%.1f p99_us=%.1f%n",
                    impl, ef, hits / ((double) n * k), n / (total / 1e9),
                    sorted[(n - 1) * 50 / 100] / 1e3, sorted[(n - 1) * 99 / 100] / 1e3);
            System.out.flush();
        }
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
