package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.Arrays;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 through a real mount: the two durability modes (the backing filesystem's, and -o sync_vectors), fsync
 * and `sync` on the control file, vexfs export beside a mount, and store-only vectors counted and carried by the
 * export (a 1536-d vector does not fit ext4's xattr space). Power loss itself is not simulated here: what is
 * checked is that every path that promises durability runs and answers (docs/reliability.md), and that kill -9
 * safety is unchanged (VectorCrashIT).
 */
@Tag("mount")
class VectorDurabilityIT {
    @TempDir
    Path tmp;

    private static byte[] f32(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) b.putFloat(f);
        return b.array();
    }

    private static void set(Path f, float[] v) throws Exception {
        Files.getFileAttributeView(f, UserDefinedFileAttributeView.class).write("vexfs.vector.f32", ByteBuffer.wrap(f32(v)));
    }

    private static byte[] get(Path f) throws Exception {
        UserDefinedFileAttributeView x = Files.getFileAttributeView(f, UserDefinedFileAttributeView.class);
        ByteBuffer b = ByteBuffer.allocate(x.size("vexfs.vector.f32"));
        x.read("vexfs.vector.f32", b);
        return b.array();
    }

    @Test
    void defaultDurabilityFsyncSyncAndExportBesideTheMount() throws Exception {
        try (MountFixture m = new MountFixture(tmp.resolve("a")).mkfs(4, "l2").mount()) {
            assertTrue(m.log().contains("vector durability: the backing filesystem's"), m.log());
            Path f = Files.writeString(m.mnt.resolve("doc"), "x");
            float[] v = {1.5f, -0.0f, 3e-38f, 7};
            set(f, v);
            assertArrayEquals(f32(v), get(f), "read back at once, no sync needed");
            var fsync = MountFixture.sh("python3 -c \"import os; fd = os.open('" + f + "', os.O_RDONLY); os.fsync(fd)\"");
            assertEquals(0, fsync.exit(), fsync.output());
            var sync = MountFixture.sh("echo sync > '" + m.mnt + "/.vexfs/control' && cat '" + m.mnt + "/.vexfs/control'");
            assertEquals(0, sync.exit(), sync.output());
            assertTrue(sync.output().matches("sync done in \\d+ ms: synced\n"), "the write returns when it is done: " + sync.output());
            assertEquals("0", m.stat("vectors_store_only"));
            var export = MountFixture.cli("export", m.backing.toString(), tmp.resolve("out").toString());
            assertEquals(0, export.exit(), export.output());
            byte[] npy = Files.readAllBytes(tmp.resolve("out.npy"));
            assertArrayEquals(f32(v), Arrays.copyOfRange(npy, npy.length - 16, npy.length), "export while mounted");
            assertEquals("doc\n", Files.readString(tmp.resolve("out.paths")));
        }
    }

    @Test
    void syncVectorsAndStoreOnlyVectorsAreSaidCountedAndExported() throws Exception {
        int dim = 1536;
        MountFixture fixture = new MountFixture(tmp.resolve("b"), "sync_vectors");
        var mkfs = MountFixture.cli("mkfs", "--dim", Integer.toString(dim), fixture.backing.toString());
        assertEquals(0, mkfs.exit(), mkfs.output());
        boolean ext4 = Files.getFileStore(fixture.backing).type().equals("ext4");
        if (ext4) assertTrue(mkfs.output().contains("cannot hold a 1536-dimension vector"), mkfs.output());
        try (MountFixture m = fixture.mount()) {
            assertTrue(m.log().contains("vector durability: fsync + msync before every acknowledgement"), m.log());
            float[] v = new float[dim];
            for (int i = 0; i < dim; i++) v[i] = (float) Math.cos(i) / (i + 1);
            Path f = Files.writeString(m.mnt.resolve("big"), "x");
            set(f, v);
            assertArrayEquals(f32(v), get(f), "getxattr returns the vector exactly as set");
            if (ext4) {
                assertEquals("1", m.stat("vectors_store_only"));
                assertTrue(m.log().contains("does not fit in the backing filesystem's xattrs"), m.log());
            }
            var export = MountFixture.cli("export", m.backing.toString(), tmp.resolve("big").toString());
            assertEquals(0, export.exit(), export.output());
            byte[] npy = Files.readAllBytes(tmp.resolve("big.npy"));
            assertArrayEquals(f32(v), Arrays.copyOfRange(npy, npy.length - 4 * dim, npy.length), "the backup path carries it");
        }
    }
}
