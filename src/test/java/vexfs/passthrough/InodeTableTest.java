package vexfs.passthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.fuse.FuseFilesystem;
import vexfs.libc.Attr;
import vexfs.libc.Errno;
import vexfs.libc.FsException;
import vexfs.libc.Name;
import vexfs.libc.NativeIo;

/**
 * The inode table over real O_PATH descriptors of a temp dir: one node per (dev, ino), lookup references counted,
 * the descriptor adopted by a new node, closed when it duplicates a known one, and closed at the last forget.
 */
class InodeTableTest {
    @TempDir
    Path dir;

    private int rootFd;
    private InodeTable table;
    private Path file;

    @BeforeEach
    void setUp() throws Exception {
        rootFd = NativeIo.open(dir.toString(), NativeIo.O_PATH | NativeIo.O_DIRECTORY | NativeIo.O_CLOEXEC, 0);
        table = new InodeTable(rootFd, NativeIo.stat(rootFd));
        file = Files.writeString(dir.resolve("f"), "x");
    }

    @AfterEach
    void tearDown() {
        NativeIo.close(rootFd);
    }

    /** A fresh O_PATH descriptor of {@code name} in the root. */
    private int openPath(String name) throws FsException {
        return NativeIo.openat(rootFd, Name.of(name), NativeIo.O_PATH | NativeIo.O_NOFOLLOW | NativeIo.O_CLOEXEC, 0);
    }

    private Inode reference(String name) throws FsException {
        int fd = openPath(name);
        Attr a = NativeIo.stat(fd);
        return table.reference(fd, a.dev(), a.ino(), a.mode() & Attr.S_IFMT);
    }

    @Test
    void theRootIsNodeOneAndIsNeverForgotten() throws Exception {
        Inode root = table.root();
        assertEquals(FuseFilesystem.ROOT_ID, root.nodeId);
        assertSame(root, table.get(FuseFilesystem.ROOT_ID));
        assertTrue(root.isDirectory());
        table.forget(FuseFilesystem.ROOT_ID, Long.MAX_VALUE);
        assertSame(root, table.get(FuseFilesystem.ROOT_ID));
        assertTrue(Fds.isOpenOn(rootFd, dir));
        assertEquals(1, table.size());
        // the root is known by (dev, ino) too, so ".." of a top-level directory is node 1
        Attr a = NativeIo.stat(rootFd);
        assertSame(root, table.referenceIfKnown(a.dev(), a.ino()));
    }

    @Test
    void aNewNodeAdoptsItsDescriptorAndADuplicateIsClosed() throws Exception {
        int first = openPath("f");
        Attr a = NativeIo.stat(first);
        Inode n = table.reference(first, a.dev(), a.ino(), Attr.S_IFREG);
        assertEquals(FuseFilesystem.ROOT_ID + 1, n.nodeId);
        assertEquals(first, n.fd);
        assertEquals(1, n.nlookup.get());
        assertEquals(a.ino(), n.ino());
        assertTrue(n.isRegular());

        long before = Fds.countUnder(dir);
        int second = openPath("f");
        assertSame(n, table.reference(second, a.dev(), a.ino(), Attr.S_IFREG));
        assertEquals(2, n.nlookup.get());
        assertEquals(before, Fds.countUnder(dir), "the second descriptor of a known node is closed");
        assertTrue(Fds.isOpenOn(first, file));
        assertEquals(2, table.size());
    }

    @Test
    void forgetClosesTheDescriptorAtZeroAndIdsAreNotReused() throws Exception {
        long before = Fds.countUnder(dir);
        Inode n = reference("f");
        assertSame(n, reference("f"));
        assertSame(n, table.referenceIfKnown(n.dev, n.ino));
        assertEquals(3, n.nlookup.get());
        assertEquals(before + 1, Fds.countUnder(dir));

        table.forget(n.nodeId, 2);
        assertSame(n, table.get(n.nodeId));
        assertTrue(Fds.isOpenOn(n.fd, file));

        table.forget(n.nodeId, 1);
        assertNull(table.find(n.nodeId));
        FsException e = assertThrows(FsException.class, () -> table.get(n.nodeId));
        assertEquals(Errno.ENOENT, e.errno());
        assertEquals(before, Fds.countUnder(dir), "the O_PATH descriptor is closed when nlookup reaches 0");
        assertFalse(Fds.isOpenOn(n.fd, file));
        assertNull(table.referenceIfKnown(n.dev, n.ino), "a forgotten node is not known any more");

        Inode again = reference("f");
        assertNotEquals(n.nodeId, again.nodeId, "node ids are never reused within a mount");
        assertEquals(1, again.nlookup.get());
        table.forget(again.nodeId, 1);
        assertEquals(before, Fds.countUnder(dir));
    }

    @Test
    void forgettingMoreThanWasLookedUpOrAnUnknownIdIsHarmless() throws Exception {
        long before = Fds.countUnder(dir);
        Inode n = reference("f");
        table.forget(n.nodeId, 5);
        assertNull(table.find(n.nodeId));
        assertEquals(before, Fds.countUnder(dir));
        table.forget(n.nodeId, 1);
        table.forget(12345, 1);
        assertEquals(1, table.size());
    }

    @Test
    void referenceIfKnownDoesNothingForAnUnknownNode() throws Exception {
        Attr a = NativeIo.fstatat(rootFd, Name.of("f"), NativeIo.AT_SYMLINK_NOFOLLOW);
        assertNull(table.referenceIfKnown(a.dev(), a.ino()));
        assertEquals(1, table.size());
    }

    @Test
    void twoNamesOfOneFileAreOneNode() throws Exception {
        Files.createLink(dir.resolve("g"), file);
        Inode viaF = reference("f");
        Inode viaG = reference("g");
        assertSame(viaF, viaG);
        assertEquals(2, viaF.nlookup.get());
        Files.writeString(dir.resolve("h"), "y");
        assertNotEquals(viaF.nodeId, reference("h").nodeId);
    }

    /**
     * Lookups racing with the last forget of the same node: each either revives the node or creates a fresh one,
     * and once every reference is given back nothing is left in the table and no descriptor leaks.
     */
    @Test
    void lookupsRacingWithForgetsLeaveNothingBehind() throws Exception {
        long before = Fds.countUnder(dir);
        int threads = 4;
        int rounds = 2000;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < rounds; i++) {
                        Inode n = reference("f");
                        assertTrue(n.fd >= 0);
                        assertEquals(Attr.S_IFREG, n.type());
                        table.forget(n.nodeId, 1);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, table.size(), "only the root is left");
        assertEquals(before, Fds.countUnder(dir), "every descriptor was closed exactly once");
    }
}
