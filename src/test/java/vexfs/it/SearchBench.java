package vexfs.it;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import vexfs.cli.FashionMnistData;
import vexfs.index.HnswIndex;
import vexfs.index.HnswParams;
import vexfs.store.VectorStore;

/**
 * scripts/bench search: queries/s and latency of /.vexfs/search through a mount (1 client, and N clients each
 * with its own descriptor) next to the same queries on the same index called in-process (HnswIndex.search on the
 * store and graph mapped read-only in this JVM after a sync). Not a test: prints a Markdown table.
 * Args: MOUNT BACKING QUERIES CLIENTS ROUNDS K EF
 */
public final class SearchBench {
    interface Query {
        void run(int qi) throws Exception;
    }

    record Figures(double qps, double p50us, double p99us) {}

    public static void main(String[] a) throws Exception {
        Path mnt = Path.of(a[0]);
        Path backing = Path.of(a[1]);
        int nq = Integer.parseInt(a[2]);
        int clients = Integer.parseInt(a[3]);
        int rounds = Integer.parseInt(a[4]);
        int k = Integer.parseInt(a[5]);
        int ef = Integer.parseInt(a[6]);
        boolean binary = a.length > 7 && a[7].equals("f32"); // the marked binary form: @f32 k= ef=, then 4*dim bytes
        String under = a.length > 8 ? a[8] : null; // CSV queries with under=DIR: through the mount only
        FashionMnistData qs = FashionMnistData.available(FashionMnistData.DIR)
                ? FashionMnistData.load(FashionMnistData.DIR, true, nq) : FashionMnistData.generated(nq, 2);
        float[][] vectors = new float[nq][];
        byte[][] texts = new byte[nq][];
        for (int i = 0; i < nq; i++) {
            vectors[i] = qs.vector(i);
            if (binary) {
                byte[] head = ("@f32 k=" + k + " ef=" + ef + "\n").getBytes(StandardCharsets.US_ASCII);
                ByteBuffer q = ByteBuffer.allocate(head.length + 4 * vectors[i].length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                q.put(head);
                for (float x : vectors[i]) q.putFloat(x);
                texts[i] = q.array();
            } else {
                StringBuilder sb = new StringBuilder();
                for (float x : vectors[i]) sb.append(sb.isEmpty() ? "" : ",").append((int) x);
                texts[i] = (sb + "\nk=" + k + "\nef=" + ef + "\n" + (under == null ? "" : "under=" + under + "\n"))
                        .getBytes(StandardCharsets.UTF_8);
            }
        }
        // through the mount: one descriptor per client, write the query, read the results
        Path search = mnt.resolve(".vexfs/search");
        ThreadLocal<FileChannel> fd = ThreadLocal.withInitial(() -> {
            try {
                return FileChannel.open(search, StandardOpenOption.READ, StandardOpenOption.WRITE);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        ThreadLocal<ByteBuffer> buf = ThreadLocal.withInitial(() -> ByteBuffer.allocate(1 << 16));
        Query viaMount = qi -> {
            FileChannel ch = fd.get();
            ByteBuffer w = ByteBuffer.wrap(texts[qi]);
            while (w.hasRemaining()) ch.write(w);
            ByteBuffer b = buf.get();
            b.clear();
            // a read shorter than asked for is the end of the results (docs/usage.md): no read of 0 bytes needed
            while (ch.read(b) > 0 && !b.hasRemaining()) b = ByteBuffer.allocate(b.capacity() * 2);
            if (b.position() == 0) throw new IllegalStateException("no results for query " + qi);
        };
        // the same index in-process: the daemon's files, mapped read-only here after a sync
        Files.writeString(mnt.resolve(".vexfs/control"), "sync\n");
        while (!Files.readString(mnt.resolve(".vexfs/control")).startsWith("sync done")) Thread.sleep(10);
        try (VectorStore store = VectorStore.open(backing.resolve(".vexfs"), true);
             HnswIndex index = HnswIndex.openReadOnly(backing.resolve(".vexfs/graph.vxg"), store.asVectorSource(),
                     HnswParams.defaults(store.dimension()))) {
            Query direct = qi -> {
                if (index.search(vectors[qi], k, ef, null).size() == 0) throw new IllegalStateException("no results");
            };
            System.out.printf("%d vectors of dim %d, %d queries x %d rounds, k=%d ef=%d, %s queries%s; %d cores%n",
                    store.liveCount(), store.dimension(), nq, rounds, k, ef, binary ? "binary (@f32)" : "CSV",
                    under == null ? "" : " with under=" + under + " (the in-process columns: the same queries unfiltered)",
                    Runtime.getRuntime().availableProcessors());
            run(viaMount, nq, 1, 1); // warm up both paths
            run(direct, nq, 1, 1);
            List<String> rows = new ArrayList<>();
            for (int c : new int[] {1, clients}) {
                Figures m = run(viaMount, nq, c, rounds);
                Figures d = run(direct, nq, c, rounds);
                rows.add(String.format("| %d | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.2f |", c, m.qps, m.p50us, m.p99us,
                        d.qps, d.p50us, d.p99us, m.qps / d.qps));
            }
            System.out.println();
            System.out.println("| clients | mount q/s | mount p50 µs | mount p99 µs | in-process q/s | in-process p50 µs "
                    + "| in-process p99 µs | mount / in-process (q/s) |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            rows.forEach(System.out::println);
        }
    }

    /** {@code clients} threads each run every query {@code rounds} times (starting at different queries). */
    static Figures run(Query q, int nq, int clients, int rounds) throws Exception {
        int per = nq * rounds;
        long[] lat = new long[per * clients];
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> ts = new ArrayList<>();
        Exception[] failure = new Exception[1];
        for (int c = 0; c < clients; c++) {
            int id = c;
            ts.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    for (int i = 0; i < per; i++) {
                        long t0 = System.nanoTime();
                        q.run((i + id * 37) % nq);
                        lat[id * per + i] = System.nanoTime() - t0;
                    }
                } catch (Exception e) {
                    failure[0] = e;
                }
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        for (Thread t : ts) t.join();
        double secs = (System.nanoTime() - t0) / 1e9;
        if (failure[0] != null) throw failure[0];
        Arrays.sort(lat);
        return new Figures(lat.length / secs, lat[lat.length / 2] / 1e3, lat[(int) (lat.length * 0.99)] / 1e3);
    }
}
