package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A daemon without CAP_DAC_READ_SEARCH cannot open by file handle (open_by_handle_at: EPERM): it says so in one
 * log line and keeps one descriptor per known node, as libfuse's passthrough_ll does; everything still works.
 */
@Tag("mount")
class HandleFallbackIT {
    @TempDir
    Path tmp;

    private static long fds(long pid) throws Exception {
        try (var s = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return s.count();
        }
    }

    @Test
    void withoutCapDacReadSearchEveryNodeKeepsItsDescriptor() throws Exception {
        // root without the capability in its bounding set: exec'ed as root, it does not get it
        MountFixture m = new MountFixture(tmp, "max_fds=16").launchPrefix("setpriv",
                "--bounding-set=-dac_read_search", "--inh-caps=-dac_read_search", "--");
        m.mkfs(4, "l2").mount();
        try {
            long pid = m.daemon().pid();
            String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
            assertTrue(!capEff(status).testBit(2), "CAP_DAC_READ_SEARCH (bit 2) is gone: " + status);
            assertTrue(m.log().contains("inodes: one open descriptor per known node (the daemon lacks"
                    + " CAP_DAC_READ_SEARCH to open by handle)"), m.log());
            long before = fds(pid);
            Path d = Files.createDirectory(m.mnt.resolve("d"));
            for (int i = 0; i < 200; i++) Files.writeString(d.resolve("f" + i), "x" + i);
            for (int i = 0; i < 200; i++) assertEquals("x" + i, Files.readString(d.resolve("f" + i)));
            long held = fds(pid);
            assertTrue(held >= before + 200, "one descriptor per known node, max_fds does not apply: " + before
                    + " -> " + held);
            var r = MountFixture.sh("ls -l '" + d + "' | tail -n +2 | wc -l; rm -r '" + d + "'");
            assertEquals("200", r.output().trim(), r.output());
        } finally {
            m.close();
        }
        assertEquals(0, m.daemonExit(), m.log());
    }

    private static java.math.BigInteger capEff(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("CapEff:")) return new java.math.BigInteger(line.substring(7).trim(), 16);
        }
        throw new AssertionError("no CapEff in " + status);
    }
}
