package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heap holds one small object per node the kernel knows, so the node table has a budget derived from the heap
 * cap (docs/architecture.md, "Nodes by file handle"). Past it, a create answers ENOMEM and leaves no file, every
 * known file keeps working, the daemon logs why, and once the kernel forgets nodes (drop_caches) creates work
 * again — instead of an OutOfMemoryError somewhere in the daemon. The budget is set small here
 * (-Dvexfs.maxNodes) so a test can reach it.
 */
@Tag("mount")
class NodeBudgetIT {
    static final int BUDGET = 600;

    @TempDir
    Path tmp;

    @Test
    void pastTheNodeBudgetCreatesAnswerEnomemAndChangeNothing() throws Exception {
        MountFixture m = new MountFixture(tmp).jvmFlags("-Dvexfs.maxNodes=" + BUDGET);
        m.mkfs(4, "l2").mount();
        try {
            Path d = Files.createDirectory(m.mnt.resolve("d"));
            int made = 0;
            String refusal = null;
            for (int i = 0; i < BUDGET * 2 && refusal == null; i++) {
                try {
                    Files.writeString(d.resolve("f" + i), "x" + i);
                    made++;
                } catch (IOException e) {
                    refusal = e.getMessage();
                    assertFalse(Files.exists(m.backing.resolve("d").resolve("f" + i)),
                            "a refused create leaves no file behind");
                }
            }
            assertTrue(refusal != null, "the budget of " + BUDGET + " nodes was never reached: " + made + " files");
            assertTrue(refusal.contains("Cannot allocate memory"), "ENOMEM: " + refusal);
            assertTrue(made >= BUDGET - 10 && made < BUDGET, "refused near the budget: after " + made + " files");
            assertTrue(m.log().contains("new lookups answer ENOMEM"), m.log());

            // everything known keeps working; the stats say where the table stands
            for (int i = 0; i < made; i++) assertEquals("x" + i, Files.readString(d.resolve("f" + i)));
            assertEquals(Integer.toString(BUDGET), m.stat("nodes_budget"));
            long known = Long.parseLong(m.stat("nodes_known"));
            assertTrue(known <= BUDGET, "nodes_known " + known);

            // once the kernel forgets nodes (they are not in use), there is room again, without a remount
            var r = MountFixture.sh("sync; echo 2 > /proc/sys/vm/drop_caches");
            assertEquals(0, r.exit(), r.output());
            boolean createdAgain = false;
            for (int attempt = 0; attempt < 50 && !createdAgain; attempt++) {
                try {
                    Files.writeString(d.resolve("after"), "again");
                    createdAgain = true;
                } catch (IOException e) {
                    Thread.sleep(100);  // FORGETs arrive asynchronously
                }
            }
            assertTrue(createdAgain, "after drop_caches a create works again (nodes_known was " + known + ")");
            assertEquals("again", Files.readString(m.backing.resolve("d/after")));
            assertTrue(m.daemon().isAlive());
        } finally {
            m.close();
        }
        assertEquals(0, m.daemonExit(), m.log());
        assertFalse(m.log().contains("OutOfMemoryError"), m.log());
    }
}
