package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, "the log leaks and can be forged": a background {@code vexfs mount} (started with umask 000) logs to a
 * private directory (0700) and file (0600), not to /tmp; a file name holding a newline (or ESC) cannot start a
 * line of its own in that log, nor in a foreground daemon's stderr; nobody cannot read the log.
 */
@Tag("mount")
class LogPrivacyIT {
    static final String FORGED = "x\nFORGED LINE by nobody\u001b[2J";
    Path tmp;
    NobodyCli cli;

    @BeforeEach
    void setUp() throws Exception {
        tmp = Files.createTempDirectory("vexfs-log-it");
        MountFixture.sh("chmod 755 '" + tmp + "'");
        cli = new NobodyCli(tmp.resolve("cp"));
    }

    @AfterEach
    void tearDown() throws Exception {
        MountFixture.sh("grep -q ' " + tmp + "/mnt ' /proc/mounts && (fusermount3 -u '" + tmp + "/mnt' || fusermount3 -uz '"
                + tmp + "/mnt'); rm -rf '" + tmp + "'");
    }

    /** Names a file FORGED through the mount and sets a bad vector on it: the daemon logs a WARN naming it. */
    private static void provokeWarningAbout(Path mnt) throws Exception {
        Path f = mnt.resolve("dir").resolve(FORGED);
        Files.createDirectories(f.getParent());
        Files.writeString(f, "data");
        var r = MountFixture.run(List.of("setfattr", "-n", "user.vexfs.vector", "-v", "1,2", f.toString()));
        assertTrue(r.exit() != 0 && r.output().contains("Invalid argument"), r.output());
    }

    private static void assertNotForged(String log) {
        for (String line : log.lines().toList()) {
            assertFalse(line.startsWith("FORGED"), "a forged line:\n" + log);
            assertFalse(line.contains("\u001b"), "a raw ESC:\n" + log);
        }
        assertTrue(log.contains("x\\nFORGED LINE by nobody\\e[2J"), "the name, escaped, in the warning:\n" + log);
    }

    @Test
    void backgroundMountLogsPrivatelyAndEscapesNames() throws Exception {
        Path backing = Files.createDirectories(tmp.resolve("backing"));
        Path mnt = Files.createDirectories(tmp.resolve("mnt"));
        Path state = tmp.resolve("state");
        var r = MountFixture.sh("umask 000 && " + cli.command("mkfs", "--dim", "3", "--metric", "l2", backing.toString()));
        assertEquals(0, r.exit(), r.output());
        r = MountFixture.sh("umask 000 && XDG_STATE_HOME='" + state + "' " + cli.command("mount", backing.toString(),
                mnt.toString()));
        assertEquals(0, r.exit(), r.output());
        Path log = state.resolve("vexfs").resolve("vexfs-mnt.log");
        assertTrue(r.output().contains("log " + log), r.output());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log.getParent())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)));
        provokeWarningAbout(mnt);
        var denied = MountFixture.asNobody("cat '" + log + "'");
        assertTrue(denied.exit() != 0 && denied.output().contains("Permission denied"), denied.output());
        r = MountFixture.cli("umount", mnt.toString());
        assertEquals(0, r.exit(), r.output());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (Files.readString(Path.of("/proc/mounts")).contains(" " + mnt + " ") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertNotForged(Files.readString(log));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)));
    }

    @Test
    void foregroundDaemonStderrEscapesNames() throws Exception {
        MountFixture m = new MountFixture(tmp).mkfs(3, "l2");
        try {
            m.mount();
            provokeWarningAbout(m.mnt);
        } finally {
            m.close();
        }
        assertNotForged(m.log());
    }
}
