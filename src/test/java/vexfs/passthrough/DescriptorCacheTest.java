package vexfs.passthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.libc.Attr;
import vexfs.libc.Errno;
import vexfs.libc.FsException;
import vexfs.libc.Name;
import vexfs.libc.NativeIo;

/**
 * The bounded set of node descriptors over real files (the test runs as root, so nodes get file handles): the bound
 * holds whatever the number of known nodes, a pinned descriptor is never closed, evicted nodes come back by handle
 * as the same file, a hot node survives a stream of new ones, a forgotten node closes at its last unpin, and under
 * concurrent pins, evictions and forgets every pinned descriptor is the node's own file.
 */
class DescriptorCacheTest {
    @TempDir
    Path dir;

    private int rootFd;
    private InodeTable table;
    private long fdsBefore;

    private void table(int bound) throws FsException {
        table = new InodeTable(rootFd, NativeIo.stat(rootFd), bound);
        assertTrue(table.byHandle(), "as root on " + dir + " nodes are kept by file handle");
    }

    @BeforeEach
    void setUp() throws Exception {
        rootFd = NativeIo.open(dir.toString(), NativeIo.O_PATH | NativeIo.O_DIRECTORY | NativeIo.O_CLOEXEC, 0);
        fdsBefore = Fds.countUnder(dir);
    }

    @AfterEach
    void tearDown() {
        if (table != null) table.descriptors().closeMountFd();
        NativeIo.close(rootFd);
    }

    private List<Inode> files(int n) throws Exception {
        List<Inode> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Files.writeString(dir.resolve("f" + i), "file " + i);
            nodes.add(reference("f" + i));
        }
        return nodes;
    }

    private Inode reference(String name) throws FsException {
        int fd = NativeIo.openat(rootFd, Name.of(name), NativeIo.O_PATH | NativeIo.O_NOFOLLOW | NativeIo.O_CLOEXEC, 0);
        Attr a = NativeIo.stat(fd);
        return table.reference(fd, a.dev(), a.ino(), a.mode() & Attr.S_IFMT);
    }

    /** Descriptors of cached nodes open now (those under dir, minus the root's and the mount descriptor). */
    private long nodeFds() {
        return Fds.countUnder(dir) - fdsBefore - 1;
    }

    /** Pins {@code n} and checks that its descriptor is its own file (a closed, reused number would not be). */
    private static void assertOwnFile(Inode n) throws FsException {
        try (PinnedFd p = n.pin()) {
            assertEquals(n.ino(), NativeIo.stat(p.fd()).ino(), "node " + n.nodeId + " descriptor is its own file");
        }
    }

    @Test
    void theBoundHoldsAndEvictedNodesComeBackByHandle() throws Exception {
        table(8);
        List<Inode> nodes = files(100);
        assertEquals(8, table.descriptors().open());
        assertEquals(8, nodeFds(), "100 known nodes, 8 open descriptors");
        for (Inode n : nodes) assertOwnFile(n);
        assertTrue(table.descriptors().reopens() >= 90, "most were reopened by handle");
        assertTrue(nodeFds() <= 8);
        assertEquals("file 7", new String(readVia(nodes.get(7)), java.nio.charset.StandardCharsets.UTF_8));
    }

    private static byte[] readVia(Inode n) throws FsException {
        try (PinnedFd p = n.pin()) {
            int fd = NativeIo.reopen(p.fd(), NativeIo.O_RDONLY | NativeIo.O_CLOEXEC);
            try {
                return NativeIo.pread(fd, 100, 0);
            } finally {
                NativeIo.close(fd);
            }
        }
    }

    @Test
    void aPinnedDescriptorIsNeverClosedAndOnlyPinsExceedTheBound() throws Exception {
        table(4);
        List<Inode> nodes = files(10);
        List<PinnedFd> pins = new ArrayList<>();
        for (Inode n : nodes) pins.add(n.pin());
        assertEquals(10, table.descriptors().open(), "ten pinned descriptors: the bound gives way to pins only");
        for (int i = 0; i < 20; i++) {  // twenty more nodes while all ten are pinned
            Files.writeString(dir.resolve("more" + i), "m");
            reference("more" + i);
        }
        for (int i = 0; i < nodes.size(); i++) {
            assertTrue(Fds.isOpenOn(pins.get(i).fd(), dir.resolve("f" + i)), "pinned descriptor " + i + " still open");
        }
        assertEquals(10, table.descriptors().open(), "only the pinned ones: new unpinned nodes closed at once");
        for (PinnedFd p : pins) p.close();
        Files.writeString(dir.resolve("last"), "l");
        reference("last");
        assertTrue(table.descriptors().open() <= 4, "back under the bound at the next open");
        assertThrows(IllegalStateException.class, () -> pins.getFirst().fd(), "a released pin's number is not used");
    }

    @Test
    void aHotNodeSurvivesAStreamOfNewOnes() throws Exception {
        table(4);
        Files.writeString(dir.resolve("hot"), "hot");
        Inode hot = reference("hot");
        long reopensBefore = table.descriptors().reopens();
        for (int i = 0; i < 200; i++) {
            Files.writeString(dir.resolve("n" + i), "x");
            reference("n" + i);  // looked up once, never used: these go first
            assertOwnFile(hot);
        }
        assertEquals(reopensBefore, table.descriptors().reopens(), "the hot node was never evicted");
        assertTrue(table.descriptors().evictions() >= 190);
    }

    @Test
    void aForgottenNodeClosesAtItsLastUnpinAndIsNotReopened() throws Exception {
        table(16);
        Inode n = files(1).getFirst();
        PinnedFd p = n.pin();
        table.forget(n.nodeId, 1);
        assertTrue(Fds.isOpenOn(p.fd(), dir.resolve("f0")), "in use: stays open after forget");
        p.close();
        assertEquals(0, nodeFds(), "closed at the last unpin");
        assertEquals(0, table.descriptors().open());
        FsException e = assertThrows(FsException.class, n::pin);
        assertEquals(Errno.ESTALE, e.errno());
    }

    @Test
    void anEvictedNodeOfADeletedFileIsStale() throws Exception {
        table(1);
        Inode gone = files(2).getFirst();  // the second node evicted the first
        assertEquals(Inode.CLOSED, gone.state());
        Files.delete(dir.resolve("f0"));
        FsException e = assertThrows(FsException.class, gone::pin);
        assertEquals(Errno.ESTALE, e.errno(), "a handle of a deleted inode cannot be opened");
    }

    @Test
    void aNodeWithoutAHandleKeepsItsDescriptorUntilForgotten() throws Exception {
        table(1);
        Files.writeString(dir.resolve("p"), "p");
        int pfd = NativeIo.openat(rootFd, Name.of("p"), NativeIo.O_PATH | NativeIo.O_CLOEXEC, 0);
        Attr a = NativeIo.stat(pfd);
        DescriptorCache cache = table.descriptors();
        Inode permanent = new Inode(999_999, pfd, a.dev(), a.ino(), Attr.S_IFREG, null, cache);
        cache.adopt(permanent);
        int permanentBefore = cache.permanent();
        files(10);
        assertTrue(Fds.isOpenOn(pfd, dir.resolve("p")), "never evicted");
        assertOwnFile(permanent);
        cache.retire(permanent);
        assertEquals(permanentBefore - 1, cache.permanent());
        assertTrue(!Fds.isOpenOn(pfd, dir.resolve("p")), "closed when forgotten");
    }

    /**
     * Readers pin random nodes and check each descriptor is their own file while a churn thread adds and forgets
     * nodes (forcing evictions and reopens with a bound far below the working set); at the end no descriptor
     * leaked and none is pinned.
     */
    @Test
    void concurrentPinsEvictionsAndForgetsNeverHandOutAnotherFile() throws Exception {
        table(6);
        List<Inode> stable = files(40);
        int readers = 4;
        AtomicBoolean stop = new AtomicBoolean();
        CyclicBarrier start = new CyclicBarrier(readers + 1);
        ExecutorService pool = Executors.newFixedThreadPool(readers + 1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int t = 0; t < readers; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    ThreadLocalRandom rnd = ThreadLocalRandom.current();
                    for (int i = 0; i < 5_000; i++) {
                        Inode n = stable.get(rnd.nextInt(stable.size()));
                        try (PinnedFd p = n.pin()) {
                            assertEquals(n.ino(), NativeIo.stat(p.fd()).ino());
                            if ((i & 15) == 0) Thread.yield();  // hold some pins across other threads' work
                            assertEquals(n.ino(), NativeIo.stat(p.fd()).ino());
                        }
                    }
                    return null;
                }));
            }
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; !stop.get() && i < 20_000; i++) {
                    String name = "churn" + (i % 50);
                    if (!Files.exists(dir.resolve(name))) Files.writeString(dir.resolve(name), "c");
                    Inode c = reference(name);
                    assertOwnFile(c);
                    table.forget(c.nodeId, 1);
                }
                return null;
            }));
            for (int i = 0; i < readers; i++) done.get(i).get(120, TimeUnit.SECONDS);
            stop.set(true);
            done.getLast().get(120, TimeUnit.SECONDS);
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
        for (Inode n : stable) assertTrue(n.state() == 0 || n.state() == Inode.CLOSED, "no pin left on " + n.nodeId);
        assertTrue(table.descriptors().open() <= 6, "at most the bound open once nothing is pinned");
        for (Inode n : stable) table.forget(n.nodeId, 1);
        assertEquals(1, table.size());
        assertEquals(0, table.descriptors().open());
        assertEquals(0, nodeFds(), "every descriptor closed exactly once");
        assertNotEquals(0, table.descriptors().reopens());
    }
}
