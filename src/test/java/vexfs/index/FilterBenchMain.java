package vexfs.index;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntPredicate;

import vexfs.base.Metric;
import vexfs.base.SearchResult;

/**
 * Measures filtered graph traversal against exact scan on Fashion-MNIST for filters of decreasing
 * selectivity, to place {@link FilteredSearch#EXACT_SELECTIVITY}. Builds the 60k graph in
 * {@code dir} on the first run and reuses it afterwards (args: dir=<dir> [queries=500]).
 */
public final class FilterBenchMain {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of("/tmp/fm");
        int nq = 500;
        for (String a : args) {
            String[] kv = a.split("=", 2);
            if (kv[0].equals("dir")) dir = Path.of(kv[1]);
            if (kv[0].equals("queries")) nq = Integer.parseInt(kv[1]);
        }
        float[] train = FashionMnist.load(FashionMnist.TRAIN, 0);
        float[] test = FashionMnist.load(FashionMnist.TEST, nq);
        int dim = FashionMnist.DIM;
        ArrayVectorSource vs = new ArrayVectorSource(train, dim, Metric.L2);
        Path file = dir.resolve("graph.vxg");
        if (!java.nio.file.Files.exists(file)) {
            java.nio.file.Files.createDirectories(dir);
            TestData.build(file, vs, HnswParams.defaults(dim), train.length / dim).close();
        }
        try (HnswIndex idx = HnswIndex.open(file, vs, HnswParams.defaults(dim))) {
            GraphStore g = idx.graph();
            for (int mod : new int[] {2, 5, 10, 20, 50, 100, 200}) {
                IntPredicate f = s -> (s * 0x9E3779B9) >>> 1 < Integer.MAX_VALUE / mod; // ~1/mod, scattered
                long tGraph = 0, tExact = 0, tAuto = 0, visited = 0;
                int hits = 0, total = 0, shortResults = 0;
                for (int rep = 0; rep < 2; rep++) {
                    tGraph = tExact = tAuto = visited = 0;
                    hits = total = shortResults = 0;
                    for (int i = 0; i < nq; i++) {
                        float[] q = vs.prepareQuery(Arrays.copyOfRange(test, i * dim, (i + 1) * dim));
                        HnswSearcher s = new HnswSearcher(g.capacity(), 32);
                        long t0 = System.nanoTime();
                        SearchResult r = s.search(s.startSearch(g, vs, q, 10, 64).acceptOnly(f));
                        long t1 = System.nanoTime();
                        s.end();
                        SearchResult e = FilteredSearch.exact(g, vs, q, 10, f);
                        long t2 = System.nanoTime();
                        idx.search(q, 10, 64, f);
                        long t3 = System.nanoTime();
                        tGraph += t1 - t0;
                        tExact += t2 - t1;
                        tAuto += t3 - t2;
                        visited += r.visited();
                        hits += TestData.overlap(r.slots(), e.slots());
                        total += e.size();
                        if (r.size() < 10) shortResults++;
                    }
                }
                System.out.printf(Locale.ROOT, "selectivity=1/%d graph_us=%.0f graph_recall=%.3f graph_visited=%d short=%d exact_us=%.0f auto_us=%.0f%n",
                        mod, tGraph / 1e3 / nq, hits / (double) total, visited / nq, shortResults, tExact / 1e3 / nq, tAuto / 1e3 / nq);
            }
        }
    }
}
