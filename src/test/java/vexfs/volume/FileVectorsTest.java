package vexfs.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.base.Metric;
import vexfs.libc.NativeIo;
import vexfs.store.InvalidVectorException;
import vexfs.store.VectorStore;

/** The vector layer without FUSE: xattr + store ordering, store-only vectors, reconcile of offline changes. */
class FileVectorsTest {
    @TempDir
    Path root;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<long[]> updates = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
    }

    private FileVectors vectors(int dim) throws Exception {
        VectorStore store = Files.exists(root.resolve(".vexfs/vectors.vxv")) ? VectorStore.open(root.resolve(".vexfs"), false)
                : VectorStore.create(root.resolve(".vexfs"), dim, Metric.L2, false);
        open.add(store);
        int fd = NativeIo.open(root.toString(), NativeIo.O_PATH | NativeIo.O_DIRECTORY, 0);
        open.add(() -> NativeIo.close(fd));
        FileVectors v = new FileVectors(store, fd, true);
        v.setUpdates(new IndexUpdates() {
            @Override
            public void onPut(long key, int slot, int oldSlot) {
                updates.add(new long[] {key, slot, oldSlot});
            }

            @Override
            public void onRemove(long key, int oldSlot) {
                updates.add(new long[] {key, -1, oldSlot});
            }
        });
        return v;
    }

    private int pathFd(Path p) throws Exception {
        int fd = NativeIo.open(p.toString(), NativeIo.O_PATH | NativeIo.O_NOFOLLOW, 0);
        open.add(() -> NativeIo.close(fd));
        return fd;
    }

    private static long ino(Path p) throws Exception {
        return (Long) Files.getAttribute(p, "unix:ino");
    }

    @Test
    void pathsOfNamesThatAreNotUtf8AreTheirBytes() throws Exception {
        FileVectors v = vectors(3);
        byte[] dir = {'d', (byte) 0xFF, (byte) 0xFE};
        byte[] file = {(byte) 0xC3, (byte) 0xA9, (byte) 0xE9};
        NativeIo.mkdirat(v.rootFd, vexfs.libc.Name.of(dir), 0755);
        byte[] rel = java.util.Arrays.copyOf(dir, dir.length + 1 + file.length);
        rel[dir.length] = '/';
        System.arraycopy(file, 0, rel, dir.length + 1, file.length);
        NativeIo.close(NativeIo.openat(v.rootFd, vexfs.libc.Name.of(rel), NativeIo.O_CREAT | NativeIo.O_WRONLY, 0644));
        int fd = NativeIo.openat(v.rootFd, vexfs.libc.Name.of(rel), NativeIo.O_PATH | NativeIo.O_NOFOLLOW, 0);
        open.add(() -> NativeIo.close(fd));
        assertArrayEquals(rel, v.relativePath(fd));
        long key = NativeIo.stat(fd).ino();
        v.set(fd, key, new float[] {1, 2, 3}, v.relativePath(fd));
        assertArrayEquals(rel, v.verifiedPath(key));
    }

    @Test
    void setReadRemoveKeepXattrAndStoreTogether() throws Exception {
        FileVectors v = vectors(3);
        Path f = Files.writeString(root.resolve("a.txt"), "x");
        int fd = pathFd(f);
        long key = ino(f);
        assertNull(v.read(fd, key));
        v.set(fd, key, new float[] {1, 2, 3}, "a.txt".getBytes());
        assertArrayEquals(new float[] {1, 2, 3}, v.read(fd, key));
        assertTrue(Files.getFileAttributeView(f, UserDefinedFileAttributeView.class).list().contains("vexfs.v1"));
        assertTrue(v.store.slotOf(key) >= 0);
        assertArrayEquals("a.txt".getBytes(), v.verifiedPath(key));
        long[] put = updates.getLast();
        assertEquals(key, put[0]);
        assertEquals(-1, put[2]);

        assertThrows(InvalidVectorException.class, () -> v.set(fd, key, new float[] {1, Float.NaN, 3}, null));
        assertThrows(InvalidVectorException.class, () -> v.set(fd, key, new float[] {1, 2}, null));
        assertArrayEquals(new float[] {1, 2, 3}, v.read(fd, key), "a refused value changes nothing");

        v.set(fd, key, new float[] {4, 5, 6}, null);
        assertEquals(put[1], updates.getLast()[2], "the index is told which slot the replaced vector left");
        assertTrue(v.remove(fd, key));
        assertFalse(v.remove(fd, key));
        assertNull(v.read(fd, key));
        assertEquals(-1, v.store.slotOf(key));
        assertFalse(Files.getFileAttributeView(f, UserDefinedFileAttributeView.class).list().contains("vexfs.v1"));
    }

    @Test
    void cosineRefusesTheZeroVectorAndKeepsTheOriginalValues() throws Exception {
        VectorStore store = VectorStore.create(root.resolve("cos"), 2, Metric.COSINE, false);
        open.add(store);
        int rootFd = pathFd(root);
        FileVectors v = new FileVectors(store, rootFd, false);
        Path f = Files.writeString(root.resolve("c"), "x");
        int fd = pathFd(f);
        assertThrows(InvalidVectorException.class, () -> v.set(fd, ino(f), new float[] {0, 0}, null));
        assertNull(v.read(fd, ino(f)));
        v.set(fd, ino(f), new float[] {3, 4}, null);
        assertArrayEquals(new float[] {3, 4}, v.read(fd, ino(f)), "getxattr returns the vector as set, not normalised");
        assertArrayEquals(new float[] {3, 4}, v.storeGet(ino(f)));
    }

    @Test
    void vectorsTooLargeForTheBackingXattrLiveInTheStoreBehindAMarker() throws Exception {
        FileVectors v = vectors(2000); // 8 KB: more than ext4 gives one inode's xattrs without ea_inode
        Path f = Files.writeString(root.resolve("big"), "x");
        int fd = pathFd(f);
        float[] big = new float[2000];
        for (int i = 0; i < big.length; i++) big[i] = i * 0.5f;
        v.set(fd, ino(f), big, null);
        assertArrayEquals(big, v.read(fd, ino(f)));
        ReconcileReport r = Reconciler.full(v, false, null, () -> false);
        assertEquals(0, r.discrepancies(), r.problems().toString());
        assertEquals(1, r.withVector());
        if (!Files.getFileStore(root).type().equals("ext4")) return; // the 8 KB limit is ext4's
        assertEquals(1, v.storeOnlyCount(), "counted for /.vexfs/stats");
        v.set(fd, ino(f), big, null); // replaced: still one
        assertEquals(1, v.storeOnlyCount());
        Path g = Files.writeString(root.resolve("big2"), "x");
        v.set(pathFd(g), ino(g), big, null);
        assertEquals(2, v.storeOnlyCount());
        assertTrue(v.remove(fd, ino(f)));
        assertEquals(1, v.storeOnlyCount());
        v.lastLinkGone(ino(g));
        assertEquals(0, v.storeOnlyCount());
        // a fresh FileVectors (a new mount) learns them from the reconcile walk
        Path h = Files.writeString(root.resolve("big3"), "x");
        v.set(pathFd(h), ino(h), big, null);
        int rootFd = pathFd(root);
        FileVectors fresh = new FileVectors(v.store, rootFd, false);
        assertEquals(0, fresh.storeOnlyCount());
        Reconciler.full(fresh, false, null, () -> false);
        assertEquals(1, fresh.storeOnlyCount());
    }

    @Test
    void vectorsThatFitAreNotStoreOnly() throws Exception {
        FileVectors v = vectors(128);
        Path f = Files.writeString(root.resolve("small"), "x");
        v.set(pathFd(f), ino(f), new float[128], null);
        assertEquals(0, v.storeOnlyCount());
        assertEquals(BackingXattr.Fit.XATTR, BackingXattr.probe(root, 128));
        if (Files.getFileStore(root).type().equals("ext4")) {
            assertEquals(BackingXattr.Fit.STORE_ONLY, BackingXattr.probe(root, 2000));
        }
    }

    @Test
    void reconcileTakesInOfflineDeletesCopiesAndEdits() throws Exception {
        FileVectors v = vectors(2);
        Files.createDirectories(root.resolve("d/e"));
        Path keep = Files.writeString(root.resolve("d/e/keep"), "k");
        Path gone = Files.writeString(root.resolve("gone"), "g");
        Path edited = Files.writeString(root.resolve("edited"), "e");
        v.set(pathFd(keep), ino(keep), new float[] {1, 1}, null);
        v.set(pathFd(gone), ino(gone), new float[] {2, 2}, null);
        v.set(pathFd(edited), ino(edited), new float[] {3, 3}, null);
        long goneKey = ino(gone);
        long keepKey = ino(keep);
        // "while unmounted": delete, copy with xattrs, overwrite an xattr by hand, rename a directory
        Files.delete(gone);
        Path copy = root.resolve("copy");
        Files.copy(keep, copy, StandardCopyOption.COPY_ATTRIBUTES);
        copyXattr(keep, copy);
        Files.getFileAttributeView(edited, UserDefinedFileAttributeView.class)
                .write("vexfs.v1", ByteBuffer.wrap(BackingXattr.encode(new float[] {9, 9})));
        Files.move(root.resolve("d"), root.resolve("moved"));

        ReconcileReport check = Reconciler.full(v, false, null, () -> false);
        assertEquals(1, check.added(), check.problems().toString());
        assertEquals(1, check.updated(), check.problems().toString());
        assertEquals(1, check.stale(), check.problems().toString());
        assertTrue(v.store.slotOf(goneKey) >= 0, "without repair nothing changes");

        ReconcileReport fix = Reconciler.full(v, true, null, () -> false);
        assertEquals(3, fix.discrepancies());
        assertEquals(-1, v.store.slotOf(goneKey));
        assertArrayEquals(new float[] {1, 1}, v.storeGet(ino(copy)));
        assertArrayEquals(new float[] {9, 9}, v.storeGet(ino(edited)));
        assertArrayEquals("moved/e/keep".getBytes(), v.verifiedPath(keepKey), "the scan records current paths");
        assertEquals(0, Reconciler.full(v, false, null, () -> false).discrepancies());
    }

    @Test
    void rebuildIntoAnEmptyStoreFindsEveryVector() throws Exception {
        FileVectors v = vectors(2);
        for (int i = 0; i < 50; i++) {
            Path f = Files.writeString(root.resolve("f" + i), "x");
            v.set(pathFd(f), ino(f), new float[] {i, -i}, null);
        }
        try (VectorStore fresh = VectorStore.create(root.resolve("other"), 2, Metric.L2, false)) {
            FileVectors w = new FileVectors(fresh, v.rootFd, false);
            ReconcileReport r = Reconciler.rebuild(w, v.store, null);
            assertEquals(50, r.added());
            assertEquals(50, fresh.liveCount());
            assertNotNull(w.storeGet(ino(root.resolve("f7"))));
        }
    }

    private static void copyXattr(Path from, Path to) throws Exception {
        UserDefinedFileAttributeView a = Files.getFileAttributeView(from, UserDefinedFileAttributeView.class);
        ByteBuffer buf = ByteBuffer.allocate(a.size("vexfs.v1"));
        a.read("vexfs.v1", buf);
        buf.flip();
        Files.getFileAttributeView(to, UserDefinedFileAttributeView.class).write("vexfs.v1", buf);
    }
}
