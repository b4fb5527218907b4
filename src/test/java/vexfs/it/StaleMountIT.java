package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After kill -9 of the daemon the mount is dead (ENOTCONN); the next vexfs mount clears it and mounts again. */
@Tag("mount")
class StaleMountIT {
    @Test
    void mountOverTheDeadMountOfAKilledDaemonWorks(@TempDir Path tmp) throws Exception {
        try (MountFixture m = new MountFixture(tmp).mkfs(4, "l2").mount()) {
            Files.writeString(m.mnt.resolve("kept"), "data");
            m.daemon().destroyForcibly(); // SIGKILL: no unmount, the kernel keeps the dead connection
            assertTrue(m.daemon().waitFor(20, TimeUnit.SECONDS));
            // some libfuse builds (3.17 here) have the mount helper unmount when the daemon dies; then there is no
            // dead mount to clear, only a mount to make again
            boolean dead = MountFixture.sh("stat '" + m.mnt + "' 2>&1; true").output().contains("not connected");
            var again = MountFixture.cli("mount", m.backing.toString(), m.mnt.toString(), "--log",
                    tmp.resolve("second.log").toString());
            assertEquals(0, again.exit(), again.output());
            if (dead) assertTrue(again.output().contains("left mounted by a daemon that is gone"), again.output());
            assertEquals("data", Files.readString(m.mnt.resolve("kept")));
            assertEquals(0, MountFixture.cli("umount", m.mnt.toString()).exit());
        }
    }
}
