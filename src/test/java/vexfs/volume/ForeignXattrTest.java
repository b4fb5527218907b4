package vexfs.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.base.Metric;
import vexfs.libc.Name;
import vexfs.libc.NativeIo;
import vexfs.store.VectorStore;

/**
 * Vector xattrs copied in from elsewhere (cp -a, a restore, another VexFS) that this store cannot take: a zero
 * vector in a cosine store, NaN values behind a valid checksum. Reconcile skips that one file with a problem line
 * and still takes in every other file.
 */
class ForeignXattrTest {
    @TempDir
    Path root;

    @Test
    void reconcileSkipsUnstorableXattrsAndTakesTheRest() throws Exception {
        try (VectorStore store = VectorStore.create(root.resolve(".vexfs"), 3, Metric.COSINE, false)) {
            int rootFd = NativeIo.open(root.toString(), NativeIo.O_PATH | NativeIo.O_DIRECTORY, 0);
            try {
                put("a", BackingXattr.encode(new float[] {1, 2, 3}));
                put("b-zero", BackingXattr.encode(new float[] {0, 0, 0}));
                put("c-nan", BackingXattr.encode(new float[] {Float.NaN, 1, 1}));
                put("d", BackingXattr.encode(new float[] {3, 2, 1}));
                FileVectors v = new FileVectors(store, rootFd, false);
                ReconcileReport r = Reconciler.full(v, true, null, () -> false);
                assertEquals(2, store.liveCount(), r.toString());
                assertTrue(r.problems().stream().anyMatch(p -> p.contains("/b-zero")), r.problems().toString());
                assertTrue(r.problems().stream().anyMatch(p -> p.contains("/c-nan")), r.problems().toString());
                assertTrue(r.complete());
            } finally {
                NativeIo.close(rootFd);
            }
        }
    }

    private void put(String name, byte[] xattr) throws Exception {
        Path f = Files.writeString(root.resolve(name), name);
        int fd = NativeIo.open(f.toString(), NativeIo.O_RDONLY, 0);
        try {
            NativeIo.setxattr(fd, Name.of("user.vexfs.v1"), xattr, 0);
        } finally {
            NativeIo.close(fd);
        }
    }
}
