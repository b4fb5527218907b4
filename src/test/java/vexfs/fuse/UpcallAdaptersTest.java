package vexfs.fuse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import vexfs.bindings.FileInfoBits;
import vexfs.bindings.constants_h;
import vexfs.bindings.fuse_conn_info;
import vexfs.bindings.fuse_ctx;
import vexfs.bindings.fuse_file_info;
import vexfs.bindings.fuse_forget_data;
import vexfs.bindings.fuse_lowlevel_h;
import vexfs.bindings.fuse_lowlevel_ops;
import vexfs.bindings.stat;
import vexfs.bindings.timespec;
import vexfs.libc.Attr;
import vexfs.libc.Errno;
import vexfs.libc.FsException;
import vexfs.libc.Lock;
import vexfs.libc.Name;
import vexfs.libc.StatFs;

/**
 * The upcall adapters called as libfuse calls them, without /dev/fuse (jfuse's FuseImplTest is the model): the
 * ops table is built, each function pointer is called through a downcall handle with real structs allocated in
 * a confined arena (fuse_file_info, stat, fuse_forget_data, fuse_conn_info, C strings, write buffers, and a
 * zeroed block standing in for the opaque fuse_req whose fuse_ctx is found with libfuse's own fuse_req_ctx).
 * A recording filesystem shows what the adapter decoded; a recording sink shows what would have been replied.
 */
@SuppressWarnings("restricted") // raw FFM (linking, upcall stubs, reinterpret) is what this class is for
class UpcallAdaptersTest {
    /** Bytes given to the stand-in for struct fuse_req (libfuse's is a few hundred bytes; only ctx is read). */
    private static final long REQ_BYTES = 4096;
    private static final int UID = 1000;
    private static final int GID = 1001;
    private static final int PID = 4242;
    private static final int UMASK = 022;

    /** One reply that would have reached fuse_reply_*: what kind, for which request, carrying what. */
    record Sent(String kind, long req, List<Object> values) {
        Object value(int i) {
            return values.get(i);
        }
    }

    /** The sink the adapters reply through, recording instead of calling fuse_reply_*. */
    static final class RecordingSink implements ReplySink {
        final BlockingQueue<Sent> sent = new LinkedBlockingQueue<>();

        private void rec(String kind, long req, Object... values) {
            sent.add(new Sent(kind, req, Arrays.asList(values)));
        }

        /** The next reply, waiting for handlers that run on another lane. */
        Sent next() throws InterruptedException {
            Sent s = sent.poll(10, TimeUnit.SECONDS);
            assertNotNull(s, "no reply within 10 s");
            return s;
        }

        public void err(long req, int errno) { rec("err", req, errno); }
        public void none(long req) { rec("none", req); }
        public void entry(long req, EntryParam e) { rec("entry", req, e); }
        public void create(long req, EntryParam e, long fh, OpenOptions o) { rec("create", req, e, fh, o); }
        public void attr(long req, Attr a, double t) { rec("attr", req, a, t); }
        public void readlink(long req, byte[] t) { rec("readlink", req, t.clone()); }
        public void open(long req, long ino, long fh, OpenOptions o) { rec("open", req, ino, fh, o); }
        public void write(long req, long c) { rec("write", req, c); }
        public void buf(long req, byte[] d, int off, int len) { rec("buf", req, Arrays.copyOfRange(d, off, off + len)); }
        public void dataFromFd(long req, int fd, long off, long size) { rec("fd", req, fd, off, size); }
        public void statfs(long req, StatFs s) { rec("statfs", req, s); }
        public void xattrSize(long req, long size) { rec("xattrSize", req, size); }
        public void lock(long req, Lock l) { rec("lock", req, l); }
        public void bmap(long req, long idx) { rec("bmap", req, idx); }
        public void lseek(long req, long off) { rec("lseek", req, off); }
        public void directory(long req, long max, boolean plus, List<ReplyDirectory.Entry> e) {
            rec("directory", req, max, plus, List.copyOf(e));
        }
    }

    /** What a filesystem method was called with: the request, then its arguments in order. */
    record Call(String op, Request req, List<Object> args) {
        Object arg(int i) {
            return args.get(i);
        }
    }

    /** A filesystem that records each call; tests override the methods they exercise. */
    static class RecordingFs implements FuseFilesystem {
        final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();

        void rec(String op, Request req, Object... args) {
            calls.add(new Call(op, req, Arrays.asList(args)));
        }

        Call next() throws InterruptedException {
            Call c = calls.poll(10, TimeUnit.SECONDS);
            assertNotNull(c, "the filesystem was not called within 10 s");
            return c;
        }
    }

    /** The ops table of one adapter set, its structs' arena, and the dispatcher, for one test. */
    static final class Harness implements AutoCloseable {
        final Arena arena = Arena.ofConfined();
        final RecordingSink sink = new RecordingSink();
        final Dispatcher dispatcher = new Dispatcher(8, 2);
        final MemorySegment ops;

        Harness(FuseFilesystem fs) {
            UpcallAdapters adapters = new UpcallAdapters(dispatcher, sink, new KernelPassthrough());
            adapters.serve(fs);
            ops = adapters.buildOps(arena); // never negotiated: off
        }

        /** Calls the function pointer {@code fn} of the ops table as libfuse does. */
        void call(MemorySegment fn, FunctionDescriptor desc, Object... args) throws Throwable {
            assertFalse(fn.equals(MemorySegment.NULL), "operation not bound");
            Linker.nativeLinker().downcallHandle(fn, desc).invokeWithArguments(args);
        }

        /** A stand-in for fuse_req_t whose fuse_ctx (located by libfuse's fuse_req_ctx) holds the caller. */
        MemorySegment request() {
            MemorySegment req = arena.allocate(REQ_BYTES, 16);
            long at = fuse_lowlevel_h.fuse_req_ctx(req).address() - req.address();
            assertTrue(at >= 0 && at + fuse_ctx.sizeof() <= REQ_BYTES, "fuse_req.ctx at " + at);
            MemorySegment ctx = req.asSlice(at, fuse_ctx.sizeof());
            fuse_ctx.uid(ctx, UID);
            fuse_ctx.gid(ctx, GID);
            fuse_ctx.pid(ctx, PID);
            fuse_ctx.umask(ctx, UMASK);
            return req;
        }

        MemorySegment cString(byte[] bytes) {
            return vexfs.libc.CStructs.cString(arena, bytes);
        }

        MemorySegment fileInfo(int flags, long fh, long lockOwner, int bits) {
            MemorySegment fi = fuse_file_info.allocate(arena);
            fuse_file_info.flags(fi, flags);
            fuse_file_info.fh(fi, fh);
            fuse_file_info.lock_owner(fi, lockOwner);
            fi.set(ValueLayout.JAVA_INT, FileInfoBits.WORD_OFFSET, bits);
            return fi;
        }

        @Override
        public void close() {
            dispatcher.close();
            arena.close();
        }
    }

    static Attr attr(long ino, int mode) {
        return new Attr(0, ino, mode, 1, UID, GID, 0, 5, 4096, 8, 11, 12, 13, 14, 15, 16);
    }

    static void assertCaller(Request r) {
        assertEquals(UID, r.uid());
        assertEquals(GID, r.gid());
        assertEquals(PID, r.pid());
        assertEquals(UMASK, r.umask());
    }

    /** A name that is not UTF-8 (and holds bytes that sign-extend): it must arrive byte for byte. */
    static final byte[] ODD_NAME = {'a', (byte) 0xff, (byte) 0x80, '\n', 'z'};

    @Test
    void lookupDecodesTheNameByteForByteAndRepliesTheEntry() throws Throwable {
        EntryParam answer = new EntryParam(77, 3, attr(77, Attr.S_IFREG | 0644), 1.5, 2.5);
        RecordingFs fs = new RecordingFs() {
            @Override
            public void lookup(Request req, long parent, Name name, ReplyEntry reply) {
                rec("lookup", req, parent, name);
                reply.entry(answer);
            }
        };
        try (Harness h = new Harness(fs)) {
            MemorySegment req = h.request();
            MemorySegment name = h.cString(ODD_NAME);
            h.call(fuse_lowlevel_ops.lookup(h.ops), fuse_lowlevel_ops.lookup.descriptor(), req, 42L, name);
            name.fill((byte) 'X');  // libfuse reuses its buffer once the callback returns

            Call c = fs.next();
            assertCaller(c.req());
            assertEquals(42L, c.arg(0));
            assertArrayEquals(ODD_NAME, ((Name) c.arg(1)).toBytes(), "the name is copied, not viewed");
            Sent s = h.sink.next();
            assertEquals(new Sent("entry", req.address(), List.of(answer)), s);
        }
    }

    @Test
    void getattrWithAndWithoutFileInfo() throws Throwable {
        RecordingFs fs = new RecordingFs() {
            @Override
            public void getattr(Request req, long ino, FileInfo fi, ReplyAttr reply) {
                rec("getattr", req, ino, fi == null ? "no fi" : fi);
                reply.attr(attr(ino, Attr.S_IFDIR | 0755), 0.25);
            }
        };
        try (Harness h = new Harness(fs)) {
            MemorySegment req = h.request();
            h.call(fuse_lowlevel_ops.getattr(h.ops), fuse_lowlevel_ops.getattr.descriptor(), req, 1L,
                    MemorySegment.NULL);
            Call c = fs.next();
            assertEquals(List.of(1L, "no fi"), c.args(), "a NULL fuse_file_info is no FileInfo");
            assertEquals(new Sent("attr", req.address(), List.of(attr(1, Attr.S_IFDIR | 0755), 0.25)), h.sink.next());

            MemorySegment req2 = h.request();
            h.call(fuse_lowlevel_ops.getattr(h.ops), fuse_lowlevel_ops.getattr.descriptor(), req2, 9L,
                    h.fileInfo(constants_h.O_RDWR, 0x1234_5678_9abcL, 0, 0));
            c = fs.next();
            assertEquals(new FileInfo(constants_h.O_RDWR, 0x1234_5678_9abcL, 0, false, false), c.arg(1));
            assertEquals(req2.address(), h.sink.next().req());
        }
    }

    @Test
    void setattrReadsTheStatFieldsTheMaskNames() throws Throwable {
        RecordingFs fs = new RecordingFs() {
            @Override
            public void setattr(Request req, long ino, SetAttr a, FileInfo fi, ReplyAttr reply) {
                rec("setattr", req, ino, a, fi);
                reply.attr(attr(ino, Attr.S_IFREG | a.mode()), 1.0);
            }
        };
        try (Harness h = new Harness(fs)) {
            MemorySegment st = stat.allocate(h.arena);
            stat.st_mode(st, 0640);
            stat.st_uid(st, 7);
            stat.st_gid(st, 8);
            stat.st_size(st, 1L << 40);
            timespec.tv_sec(stat.st_atim(st), 1_700_000_000L);
            timespec.tv_nsec(stat.st_atim(st), SetAttr.UTIME_OMIT);
            timespec.tv_sec(stat.st_mtim(st), 1_600_000_000L);
            timespec.tv_nsec(stat.st_mtim(st), 999_999_999L);
            int toSet = SetAttr.MODE | SetAttr.SIZE | SetAttr.MTIME | SetAttr.UID | SetAttr.GID;
            MemorySegment req = h.request();
            h.call(fuse_lowlevel_ops.setattr(h.ops), fuse_lowlevel_ops.setattr.descriptor(), req, 5L, st, toSet,
                    h.fileInfo(constants_h.O_WRONLY, 31, 0, 0));
            Call c = fs.next();
            assertCaller(c.req());
            assertEquals(5L, c.arg(0));
            assertEquals(new SetAttr(toSet, 0640, 7, 8, 1L << 40, 1_700_000_000L, SetAttr.UTIME_OMIT,
                    1_600_000_000L, 999_999_999L), c.arg(1));
            SetAttr a = (SetAttr) c.arg(1);
            assertTrue(a.has(SetAttr.SIZE) && !a.has(SetAttr.ATIME));
            assertEquals(31L, ((FileInfo) c.arg(2)).fh(), "ftruncate passes its open file");
            Sent s = h.sink.next();
            assertEquals("attr", s.kind());
            assertEquals(Attr.S_IFREG | 0640, ((Attr) s.value(0)).mode());
        }
    }

    @Test
    void openPassesFlagsAndRepliesTheHandle() throws Throwable {
        RecordingFs fs = new RecordingFs() {
            @Override
            public void open(Request req, long ino, FileInfo fi, ReplyOpen reply) {
                rec("open", req, ino, fi);
                reply.opened(0x7fff_ffff_ffffL, OpenOptions.DIRECT);
            }
        };
        try (Harness h = new Harness(fs)) {
            MemorySegment req = h.request();
            int flags = constants_h.O_RDWR | constants_h.O_APPEND;
            h.call(fuse_lowlevel_ops.open(h.ops), fuse_lowlevel_ops.open.descriptor(), req, 12L,
                    h.fileInfo(flags, 0, 0, 0));
            Call c = fs.next();
            assertCaller(c.req());
            assertEquals(List.of(12L, new FileInfo(flags, 0, 0, false, false)), c.args());
            assertEquals(new Sent("open", req.address(), List.of(12L, 0x7fff_ffff_ffffL, OpenOptions.DIRECT)), h.sink.next());
        }
    }

    @Test
    void createPassesNameModeFlagsAndRepliesEntryAndHandle() throws Throwable {
        EntryParam e = new EntryParam(90, 1, attr(90, Attr.S_IFREG | 0600), 1, 1);
        RecordingFs fs = new RecordingFs() {
            @Override
            public void create(Request req, long parent, Name name, int mode, FileInfo fi, ReplyCreate reply) {
                rec("create", req, parent, name, mode, fi);
                reply.created(e, 55, OpenOptions.DEFAULT);
            }
        };
        try (Harness h = new Harness(fs)) {
            MemorySegment req = h.request();
            int flags = constants_h.O_CREAT | constants_h.O_EXCL | constants_h.O_WRONLY;
            h.call(fuse_lowlevel_ops.create(h.ops), fuse_lowlevel_ops.create.descriptor(), req, 3L,
                    h.cString(ODD_NAME), Attr.S_IFREG | 0600, h.fileInfo(flags, 0, 0, 0));
            Call c = fs.next();
            assertEquals(3L, c.arg(0));
            assertArrayEquals(ODD_NAME, ((Name) c.arg(1)).toBytes());
            assertEquals(Attr.S_IFREG | 0600, c.arg(2));
            assertEquals(flags, ((FileInfo) c.arg(3)).flags());
            assertEquals(new Sent("create", req.address(), List.of(e, 55L, OpenOptions.DEFAULT)), h.sink.next());
        }
    }

    @Test
    void flushAndReleaseDecodeTheFileInfoBitsAndLockOwner() throws Throwable {
        RecordingFs fs = new RecordingFs() {
            @Override
            public void flush(Request req, long ino, FileInfo fi, ReplyEmpty reply) {
                rec("flush", req, ino, fi);
                reply.ok();
            }

            @Override
            public void release(Request req, long ino, FileInfo fi, ReplyEmpty reply) {
                rec("release", req, ino, fi);
                reply.ok();
            }
        };
        try (Harness h = new Harness(fs)) {
            MemorySegment req = h.request();
            h.call(fuse_lowlevel_ops.flush(h.ops), fuse_lowlevel_ops.flush.descriptor(), req, 4L,
                    h.fileInfo(0, 66, 0xdead_beef_cafeL, FuseLibrary.abi().fileInfoBits().flush() | FuseLibrary.abi().fileInfoBits().writepage()));
            assertEquals(new FileInfo(0, 66, 0xdead_beef_cafeL, true, true), fs.next().arg(1));
            assertEquals(new Sent("err", req.address(), List.of(0)), h.sink.next(), "ok is fuse_reply_err(0)");
            // release runs on a virtual thread: the file info was copied before the callback returned
            MemorySegment req2 = h.request();
            MemorySegment fi = h.fileInfo(constants_h.O_RDWR, 67, 0, 0);
            h.call(fuse_lowlevel_ops.release(h.ops), fuse_lowlevel_ops.release.descriptor(), req2, 4L, fi);
            fi.fill((byte) 0);
            assertEquals(new FileInfo(constants_h.O_RDWR, 67, 0, false, false), fs.next().arg(1));
            assertEquals(req2.address(), h.sink.next().req());
        }
    }

    @Test
    void readPassesSizeOffsetAndHandleAndRepliesTheBytes() throws Throwable {
        byte[] data = {1, 2, 3, (byte) 0xfe};
        RecordingFs fs = new RecordingFs() {
            @Override
            public void read(Request req, long ino, long size, long offset, FileInfo fi, ReplyData reply) {
                rec("read", req, ino, size, offset, fi.fh());
                reply.data(data, 1, 3);
            }
        };
        try (Harness h = new Harness(fs)) {
            MemorySegment req = h.request();
            h.call(fuse_lowlevel_ops.read(h.ops), fuse_lowlevel_ops.read.descriptor(), req, 8L, 131072L,
                    (1L << 33) + 5, h.fileInfo(0, 21, 0, 0));
            Call c = fs.next();
            assertCaller(c.req());
            assertEquals(List.of(8L, 131072L, (1L << 33) + 5, 21L), c.args());
            Sent s = h.sink.next();
            assertEquals("buf", s.kind());
            assertArrayEquals(new byte[] {2, 3, (byte) 0xfe}, (byte[]) s.value(0));
        }
    }

    @Test
    void writeOnTheReaderThreadSeesTheBuffer() throws Throwable {
        byte[] payload = "hello\0world".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        RecordingFs fs = new RecordingFs() {
            @Override
            public void write(Request req, long ino, WriteData data, long offset, FileInfo fi, ReplyWrite reply) {
                rec("write", req, ino, data.toArray(), offset, fi.fh(), Thread.currentThread().getName());
                reply.written(data.size());
            }
        };
        try (Harness h = new Harness(fs)) {
            MemorySegment buf = h.arena.allocate(payload.length + 16);
            buf.fill((byte) '#');  // bytes past size must not be seen
            MemorySegment.copy(payload, 0, buf, ValueLayout.JAVA_BYTE, 0, payload.length);
            MemorySegment req = h.request();
            h.call(fuse_lowlevel_ops.write(h.ops), fuse_lowlevel_ops.write.descriptor(), req, 6L, buf,
                    (long) payload.length, 4096L, h.fileInfo(constants_h.O_WRONLY, 13, 0, 0));
            Call c = fs.next();
            assertEquals(6L, c.arg(0));
            assertArrayEquals(payload, (byte[]) c.arg(1));
            assertEquals(List.of(4096L, 13L, Thread.currentThread().getName()), c.args().subList(2, 5),
                    "write is served inline, on the thread that called");
            assertEquals(new Sent("write", req.address(), List.of((long) payload.length)), h.sink.next());
        }
    }

    @Test
    void writeHandedToAnotherThreadGetsACopyMadeBeforeTheCallbackReturned() throws Throwable {
        byte[] payload = new byte[70_000];
        new java.util.Random(3).nextBytes(payload);
        CountDownLatch returned = new CountDownLatch(1);
        RecordingFs fs = new RecordingFs() {
            @Override
            public Op.Lane laneFor(Op op, long ino) {
                return op == Op.WRITE ? Op.Lane.VIRTUAL : null;
            }

            @Override
            public void write(Request req, long ino, WriteData data, long offset, FileInfo fi, ReplyWrite reply)
                    throws FsException {
                try {
                    assertTrue(returned.await(10, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new FsException(Errno.EINTR, "interrupted");
                }
                rec("write", req, data.toArray(), offset, Thread.currentThread().isVirtual());
                reply.written(data.size());
            }
        };
        try (Harness h = new Harness(fs)) {
            MemorySegment buf = h.arena.allocate(payload.length);
            MemorySegment.copy(payload, 0, buf, ValueLayout.JAVA_BYTE, 0, payload.length);
            MemorySegment req = h.request();
            h.call(fuse_lowlevel_ops.write(h.ops), fuse_lowlevel_ops.write.descriptor(), req, 6L, buf,
                    (long) payload.length, 0L, h.fileInfo(constants_h.O_WRONLY, 13, 0, 0));
            // the callback has returned: libfuse reuses its buffer for the next request
            buf.fill((byte) 0);
            returned.countDown();
            Call c = fs.next();
            assertArrayEquals(payload, (byte[]) c.arg(0), "the handler saw libfuse's buffer after it was reused");
            assertEquals(List.of(0L, true), c.args().subList(1, 3));
            assertEquals(new Sent("write", req.address(), List.of((long) payload.length)), h.sink.next());
        }
    }

    @Test
    void setxattrCopiesNameAndValueForItsVirtualThread() throws Throwable {
        byte[] value = {0, 1, 0, (byte) 0xff, 'v'};
        CountDownLatch returned = new CountDownLatch(1);
        RecordingFs fs = new RecordingFs() {
            @Override
            public void setxattr(Request req, long ino, Name name, byte[] v, int flags, ReplyEmpty reply)
                    throws FsException {
                try {
                    assertTrue(returned.await(10, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new FsException(Errno.EINTR, "interrupted");
                }
                rec("setxattr", req, ino, name.toString(), v, flags);
                reply.ok();
            }
        };
        try (Harness h = new Harness(fs)) {
            MemorySegment name = h.cString("user.vexfs.vector".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            MemorySegment v = h.arena.allocate(value.length);
            MemorySegment.copy(value, 0, v, ValueLayout.JAVA_BYTE, 0, value.length);
            MemorySegment req = h.request();
            h.call(fuse_lowlevel_ops.setxattr(h.ops), fuse_lowlevel_ops.setxattr.descriptor(), req, 2L, name, v,
                    (long) value.length, constants_h.XATTR_CREATE);
            name.fill((byte) 'X');
            v.fill((byte) 'X');
            returned.countDown();
            Call c = fs.next();
            assertCaller(c.req());
            assertEquals(List.of(2L, "user.vexfs.vector"), c.args().subList(0, 2));
            assertArrayEquals(value, (byte[]) c.arg(2));
            assertEquals(constants_h.XATTR_CREATE, c.arg(3));
            assertEquals(new Sent("err", req.address(), List.of(0)), h.sink.next());

            // an empty value: size 0 (libfuse may pass any pointer then; it is not read)
            MemorySegment req2 = h.request();
            h.call(fuse_lowlevel_ops.setxattr(h.ops), fuse_lowlevel_ops.setxattr.descriptor(), req2, 2L,
                    h.cString("user.empty".getBytes(java.nio.charset.StandardCharsets.US_ASCII)), MemorySegment.NULL,
                    0L, 0);
            c = fs.next();
            assertArrayEquals(new byte[0], (byte[]) c.arg(2));
            assertEquals(req2.address(), h.sink.next().req());
        }
    }

    @Test
    void getxattrSizeQueryAndValue() throws Throwable {
        byte[] value = {9, 8, 7};
        RecordingFs fs = new RecordingFs() {
            @Override
            public void getxattr(Request req, long ino, Name name, long size, ReplyXattr reply) throws FsException {
                rec("getxattr", req, ino, name.toString(), size);
                if (size == 0) reply.size(value.length);
                else if (size < value.length) throw new FsException(Errno.ERANGE, "too small");
                else reply.data(value);
            }
        };
        try (Harness h = new Harness(fs)) {
            MemorySegment name = h.cString("user.x".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            long[] sizes = {0, 2, 64};
            for (long size : sizes) {
                MemorySegment req = h.request();
                h.call(fuse_lowlevel_ops.getxattr(h.ops), fuse_lowlevel_ops.getxattr.descriptor(), req, 3L, name,
                        size);
                assertEquals(List.of(3L, "user.x", size), fs.next().args());
                Sent s = h.sink.next();
                assertEquals(req.address(), s.req());
                if (size == 0) {
                    assertEquals(new Sent("xattrSize", req.address(), List.of(3L)), s, "size query");
                } else if (size == 2) {
                    assertEquals(new Sent("err", req.address(), List.of(Errno.ERANGE)), s);
                } else {
                    assertEquals("buf", s.kind());
                    assertArrayEquals(value, (byte[]) s.value(0));
                }
            }
        }
    }

    @Test
    void readdirAndReaddirplusReplyWhatFitsTheirBuffer() throws Throwable {
        RecordingFs fs = new RecordingFs() {
            @Override
            public void readdir(Request req, long ino, long size, long offset, FileInfo fi, ReplyDirectory reply) {
                rec("readdir", req, ino, size, offset, fi.fh(), reply.isPlus());
                long next = offset;
                for (String n : List.of("a", "bb", "ccc", "dddd")) {
                    boolean full = reply.isPlus()
                            ? reply.addPlus(Name.of(n), new EntryParam(100 + next, 0, attr(100 + next, Attr.S_IFREG), 1, 1), next + 1)
                            : reply.add(Name.of(n), 100 + next, Attr.S_IFREG, next + 1);
                    if (full) break;
                    next++;
                }
                reply.send();
            }
        };
        try (Harness h = new Harness(fs)) {
            MemorySegment req = h.request();
            h.call(fuse_lowlevel_ops.readdir(h.ops), fuse_lowlevel_ops.readdir.descriptor(), req, 1L, 80L, 2L,
                    h.fileInfo(0, 17, 0, 0));
            assertEquals(List.of(1L, 80L, 2L, 17L, false), fs.next().args());
            Sent s = h.sink.next();
            assertEquals(List.of("directory", req.address(), 80L, false), List.of(s.kind(), s.req(), s.value(0), s.value(1)));
            @SuppressWarnings("unchecked")
            List<ReplyDirectory.Entry> entries = (List<ReplyDirectory.Entry>) s.value(2);
            // 32 + 32 bytes fit in 80, the third (32) does not
            assertEquals(List.of("a:102:3", "bb:103:4"), entries.stream()
                    .map(e -> e.name() + ":" + e.ino() + ":" + e.nextOffset()).toList());

            MemorySegment req2 = h.request();
            h.call(fuse_lowlevel_ops.readdirplus(h.ops), fuse_lowlevel_ops.readdirplus.descriptor(), req2, 1L, 400L,
                    0L, h.fileInfo(0, 18, 0, 0));
            assertEquals(List.of(1L, 400L, 0L, 18L, true), fs.next().args());
            s = h.sink.next();
            assertEquals(true, s.value(1));
            @SuppressWarnings("unchecked")
            List<ReplyDirectory.Entry> plus = (List<ReplyDirectory.Entry>) s.value(2);
            // 160 bytes each: two fit in 400
            assertEquals(List.of("a", "bb"), plus.stream().map(e -> e.name().toString()).toList());
            assertEquals(100L, plus.get(0).entry().ino());
        }
    }

    @Test
    void renamePassesBothNamesParentsAndFlags() throws Throwable {
        RecordingFs fs = new RecordingFs() {
            @Override
            public void rename(Request req, long parent, Name name, long newParent, Name newName, int flags,
                               ReplyEmpty reply) throws FsException {
                rec("rename", req, parent, name, newParent, newName, flags);
                if ((flags & constants_h.RENAME_NOREPLACE) != 0) throw new FsException(Errno.EEXIST, "exists");
                reply.ok();
            }
        };
        try (Harness h = new Harness(fs)) {
            byte[] to = {'t', 'o', (byte) 0xc3, (byte) 0x28};
            int[] flagsTried = {0, constants_h.RENAME_NOREPLACE, constants_h.RENAME_EXCHANGE};
            for (int flags : flagsTried) {
                MemorySegment req = h.request();
                h.call(fuse_lowlevel_ops.rename(h.ops), fuse_lowlevel_ops.rename.descriptor(), req, 10L,
                        h.cString(ODD_NAME), 20L, h.cString(to), flags);
                Call c = fs.next();
                assertCaller(c.req());
                assertEquals(10L, c.arg(0));
                assertArrayEquals(ODD_NAME, ((Name) c.arg(1)).toBytes());
                assertEquals(20L, c.arg(2));
                assertArrayEquals(to, ((Name) c.arg(3)).toBytes());
                assertEquals(flags, c.arg(4));
                int errno = flags == constants_h.RENAME_NOREPLACE ? Errno.EEXIST : 0;
                assertEquals(new Sent("err", req.address(), List.of(errno)), h.sink.next());
            }
        }
    }

    @Test
    void aThrowingHandlerIsAnsweredEioAndTheAdaptersGoOn() throws Throwable {
        RecordingFs fs = new RecordingFs() {
            @Override
            public Op.Lane laneFor(Op op, long ino) {
                if (ino == 666) throw new IllegalStateException("fails before dispatch");
                return null;
            }

            @Override
            public void getattr(Request req, long ino, FileInfo fi, ReplyAttr reply) {
                rec("getattr", req, ino);
                if (ino == 13) throw new NullPointerException("a bug in the filesystem");
                if (ino == 14) throw new StackOverflowError("simulated");
                reply.attr(attr(ino, Attr.S_IFREG), 1);
            }

            @Override
            public void lookup(Request req, long parent, Name name, ReplyEntry reply) {
                rec("lookup", req, parent, name);
                reply.error(Errno.ENOENT);
            }
        };
        try (Harness h = new Harness(fs)) {
            for (long ino : new long[] {13, 14}) {
                MemorySegment req = h.request();
                h.call(fuse_lowlevel_ops.getattr(h.ops), fuse_lowlevel_ops.getattr.descriptor(), req, ino,
                        MemorySegment.NULL);
                assertEquals(List.of(ino), fs.next().args());
                assertEquals(new Sent("err", req.address(), List.of(Errno.EIO)), h.sink.next());
            }
            // a failure in the adapter itself, before the request reaches the dispatcher: EIO as well
            MemorySegment req = h.request();
            h.call(fuse_lowlevel_ops.lookup(h.ops), fuse_lowlevel_ops.lookup.descriptor(), req, 666L,
                    h.cString(ODD_NAME));
            assertEquals(new Sent("err", req.address(), List.of(Errno.EIO)), h.sink.next());
            assertNull(fs.calls.poll(), "the filesystem was never called");
            // and the next request is served normally
            MemorySegment ok = h.request();
            h.call(fuse_lowlevel_ops.getattr(h.ops), fuse_lowlevel_ops.getattr.descriptor(), ok, 15L,
                    MemorySegment.NULL);
            assertEquals(List.of(15L), fs.next().args());
            assertEquals("attr", h.sink.next().kind());
            assertTrue(h.sink.sent.isEmpty(), "one reply per request: " + h.sink.sent);
        }
    }

    @Test
    void forgetAndForgetMultiReachTheFilesystemAndReplyNone() throws Throwable {
        RecordingFs fs = new RecordingFs() {
            @Override
            public void forget(long ino, long nlookup) {
                rec("forget", null, ino, nlookup);
            }
        };
        try (Harness h = new Harness(fs)) {
            MemorySegment req = h.request();
            h.call(fuse_lowlevel_ops.forget(h.ops), fuse_lowlevel_ops.forget.descriptor(), req, 5L, 2L);
            assertEquals(List.of(5L, 2L), fs.next().args());
            assertEquals(new Sent("none", req.address(), List.of()), h.sink.next());

            long[][] forgets = {{7, 1}, {1L << 40, 3}, {9, Long.MAX_VALUE}};
            MemorySegment arr = h.arena.allocate(fuse_forget_data.layout(), forgets.length);
            for (int i = 0; i < forgets.length; i++) {
                MemorySegment f = arr.asSlice(i * fuse_forget_data.sizeof(), fuse_forget_data.sizeof());
                fuse_forget_data.ino(f, forgets[i][0]);
                fuse_forget_data.nlookup(f, forgets[i][1]);
            }
            MemorySegment req2 = h.request();
            h.call(fuse_lowlevel_ops.forget_multi(h.ops), fuse_lowlevel_ops.forget_multi.descriptor(), req2,
                    (long) forgets.length, arr);
            for (long[] f : forgets) assertEquals(List.of(f[0], f[1]), fs.next().args());
            assertEquals(new Sent("none", req2.address(), List.of()), h.sink.next(), "one reply for the batch");
            assertNull(fs.calls.poll());
        }
    }

    @Test
    void symlinkAndMkdirCopyTheirStrings() throws Throwable {
        RecordingFs fs = new RecordingFs() {
            @Override
            public void symlink(Request req, byte[] target, long parent, Name name, ReplyEntry reply) {
                rec("symlink", req, target, parent, name);
                reply.error(Errno.EPERM);
            }

            @Override
            public void mkdir(Request req, long parent, Name name, int mode, ReplyEntry reply) {
                rec("mkdir", req, parent, name, mode);
                reply.error(Errno.EEXIST);
            }
        };
        try (Harness h = new Harness(fs)) {
            byte[] target = {'.', '.', '/', (byte) 0xfe, 'x'};
            MemorySegment req = h.request();
            h.call(fuse_lowlevel_ops.symlink(h.ops), fuse_lowlevel_ops.symlink.descriptor(), req, h.cString(target),
                    4L, h.cString(ODD_NAME));
            Call c = fs.next();
            assertArrayEquals(target, (byte[]) c.arg(0));
            assertEquals(4L, c.arg(1));
            assertArrayEquals(ODD_NAME, ((Name) c.arg(2)).toBytes());
            assertEquals(new Sent("err", req.address(), List.of(Errno.EPERM)), h.sink.next());

            MemorySegment req2 = h.request();
            h.call(fuse_lowlevel_ops.mkdir(h.ops), fuse_lowlevel_ops.mkdir.descriptor(), req2, 4L,
                    h.cString(new byte[] {'d'}), 0755);
            c = fs.next();
            assertEquals(List.of(4L, Name.of("d"), 0755), c.args());
            assertEquals(new Sent("err", req2.address(), List.of(Errno.EEXIST)), h.sink.next());
        }
    }

    @Test
    void initOffersTheConnectionAndWritesBackWhatTheFilesystemWants() throws Throwable {
        int[] seen = new int[4];
        RecordingFs fs = new RecordingFs() {
            @Override
            public void init(ConnectionInfo conn) {
                seen[0] = conn.protoMajor();
                seen[1] = conn.protoMinor();
                seen[2] = conn.capable();
                seen[3] = conn.maxWrite();
                conn.enable(ConnectionInfo.CAP_FLOCK_LOCKS);
                conn.disable(ConnectionInfo.CAP_ASYNC_READ);
                conn.maxWrite(1 << 20);
            }
        };
        try (Harness h = new Harness(fs)) {
            MemorySegment c = fuse_conn_info.allocate(h.arena);
            fuse_conn_info.proto_major(c, 7);
            fuse_conn_info.proto_minor(c, 38);
            int capable = ConnectionInfo.CAP_FLOCK_LOCKS | ConnectionInfo.CAP_ASYNC_READ | ConnectionInfo.CAP_READDIRPLUS;
            fuse_conn_info.capable(c, capable);
            fuse_conn_info.want(c, ConnectionInfo.CAP_ASYNC_READ | ConnectionInfo.CAP_READDIRPLUS);
            fuse_conn_info.max_write(c, 131072);
            h.call(fuse_lowlevel_ops.init(h.ops), fuse_lowlevel_ops.init.descriptor(), MemorySegment.NULL, c);
            assertArrayEquals(new int[] {7, 38, capable, 131072}, seen);
            assertEquals(ConnectionInfo.CAP_FLOCK_LOCKS | ConnectionInfo.CAP_READDIRPLUS, fuse_conn_info.want(c));
            assertEquals(1 << 20, fuse_conn_info.max_write(c));
            assertTrue(h.sink.sent.isEmpty(), "init has no request to reply to");
        }
    }
}
