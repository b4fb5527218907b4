package vexfs.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Lucene HNSW reference for scripts/bench-ann. CLI (docs/bench-ann-protocol.md):
 * {@code --base F --query F --gt F --m 16 --efc 200 --ef 10,20,40,80,160 --k 10
 * [--mode index|graph|both] [--work DIR]} (default index; scripts/bench-ann runs each mode in its own JVM).
 * Single thread. Prints
 * {@code impl=lucene build_seconds=S bytes=N} then one {@code impl=lucene ef=...} line per ef;
 * the pure-graph mode reports as {@code impl=lucene-graph}.
 */
public final class LuceneAnnBench {
    private LuceneAnnBench() {
    }

    public static void main(String[] args) throws Exception {
        String base = null, query = null, gt = null, mode = "index";
        Path work = Path.of(System.getProperty("java.io.tmpdir"));
        int m = 16, efc = 200, k = 10;
        int[] efs = {10, 20, 40, 80, 160};
        for (int i = 0; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--base" -> base = v;
                case "--query" -> query = v;
                case "--gt" -> gt = v;
                case "--m" -> m = Integer.parseInt(v);
                case "--efc" -> efc = Integer.parseInt(v);
                case "--k" -> k = Integer.parseInt(v);
                case "--ef" -> efs = Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray();
                case "--mode" -> mode = v;
                case "--work" -> work = Path.of(v);
                default -> usage("unknown option " + args[i]);
            }
        }
        if (base == null || query == null || gt == null || args.length % 2 != 0) {
            usage("--base, --query and --gt are required");
        }
        Vecs b = Vecs.read(Path.of(base)), q = Vecs.read(Path.of(query)), g = Vecs.read(Path.of(gt));
        if (q.dim() != b.dim() || g.rows() != q.rows() || g.dim() < k) {
            usage("inconsistent inputs: base dim " + b.dim() + ", query dim " + q.dim() + ", gt " + g.rows() + "x" + g.dim());
        }
        System.err.printf("[lucene] base %dx%d, %d queries, M=%d efC=%d, mode %s%n", b.rows(), b.dim(), q.rows(), m, efc, mode);
        if (mode.equals("index") || mode.equals("both")) {
            Files.createDirectories(work);
            try (LuceneIndexAnn idx = new LuceneIndexAnn(b, m, efc, work)) {
                System.out.printf(Locale.ROOT, "impl=lucene build_seconds=%.3f bytes=%d build_cpu_seconds=%.3f%n",
                        idx.buildSeconds, idx.bytes, idx.buildCpuSeconds);
                AnnMeasure.run("lucene", idx, q, g, efs, k);
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
        System.err.println("LuceneAnnBench: " + why);
        System.err.println("usage: --base F --query F --gt F [--m 16] [--efc 200] [--ef 10,20,40,80,160] [--k 10]"
                + " [--mode index|graph|both] [--work DIR]");
        System.exit(2);
    }
}
