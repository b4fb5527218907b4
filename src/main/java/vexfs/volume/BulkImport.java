package vexfs.volume;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import vexfs.base.ProgressListener;
import vexfs.index.HnswIndex;
import vexfs.libc.FsException;
import vexfs.libc.NativeIo;
import vexfs.store.VectorStore;

/**
 * Offline bulk loader (no mount): reads vectors from an fvecs file (per vector: int32 dim, then dim float32,
 * little-endian) and creates one new regular file per vector under {@code BACKING/prefix}, {@code filesPerDir}
 * files per directory ({@code d000000/v000000000}). Each file gets the authoritative backing xattr
 * ({@link BackingXattr}) first, then its vector goes into the store (key = inode), as a mounted setxattr does;
 * finally the volume's HNSW graph is opened (or created, with the parameters chosen at mkfs) and the new slots
 * are inserted by {@code threads} threads. The store must not be mounted (its file lock refuses a second writer).
 */
public final class BulkImport {
    /** What an import did. */
    public record Result(long files, long graphInserts, long fileMillis, long graphMillis) {}

    private BulkImport() {}

    public static Result fromFvecs(Path backing, Path fvecs, String prefix, int filesPerDir, long limit,
                                   int threads, ProgressListener progress) throws IOException {
        long t0 = System.nanoTime();
        List<int[]> newSlots = new ArrayList<>();
        long files = 0;
        refuseNpy(fvecs);
        try (Volume volume = Volume.open(backing, Volume.Access.EXCLUSIVE)) {
            VectorStore vs = volume.store();
            int dim = vs.dimension();
            long total = Math.min(limit, Files.size(fvecs) / (4L + 4L * dim));
            Path base = prefix.isEmpty() ? backing : backing.resolve(prefix);
            Files.createDirectories(base);
            float[] v = new float[dim];
            byte[] raw = new byte[4 * dim];
            ByteBuffer bb = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
            int[] chunk = new int[1 << 16];
            int inChunk = 0;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(fvecs), 1 << 20);
                 DataInputStream din = new DataInputStream(in)) {
                Path dir = null;
                while (files < limit) {
                    int d;
                    try {
                        d = Integer.reverseBytes(din.readInt());
                    } catch (EOFException eof) {
                        break;
                    }
                    if (d != dim) throw new IOException(fvecs + ": vector " + files + " has dim " + d + ", store has " + dim);
                    din.readFully(raw);
                    bb.rewind();
                    for (int i = 0; i < dim; i++) v[i] = bb.getFloat();
                    if (files % filesPerDir == 0) {
                        dir = base.resolve(String.format(java.util.Locale.ROOT, "d%06d", files / filesPerDir));
                        Files.createDirectories(dir);
                    }
                    long key = createWithVector(dir.resolve(String.format(java.util.Locale.ROOT, "v%09d", files)), v);
                    chunk[inChunk++] = vs.put(key, v);
                    if (inChunk == chunk.length) {
                        newSlots.add(chunk);
                        chunk = new int[chunk.length];
                        inChunk = 0;
                        vs.sync();
                    }
                    files++;
                    if ((files & 4095) == 0) progress.progress("files", files, total);
                }
            }
            newSlots.add(java.util.Arrays.copyOf(chunk, inChunk));
            vs.sync();
            progress.progress("files", files, files);
            long t1 = System.nanoTime();
            long inserted = buildGraph(volume, newSlots, files, threads, progress);
            long t2 = System.nanoTime();
            return new Result(files, inserted, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
        }
    }

    /** A .npy file read as fvecs would say "vector 0 has dim 1297436307": say what it is instead. */
    private static void refuseNpy(Path file) throws IOException {
        byte[] head = new byte[6];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, 6) == 6 && (head[0] & 0xff) == 0x93
                    && new String(head, 1, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("NUMPY")) {
                throw new IOException(file + " is a NumPy .npy file; vexfs import reads .fvecs (per vector: int32 "
                        + "dimension, then that many float32, little-endian)");
            }
        }
    }

    /** Creates {@code file} (must not exist), sets its backing xattr, fsyncs nothing (bulk); returns its inode. */
    private static long createWithVector(Path file, float[] v) throws IOException {
        int fd;
        try {
            fd = NativeIo.open(file.toString(), NativeIo.O_CREAT | NativeIo.O_EXCL | NativeIo.O_WRONLY, 0644);
        } catch (FsException e) {
            throw new IOException("create " + file + ": " + e.getMessage(), e);
        }
        try {
            NativeIo.setxattr(fd, BackingXattr.NAME, BackingXattr.encode(v), 0);
            return NativeIo.stat(fd).ino();
        } catch (FsException e) {
            throw new IOException("xattr of " + file + ": " + e.getMessage(), e);
        } finally {
            NativeIo.close(fd);
        }
    }

    /**
     * Inserts the new slots into the volume's graph (built with the volume's HNSW parameters); slots the store no
     * longer holds (vectors an import replaced) leave it.
     */
    static long buildGraph(Volume volume, List<int[]> slots, long total, int threads, ProgressListener progress)
            throws IOException {
        if (!Files.exists(volume.layout().graphFile()) && volume.store().liveCount() > total) {
            // vectors from before the import and no graph: build it from every live slot (one thread)
            try (HnswIndex idx = volume.rebuildGraph((phase, done, all) -> progress.progress("graph", done, all))) {
                return idx.size();
            }
        }
        try (HnswIndex idx = volume.openOrCreateGraph()) {
            AtomicLong done = new AtomicLong();
            AtomicInteger next = new AtomicInteger();
            int[] flat = flatten(slots, total);
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
            try {
                List<Future<?>> fs = new ArrayList<>();
                for (int t = 0; t < Math.max(1, threads); t++) {
                    fs.add(pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < flat.length; i = next.getAndIncrement()) {
                            idx.insert(flat[i]);
                            long d = done.incrementAndGet();
                            if ((d & 4095) == 0) progress.progress("graph", d, flat.length);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : fs) f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IOException("graph insert failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
            progress.progress("graph", done.get(), flat.length);
            IndexAlignment.align(volume.store(), idx); // drops the slots of replaced vectors (vexfs import of existing files)
            idx.relinkUnreachable(); // concurrent inserts can leave a node no search reaches (vexfs verify says so)
            idx.sync();
            return done.get();
        }
    }

    private static int[] flatten(List<int[]> chunks, long total) {
        int[] all = new int[(int) total];
        int at = 0;
        for (int[] c : chunks) {
            System.arraycopy(c, 0, all, at, c.length);
            at += c.length;
        }
        return all;
    }
}
