package vexfs.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scratch memory for the derived tables: file-backed (and counted as such) where the directory has room, anonymous
 * (counted, and said once per episode) where it has not - on a 2 MiB tmpfs the test mounts under its temp dir - so a
 * table can always grow; nothing is left in the directory either way.
 */
class ScratchMemoryTest {
    @TempDir
    Path dir;

    @Test
    void fileBackedWhereThereIsRoomAnonymousWhereNotCountedEitherWay() throws Exception {
        Path small = Files.createDirectories(dir.resolve("small"));
        assumeTrue(sh("mount -t tmpfs -o size=2m vexfs-sm '" + small + "'") == 0, "needs root to mount a tmpfs");
        try {
            ScratchMemory memory = new ScratchMemory(small);
            List<String> said = new ArrayList<>();
            memory.onAnonymousFallback(said::add);
            MemorySegment a = memory.allocate(1 << 20);
            assertTrue(a.isMapped());
            assertEquals(1 << 20, memory.mappedBytes());
            a.set(ValueLayout.JAVA_LONG, (1 << 20) - 8, -1L); // every page is there: no fault
            MemorySegment b = memory.allocate(4 << 20); // more than the directory can take
            assertFalse(b.isMapped());
            b.set(ValueLayout.JAVA_LONG, (4 << 20) - 8, -1L);
            assertEquals(4 << 20, memory.anonymousBytes());
            memory.allocate(4 << 20);
            assertEquals(1, said.size(), "one line per episode: " + said);
            assertTrue(said.getFirst().contains("No space left on device"), said.toString());
            memory.release(a); // its table let go of it: the GC unmaps it and the space comes back
            assertEquals(0, memory.mappedBytes());
            a = null;
            MemorySegment c = null;
            for (int i = 0; i < 50 && (c == null || !c.isMapped()); i++) {
                System.gc();
                Thread.sleep(20); // waits for the collector to unmap the unreachable segment
                c = memory.allocate(64 << 10);
                if (!c.isMapped()) memory.release(c);
            }
            assertTrue(c.isMapped(), "room again after the GC unmapped the released scratch file");
            memory.allocate(4 << 20);
            assertEquals(2, said.size(), "a new episode is said again: " + said);
            try (var s = Files.list(small)) {
                assertEquals(0, s.count(), "scratch files are unlinked at once");
            }
        } finally {
            sh("umount '" + small + "' || umount -l '" + small + "'");
        }
    }

    private static int sh(String script) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor();
    }
}
