package vexfs.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;

import vexfs.base.Metric;
import vexfs.bench.AnnArgs;
import vexfs.bench.AnnMeasure;
import vexfs.bench.BenchFiles;
import vexfs.bench.FilteredAnn;
import vexfs.bench.Vecs;
import vexfs.store.VectorStore;

/**
 * VexFS side of scripts/bench-ann (docs/bench-ann-protocol.md, "Contract for vexfs.index.AnnBenchMain"):
 * {@code --base F --query F --gt F --m 16 --efc 200 --ef 10,20,40,80,160 --k 10}.
 * Builds through the real memory-mapped vector store and graph file in a fresh directory under
 * {@code java.io.tmpdir} (deleted on exit): row i is put under file key i and inserted into the
 * index. Prints {@code impl=vexfs} lines; measurement by the shared {@link AnnMeasure}.
 */
public final class AnnBenchMain {
    private static final String USAGE = "--base F --query F --gt F --m 16 --efc 200 --ef 10,20,40,80,160 --k 10 [--threads 1,2] [--keep DIR]";

    private AnnBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        AnnArgs a = AnnArgs.parse(args, "AnnBenchMain", USAGE, Set.of("--filters", "--filter-queries", "--filter-cache", "--keep"));
        Vecs baseVecs = Vecs.read(Path.of(a.base()));
        Vecs queries = Vecs.read(Path.of(a.query()));
        Vecs truth = Vecs.read(Path.of(a.gt()));
        String keep = a.extra().get("--keep");
        if (keep != null) { // for A/B runs by hand: build once into this directory, later runs search it
            Path dir = Path.of(keep);
            if (Files.exists(dir.resolve("graph.vxg"))) searchKept(queries, truth, a, dir);
            else run(baseVecs, queries, truth, a, Files.createDirectories(dir));
            return;
        }
        Path work = Files.createTempDirectory("vexfs-annbench");
        try {
            run(baseVecs, queries, truth, a, work);
        } finally {
            BenchFiles.deleteTree(work);
        }
    }

    private static void searchKept(Vecs queries, Vecs truth, AnnArgs a, Path dir) throws IOException {
        System.err.println("vexfs: searching the index kept in " + dir);
        try (VectorStore store = VectorStore.open(dir.resolve("store"), true);
             HnswIndex index = HnswIndex.openReadOnly(dir.resolve("graph.vxg"), store.asVectorSource())) {
            AnnMeasure.run("vexfs", (q, ef, kk) -> index.search(q, kk, ef, null).slots(), queries, truth, a.efs(), a.k(),
                    a.threads());
        }
    }

    private static void run(Vecs base, Vecs queries, Vecs truth, AnnArgs a, Path work) throws IOException {
        int m = a.m(), efc = a.efc(), k = a.k();
        int[] efs = a.efs(), threads = a.threads();
        int dim = base.dim();
        int n = base.rows();
        HnswParams p = HnswParams.defaults(dim).withM(m).withEfConstruction(efc);
        System.err.printf(Locale.ROOT, "vexfs: building %d x %d (M=%d, efC=%d, int8 traversal codes: %s) in %s%n",
                n, dim, m, efc, p.quantize(), work);
        long cpu0 = AnnMeasure.cpuNanos();
        long t0 = System.nanoTime();
        try (VectorStore store = VectorStore.create(work.resolve("store"), dim, Metric.L2, false);
             HnswIndex index = HnswIndex.create(work.resolve("graph.vxg"), store.asVectorSource(), p)) {
            for (int i = 0; i < n; i++) {
                int slot = store.put(i, base.floatRow(i));
                if (slot != i) throw new IllegalStateException("fresh store gave slot " + slot + " to row " + i);
                index.insert(slot);
                if (i % 50_000 == 0 && i > 0) System.err.printf(Locale.ROOT, "vexfs: %d inserted (%.0f s)%n", i, (System.nanoTime() - t0) / 1e9);
            }
            store.sync();
            index.sync();
            double build = (System.nanoTime() - t0) / 1e9;
            double buildCpu = (AnnMeasure.cpuNanos() - cpu0) / 1e9;
            System.out.printf(Locale.ROOT, "impl=vexfs build_seconds=%.2f bytes=%d build_cpu_seconds=%.2f%n",
                    build, BenchFiles.treeBytes(work), buildCpu);
            System.out.flush();
            // node id == store slot == base row (checked above), so result slots are the ids the ground truth uses
            int[] filters = FilteredAnn.percents(a);
            if (filters != null) {
                // --filters: only the filtered runs, twice: "vexfs" gets the subset as a SlotSet (a bitset, as Lucene
                // gets one from the term's postings), "vexfs-predicate" as an opaque predicate on the slot, as
                // under= is today
                IntPredicate[] pred = new IntPredicate[101];
                IntPredicate[] set = new IntPredicate[101];
                for (int f : filters) {
                    pred[f] = slot -> FilteredAnn.passes(slot, f);
                    java.util.BitSet bits = new java.util.BitSet(base.rows());
                    for (int i = 0; i < base.rows(); i++) if (FilteredAnn.passes(i, f)) bits.set(i);
                    set[f] = vexfs.base.SlotSet.of(bits);
                }
                int fq = Integer.parseInt(a.extra().getOrDefault("--filter-queries", "200"));
                Path fcache = Path.of(a.extra().getOrDefault("--filter-cache", work.toString()));
                FilteredAnn.run("vexfs", (q, ef, kk, f) -> index.search(q, kk, ef, set[f]).slots(), base, queries, efs, k,
                        filters, fq, fcache);
                FilteredAnn.run("vexfs-predicate", (q, ef, kk, f) -> index.search(q, kk, ef, pred[f]).slots(), base,
                        queries, efs, k, filters, fq, fcache);
                return;
            }
            AnnMeasure.run("vexfs", (q, ef, kk) -> index.search(q, kk, ef, null).slots(), queries, truth, efs, k, threads);
        }
    }
}
