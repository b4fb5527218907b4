package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel caches every similar/ entry it is given until memory pressure, each holding a node of the daemon.
 * Past -Dvexfs.similar.nodeBudget the daemon asks the kernel to drop the oldest entries, so listing the neighbours
 * of many files keeps the node table near the budget, and the listings still work afterwards.
 */
@Tag("mount")
class SimilarEvictionIT {
    private static final int FILES = 60;

    @Test
    void manyListingsStayNearTheNodeBudget(@TempDir Path tmp) throws Exception {
        try (MountFixture m = new MountFixture(tmp).jvmFlags("-Dvexfs.similar.nodeBudget=50").mkfs(4, "l2").mount()) {
            var r = MountFixture.sh("cd '" + m.mnt + "' && for i in $(seq 1 " + FILES + "); do echo x > f$i;"
                    + " setfattr -n user.vexfs.vector -v \"$i,$((i % 7)),1,0\" f$i || exit 1; done"
                    + " && for i in $(seq 1 " + FILES + "); do ls -l .vexfs/similar/f$i/ > /dev/null || exit 1; done");
            assertEquals(0, r.exit(), r.output());
            // 60 listings made 60 directories + 600 links; without eviction the kernel keeps all 660
            long deadline = System.nanoTime() + 10_000_000_000L;
            int held;
            do {
                Thread.sleep(100);
                held = similarNodes(m);
            } while (held > 120 && System.nanoTime() < deadline);
            assertTrue(held <= 120, "similar/ nodes held: " + held);
            var again = MountFixture.sh("ls '" + m.mnt + "/.vexfs/similar/f1/' | wc -l");
            assertEquals("10", again.output().trim(), "an evicted listing is made again on the next lookup");
            assertTrue(m.daemon().isAlive());
        }
    }

    private static int similarNodes(MountFixture m) throws Exception {
        for (String line : Files.readAllLines(m.mnt.resolve(".vexfs/stats"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 2 && f[0].equals("control_similar_nodes")) return Integer.parseInt(f[1]);
        }
        throw new AssertionError("control_similar_nodes missing from stats");
    }
}
