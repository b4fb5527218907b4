package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 3's end-to-end check: a real mount through /dev/fuse, written and read by Java NIO and by a shell. */
@Tag("mount")
class FirstMountIT {
    @Test
    void writesAndReadsThroughTheMountLandInTheBackingDirectory(@TempDir Path tmp) throws Exception {
        try (MountFixture m = new MountFixture(tmp).mkfs(4, "l2").mount()) {
            // Java NIO: 3 MiB of random bytes, positioned writes, read back
            byte[] data = new byte[3 << 20];
            new Random(42).nextBytes(data);
            Path f = m.mnt.resolve("nio.bin");
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(data, 1 << 20, 2 << 20), 1 << 20);
                ch.write(ByteBuffer.wrap(data, 0, 1 << 20), 0);
            }
            assertTrue(java.util.Arrays.equals(data, Files.readAllBytes(f)));
            assertTrue(java.util.Arrays.equals(data, Files.readAllBytes(m.backing.resolve("nio.bin"))));

            // a shell process
            var r = MountFixture.sh("cd '" + m.mnt + "' && mkdir -p sub && echo 'hello from bash' > sub/greeting.txt"
                    + " && cat sub/greeting.txt && ls");
            assertEquals(0, r.exit(), r.output());
            assertTrue(r.output().contains("hello from bash"), r.output());
            assertEquals("hello from bash\n",
                    Files.readString(m.backing.resolve("sub/greeting.txt"), StandardCharsets.UTF_8));

            // the store directory never shows through the mount
            assertFalse(r.output().contains(".vexfs"), r.output());
            assertFalse(Files.exists(m.mnt.resolve(".vexfs/vectors.vxv")));

            // made in the backing dir, seen in the mount
            Files.writeString(m.backing.resolve("from-backing.txt"), "b");
            assertEquals("b", Files.readString(m.mnt.resolve("from-backing.txt")));
        }
        // unmounted and the daemon gone
        assertFalse(Files.readString(Path.of("/proc/self/mountinfo")).contains(tmp.toString()));
    }

    @Test
    void cleanUnmountByCliWaitsAndTheDaemonExitsZero(@TempDir Path tmp) throws Exception {
        MountFixture m = new MountFixture(tmp).mkfs(4, "l2").mount();
        try {
            Files.writeString(m.mnt.resolve("x"), "y");
            var r = MountFixture.cli("umount", m.mnt.toString());
            assertEquals(0, r.exit(), r.output());
            assertTrue(m.daemon().waitFor(15, java.util.concurrent.TimeUnit.SECONDS), m.log());
            assertEquals(0, m.daemonExit(), m.log());
            assertFalse(m.isMounted());
            assertEquals("y", Files.readString(m.backing.resolve("x")));
        } finally {
            m.close();
        }
    }

    @Test
    void sigtermUnmountsCleanly(@TempDir Path tmp) throws Exception {
        MountFixture m = new MountFixture(tmp).mkfs(4, "l2").mount();
        try {
            Files.writeString(m.mnt.resolve("x"), "y");
            m.daemon().destroy();  // SIGTERM
            assertTrue(m.daemon().waitFor(15, java.util.concurrent.TimeUnit.SECONDS), m.log());
            assertFalse(m.isMounted(), "SIGTERM must unmount");
        } finally {
            m.close();
        }
    }
}
