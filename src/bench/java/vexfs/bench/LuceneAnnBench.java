package vexfs.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Lucene HNSW reference for scripts/bench-ann. CLI (docs/bench-ann-protocol.md):
 * {@code --base F --query F --gt F --m 16 --efc 200 --ef 10,20,40,80,160 --k 10
 * [--mode index|graph|both] [--work DIR]} (default index; scripts/bench-ann runs each mode in its own JVM).
 * Single thread. Prints
 * {@code impl=lucene build_seconds=S bytes=N} then one {@code impl=lucene ef=...} line per ef;
 * the pure-graph mode reports as {@code impl=lucene-graph}.
 */
public final class LuceneAnnBench {
    private static final String USAGE = "--base F --query F --gt F [--m 16] [--efc 200] [--ef 10,20,40,80,160] [--k 10]"
            + " [--mode index|graph|both] [--work DIR]";

    private LuceneAnnBench() {
    }

    public static void main(String[] args) throws Exception {
        AnnArgs a = AnnArgs.parse(args, "LuceneAnnBench", USAGE, Set.of("--mode", "--work", "--filters", "--filter-queries", "--filter-cache"));
        String mode = a.extra().getOrDefault("--mode", "index");
        Path work = Path.of(a.extra().getOrDefault("--work", System.getProperty("java.io.tmpdir")));
        int m = a.m(), efc = a.efc(), k = a.k();
        int[] efs = a.efs();
        Vecs b = Vecs.read(Path.of(a.base())), q = Vecs.read(Path.of(a.query())), g = Vecs.read(Path.of(a.gt()));
        if (q.dim() != b.dim() || g.rows() != q.rows() || g.dim() < k) {
            usage("inconsistent inputs: base dim " + b.dim() + ", query dim " + q.dim() + ", gt " + g.rows() + "x" + g.dim());
        }
        System.err.printf("[lucene] base %dx%d, %d queries, M=%d efC=%d, mode %s%n", b.rows(), b.dim(), q.rows(), m, efc, mode);
        if (mode.equals("index") || mode.equals("both")) {
            Files.createDirectories(work);
            int[] filters = FilteredAnn.percents(a);
            try (LuceneIndexAnn idx = new LuceneIndexAnn(b, m, efc, work, filters)) {
                System.out.printf(Locale.ROOT, "impl=lucene build_seconds=%.3f bytes=%d build_cpu_seconds=%.3f%n",
                        idx.buildSeconds, idx.bytes, idx.buildCpuSeconds);
                if (filters != null) {
                    FilteredAnn.run("lucene", idx::topKFiltered, b, q, efs, k, filters,
                            Integer.parseInt(a.extra().getOrDefault("--filter-queries", "200")),
                            Path.of(a.extra().getOrDefault("--filter-cache", work.toString())));
                    return;
                }
                AnnMeasure.run("lucene", idx, q, g, efs, k, a.threads()); // IndexSearcher is thread-safe
            }
        }
        if (mode.equals("graph") || mode.equals("both")) {
            LuceneGraphAnn graph = new LuceneGraphAnn(b, m, efc, 42L);
            System.out.printf(Locale.ROOT, "impl=lucene-graph build_seconds=%.3f bytes=%d build_cpu_seconds=%.3f%n",
                    graph.buildSeconds, graph.bytes, graph.buildCpuSeconds);
            AnnMeasure.run("lucene-graph", graph, q, g, efs, k);
        }
    }

    private static void usage(String why) {
        AnnArgs.fail("LuceneAnnBench", USAGE, why);
    }
}
