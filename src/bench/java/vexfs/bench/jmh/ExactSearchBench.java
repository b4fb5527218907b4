package vexfs.bench.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import vexfs.base.ExactSearch;
import vexfs.base.Metric;
import vexfs.base.SearchResult;
import vexfs.bench.BenchFiles;
import vexfs.store.VectorStore;

/**
 * Exact top-10 search ({@link ExactSearch}, SIMD) over a memory-mapped store of about
 * {@code storeMiB} MiB of records, larger than the caches, on one thread. One op = one full scan;
 * the runner (scripts/bench.d/jmh) turns ops/s into vectors/s and GB/s of records scanned using the
 * {@code # store:} line printed at setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ExactSearchBench {
    @Param({"128", "784"})
    public int dim;

    @Param({"1024"})
    public int storeMiB;

    private Path dir;
    private VectorStore store;
    private float[][] queries;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("vexfs-jmh-exact");
        store = VectorStore.create(dir, dim, Metric.L2, false);
        int n = (int) ((long) storeMiB * 1024 * 1024 / (4L * dim + 64));
        SplittableRandom r = new SplittableRandom(1);
        float[] v = new float[dim];
        for (long key = 0; key < n; key++) {
            for (int d = 0; d < dim; d++) v[d] = (float) r.nextGaussian();
            store.put(key, v);
        }
        store.sync();
        queries = new float[64][dim];
        for (float[] q : queries) for (int d = 0; d < dim; d++) q[d] = (float) r.nextGaussian();
        // the file grows by doubling: a scan reads n records, not the spare capacity
        long recordBytes = Files.size(dir.resolve(VectorStore.FILE_NAME)) / store.capacity();
        System.out.printf("%n# store: dim=%d vectors=%d file_bytes=%d%n", dim, n, n * recordBytes);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        store.close();
        BenchFiles.deleteTree(dir);
    }

    @Benchmark
    public SearchResult exactTop10() {
        float[] q = queries[next++ & 63];
        return store.exactSearch(q, 10, null);
    }
}
