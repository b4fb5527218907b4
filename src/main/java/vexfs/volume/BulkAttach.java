package vexfs.volume;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import vexfs.base.ProgressListener;
import vexfs.libc.Attr;
import vexfs.libc.FsException;
import vexfs.libc.Name;
import vexfs.libc.NativeIo;
import vexfs.store.VectorStore;

/**
 * Offline import into files that exist ({@code vexfs import BACKING VECTORS [--paths LIST]}; the volume must not
 * be mounted): each row's file gets its vector as a mounted setxattr would give it (the backing xattr, then the
 * store, through {@link FileVectors}), replacing a vector it had; then the new slots go into the HNSW graph and
 * the replaced ones leave it ({@link BulkImport#buildGraph}). A row that cannot be applied (no such file, not a
 * regular file, a bad vector) is reported to {@code problems} and skipped: nothing else changes for it.
 */
public final class BulkAttach {
    /** What an import did: rows attached (of which {@code replaced} had a vector before), skipped rows. */
    public record Result(long attached, long replaced, long skipped, long graphInserts, long fileMillis, long graphMillis) {}

    /** Told of each row that was skipped: where ("row 17", "line 17") and why. */
    @FunctionalInterface
    public interface Problems {
        void skipped(String where, String why);
    }

    private BulkAttach() {}

    /** The format of {@code vectors} is detected from its content ({@link VectorFileFormat}). */
    public static Result attach(Path backing, Path vectors, Path pathList, int threads, ProgressListener progress,
                                Problems problems) throws IOException {
        long t0 = System.nanoTime();
        try (Volume volume = Volume.open(backing, Volume.Access.EXCLUSIVE)) {
            VectorStore store = volume.store();
            try (VectorRows rows = VectorRows.open(vectors, pathList, store.dimension())) {
                int rootFd = openRoot(backing);
                long attached = 0, replaced = 0, skipped = 0;
                SlotList slots = new SlotList();
                try {
                    FileVectors files = new FileVectors(store, rootFd, false);
                    files.setUpdates(slots);
                    long total = rows.total();
                    for (long n = 0; ; n++) {
                        if ((n & 1023) == 0) progress.progress("vectors", n, total);
                        boolean more;
                        try {
                            more = rows.next();
                        } catch (IllegalArgumentException bad) {
                            problems.skipped(rows.where(), bad.getMessage());
                            skipped++;
                            continue;
                        }
                        if (!more) break;
                        String why = null;
                        int fd = -1;
                        try {
                            fd = openBeneath(rootFd, rows.path());
                            Attr a = NativeIo.stat(fd);
                            if (a.isSymlink()) why = "a symlink (import does not follow symlinks)";
                            else if (!a.isRegular()) why = "not a regular file";
                            else if (a.dev() != files.rootDev) why = "on another filesystem than the backing root";
                            else {
                                boolean had = store.slotOf(a.ino()) >= 0;
                                files.set(fd, a.ino(), rows.vector(), null);
                                attached++;
                                if (had) replaced++;
                            }
                        } catch (FsException e) {
                            why = why(e);
                        } catch (IllegalArgumentException e) { // InvalidVectorException: a bad value
                            why = e.getMessage();
                        } finally {
                            if (fd >= 0) NativeIo.close(fd);
                        }
                        if (why != null) {
                            problems.skipped(rows.where(), "'" + MountPath.ofRelative(stripSlash(rows.path())) + "': " + why);
                            skipped++;
                        }
                    }
                    progress.progress("vectors", total, total);
                    store.sync();
                } finally {
                    NativeIo.close(rootFd);
                }
                long t1 = System.nanoTime();
                int[] added = slots.distinct();
                long inserted = BulkImport.buildGraph(volume, List.of(added), added.length, threads, progress);
                long t2 = System.nanoTime();
                return new Result(attached, replaced, skipped, inserted, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
            }
        } catch (FsException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static String why(FsException e) {
        return switch (e.errno()) {
            case vexfs.libc.Errno.ENOENT -> "no such file";
            case vexfs.libc.Errno.ENOTDIR -> "a component of the path is not a directory";
            case vexfs.libc.Errno.ELOOP -> "a symlink (import does not follow symlinks)";
            case vexfs.libc.Errno.EACCES -> "permission denied";
            default -> e.getMessage();
        };
    }

    static int openRoot(Path backing) throws FsException {
        return NativeIo.open(backing.toAbsolutePath().toString(), NativeIo.O_PATH | NativeIo.O_DIRECTORY
                | NativeIo.O_CLOEXEC, 0);
    }

    /**
     * An O_PATH descriptor of {@code path} (relative to the root; a leading '/' means the root too), opened one
     * component at a time without following symlinks, so no path can lead out of the backing directory; ".." and
     * the store directory are refused (IllegalArgumentException).
     */
    static int openBeneath(int rootFd, byte[] path) throws FsException {
        byte[] p = stripSlash(path);
        if (p.length == 0) throw new IllegalArgumentException("an empty path");
        int dir = -1;
        int start = 0;
        boolean first = true;
        try {
            for (int i = 0; i <= p.length; i++) {
                if (i < p.length && p[i] != '/') continue;
                byte[] comp = Arrays.copyOfRange(p, start, i);
                start = i + 1;
                if (comp.length == 0 || (comp.length == 1 && comp[0] == '.')) continue;
                if (comp.length == 2 && comp[0] == '.' && comp[1] == '.') {
                    throw new IllegalArgumentException("'..' is not allowed in an import path");
                }
                if (first && Arrays.equals(comp, VolumeLayout.STORE_DIR.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                    throw new IllegalArgumentException("the store directory is not a file of the mount");
                }
                first = false;
                boolean last = i == p.length;
                int flags = NativeIo.O_PATH | NativeIo.O_NOFOLLOW | NativeIo.O_CLOEXEC | (last ? 0 : NativeIo.O_DIRECTORY);
                int next = NativeIo.openat(dir < 0 ? rootFd : dir, Name.of(comp), flags, 0);
                if (dir >= 0) NativeIo.close(dir);
                dir = next;
            }
            if (dir < 0) throw new IllegalArgumentException("the path names the mount root");
            int out = dir;
            dir = -1;
            return out;
        } finally {
            if (dir >= 0) NativeIo.close(dir);
        }
    }

    private static byte[] stripSlash(byte[] p) {
        int i = 0;
        while (i < p.length && p[i] == '/') i++;
        return i == 0 ? p : Arrays.copyOfRange(p, i, p.length);
    }

    /** The slots the import put vectors in, as a growing primitive array (no object per vector). */
    private static final class SlotList implements IndexUpdates {
        private int[] slots = new int[1024];
        private int n;

        @Override
        public synchronized void onPut(long fileKey, int slot, int oldSlot) {
            if (n == slots.length) slots = Arrays.copyOf(slots, n * 2);
            slots[n++] = slot;
        }

        @Override
        public void onRemove(long fileKey, int oldSlot) {}

        /** Each slot once (a slot freed by a replaced vector may be reused by a later row). */
        synchronized int[] distinct() {
            int[] s = Arrays.copyOf(slots, n);
            Arrays.sort(s);
            int m = 0;
            for (int i = 0; i < s.length; i++) if (i == 0 || s[i] != s[i - 1]) s[m++] = s[i];
            return Arrays.copyOf(s, m);
        }
    }
}
