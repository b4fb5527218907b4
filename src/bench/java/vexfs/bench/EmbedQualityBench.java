package vexfs.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

import vexfs.base.EmbedderSpec;
import vexfs.embed.Embedder;
import vexfs.embed.DocumentVectors;
import vexfs.embed.Embedders;
import vexfs.embed.TextExtractor;

/**
 * The in-process side of scripts/bench embed: the corpus embedded by VexFS's own classes exactly as the daemon's
 * AutoEmbedder embeds a file (read at most {@link TextExtractor#MAX_FILE_BYTES}, {@link TextExtractor#extract} with
 * the file's path in the mount, {@code embedText(path, text)} of the embedder {@link Embedders#open} gives for
 * {@code --embed minilm}), on as many threads as the daemon's embed worker (one); text queries embedded as the search
 * file embeds them ({@code embedText("", text)}); exact search (every document's cosine distance, no index); Lucene
 * BM25 over the same extracted texts; and the lists the mount answered, compared with the exact ones.
 *
 * <pre>
 * --docs DIR        the corpus as copied into the mount (its files are /PREFIX/&lt;relative path&gt; there)
 * --prefix /docs    where DIR is in the mount
 * --queries F       query TAB relevant path, one a line
 * --mount F         optional: label TAB query index TAB rank TAB distance TAB path, the mount's answers
 * --threads N       embedding threads (default 1, the daemon's one embed worker)
 * --k K            (default 10)
 * --throughput-only embed the corpus, report the rate, nothing else
 * --out F           JSON results (default stdout); --ranks F: per query, the rank of the relevant page per method
 * </pre>
 * Progress on stderr.
 */
public final class EmbedQualityBench {
    private static final String USAGE = "--docs DIR --queries F [--prefix /docs] [--mount F] [--threads 1] [--k 10]"
            + " [--throughput-only] [--out F] [--ranks F]";

    private EmbedQualityBench() {
    }

    record Doc(String path, Path file) {}

    record Query(String text, String relevant) {}

    /** One ranked list: paths, and their distances (or negated scores), best first. */
    record Ranked(List<String> paths, List<Double> distances) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String k = args[i];
            if (k.equals("--throughput-only")) a.put(k, "yes");
            else if (k.startsWith("--") && i + 1 < args.length) a.put(k, args[++i]);
            else fail("bad argument " + k);
        }
        if (!a.containsKey("--docs") || (!a.containsKey("--queries") && !a.containsKey("--throughput-only"))) {
            fail("--docs and --queries are required");
        }
        Path docsDir = Path.of(a.get("--docs"));
        String prefix = a.getOrDefault("--prefix", "/docs");
        int threads = Integer.parseInt(a.getOrDefault("--threads", "1"));
        int k = Integer.parseInt(a.getOrDefault("--k", "10"));
        boolean throughputOnly = a.containsKey("--throughput-only");

        List<Doc> docs = new ArrayList<>();
        try (Stream<Path> s = Files.walk(docsDir)) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                docs.add(new Doc(prefix + "/" + docsDir.relativize(f).toString().replace('\\', '/'), f));
            }
        }
        Json out = new Json();
        out.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        out.put("jvm_flags", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        out.put("files", docs.size());
        out.put("threads", threads);

        Embedder embedder = Embedders.open(EmbedderSpec.MINILM, EmbedderSpec.Kind.MINILM.dim);
        Embedded e = embedAll(embedder, docs, threads, out);
        if (!throughputOnly) {
            List<Query> queries = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of(a.get("--queries")), StandardCharsets.UTF_8)) {
                int tab = line.lastIndexOf('\t');
                if (tab > 0) queries.add(new Query(line.substring(0, tab), line.substring(tab + 1)));
            }
            out.put("queries", queries.size());
            Map<String, List<Ranked>> methods = new LinkedHashMap<>();
            long t0 = System.nanoTime();
            List<float[]> qv = new ArrayList<>();
            for (Query q : queries) qv.add(embedder.embedText("", q.text()));
            out.put("query_embed_ms_per_query", (System.nanoTime() - t0) / 1e6 / Math.max(1, queries.size()));
            t0 = System.nanoTime();
            List<Ranked> exact = new ArrayList<>();
            for (float[] q : qv) exact.add(exactTopK(q, e, k));
            out.put("exact_search_ms_per_query", (System.nanoTime() - t0) / 1e6 / Math.max(1, queries.size()));
            methods.put("inprocess_exact", exact);
            try (Analyzer std = new StandardAnalyzer(); Analyzer eng = new EnglishAnalyzer()) {
                methods.put("bm25_standard", bm25(std, e.texts, e.paths, queries, k, -1, out, "bm25_standard"));
                methods.put("bm25_english", bm25(eng, e.texts, e.paths, queries, k, -1, out, "bm25_english"));

            }
            if (a.containsKey("--mount")) {
                Map<String, List<Ranked>> mount = readMount(Path.of(a.get("--mount")), queries.size());
                for (Map.Entry<String, List<Ranked>> m : mount.entrySet()) {
                    methods.put("mount_" + m.getKey(), m.getValue());
                    compare("mount_" + m.getKey(), m.getValue(), exact, qv, e, out);
                }
            }
            Json quality = new Json();
            for (Map.Entry<String, List<Ranked>> m : methods.entrySet()) {
                quality.put(m.getKey(), metrics(m.getValue(), queries, k));
            }
            out.put("quality", quality);
            if (a.containsKey("--ranks")) writeRanks(Path.of(a.get("--ranks")), queries, methods);
        }
        embedder.close();
        String json = out.toString();
        if (a.containsKey("--out")) Files.writeString(Path.of(a.get("--out")), json + "\n");
        else System.out.println(json);
    }

    // ---- embedding, as the daemon does it ----

    static final class Embedded {
        final List<String> paths = new ArrayList<>();
        final List<String> texts = new ArrayList<>();
        final List<float[][]> vectors = new ArrayList<>();
        /** Per file, the vectors a search ranks it by: its chunks and its own vector (DocumentSlots.ranked). */
        final Map<String, float[][]> byPath = new HashMap<>();
    }

    private static Embedded embedAll(Embedder embedder, List<Doc> docs, int threads, Json out) throws Exception {
        int n = docs.size();
        String[] texts = new String[n];
        float[][][] vectors = new float[n][][];
        long[] chunkCount = new long[n];
        long[] readNs = new long[n], extractNs = new long[n], modelNs = new long[n], bytes = new long[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        TextExtractor extractor = new TextExtractor(); // one, as in AutoEmbedder
        Map<String, Long> threads0 = threadTicks();
        Map<String, Long> workerTicks = new java.util.concurrent.ConcurrentHashMap<>();
        long gc0 = gcMillis(), gcCount0 = gcCount(), cpu0 = cpuNanos(), busy0 = machineBusyTicks();
        long t0 = System.nanoTime();
        long[] lastReport = {t0};
        Runnable work = () -> {
            try {
                for (int i; (i = next.getAndIncrement()) < n; ) {
                    Doc d = docs.get(i);
                    long s0 = System.nanoTime();
                    byte[] data = read(d.file());
                    long s1 = System.nanoTime();
                    TextExtractor.Content c = extractor.extract(d.path(), data, embedder.takesBytes());
                    long s2 = System.nanoTime();
                    // exactly what the daemon stores: the whole vector and the window chunks of the text
                    DocumentVectors dv = DocumentVectors.of(embedder, d.path(), c);
                    // what search ranks a file by (DocumentSlots.ranked): its chunks and its own vector
                    float[][] v = null;
                    if (dv != null) {
                        v = java.util.Arrays.copyOf(dv.chunks(), dv.chunks().length + 1);
                        v[dv.chunks().length] = dv.whole();
                    }
                    chunkCount[i] = dv == null ? 0 : dv.chunks().length;
                    long s3 = System.nanoTime();
                    readNs[i] = s1 - s0;
                    extractNs[i] = s2 - s1;
                    modelNs[i] = s3 - s2;
                    bytes[i] = data.length;
                    texts[i] = c.text();
                    vectors[i] = v;
                    int m = done.incrementAndGet();
                    synchronized (lastReport) {
                        long now = System.nanoTime();
                        if (now - lastReport[0] > 10_000_000_000L || m == n) {
                            lastReport[0] = now;
                            System.err.printf(Locale.ROOT, "bench embed: in-process %d/%d files (%.1f s)%n", m, n,
                                    (now - t0) / 1e9);
                        }
                    }
                }
            } catch (Throwable ex) {
                failure.compareAndSet(null, ex);
                next.set(n);
            }
            workerTicks.putAll(threadTicks(Path.of("/proc/thread-self"))); // before this thread ends and leaves /proc
        };
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) ts.add(Thread.ofPlatform().name("embed-" + t).start(work));
        for (Thread t : ts) t.join();
        long wall = System.nanoTime() - t0;
        long cpu = cpuNanos() - cpu0;
        long busy = machineBusyTicks() - busy0;
        Map<String, Long> threads1 = threadTicks();
        threads1.putAll(workerTicks);
        if (failure.get() != null) throw new IllegalStateException("embedding failed", failure.get());
        Embedded e = new Embedded();
        long totalBytes = 0, embeddedBytes = 0, chunks = 0;
        int embedded = 0;
        double readSum = 0, extractSum = 0, modelSum = 0;
        for (int i = 0; i < n; i++) {
            totalBytes += bytes[i];
            if (vectors[i] == null) continue;
            embedded++;
            embeddedBytes += bytes[i];
            chunks += chunkCount[i];
            e.paths.add(docs.get(i).path());
            e.texts.add(texts[i]);
            e.vectors.add(vectors[i]);
            e.byPath.put(docs.get(i).path(), vectors[i]);
            if (i > 0) { // the first file holds the model's load: left out, as the daemon's stats do
                readSum += readNs[i];
                extractSum += extractNs[i];
                modelSum += modelNs[i];
            }
        }
        long first = readNs[0] + extractNs[0] + modelNs[0];
        Json j = new Json();
        j.put("files", n);
        j.put("files_embedded", embedded);
        j.put("bytes", totalBytes);
        j.put("bytes_embedded", embeddedBytes);
        j.put("chunks", chunks);
        j.put("wall_s", wall / 1e9);
        j.put("files_per_s", n / (wall / 1e9));
        j.put("mb_per_s", totalBytes / 1e6 / (wall / 1e9));
        j.put("first_file_ms", first / 1e6);
        double rest = (wall - first) / 1e9;
        j.put("files_per_s_after_first", (n - 1) / rest);
        j.put("mb_per_s_after_first", (totalBytes - bytes[0]) / 1e6 / rest);
        j.put("read_ms_per_file", readSum / 1e6 / Math.max(1, embedded - 1));
        j.put("extract_ms_per_file", extractSum / 1e6 / Math.max(1, embedded - 1));
        j.put("model_ms_per_file", modelSum / 1e6 / Math.max(1, embedded - 1));
        j.put("cpu_s", cpu / 1e9);
        j.put("cpu_ms_per_file", cpu / 1e6 / n);
        // what the rest of the machine used meanwhile: all CPUs' busy time (/proc/stat) less this process's
        j.put("others_cores", busy < 0 ? -1.0 : Math.max(0, busy / 100.0 - cpu / 1e9) / (wall / 1e9));
        j.put("gc_ms", gcMillis() - gc0);
        j.put("gc_count", gcCount() - gcCount0);
        // native threads take the name of the thread that started them: the model's own (ONNX Runtime) threads
        j.put("native_threads_named_like_worker", threadsNamed("embed-0"));
        j.put("thread_cpu_s", threadCpu(threads0, threads1));
        out.put("inprocess_embed", j);
        return e;
    }

    /** What the daemon reads of a file: its first {@link TextExtractor#MAX_FILE_BYTES} bytes. */
    private static byte[] read(Path f) throws IOException {
        long size = Files.size(f);
        if (size <= TextExtractor.MAX_FILE_BYTES) return Files.readAllBytes(f);
        try (InputStream in = Files.newInputStream(f)) {
            return in.readNBytes(TextExtractor.MAX_FILE_BYTES);
        }
    }

    // ---- exact search: every document's 1 - cos ----

    private static double cosineDistance(float[] q, float[] v) {
        double dot = 0, nq = 0, nv = 0;
        for (int i = 0; i < q.length; i++) {
            dot += (double) q[i] * v[i];
            nq += (double) q[i] * q[i];
            nv += (double) v[i] * v[i];
        }
        return 1 - dot / Math.sqrt(nq * nv);
    }

    /** A file's distance to a query: that of its nearest chunk or own vector (how the mount ranks it, names it once). */
    private static double bestDistance(float[] q, float[][] vectors) {
        double best = Double.POSITIVE_INFINITY;
        for (float[] v : vectors) best = Math.min(best, cosineDistance(q, v));
        return best;
    }

    private static Ranked exactTopK(float[] q, Embedded e, int k) {
        int n = e.vectors.size();
        Integer[] order = new Integer[n];
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            d[i] = bestDistance(q, e.vectors.get(i));
        }
        java.util.Arrays.sort(order, (x, y) -> x.equals(y) ? 0 : d[x] != d[y] ? Double.compare(d[x], d[y])
                : e.paths.get(x).compareTo(e.paths.get(y)));
        List<String> p = new ArrayList<>();
        List<Double> ds = new ArrayList<>();
        for (int i = 0; i < Math.min(k, n); i++) {
            p.add(e.paths.get(order[i]));
            ds.add(d[order[i]]);
        }
        return new Ranked(p, ds);
    }

    // ---- BM25 ----

    private static List<Ranked> bm25(Analyzer analyzer, List<String> texts, List<String> paths, List<Query> queries,
                                     int k, int cut, Json out, String label) throws IOException {
        long t0 = System.nanoTime();
        List<Ranked> r = new ArrayList<>();
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            IndexWriterConfig cfg = new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity())
                    .setRAMBufferSizeMB(512);
            try (IndexWriter w = new IndexWriter(dir, cfg)) {
                for (int i = 0; i < texts.size(); i++) {
                    String t = texts.get(i);
                    if (cut > 0 && t.length() > cut) t = t.substring(0, cut);
                    Document doc = new Document();
                    doc.add(new StoredField("id", i));
                    doc.add(new TextField("body", t, Field.Store.NO));
                    w.addDocument(doc);
                }
            }
            long t1 = System.nanoTime();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(new BM25Similarity());
                StoredFields stored = reader.storedFields();
                for (Query q : queries) {
                    // what a classic query parser makes of plain words: one SHOULD term query per token
                    BooleanQuery.Builder b = new BooleanQuery.Builder();
                    try (TokenStream ts = analyzer.tokenStream("body", q.text())) {
                        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                        ts.reset();
                        while (ts.incrementToken()) {
                            b.add(new TermQuery(new Term("body", term.toString())), BooleanClause.Occur.SHOULD);
                        }
                        ts.end();
                    }
                    List<String> p = new ArrayList<>();
                    List<Double> s = new ArrayList<>();
                    for (ScoreDoc sd : searcher.search(b.build(), k).scoreDocs) {
                        p.add(paths.get(stored.document(sd.doc).getField("id").numericValue().intValue()));
                        s.add((double) -sd.score);
                    }
                    r.add(new Ranked(p, s));
                }
            }
            Json j = new Json();
            j.put("index_ms", (t1 - t0) / 1e6);
            j.put("search_ms_per_query", (System.nanoTime() - t1) / 1e6 / Math.max(1, queries.size()));
            out.put(label + "_timing", j);
        }
        return r;
    }

    // ---- the mount's answers ----

    private static Map<String, List<Ranked>> readMount(Path f, int nq) throws IOException {
        Map<String, List<Ranked>> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            String[] x = line.split("\t", 5);
            if (x.length < 5) continue;
            List<Ranked> l = m.computeIfAbsent(x[0], key -> {
                List<Ranked> r = new ArrayList<>();
                for (int i = 0; i < nq; i++) r.add(new Ranked(new ArrayList<>(), new ArrayList<>()));
                return r;
            });
            Ranked r = l.get(Integer.parseInt(x[1]));
            r.paths().add(x[4]);
            r.distances().add(Double.parseDouble(x[3]));
        }
        return m;
    }

    /** How many of the mount's lists equal the exact ones, and how close its distances are to ours. */
    private static void compare(String label, List<Ranked> mount, List<Ranked> exact, List<float[]> qv, Embedded e,
                                Json out) {
        int sameOrder = 0, sameSet = 0, tieEqual = 0;
        double maxDistanceDiff = 0;
        int shown = 0;
        for (int i = 0; i < exact.size(); i++) {
            Ranked m = mount.get(i), x = exact.get(i);
            if (m.paths().equals(x.paths())) sameOrder++;
            if (new java.util.HashSet<>(m.paths()).equals(new java.util.HashSet<>(x.paths()))) sameSet++;
            boolean ties = m.paths().size() == x.paths().size();
            for (int r = 0; r < m.paths().size(); r++) {
                float[][] v = e.byPath.get(m.paths().get(r));
                if (v == null) {
                    ties = false;
                    continue;
                }
                double ours = bestDistance(qv.get(i), v);
                maxDistanceDiff = Math.max(maxDistanceDiff, Math.abs(ours - m.distances().get(r)));
                if (ties && Math.abs(ours - x.distances().get(r)) > 1e-6) ties = false;
            }
            if (ties) tieEqual++;
            if (!m.paths().equals(x.paths()) && shown++ < 5) {
                System.err.printf(Locale.ROOT, "bench embed: %s query %d differs from exact:%n  mount %s%n  exact %s%n",
                        label, i, m.paths(), x.paths());
            }
        }
        Json j = new Json();
        j.put("same_order", sameOrder);
        j.put("same_set", sameSet);
        j.put("equal_up_to_ties_1e-6", tieEqual);
        j.put("max_abs_distance_diff", maxDistanceDiff);
        out.put(label + "_vs_exact", j);
    }

    // ---- metrics ----

    private static Json metrics(List<Ranked> lists, List<Query> queries, int k) {
        int hits = 0;
        double rr = 0;
        for (int i = 0; i < queries.size(); i++) {
            int at = lists.get(i).paths().indexOf(queries.get(i).relevant());
            if (at >= 0 && at < k) {
                hits++;
                rr += 1.0 / (at + 1);
            }
        }
        Json j = new Json();
        j.put("queries", queries.size());
        j.put("recall_at_10", hits / (double) queries.size());
        j.put("mrr_at_10", rr / queries.size());
        return j;
    }

    private static void writeRanks(Path f, List<Query> queries, Map<String, List<Ranked>> methods) throws IOException {
        StringBuilder b = new StringBuilder("query\trelevant");
        for (String m : methods.keySet()) b.append('\t').append(m);
        b.append('\n');
        for (int i = 0; i < queries.size(); i++) {
            b.append(queries.get(i).text()).append('\t').append(queries.get(i).relevant());
            for (List<Ranked> l : methods.values()) b.append('\t').append(l.get(i).paths().indexOf(queries.get(i).relevant()) + 1);
            b.append('\n');
        }
        Files.writeString(f, b);
    }

    // ---- odds and ends ----

    /** Busy clock ticks of all CPUs (user, nice, system, irq, softirq, steal of /proc/stat's cpu line), or -1. */
    private static long machineBusyTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long t = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) t += Long.parseLong(f[i]);
            return t;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** User + system clock ticks of each thread of this process, by "tid name" (from /proc/self/task/N/stat). */
    private static Map<String, Long> threadTicks() {
        Map<String, Long> m = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) m.putAll(threadTicks(t));
        } catch (IOException e) {
            // no /proc: no per-thread figures
        }
        return m;
    }

    /** The ticks of the one thread whose /proc directory is {@code task}, by "tid name" (empty if it is gone). */
    private static Map<String, Long> threadTicks(Path task) {
        try {
            String s = Files.readString(task.resolve("stat"));
            String name = s.substring(s.indexOf('(') + 1, s.lastIndexOf(')'));
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return Map.of(s.substring(0, s.indexOf(' ')) + " " + name, Long.parseLong(f[11]) + Long.parseLong(f[12]));
        } catch (IOException | RuntimeException gone) {
            return Map.of(); // the thread ended meanwhile
        }
    }

    /** CPU seconds per thread name (digits at the end of a name folded into N) between two {@link #threadTicks}. */
    private static Json threadCpu(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> byName = new java.util.TreeMap<>();
        for (Map.Entry<String, Long> e : after.entrySet()) {
            String name = e.getKey().substring(e.getKey().indexOf(' ') + 1).replaceAll("[0-9]+$", "N");
            byName.merge(name, e.getValue() - before.getOrDefault(e.getKey(), 0L), Long::sum);
        }
        Json j = new Json();
        byName.entrySet().stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> j.put(e.getKey(), e.getValue() / 100.0)); // USER_HZ is 100 on Linux
        return j;
    }

    /** Threads of this process whose name (/proc/self/task/N/comm) is {@code name}. */
    private static int threadsNamed(String name) {
        int n = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    if (Files.readString(t.resolve("comm")).strip().equals(name)) n++;
                } catch (IOException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return n;
    }

    private static long gcMillis() {
        long t = 0;
        for (GarbageCollectorMXBean g : ManagementFactory.getGarbageCollectorMXBeans()) t += Math.max(0, g.getCollectionTime());
        return t;
    }

    private static long gcCount() {
        long t = 0;
        for (GarbageCollectorMXBean g : ManagementFactory.getGarbageCollectorMXBeans()) t += Math.max(0, g.getCollectionCount());
        return t;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void fail(String why) {
        System.err.println("EmbedQualityBench: " + why + "\nusage: EmbedQualityBench " + USAGE);
        System.exit(2);
    }

    /** A JSON object written in insertion order (numbers, strings, nested objects). */
    static final class Json {
        private final Map<String, Object> m = new LinkedHashMap<>();

        void put(String k, Object v) {
            m.put(k, v);
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("{");
            for (Map.Entry<String, Object> x : m.entrySet()) {
                if (b.length() > 1) b.append(", ");
                b.append(quote(x.getKey())).append(": ");
                Object v = x.getValue();
                if (v instanceof Double d) b.append(Double.isFinite(d) ? String.format(Locale.ROOT, "%.6g", d) : "null");
                else if (v instanceof Number || v instanceof Json) b.append(v);
                else b.append(quote(String.valueOf(v)));
            }
            return b.append('}').toString();
        }

        private static String quote(String s) {
            StringBuilder b = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') b.append('\\').append(c);
                else if (c < 0x20) b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                else b.append(c);
            }
            return b.append('"').toString();
        }
    }
}
