package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which thread answers an fsync through the mount: the reader that received it when the backing directory is on a
 * memory filesystem (nothing to write), the blocking pool otherwise (a sync that waits for a disk must not hold a
 * reader). Counted by the daemon's hand-off rows in /.vexfs/stats.
 */
@Tag("mount")
class SyncLaneIT {
    private static final int SYNCS = 40;

    /** op_fsync_count and requests_handed_off_blocking after SYNCS write+fsync pairs on a file through the mount. */
    private static long[] syncs(Path root) throws Exception {
        try (MountFixture m = new MountFixture(root).mkfs(4, "l2").mount()) {
            long blocking0 = count(m, "requests_handed_off_blocking");
            long fsyncs0 = count(m, "op_fsync_count");
            try (FileChannel ch = FileChannel.open(m.mnt.resolve("db"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                for (int i = 0; i < SYNCS; i++) {
                    ch.write(ByteBuffer.wrap(new byte[] {(byte) i}), i);
                    ch.force(false);
                }
            }
            return new long[] {count(m, "op_fsync_count") - fsyncs0, count(m, "requests_handed_off_blocking") - blocking0};
        }
    }

    /** A counter row of the stats; 0 while absent (an op's rows appear with its first request). */
    private static long count(MountFixture m, String key) throws java.io.IOException {
        try {
            return Long.parseLong(m.stat(key));
        } catch (AssertionError absent) {
            return 0;
        }
    }

    @Test
    void fsyncOnAMemoryFilesystemIsAnsweredByTheReader() throws Exception {
        Path shm = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(shm) && "tmpfs".equals(Files.getFileStore(shm).type()), "no tmpfs at /dev/shm");
        Path root = Files.createTempDirectory(shm, "vexfs-synclane");
        try {
            long[] r = syncs(root);
            assertTrue(r[0] >= SYNCS, "each force(false) is an FSYNC request: " + r[0]);
            assertEquals(0, r[1], "no fsync went to the blocking pool");
        } finally {
            MountFixture.sh("rm -rf '" + root + "'");
        }
    }

    @Test
    void fsyncOnStorageGoesToTheBlockingPool(@TempDir Path tmp) throws Exception {
        assumeTrue(!java.util.Set.of("tmpfs", "ramfs").contains(Files.getFileStore(tmp).type()),
                "the temp directory is itself on a memory filesystem");
        long[] r = syncs(tmp);
        assertTrue(r[0] >= SYNCS, "each force(false) is an FSYNC request: " + r[0]);
        assertTrue(r[1] >= SYNCS, "every fsync was handed to the blocking pool: " + r[1]);
    }
}
