package vexfs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.libc.NativeIo;

/** The default daemon log is private: a 0700 directory of its own and a 0600 file, whatever the umask. */
class LogFilesTest {
    @TempDir
    Path tmp;

    @Test
    void defaultLogIsPrivateUnderUmaskZero() throws Exception {
        int old = NativeIo.umask(0);
        try {
            Path state = tmp.resolve("state");
            Path log = LogFiles.defaultLog(Path.of("/mnt/docs"), Map.of("XDG_STATE_HOME", state.toString()));
            assertEquals(state.resolve("vexfs").resolve("vexfs-docs.log"), log);
            assertEquals("rwx------", perms(log.getParent()));
            assertEquals("rw-------", perms(log));
            // an existing log and directory with loose modes are tightened
            Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--"));
            Files.setPosixFilePermissions(log.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
            assertEquals(log, LogFiles.defaultLog(Path.of("/mnt/docs"), Map.of("XDG_STATE_HOME", state.toString())));
            assertEquals("rwx------", perms(log.getParent()));
            assertEquals("rw-------", perms(log));
            // --log FILE that does not exist: created 0600
            Path given = tmp.resolve("given.log");
            LogFiles.createPrivate(given);
            assertEquals("rw-------", perms(given));
        } finally {
            NativeIo.umask(old);
        }
    }

    @Test
    void placesWithoutXdgStateHome() throws Exception {
        Path expected = ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0
                ? Path.of("/var/log/vexfs") : Path.of(System.getProperty("user.home"), ".local", "state", "vexfs");
        assertEquals(expected, LogFiles.defaultDir(Map.of()));
        assertEquals(expected, LogFiles.defaultDir(Map.of("XDG_STATE_HOME", "relative/ignored")));
    }

    private static String perms(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
