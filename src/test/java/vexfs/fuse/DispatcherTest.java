package vexfs.fuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import vexfs.libc.Attr;
import vexfs.libc.Errno;
import vexfs.libc.FsException;
import vexfs.libc.Lock;
import vexfs.libc.Name;
import vexfs.libc.StatFs;

/** Dispatch without /dev/fuse: replies go to a recording sink (fuser's AssertSender idea). */
class DispatcherTest {
    /** Records "op:req:value" strings for each reply that would have reached fuse_reply_*. */
    static class RecordingSink implements ReplySink {
        final List<String> sent = new CopyOnWriteArrayList<>();
        final CountDownLatch any = new CountDownLatch(1);

        private void rec(String s) {
            sent.add(s);
            any.countDown();
        }

        public void err(long req, int errno) { rec("err:" + req + ":" + errno); }
        public void none(long req) { rec("none:" + req); }
        public void entry(long req, EntryParam e) { rec("entry:" + req + ":" + e.ino()); }
        public void create(long req, EntryParam e, long fh, OpenOptions o) { rec("create:" + req + ":" + fh); }
        public void attr(long req, Attr a, double t) { rec("attr:" + req + ":" + a.ino()); }
        public void readlink(long req, byte[] t) { rec("readlink:" + req); }
        public void open(long req, long ino, long fh, OpenOptions o) { rec("open:" + req + ":" + fh); }
        public void write(long req, long c) { rec("write:" + req + ":" + c); }
        public void buf(long req, byte[] d, int off, int len) { rec("buf:" + req + ":" + len); }
        public void dataFromFd(long req, int fd, long off, long size) { rec("fd:" + req); }
        public void statfs(long req, StatFs s) { rec("statfs:" + req); }
        public void xattrSize(long req, long size) { rec("xattr:" + req + ":" + size); }
        public void lock(long req, Lock l) { rec("lock:" + req); }
        public void bmap(long req, long idx) { rec("bmap:" + req); }
        public void lseek(long req, long off) { rec("lseek:" + req + ":" + off); }
        public void directory(long req, long max, boolean plus, List<ReplyDirectory.Entry> e) {
            rec("dir:" + req + ":" + e.size());
        }
    }

    static Attr attr(long ino) {
        return new Attr(0, ino, Attr.S_IFREG | 0644, 1, 0, 0, 0, 0, 4096, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void inlineHandlerReplyIsSentOnce() {
        RecordingSink sink = new RecordingSink();
        try (Dispatcher d = new Dispatcher(4, 1)) {
            ReplyAttr r = new ReplyAttr(sink, 7, d.completion(Op.GETATTR));
            d.dispatch(Op.GETATTR, r, () -> r.attr(attr(3), 1.0));
            assertEquals(List.of("attr:7:3"), sink.sent);
            assertThrows(IllegalStateException.class, () -> r.error(Errno.EIO));
            assertEquals(1, sink.sent.size());
            assertEquals(1, d.stats().snapshot().get(Op.GETATTR).count());
        }
    }

    @Test
    void aSinkThatFailsBuildingItsReplyStillAnswersEio() {
        RecordingSink sink = new RecordingSink() {
            @Override
            public void attr(long req, Attr a, double t) {
                throw new NoClassDefFoundError("out of descriptors while loading a class");
            }
        };
        try (Dispatcher d = new Dispatcher(4, 1)) {
            ReplyAttr r = new ReplyAttr(sink, 9, d.completion(Op.GETATTR));
            d.dispatch(Op.GETATTR, r, () -> r.attr(attr(3), 1.0));
            assertEquals(List.of("err:9:" + Errno.EIO), sink.sent, "the caller must not wait forever");
            assertEquals(1, d.stats().snapshot().get(Op.GETATTR).count());
        }
    }

    @Test
    void fsExceptionBecomesItsErrno() {
        RecordingSink sink = new RecordingSink();
        try (Dispatcher d = new Dispatcher(4, 1)) {
            ReplyEntry r = new ReplyEntry(sink, 9, d.completion(Op.LOOKUP));
            d.dispatch(Op.LOOKUP, r, () -> {
                throw new FsException(Errno.ENOENT, "no such name");
            });
            assertEquals(List.of("err:9:" + Errno.ENOENT), sink.sent);
        }
    }

    @Test
    void anyThrowableBecomesEioAndTheDispatcherSurvives() {
        RecordingSink sink = new RecordingSink();
        try (Dispatcher d = new Dispatcher(4, 1)) {
            ReplyEntry r = new ReplyEntry(sink, 1, d.completion(Op.LOOKUP));
            d.dispatch(Op.LOOKUP, r, () -> {
                throw new StackOverflowError("simulated");
            });
            ReplyEntry r2 = new ReplyEntry(sink, 2, d.completion(Op.LOOKUP));
            d.dispatch(Op.LOOKUP, r2, () -> {
                throw new NullPointerException();
            });
            assertEquals(List.of("err:1:" + Errno.EIO, "err:2:" + Errno.EIO), sink.sent);
        }
    }

    @Test
    void handlerThatForgetsToReplyGetsEio() {
        RecordingSink sink = new RecordingSink();
        try (Dispatcher d = new Dispatcher(4, 1)) {
            ReplyEmpty r = new ReplyEmpty(sink, 5, d.completion(Op.UNLINK));
            d.dispatch(Op.UNLINK, r, () -> { });
            assertEquals(List.of("err:5:" + Errno.EIO), sink.sent);
        }
    }

    @Test
    void handedOffRequestsRunOnVirtualThreadsAndAreAwaitedAtClose() throws Exception {
        RecordingSink sink = new RecordingSink();
        Dispatcher d = new Dispatcher(2, 1);
        CountDownLatch release = new CountDownLatch(1);
        boolean[] virtual = new boolean[1];
        ReplyEmpty r = new ReplyEmpty(sink, 11, d.completion(Op.SETXATTR));
        d.dispatch(Op.SETXATTR, r, () -> {
            virtual[0] = Thread.currentThread().isVirtual();
            release.await(5, TimeUnit.SECONDS);
            r.ok();
        });
        assertEquals(1, d.inFlight());
        assertTrue(sink.sent.isEmpty());
        release.countDown();
        assertTrue(d.awaitIdle(5000));
        d.close();
        assertEquals(List.of("err:11:0"), sink.sent);
        assertTrue(virtual[0], "setxattr is served on a virtual thread");
        assertEquals(0, d.inFlight());
    }

    @Test
    void closeAnswersEioToRequestsThatNeverFinish() throws Exception {
        RecordingSink sink = new RecordingSink();
        Dispatcher d = new Dispatcher(2, 1);
        CountDownLatch never = new CountDownLatch(1);
        ReplyEmpty r = new ReplyEmpty(sink, 13, d.completion(Op.FSYNC));
        d.dispatch(Op.FSYNC, r, () -> never.await());
        long t0 = System.nanoTime();
        d.close();  // waits up to 10 s, then answers EIO
        assertTrue(System.nanoTime() - t0 >= TimeUnit.SECONDS.toNanos(9));
        assertEquals(List.of("err:13:" + Errno.EIO), sink.sent);
        never.countDown();
    }

    @Test
    void directorySizesFollowTheKernelAbi() {
        assertEquals(32, ReplyDirectory.direntSize(1, false));   // 24 + 1 -> 32
        assertEquals(32, ReplyDirectory.direntSize(8, false));   // 24 + 8 = 32
        assertEquals(40, ReplyDirectory.direntSize(9, false));
        assertEquals(160, ReplyDirectory.direntSize(1, true));   // 128 + 24 + 1 -> 160
        RecordingSink sink = new RecordingSink();
        try (Dispatcher d = new Dispatcher(2, 1)) {
            ReplyDirectory r = new ReplyDirectory(sink, 3, d.completion(Op.READDIR), 64, false);
            assertTrue(!r.add(Name.of("a"), 2, Attr.S_IFREG, 1));
            assertTrue(!r.add(Name.of("b"), 3, Attr.S_IFREG, 2));
            assertTrue(r.add(Name.of("c"), 4, Attr.S_IFREG, 3), "third entry does not fit in 64 bytes");
            r.send();
            assertEquals(List.of("dir:3:2"), sink.sent);
        }
    }
}
