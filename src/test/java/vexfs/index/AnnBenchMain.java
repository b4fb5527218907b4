package vexfs.index;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Fashion-MNIST benchmark: builds the graph single-threaded, computes exact top-10 ground truth by
 * brute force, then prints one line per ef. Args (all optional): {@code m=16 efc=200 n=60000
 * queries=10000 efs=10,20,40,80,160 quantize=true dir=<tmp> reuse=false base=<x.fvecs> query=<y.fvecs>}
 * ({@code base}/{@code query} replace Fashion-MNIST by any L2 .fvecs data, e.g. a synthetic 1M x 128
 * set shared with the other engines; {@code dir} keeps the graph and caches the ground truth). Output lines:
 * {@code build_seconds=<s>}, {@code bytes_on_disk=<n>}, {@code ef=<ef> recall=<r> qps=<q> p50_us=<x> p99_us=<y>}.
 */
public final class AnnBenchMain {
    public static void main(String[] args) throws Exception {
        int m = 16, efc = 200, n = 0, nq = 0;
        int[] efs = {10, 20, 40, 80, 160};
        boolean quantize = true;
        boolean reuse = false;
        Path basePath = null;
        Path queryPath = null;
        Path dir = null;
        for (String a : args) {
            String[] kv = a.split("=", 2);
            switch (kv[0]) {
                case "m" -> m = Integer.parseInt(kv[1]);
                case "efc" -> efc = Integer.parseInt(kv[1]);
                case "n" -> n = Integer.parseInt(kv[1]);
                case "queries" -> nq = Integer.parseInt(kv[1]);
                case "efs" -> efs = Arrays.stream(kv[1].split(",")).mapToInt(Integer::parseInt).toArray();
                case "quantize" -> quantize = Boolean.parseBoolean(kv[1]);
                case "dir" -> dir = Path.of(kv[1]);
                case "reuse" -> reuse = Boolean.parseBoolean(kv[1]);
                case "base" -> basePath = Path.of(kv[1]);
                case "query" -> queryPath = Path.of(kv[1]);
                default -> throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        int dim;
        float[] train;
        float[] test;
        if (basePath != null) {
            dim = fvecsDimension(basePath);
            train = readFvecs(basePath, dim, n);
            test = readFvecs(queryPath, dim, nq);
        } else {
            dim = FashionMnist.DIM;
            train = FashionMnist.load(FashionMnist.TRAIN, n);
            test = FashionMnist.load(FashionMnist.TEST, nq);
        }
        int count = train.length / dim;
        int queries = test.length / dim;
        ArrayVectorSource vs = new ArrayVectorSource(train, dim, Metric.L2);
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("vexfs-annbench");
        Path file = work.resolve("graph.vxg");
        HnswParams p = HnswParams.defaults(dim).withM(m).withEfConstruction(efc).withQuantize(quantize);
        long t0 = System.nanoTime();
        HnswIndex index;
        if (reuse && Files.exists(file)) {
            index = HnswIndex.open(file, vs, p);
        } else {
            Files.deleteIfExists(file);
            Files.deleteIfExists(GraphStore.upperPath(file));
            index = HnswIndex.create(file, vs, p);
            for (int i = 0; i < count; i++) index.insert(i);
            index.sync();
        }
        double build = (System.nanoTime() - t0) / 1e9;
        System.err.printf(Locale.ROOT, "# build_cpu_seconds=%.2f%n",
                java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9);
        System.out.printf(Locale.ROOT, "build_seconds=%.2f%n", build);
        // hnswlib's and Lucene's index files hold the vectors too; ours live in the vector store,
        // so count the graph files plus the raw float32 vectors the store must keep
        long vectorBytes = 4L * dim * count;
        System.out.println("bytes_on_disk=" + (index.bytesOnDisk() + vectorBytes));
        System.err.println("# graph_bytes=" + index.bytesOnDisk() + " vector_bytes=" + vectorBytes);
        int[][] truth = cachedGroundTruth(work, vs, test, queries, dim, count);
        float[] q = new float[dim];
        for (int ef : efs) {
            // warm-up pass over a slice, then the timed pass
            for (int i = 0; i < Math.min(queries, 5000); i++) {
                System.arraycopy(test, i * dim, q, 0, dim);
                index.search(q, 10, ef, null);
            }
            long[] lat = new long[queries];
            int hits = 0;
            var mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpu0 = mx.getCurrentThreadCpuTime();
            long visited = 0;
            long start = System.nanoTime();
            for (int i = 0; i < queries; i++) {
                System.arraycopy(test, i * dim, q, 0, dim);
                long s = System.nanoTime();
                SearchResult r = index.search(q, 10, ef, null);
                lat[i] = System.nanoTime() - s;
                hits += overlap(r.slots(), truth[i]);
                visited += r.visited();
            }
            double secs = (System.nanoTime() - start) / 1e9;
            double cpuSecs = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
            System.err.printf(Locale.ROOT, "# ef=%d cpu_qps=%.0f visited_mean=%.1f%n", ef, queries / cpuSecs, visited / (double) queries);
            Arrays.sort(lat);
            System.out.printf(Locale.ROOT, "ef=%d recall=%.4f qps=%.0f p50_us=%.1f p99_us=%.1f%n", ef, hits / (10.0 * queries),
                    queries / secs, lat[queries / 2] / 1e3, lat[(int) (queries * 0.99)] / 1e3);
        }
        index.close();
        if (dir == null) {
            try (var files = Files.list(work)) {
                for (Path f : files.toList()) Files.delete(f);
            }
            Files.delete(work);
        }
    }

    static int fvecsDimension(Path file) throws java.io.IOException {
        try (var ch = java.nio.channels.FileChannel.open(file)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            ch.read(b, 0);
            return b.getInt(0);
        }
    }

    /** The first {@code limit} (all if <= 0) vectors of an .fvecs file (per vector: int32 dim, dim float32, little-endian). */
    static float[] readFvecs(Path file, int dim, int limit) throws java.io.IOException {
        try (var ch = java.nio.channels.FileChannel.open(file)) {
            long rec = 4L + 4L * dim;
            int count = (int) (ch.size() / rec);
            if (limit > 0) count = Math.min(count, limit);
            float[] out = new float[count * dim];
            java.nio.MappedByteBuffer m = ch.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, count * rec);
            m.order(java.nio.ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < count; i++) {
                if (m.getInt((int) (i * rec)) != dim) throw new java.io.IOException(file + ": vector " + i + " is not " + dim + "-d");
                for (int d = 0; d < dim; d++) out[i * dim + d] = m.getFloat((int) (i * rec + 4 + 4L * d));
            }
            return out;
        }
    }

    /** Ground truth is cached in the work directory when one was given (it costs 60k x 10k distances). */
    private static int[][] cachedGroundTruth(Path work, VectorSource vs, float[] test, int queries, int dim, int count) throws java.io.IOException {
        Path gt = work.resolve("gt-" + count + "-" + queries + ".bin");
        if (Files.exists(gt)) {
            try (var in = new java.io.DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(gt)))) {
                int[][] t = new int[queries][10];
                for (int[] row : t) for (int j = 0; j < 10; j++) row[j] = in.readInt();
                return t;
            }
        }
        int[][] t = groundTruth(vs, test, queries, dim, 10);
        try (var out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(gt)))) {
            for (int[] row : t) for (int v : row) out.writeInt(v);
        }
        return t;
    }

    static int overlap(int[] got, int[] truth) {
        int h = 0;
        for (int g : got) for (int t : truth) if (g == t) { h++; break; }
        return h;
    }

    /** Exact top-k for every query by brute force over the source. */
    static int[][] groundTruth(VectorSource vs, float[] test, int queries, int dim, int k) {
        int[][] truth = new int[queries][];
        int n = vs.slotCount();
        java.util.stream.IntStream.range(0, queries).parallel().forEach(i -> {
            float[] q = Arrays.copyOfRange(test, i * dim, (i + 1) * dim);
            NeighborQueue heap = new NeighborQueue(k + 1, true);
            for (int s = 0; s < n; s++) {
                float d = vs.distance(q, s);
                if (heap.size() < k || d < heap.topDistance()) heap.addBounded(d, s, k);
            }
            int[] t = new int[heap.size()];
            for (int j = t.length - 1; j >= 0; j--) t[j] = NeighborQueue.nodeOf(heap.pop());
            truth[i] = t;
        });
        return truth;
    }
}
