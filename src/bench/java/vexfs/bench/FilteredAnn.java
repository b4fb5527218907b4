package vexfs.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;

/**
 * Filtered ANN for scripts/bench-ann {@code --filters 1,10,50} (issue 21): the same queries with only a fraction of
 * the base rows allowed. Row {@code i} passes selectivity {@code p} % when {@code hash(i) % 1000 < 10 p}: a fixed
 * pseudo-random subset, nested (1 % ⊂ 10 % ⊂ 50 %), the same in every harness (Lucene indexes it as a term, VexFS
 * tests it as a predicate on the slot). The ground truth (exact top-k among the passing rows, brute force) is
 * computed once per data set and selectivity and cached beside the data. Lines are reported as impl
 * {@code NAME/fPP} (PP = the percentage, two digits), ef, recall, qps as in {@link AnnMeasure}.
 */
public final class FilteredAnn {
    /** A filtered search: the ids of the best {@code k} rows passing {@code percent} found with beam {@code ef}. */
    public interface Search {
        int[] topK(float[] query, int ef, int k, int percent) throws IOException;
    }

    private FilteredAnn() {}

    /** Row {@code id} passes {@code percent} % (1..100). */
    public static boolean passes(int id, int percent) {
        long z = (id + 0x9E3779B97F4A7C15L) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 31)) * 0x94D049BB133111EBL;
        return Long.remainderUnsigned(z ^ (z >>> 29), 1000) < 10L * percent;
    }

    public static void run(String impl, Search search, Vecs base, Vecs queries, int[] efs, int k, int[] percents,
                           int maxQueries, Path cacheDir) throws IOException {
        int nq = Math.min(queries.rows(), maxQueries);
        float[][] qs = new float[nq][];
        for (int i = 0; i < nq; i++) qs[i] = queries.floatRow(i);
        for (int p : percents) {
            int[][] truth = truth(base, qs, k, p, cacheDir);
            String name = String.format(Locale.ROOT, "%s/f%02d", impl, p);
            for (int ef : efs) {
                for (int w = 0; w < Math.max(nq, 2000); w++) search.topK(qs[w % nq], ef, k, p); // warm-up
                long best = Long.MAX_VALUE;
                int[][] got = new int[nq][];
                for (int run = 0; run < 3; run++) {
                    long t0 = System.nanoTime();
                    for (int i = 0; i < nq; i++) got[i] = search.topK(qs[i], ef, k, p);
                    best = Math.min(best, System.nanoTime() - t0);
                }
                long hits = 0;
                for (int i = 0; i < nq; i++) {
                    for (int t : truth[i]) {
                        for (int j = 0; j < Math.min(k, got[i].length); j++) {
                            if (got[i][j] == t) {
                                hits++;
                                break;
                            }
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "impl=%s ef=%d recall=%.4f qps=%.1f%n", name, ef,
                        hits / ((double) nq * k), nq / (best / 1e9));
                System.out.flush();
            }
        }
    }

    /** Exact top-k (squared L2) among the passing rows, per query; cached as raw ints in {@code cacheDir}. */
    static int[][] truth(Vecs base, float[][] qs, int k, int percent, Path cacheDir) throws IOException {
        Path f = cacheDir.resolve(String.format(Locale.ROOT, "gt-filter-%02d-%d-%d-%d.bin", percent, base.rows(), qs.length, k));
        int[][] out = new int[qs.length][k];
        if (Files.isRegularFile(f) && Files.size(f) == 4L * qs.length * k) {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
            for (int[] row : out) for (int j = 0; j < k; j++) row[j] = b.getInt();
            return out;
        }
        System.err.printf(Locale.ROOT, "filtered ground truth for %d %% (%d queries, brute force)%n", percent, qs.length);
        int dim = base.dim();
        float[] row = new float[dim];
        float[][] bestD = new float[qs.length][k];
        for (float[] d : bestD) Arrays.fill(d, Float.POSITIVE_INFINITY);
        for (int[] r : out) Arrays.fill(r, -1);
        for (int id = 0; id < base.rows(); id++) {
            if (!passes(id, percent)) continue;
            for (int j = 0; j < dim; j++) row[j] = Float.intBitsToFloat(base.raw()[id * dim + j]);
            for (int q = 0; q < qs.length; q++) {
                float d = 0;
                float[] x = qs[q];
                for (int j = 0; j < dim; j++) {
                    float t = x[j] - row[j];
                    d += t * t;
                }
                float[] bd = bestD[q];
                if (d >= bd[k - 1]) continue;
                int at = k - 1;
                while (at > 0 && bd[at - 1] > d) {
                    bd[at] = bd[at - 1];
                    out[q][at] = out[q][at - 1];
                    at--;
                }
                bd[at] = d;
                out[q][at] = id;
            }
        }
        ByteBuffer b = ByteBuffer.allocate(4 * qs.length * k).order(ByteOrder.LITTLE_ENDIAN);
        for (int[] r : out) for (int v : r) b.putInt(v);
        Files.createDirectories(cacheDir);
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(b.flip());
        }
        Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return out;
    }

    /** {@code --filters 1,10,50} of a harness's extra options, or null when absent. */
    public static int[] percents(AnnArgs a) {
        String v = a.extra().get("--filters");
        if (v == null) return null;
        int[] p = Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray();
        for (int x : p) if (x < 1 || x > 100) AnnArgs.fail("bench", "--filters P,...", "a filter is 1..100 %");
        return p;
    }
}
