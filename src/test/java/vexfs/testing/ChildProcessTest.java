package vexfs.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The child-process helper keeps its promises: no wait without an end, nothing left running after a timeout. */
class ChildProcessTest {
    @Test
    void outputLargerThanThePipeIsCollectedWhileTheChildRuns() throws Exception {
        // 1 MiB: a child writing it blocks once the 64 KiB pipe is full unless someone reads while it runs
        ChildProcess.Result r = ChildProcess.run(List.of("bash", "-c", "head -c 1048576 /dev/zero; echo; exit 3"),
                Duration.ofSeconds(30));
        assertEquals(3, r.exit());
        assertEquals(1048576 + 1, r.stdout().length);
    }

    @Test
    void aHungChildAndWhatItStartedAreKilledAtTheTimeout() throws Exception {
        try (ChildProcess p = ChildProcess.start(new ProcessBuilder("bash", "-c", "sleep 600 & echo $!; wait")
                .redirectErrorStream(true))) {
            long grandchild = Long.parseLong(p.nextLine(Duration.ofSeconds(10)));
            long t0 = System.nanoTime();
            IOException e = assertThrows(IOException.class, () -> p.await(Duration.ofMillis(500)));
            assertTrue(e.getMessage().startsWith("timeout after"), e.getMessage());
            assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(15).toNanos());
            assertFalse(p.process().isAlive());
            assertFalse(ProcessHandle.of(grandchild).map(ProcessHandle::isAlive).orElse(false),
                    "the child's own child is killed too");
        }
    }

    @Test
    void linesAreHandedOutWithADeadlineAndEndAtEndOfOutput() throws Exception {
        try (ChildProcess p = ChildProcess.start(new ProcessBuilder("bash", "-c", "echo one; read x; echo two; printf three"))) {
            assertEquals("one", p.nextLine(Duration.ofSeconds(10)));
            assertThrows(IOException.class, () -> p.nextLine(Duration.ofMillis(200)), "nothing more until stdin");
            p.process().getOutputStream().write('\n');
            p.process().getOutputStream().close();
            assertEquals("two", p.nextLine(Duration.ofSeconds(10)));
            assertEquals("three", p.nextLine(Duration.ofSeconds(10)), "a last line without a newline");
            assertNull(p.nextLine(Duration.ofSeconds(10)));
            assertNull(p.nextLine(Duration.ofSeconds(10)), "end of output stays the end");
        }
    }

    @Test
    void anOrphanHoldingTheOutputOpenDoesNotHoldTheTest() throws Exception {
        // the child exits at once; the sleep it left behind (now someone else's child) keeps the pipe open
        try (ChildProcess p = ChildProcess.start(new ProcessBuilder("bash", "-c", "(sleep 60; true) & echo $!"))) {
            long orphan = Long.parseLong(p.nextLine(Duration.ofSeconds(10)));
            try {
                // when the child exits the JDK closes the pipe itself, keeping what was buffered, unless the drainer
                // is inside a read just then; either way await ends with the child's status and all it wrote
                long t0 = System.nanoTime();
                var r = p.await(Duration.ofSeconds(1));
                assertEquals(0, r.exit());
                assertEquals(orphan + "\n", r.text());
                assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(15).toNanos());
            } finally {
                ProcessHandle.of(orphan).ifPresent(h -> ChildProcess.destroyTreeQuietly(h));
            }
        }
    }
}
