package vexfs.volume;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;

import vexfs.base.ProgressListener;
import vexfs.libc.Attr;
import vexfs.libc.FsException;
import vexfs.libc.NativeIo;
import vexfs.store.VectorStore;

/**
 * {@code vexfs export}: every file's vector, as a mounted getxattr returns it (the backing xattr, or the store for
 * a store-only vector), into a NumPy {@code .npy} (float32, shape (n, dim)) with a path list (line i = the path of
 * row i, relative to the mount root), and optionally an {@code .fvecs} file of the same rows. The volume is opened
 * read-only, so this runs beside a mounted daemon; files are found by an explicit-stack walk of the backing tree
 * (hard links give one row). Outputs are written beside their final names and renamed into place at the end.
 * This is the documented backup path for vectors: {@code vexfs import} of its output restores them bit-exact.
 */
public final class BulkExport {
    /** Rows written; names left out because they contain a newline; the store's live count, for comparison. */
    public record Result(long rows, long unlistable, long storeLive, long millis) {}

    private BulkExport() {}

    public static Result export(Path backing, Path npy, Path pathList, Path fvecs, ProgressListener progress)
            throws IOException {
        long t0 = System.nanoTime();
        try (Volume volume = Volume.open(backing, Volume.Access.READ_ONLY)) {
            VectorStore store = volume.store();
            int dim = store.dimension();
            long live = store.liveCount();
            Path npyTmp = tmp(npy), pathsTmp = tmp(pathList), fvecsTmp = fvecs == null ? null : tmp(fvecs);
            long[] rows = {0}, unlistable = {0};
            int rootFd;
            try {
                rootFd = BulkAttach.openRoot(backing);
            } catch (FsException e) {
                throw new IOException(backing + ": " + e.getMessage(), e);
            }
            try (OutputStream vOut = new BufferedOutputStream(Files.newOutputStream(npyTmp), 1 << 20);
                 OutputStream pOut = new BufferedOutputStream(Files.newOutputStream(pathsTmp), 1 << 16);
                 OutputStream fOut = fvecsTmp == null ? OutputStream.nullOutputStream()
                         : new BufferedOutputStream(Files.newOutputStream(fvecsTmp), 1 << 20)) {
                FileVectors files = new FileVectors(store, rootFd, false);
                vOut.write(VectorFileFormat.NpyHeader.encode(0, dim));
                ByteBuffer row = ByteBuffer.allocate(4 * dim).order(ByteOrder.LITTLE_ENDIAN);
                byte[] dimLe = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(dim).array();
                Set<Long> linked = new HashSet<>(); // inodes with several names already written (rare)
                IOException[] failed = new IOException[1];
                TreeWalker.walk(rootFd, new byte[0], (dirFd, name, ino, rel) -> {
                    int fd = NativeIo.openat(dirFd, name, NativeIo.O_PATH | NativeIo.O_NOFOLLOW | NativeIo.O_CLOEXEC, 0);
                    try {
                        Attr a = NativeIo.stat(fd);
                        if (!a.isRegular() || a.dev() != files.rootDev) return;
                        float[] v = files.read(fd, a.ino());
                        if (v == null) return;
                        if (a.nlink() > 1 && !linked.add(a.ino())) return;
                        if (indexOf(rel, (byte) '\n') >= 0) {
                            unlistable[0]++;
                            return;
                        }
                        row.clear();
                        for (float f : v) row.putFloat(f);
                        vOut.write(row.array());
                        fOut.write(dimLe);
                        fOut.write(row.array());
                        pOut.write(rel);
                        pOut.write('\n');
                        rows[0]++;
                        if ((rows[0] & 1023) == 0) progress.progress("vectors", rows[0], live);
                    } catch (IOException e) {
                        failed[0] = e;
                        throw new FsException(vexfs.libc.Errno.EIO, e.getMessage());
                    } finally {
                        NativeIo.close(fd);
                    }
                }, () -> failed[0] != null);
                if (failed[0] != null) throw failed[0];
            } catch (FsException e) {
                throw new IOException(backing + ": " + e.getMessage(), e);
            } finally {
                NativeIo.close(rootFd);
            }
            try (RandomAccessFile f = new RandomAccessFile(npyTmp.toFile(), "rw")) {
                f.write(VectorFileFormat.NpyHeader.encode(rows[0], dim)); // same length: the count is now known
            }
            progress.progress("vectors", rows[0], rows[0]);
            Files.move(npyTmp, npy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(pathsTmp, pathList, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (fvecsTmp != null) Files.move(fvecsTmp, fvecs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Result(rows[0], unlistable[0], live, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private static Path tmp(Path out) {
        Path abs = out.toAbsolutePath();
        return abs.resolveSibling("." + abs.getFileName() + ".vexfs-export-tmp");
    }

    private static int indexOf(byte[] b, byte c) {
        for (int i = 0; i < b.length; i++) if (b[i] == c) return i;
        return -1;
    }
}
