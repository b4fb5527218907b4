package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.fuse.FuseLibrary;

/**
 * Kernel FUSE passthrough: on libfuse 3.17 (scripts/test's rerun) with a kernel that offers it, regular files'
 * reads and writes never reach the daemon (its READ/WRITE counters stay at zero) while .vec files, which must be
 * seen written, stay daemon-served and indexed; -o passthrough=off and libfuse 3.14 serve everything from the
 * daemon, and /.vexfs/stats and the mount log say which mode is active and why.
 */
@Tag("mount")
class KernelPassthroughIT {
    /** Whether this kernel offers passthrough: FUSE_PASSTHROUGH needs Linux 6.9+. */
    static boolean kernelHasPassthrough() {
        String[] v = System.getProperty("os.version").split("[.-]");
        int major = Integer.parseInt(v[0]);
        int minor = Integer.parseInt(v[1]);
        return major > 6 || (major == 6 && minor >= 9);
    }

    static boolean expectOn() {
        return FuseLibrary.libfuseVersion().atLeast(3, 17, 0) && kernelHasPassthrough();
    }

    static Map<String, String> stats(MountFixture m) throws Exception {
        Map<String, String> s = new HashMap<>();
        for (String line : Files.readAllLines(m.mnt.resolve(".vexfs/stats"))) {
            String[] kv = line.trim().split("\\s+", 2);
            if (kv.length == 2) s.put(kv[0], kv[1]);
        }
        return s;
    }

    static long count(Map<String, String> stats, String op) {
        return Long.parseLong(stats.getOrDefault("op_" + op + "_count", "0"));
    }

    /** 8 MiB written and read back through the mount, and a .vec file; returns the stats after. */
    static Map<String, String> workload(MountFixture m) throws Exception {
        byte[] data = new byte[8 << 20];
        new Random(7).nextBytes(data);
        Files.write(m.mnt.resolve("data.bin"), data);
        assertArrayEquals(data, Files.readAllBytes(m.mnt.resolve("data.bin")));
        assertArrayEquals(data, Files.readAllBytes(m.backing.resolve("data.bin")));
        Files.writeString(m.mnt.resolve("v.vec"), "1,2,3,4\n");
        MountFixture.Result r = MountFixture.sh("getfattr --only-values -n user.vexfs.vector '" + m.mnt.resolve("v.vec") + "'");
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("1.0,2.0,3.0,4.0"), "the .vec file was indexed on close: " + r.output());
        return stats(m);
    }

    @Test
    void defaultModeIsPassthroughWhereLibfuseAndKernelOfferIt(@TempDir Path tmp) throws Exception {
        try (MountFixture m = new MountFixture(tmp).mkfs(4, "l2").mount()) {
            Map<String, String> s = workload(m);
            String mode = s.get("kernel_passthrough");
            if (expectOn()) {
                assertEquals("on", mode);
                assertEquals(0, count(s, "read"), "reads of a passthrough file reached the daemon: " + s);
                // the one WRITE is the .vec file's: it stays daemon-served so that it is indexed
                assertEquals(1, count(s, "write"), s.toString());
                assertTrue(m.log().contains("kernel passthrough: on"), m.log());
            } else {
                assertTrue(mode.startsWith("off ("), mode);
                if (!FuseLibrary.libfuseVersion().atLeast(3, 17, 0)) {
                    assertTrue(mode.contains("libfuse " + FuseLibrary.packageVersion() + " has no passthrough API"), mode);
                }
                assertTrue(count(s, "read") > 0 && count(s, "write") > 1, s.toString());
            }
        }
    }

    @Test
    void passthroughOffServesEveryReadAndWrite(@TempDir Path tmp) throws Exception {
        try (MountFixture m = new MountFixture(tmp, "passthrough=off").mkfs(4, "l2").mount()) {
            Map<String, String> s = workload(m);
            assertEquals("off (-o passthrough=off)", s.get("kernel_passthrough"));
            assertTrue(count(s, "read") > 0 && count(s, "write") > 1, s.toString());
        }
    }

    /** Many opens of one inode share its backing file (the kernel refuses two), across overlapping opens. */
    @Test
    void overlappingOpensOfOneFile(@TempDir Path tmp) throws Exception {
        try (MountFixture m = new MountFixture(tmp).mkfs(4, "l2").mount()) {
            Path f = m.mnt.resolve("shared.txt");
            Files.writeString(f, "0123456789");
            MountFixture.Result r = MountFixture.sh("exec 3<'" + f + "' 4>>'" + f + "' 5<>'" + f + "'; echo abc >&4;"
                    + " head -c 4 <&3; cat '" + f + "' >/dev/null; exec 3<&- 4>&-; cat <&5; exec 5<&-; cat '" + f + "'");
            assertEquals(0, r.exit(), r.output());
            assertEquals("0123" + "0123456789abc\n" + "0123456789abc\n", r.output());
            assertEquals("0123456789abc\n", Files.readString(m.backing.resolve("shared.txt")));
        }
    }

    @Test
    void badValueIsRefused(@TempDir Path tmp) throws Exception {
        MountFixture m = new MountFixture(tmp).mkfs(4, "l2");
        MountFixture.Result r = MountFixture.cli("mount", "-f", "-o", "passthrough=maybe", m.backing.toString(),
                m.mnt.toString());
        assertEquals(2, r.exit(), r.output());
        assertTrue(r.output().contains("mount option passthrough needs on or off, got 'maybe'"), r.output());
    }
}
