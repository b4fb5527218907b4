package vexfs.volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import vexfs.base.GraphSettings;
import vexfs.base.Metric;
import vexfs.base.PrivateFiles;
import vexfs.base.ProgressListener;
import vexfs.libc.FsException;
import vexfs.libc.NativeIo;
import vexfs.store.StoreVerifier;
import vexfs.store.VectorStore;
import vexfs.store.VerifyReport;

/**
 * The offline side of the vector layer, for {@code vexfs verify} and {@code vexfs reindex}: the store checked
 * against itself (records, checksums, counters) and against the backing files' xattrs, which are the authority.
 * Run on an unmounted backing directory (repair and reindex take the store's lock and refuse a mounted one).
 */
public final class StoreMaintenance {
    private StoreMaintenance() {}

    private static Path storeDir(Path backing) {
        return VolumeLayout.of(backing).storeDir();
    }

    /**
     * Verifies (and with {@code repair} fixes) the store file, then compares every file's vector xattr with the
     * store: vectors missing from the store, different, or in the store for a file that no longer has one.
     */
    public static VerifyResult verify(Path backing, boolean repair, ProgressListener progress) throws IOException {
        VolumeLayout.of(backing).requireAccess(repair);
        if (repair) Volume.tightenModes(VolumeLayout.of(backing));
        VerifyReport structural = StoreVerifier.verify(storeDir(backing), repair);
        if (!structural.clean() && !structural.repaired()) {
            if (repair) Volume.removeGraph(VolumeLayout.of(backing)); // built on a store that must be reindexed
            return new VerifyResult(structural, null, false);
        }
        try (VectorStore store = VectorStore.open(storeDir(backing), !repair)) {
            int rootFd = openRoot(backing);
            try {
                FileVectors v = new FileVectors(store, rootFd, false);
                ReconcileReport files = Reconciler.verify(v, repair, progress);
                if (repair) store.sync();
                return new VerifyResult(structural, files, repair);
            } finally {
                NativeIo.close(rootFd);
            }
        } catch (FsException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * The store directory's and files' modes that are not 0700 / 0600, as "vectors.vxv 0644 -> 0600", and owners
     * other than the backing root's, as "vectors.vxv owner 0:0 -> 1000:1000" (what {@code verify --repair} and
     * the next mount change; owners only when run by root); nothing is changed here.
     */
    public static List<String> modeProblems(Path backing) throws IOException {
        Path dir = storeDir(backing);
        if (!Files.isDirectory(dir)) return List.of();
        List<String> all = new java.util.ArrayList<>(PrivateFiles.looseModes(dir));
        all.addAll(PrivateFiles.foreignOwners(dir, backing));
        return all;
    }

    /** Outcome of {@link #verify}: {@code files} is null when the store file itself is unusable. */
    public record VerifyResult(VerifyReport store, ReconcileReport files, boolean repaired) {
        /** Nothing wrong was found. */
        public boolean clean() {
            return store.clean() && files != null && files.discrepancies() == 0 && files.foreign() == 0;
        }

        /** Nothing wrong remains (clean, or repaired). */
        public boolean ok() {
            return files != null && (clean() || repaired);
        }
    }

    /**
     * Rebuilds the store from the files' xattrs: a new store (same dimension and metric; or {@code dim} and
     * {@code metric} if the old one cannot be opened) is filled by a walk and then renamed over the old one.
     * Vectors kept in the store only (too large for the backing filesystem's xattrs) are copied from the old
     * store when it can be read. Any ANN index built on the old store must be rebuilt afterwards.
     */
    public static ReconcileReport reindex(Path backing, int dim, Metric metric, ProgressListener progress)
            throws IOException {
        VolumeLayout layout = VolumeLayout.of(backing);
        layout.requireAccess(true);
        Path dir = layout.storeDir();
        VectorStore old = null;
        GraphSettings graph = GraphSettings.DEFAULT;
        vexfs.base.EmbedderSpec embedder = vexfs.base.EmbedderSpec.NONE;
        try {
            old = VectorStore.open(dir, false); // the lock keeps a mount out while we work
            dim = old.dimension();
            metric = old.metric();
            graph = old.graphSettings(); // the volume keeps the HNSW parameters chosen at mkfs
            embedder = old.embedder();   // and its embedder
        } catch (IOException | RuntimeException e) {
            if (e.getMessage() != null && e.getMessage().contains("in use")) throw new IOException(e.getMessage(), e);
            if (dim <= 0 || metric == null) {
                throw new IOException("cannot read the old store (" + e.getMessage() + "); give --dim and --metric");
            }
        }
        Path tmp = layout.reindexDir();
        try {
            ReconcileReport report;
            try (VectorStore fresh = VectorStore.create(tmp, dim, metric, graph, embedder, true)) {
                int rootFd = openRoot(backing);
                try {
                    report = Reconciler.rebuild(new FileVectors(fresh, rootFd, false), old, progress);
                } finally {
                    NativeIo.close(rootFd);
                }
                fresh.sync();
            }
            Files.move(tmp.resolve(VectorStore.FILE_NAME), dir.resolve(VectorStore.FILE_NAME),
                    StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Volume.removeGraph(VolumeLayout.of(backing)); // its slots are the old store's: the next mount rebuilds it
            Volume.tightenModes(layout);
            return report;
        } catch (FsException e) {
            throw new IOException(e.getMessage(), e);
        } finally {
            if (old != null) old.close();
            Files.deleteIfExists(tmp.resolve(VectorStore.FILE_NAME + ".tmp"));
            Files.deleteIfExists(tmp.resolve(VectorStore.FILE_NAME));
            Files.deleteIfExists(tmp);
        }
    }

    private static int openRoot(Path backing) throws FsException {
        return NativeIo.open(backing.toAbsolutePath().toString(), NativeIo.O_PATH | NativeIo.O_DIRECTORY
                | NativeIo.O_CLOEXEC, 0);
    }
}
