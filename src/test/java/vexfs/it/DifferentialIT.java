package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.libc.NativeIo;

/**
 * The same seeded random sequence of ~10k system calls on a plain directory and through the mount must give the
 * same outcome line by line (values and errnos), and leave the same tree. Reproduce a failure with
 * {@code -Dvexfs.diff.seed=N} (the seed is printed); {@code -Dvexfs.diff.ops=N} changes the length.
 */
@Tag("mount")
class DifferentialIT {
    @Test
    void sameSyscallsSameOutcomesSameTree(@TempDir Path tmp) throws Exception {
        long seed = Long.getLong("vexfs.diff.seed", 0x5EED_2025L);
        int ops = Integer.getInteger("vexfs.diff.ops", 10_000);
        System.out.println("DifferentialIT seed=" + seed + " ops=" + ops);
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        List<String> expected = runOn(plain, seed, ops);
        try (MountFixture m = new MountFixture(tmp).mkfs(4, "l2").mount()) {
            List<String> actual = runOn(m.mnt, seed, ops);
            for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
                if (!expected.get(i).equals(actual.get(i))) {
                    fail("seed " + seed + ": first divergence at op " + i + "\n plain: " + expected.get(i)
                            + "\n mount: " + actual.get(i) + "\n(previous: " + (i > 0 ? expected.get(i - 1) : "-") + ")");
                }
            }
            assertEquals(expected.size(), actual.size());
            assertEquals(String.join("\n", TreeSnapshot.of(plain)), String.join("\n", TreeSnapshot.of(m.mnt)),
                    "final trees differ (seed " + seed + ")");
            // and the backing directory holds exactly what the mount shows (besides the hidden store)
            List<String> backing = TreeSnapshot.of(m.backing);
            backing.removeIf(l -> l.startsWith(".vexfs"));
            assertEquals(String.join("\n", TreeSnapshot.of(m.mnt)), String.join("\n", backing));
            long errors = actual.stream().filter(l -> l.matches(".* -> E[A-Z]+$")).count();
            System.out.println("DifferentialIT: " + actual.size() + " ops, " + errors + " ended in an errno");
            java.util.Map<String, int[]> perOp = new java.util.TreeMap<>();
            for (String l : actual) {
                int[] c = perOp.computeIfAbsent(l.split(" ")[1], k -> new int[2]);
                c[l.contains(" -> OK") ? 0 : 1]++;
                if (Boolean.getBoolean("vexfs.diff.dump")) System.out.println(l);
            }
            perOp.forEach((k, c) -> System.out.println("  " + k + ": " + c[0] + " ok, " + c[1] + " errno"));
        }
    }

    private static List<String> runOn(Path root, long seed, int ops) throws Exception {
        int fd = NativeIo.open(root.toString(), RandomOps.O_DIRECTORY | RandomOps.O_PATH, 0);
        try {
            return new RandomOps(seed, fd).run(ops);
        } finally {
            NativeIo.close(fd);
        }
    }
}
