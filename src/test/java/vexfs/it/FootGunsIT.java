package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, "foot-guns", against a real mount: mkfs --force on the mounted backing directory is refused (exit 2)
 * and loses nothing; a mountpoint inside the backing directory is refused before any daemon starts.
 */
@Tag("mount")
class FootGunsIT {
    @TempDir
    Path tmp;

    @Test
    void mkfsForceOnAMountedStoreIsRefusedAndLosesNothing() throws Exception {
        MountFixture m = new MountFixture(tmp).mkfs(3, "l2");
        try {
            m.mount();
            var r = MountFixture.sh("cd '" + m.mnt + "' && echo a > a && setfattr -n user.vexfs.vector -v 1,0,0 a");
            assertEquals(0, r.exit(), r.output());
            r = MountFixture.cli("mkfs", "--dim", "3", "--force", m.backing.toString());
            assertEquals(2, r.exit(), r.output());
            assertTrue(r.output().contains("is in use by a mount or another vexfs process; unmount it first"), r.output());
            r = MountFixture.sh("getfattr --only-values -n user.vexfs.vector '" + m.mnt + "/a' && exec 3<>'" + m.mnt
                    + "/.vexfs/search' && printf '1,0,0\\n' >&3 && cat <&3");
            assertEquals(0, r.exit(), r.output());
            assertTrue(r.output().contains("1.0,0.0,0.0") && r.output().contains("/a"), r.output());
            r = MountFixture.cli("mount", m.backing.toString(), m.backing.resolve("inner").toString());
            assertEquals(2, r.exit(), r.output()); // inner does not exist: refused either way, no daemon
            MountFixture.sh("mkdir '" + m.mnt + "/inner'");
            r = MountFixture.cli("mount", m.backing.toString(), m.backing.resolve("inner").toString());
            assertEquals(2, r.exit(), r.output());
            assertTrue(r.output().contains("is inside its backing directory"), r.output());
        } finally {
            m.close();
        }
    }
}
