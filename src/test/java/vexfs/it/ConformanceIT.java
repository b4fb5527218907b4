package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * libfuse's own test_syscalls against our mount, run the way libfuse's test_examples.py runs it for
 * passthrough_ll ({@code test_syscalls MNT/dir :BACKING/dir}, and {@code -53} with a writeback cache). The binary
 * is built outside the repository by scripts/ci-fuse-refs; its path is $VEXFS_TEST_SYSCALLS or
 * $VEXFS_REFS_DIR/bin/test_syscalls (default ~/.cache/vexfs-refs). Without it the test is skipped, unless
 * VEXFS_REQUIRE_CONFORMANCE=1 (CI), where a missing binary is a failure.
 */
@Tag("mount")
class ConformanceIT {
    static Path binary() {
        String explicit = System.getenv("VEXFS_TEST_SYSCALLS");
        if (explicit != null && !explicit.isBlank()) return Path.of(explicit);
        String refs = System.getenv("VEXFS_REFS_DIR");
        Path dir = refs != null && !refs.isBlank() ? Path.of(refs) : Path.of(System.getProperty("user.home"), ".cache", "vexfs-refs");
        return dir.resolve("bin/test_syscalls");
    }

    static Path requireBinary() {
        Path b = binary();
        if (!Files.isExecutable(b)) {
            String why = "libfuse test_syscalls not found at " + b + " (build it with scripts/ci-fuse-refs)";
            if ("1".equals(System.getenv("VEXFS_REQUIRE_CONFORMANCE"))) fail(why + "; VEXFS_REQUIRE_CONFORMANCE=1");
            Assumptions.abort(why);
        }
        return b;
    }

    private static void runSuite(Path tmp, String mountOptions, String... extra) throws Exception {
        Path bin = requireBinary();
        String[] opts = mountOptions.isEmpty() ? new String[0] : new String[] {mountOptions};
        try (MountFixture m = new MountFixture(tmp, opts).mkfs(4, "l2").mount()) {
            Files.createDirectory(m.mnt.resolve("conformance"));
            List<String> cmd = new ArrayList<>(List.of(bin.toString(), m.mnt.resolve("conformance").toString(),
                    ":" + m.backing.resolve("conformance")));
            cmd.addAll(List.of(extra));
            var r = MountFixture.run(cmd);
            long passed = r.output().lines().filter(l -> l.matches("^ *\\d+ \\[.*\\] OK$")).count();
            List<String> failing = r.output().lines().filter(l -> l.matches("^ *\\d+ \\[.*")).filter(l -> !l.endsWith("] OK"))
                    .toList();
            System.out.println("test_syscalls " + String.join(" ", extra) + " on -o '" + mountOptions + "': " + passed
                    + " passed, " + failing.size() + " failing");
            assertEquals(List.of(), failing, r.output());
            assertEquals(0, r.exit(), r.output());
            assertTrue(passed >= 50, "only " + passed + " tests ran:\n" + r.output());
        }
    }

    @Test
    void testSyscallsDefaultMode(@TempDir Path tmp) throws Exception {
        runSuite(tmp, "", "-u");  // -u: also reads of unlinked files that are still open
    }

    /** libfuse skips test 53 (open O_WRONLY of a 0200 file, then read through the cache) with writeback. */
    @Test
    void testSyscallsWritebackCache(@TempDir Path tmp) throws Exception {
        runSuite(tmp, "writeback", "-53");
    }
}
