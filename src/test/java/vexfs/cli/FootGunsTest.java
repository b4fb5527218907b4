package vexfs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.store.VectorStore;

/**
 * Issue 17, "foot-guns" refused with a message and exit 2: a mountpoint inside its backing directory (or the other
 * way round), mkfs --force on a store in use, a query file without a bounded first line (/dev/zero).
 */
class FootGunsTest {
    @TempDir
    Path dir;

    @Test
    void mountpointInsideItsBackingDirectoryIsRefused() throws Exception {
        Path b = Files.createDirectory(dir.resolve("b"));
        assertEquals(0, CliTest.run("mkfs", "--dim", "3", b.toString()).exit());
        Path inner = Files.createDirectory(b.resolve("inner"));
        CliTest.Out r = CliTest.run("mount", b.toString(), inner.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("mountpoint " + inner.toRealPath() + " is inside its backing directory"), r.err());
        r = CliTest.run("mount", "-f", b.toString(), b.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("the mountpoint is the backing directory"), r.err());
        // the backing directory inside the mountpoint (a link does not hide it: real paths are compared)
        Path nested = Files.createDirectories(dir.resolve("m/nested"));
        assertEquals(0, CliTest.run("mkfs", "--dim", "3", nested.toString()).exit());
        Path link = Files.createSymbolicLink(dir.resolve("link"), nested);
        r = CliTest.run("mount", link.toString(), dir.resolve("m").toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("is inside the mountpoint"), r.err());
    }

    @Test
    void mkfsForceOnAStoreInUseIsRefused() throws Exception {
        assertEquals(0, CliTest.run("mkfs", "--dim", "3", dir.toString()).exit());
        try (VectorStore open = VectorStore.open(dir.resolve(".vexfs"), false)) { // as a mount holds it
            open.put(7, new float[] {1, 2, 3});
            open.sync();
            CliTest.Out r = CliTest.run("mkfs", "--dim", "3", "--force", dir.toString());
            assertEquals(2, r.exit(), r.err());
            assertTrue(r.err().contains("is in use by a mount or another vexfs process; unmount it first"), r.err());
        }
        try (VectorStore s = VectorStore.open(dir.resolve(".vexfs"), true)) {
            assertEquals(1, s.liveCount(), "the store was not replaced");
        }
        assertEquals(0, CliTest.run("mkfs", "--dim", "3", "--force", dir.toString()).exit(), "unused: replaced");
    }

    @Test
    void queryFileFirstLineIsBounded() throws Exception {
        assertEquals(0, CliTest.run("mkfs", "--dim", "3", dir.toString()).exit());
        CliTest.Out r = CliTest.run("search", "--file", "/dev/zero", dir.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("the query's first line is longer than 1048576 bytes"), r.err());
        Path q = dir.resolve("q");
        byte[] tail = new byte[3 << 20];
        java.util.Arrays.fill(tail, (byte) 'x');
        Files.write(q, "1,0,0\n".getBytes());
        Files.write(q, tail, java.nio.file.StandardOpenOption.APPEND);
        r = CliTest.run("search", "--file", q.toString(), dir.toString());
        assertEquals(0, r.exit(), r.err()); // only the first line is read
    }
}
