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

import vexfs.base.Metric;
import vexfs.base.VectorSource;
import vexfs.bench.BenchFiles;
import vexfs.store.VectorStore;

/**
 * The HNSW re-rank step: exact distances from a query to 15 random slots of a 60k x 784 store
 * (Fashion-MNIST's shape) through {@code VectorSource.distances}, one vector at a time (the
 * interface default; a two-vectors-per-SIMD-pass override for the store measured -1 % to +5 % here
 * across three runs and was removed, docs/benchmarks.md "Exact search (JMH)").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RerankBench {
    @Param({"784"})
    public int dim;

    @Param({"60000"})
    public int vectors;

    private Path dir;
    private VectorStore store;
    private VectorSource source;
    private float[][] queries;
    private int[][] slotSets;
    private final float[] out = new float[16];
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("vexfs-jmh-rerank");
        store = VectorStore.create(dir, dim, Metric.L2, false);
        SplittableRandom r = new SplittableRandom(2);
        float[] v = new float[dim];
        for (long key = 0; key < vectors; key++) {
            for (int d = 0; d < dim; d++) v[d] = (float) r.nextGaussian();
            store.put(key, v);
        }
        source = store.asVectorSource();
        queries = new float[64][];
        for (int i = 0; i < queries.length; i++) {
            float[] q = new float[dim];
            for (int d = 0; d < dim; d++) q[d] = (float) r.nextGaussian();
            queries[i] = source.prepareQuery(q);
        }
        slotSets = new int[4096][15];
        for (int[] s : slotSets) for (int i = 0; i < s.length; i++) s[i] = r.nextInt(vectors);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        store.close();
        BenchFiles.deleteTree(dir);
    }

    @Benchmark
    public float rerank15() {
        int i = next++;
        source.distances(queries[i & 63], slotSets[i & 4095], 15, out);
        return out[0];
    }
}
