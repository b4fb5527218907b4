package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.fuse.FuseLibrary;

/**
 * Which libfuse a mount runs on: the one VEXFS_LIBFUSE names when set (scripts/test reruns the mount tests with
 * the private 3.17.2 build that way), the system's otherwise, said in the mount log; and libraries VexFS does not
 * know are refused by version before anything is mounted. The refusals use a stand-in library compiled here that
 * exports only fuse_version and fuse_pkgversion: enough for the check, which runs before any other libfuse call.
 */
@Tag("mount")
class LibfuseIT {
    /** vexfs.bindings.LibfuseLoader.ENV (tests outside vexfs.fuse keep off the bindings, as the code does). */
    static final String ENV = "VEXFS_LIBFUSE";

    @Test
    void theMountLogNamesTheLibfuseInUse(@TempDir Path tmp) throws Exception {
        try (MountFixture m = new MountFixture(tmp).mkfs(4, "l2").mount()) {
            Files.writeString(m.mnt.resolve("a.txt"), "through " + FuseLibrary.packageVersion());
            assertEquals("through " + FuseLibrary.packageVersion(), Files.readString(m.backing.resolve("a.txt")));
            String log = m.log();
            // this JVM chose its library the same way as the daemon (same environment)
            assertTrue(log.contains("libfuse " + FuseLibrary.packageVersion() + " from "), log);
            assertTrue(log.contains("ABI " + FuseLibrary.abi().versions()), log);
            String named = System.getenv(ENV);
            if (named != null && !named.isBlank()) assertTrue(log.contains(ENV + "=" + named), log);
            // fuse_session_new_versioned on 3.17, fuse_session_new before
            assertTrue(log.contains("session by " + FuseLibrary.sessionConstructor().symbol()), log);
        }
    }

    @Test
    void aNewerLibfuseIsRefusedByName(@TempDir Path tmp) throws Exception {
        Path lib = fakeLibfuse(tmp, 318, "3.18.0");
        MountFixture.Result r = mountWith(tmp, List.of("-o", "libfuse=" + lib), null);
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("libfuse 3.18.0 (" + lib + " (-o libfuse=" + lib + ")) is newer than this"
                + " VexFS knows"), r.output());
    }

    @Test
    void aLibfuse4IsRefusedByName(@TempDir Path tmp) throws Exception {
        Path lib = fakeLibfuse(tmp, 400, "4.0.0");
        MountFixture.Result r = mountWith(tmp, List.of(), lib.toString());
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("libfuse 4.0.0 (" + lib + " (VEXFS_LIBFUSE=" + lib + ")) is not supported"),
                r.output());
    }

    @Test
    void aLibraryWhoseTwoVersionsDisagreeIsRefused(@TempDir Path tmp) throws Exception {
        Path lib = fakeLibfuse(tmp, 316, "3.17.2");
        MountFixture.Result r = mountWith(tmp, List.of("-o", "libfuse=" + lib), null);
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("fuse_pkgversion() = 3.17.2 but fuse_version() = 316"), r.output());
    }

    @Test
    void aMissingNamedLibraryIsAnErrorNotAFallBack(@TempDir Path tmp) throws Exception {
        MountFixture.Result r = mountWith(tmp, List.of("-o", "libfuse=" + tmp.resolve("nope/libfuse3.so.4")), null);
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("vexfs mount: libfuse named by -o libfuse=" + tmp.resolve("nope/libfuse3.so.4")
                + " does not exist"), r.output());
        assertFalse(r.output().contains("Exception"), r.output());
    }

    /** vexfs mount -f with extra args and VEXFS_LIBFUSE (null: unset); asserts nothing got mounted. */
    static MountFixture.Result mountWith(Path tmp, List<String> extra, String env) throws Exception {
        MountFixture m = new MountFixture(tmp).mkfs(4, "l2");
        List<String> args = new java.util.ArrayList<>(List.of("mount", "-f"));
        args.addAll(extra);
        args.add(m.backing.toString());
        args.add(m.mnt.toString());
        ProcessBuilder pb = new ProcessBuilder(MountFixture.vexfsCommand(args.toArray(String[]::new)))
                .redirectErrorStream(true);
        if (env == null) pb.environment().remove(ENV);
        else pb.environment().put(ENV, env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), out);
        assertFalse(m.isMounted(), "mounted despite: " + out);
        return new MountFixture.Result(p.exitValue(), out);
    }

    /** A shared library answering fuse_version() and fuse_pkgversion() like libfuse {@code text} would. */
    static Path fakeLibfuse(Path dir, int numeric, String text) throws Exception {
        Path c = dir.resolve("fake.c");
        Files.writeString(c, "int fuse_version(void) { return " + numeric + "; }\n"
                + "const char *fuse_pkgversion(void) { return \"" + text + "\"; }\n");
        Path so = dir.resolve("libfuse3.so.fake-" + text);
        MountFixture.Result r = MountFixture.run(List.of("gcc", "-shared", "-fPIC", "-o", so.toString(), c.toString()));
        assertEquals(0, r.exit(), r.output());
        return so;
    }
}
