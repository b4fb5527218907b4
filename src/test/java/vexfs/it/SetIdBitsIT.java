package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.fuse.FuseLibrary;

/**
 * Set-ID bits are cleared when a user without CAP_FSETID (nobody) writes, truncates or O_TRUNC-opens the file, and
 * kept when root does, on the mount and in the backing directory, and the mount's stat says so at once (no stale
 * cached mode until the attribute timeout). On libfuse 3.17 without kernel passthrough the daemon does it
 * (HANDLE_KILLPRIV_V2), and the kernel then no longer sends a GETXATTR security.capability before each WRITE
 * (counted by /.vexfs/stats); on 3.14, or with kernel passthrough, the kernel does it with a SETATTR of the mode.
 */
@Tag("mount")
class SetIdBitsIT {
    static final int WRITES = 256;

    @Test
    void daemonServedWrites(@TempDir Path tmp) throws Exception {
        check(tmp, "passthrough=off", FuseLibrary.libfuseVersion().atLeast(3, 17, 0));
    }

    @Test
    void withKernelPassthroughWhereOffered(@TempDir Path tmp) throws Exception {
        check(tmp, "passthrough=on", false);
    }

    private static void check(Path tmp, String mode, boolean daemonClears) throws Exception {
        MountFixture.sh("chmod 755 '" + tmp + "'");
        try (MountFixture m = new MountFixture(tmp, "allow_other,default_permissions", mode).mkfs(4, "l2").mount()) {
            String mnt = m.mnt.toString();
            var setup = MountFixture.sh(String.join(" && ", "cd '" + mnt + "'",
                    "for f in w t o r; do echo x > $f; chmod 4777 $f; done",
                    "echo x > g && chmod 2777 g", "echo x > l && chmod 2767 l",
                    // stat once so that the kernel caches the set-ID mode it must then drop
                    "stat -c %a w t o r g l >/dev/null"));
            assertEquals(0, setup.exit(), setup.output());
            // INIT is answered by now (the setup went through the mount)
            assertTrue(m.log().contains(daemonClears ? "cleared by the daemon (HANDLE_KILLPRIV_V2" : "cleared by the kernel"),
                    m.log());

            var r = MountFixture.asNobody(String.join(" && ", "cd '" + mnt + "'", "echo y >> w", "truncate -s 1 t",
                    ": > o", "echo y >> g", "echo y >> l", "stat -c '%n %a' w t o g l"));
            assertEquals(0, r.exit(), r.output());
            assertEquals("w 777\nt 777\no 777\ng 777\nl 2767\n", r.output(),
                    "the mount's mode right after nobody's write/truncate/O_TRUNC open (no group execute: set-GID kept)");
            for (String[] f : new String[][] {{"w", "777"}, {"t", "777"}, {"o", "777"}, {"g", "777"}, {"l", "2767"}}) {
                assertEquals(f[1], MountFixture.sh("stat -c %a '" + m.backing.resolve(f[0]) + "'").output().trim(),
                        "backing mode of " + f[0]);
            }
            var root = MountFixture.sh("cd '" + mnt + "' && echo y >> r && truncate -s 1 r && stat -c %a r");
            assertEquals("4777", root.output().trim(), "root (CAP_FSETID) keeps the bit");

            // GETXATTRs the kernel sends around WRITE requests
            Map<String, String> before = KernelPassthroughIT.stats(m);
            var dd = MountFixture.sh("dd if=/dev/zero of='" + mnt + "/seq' bs=4k count=" + WRITES + " 2>&1");
            assertEquals(0, dd.exit(), dd.output());
            Map<String, String> after = KernelPassthroughIT.stats(m);
            long writes = KernelPassthroughIT.count(after, "write") - KernelPassthroughIT.count(before, "write");
            long getxattrs = KernelPassthroughIT.count(after, "getxattr") - KernelPassthroughIT.count(before, "getxattr");
            if (daemonClears) {
                assertEquals(WRITES, writes, "every write reached the daemon");
                assertTrue(getxattrs <= 2, getxattrs + " GETXATTRs for " + writes + " WRITEs under HANDLE_KILLPRIV_V2");
            }
            System.out.printf("SetIdBitsIT %s on libfuse %s: %d WRITEs, %d GETXATTRs%n", mode,
                    FuseLibrary.libfuseVersion(), writes, getxattrs);
        }
    }
}
