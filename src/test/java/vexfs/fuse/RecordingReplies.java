package vexfs.fuse;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import vexfs.libc.Attr;
import vexfs.libc.Errno;
import vexfs.libc.FsException;
import vexfs.libc.Lock;
import vexfs.libc.Name;
import vexfs.libc.NativeIo;
import vexfs.libc.StatFs;

/**
 * Test support for the filesystem layers above {@code fuse}: the typed replies (whose constructors are private to
 * this package) built over a sink that records what would have reached {@code fuse_reply_*}, and read back by
 * reply. A handler is run as the dispatcher runs it: an {@link FsException} becomes its errno; any other exception
 * is left to fail the test. Replies from a descriptor ({@link ReplyData#fromFd}) are read at once with pread, as
 * libfuse would, so the bytes are what the descriptor held at the time of the reply.
 */
public final class RecordingReplies {
    /** What one request was answered with. */
    public sealed interface Outcome permits Failed, Entry, Created, Attributes, Opened, Written, Bytes, XattrSize,
            FsStats, Directory, Target, Offset, LockFound, Block, None {}

    /** An error reply; errno 0 is the success of a {@link ReplyEmpty}. */
    public record Failed(int errno) implements Outcome {}

    public record Entry(EntryParam entry) implements Outcome {}

    public record Created(EntryParam entry, long fh, OpenOptions options) implements Outcome {}

    public record Attributes(Attr attr, double timeout) implements Outcome {}

    public record Opened(long fh, OpenOptions options) implements Outcome {}

    public record Written(long count) implements Outcome {}

    /** Bytes replied, from the heap or read from the descriptor a zero-copy read named. */
    public record Bytes(byte[] bytes) implements Outcome {
        @Override
        public String toString() {
            return "Bytes[" + bytes.length + " bytes]";
        }
    }

    public record XattrSize(long size) implements Outcome {}

    public record FsStats(StatFs statfs) implements Outcome {}

    public record Directory(long maxSize, boolean plus, List<DirEntry> entries) implements Outcome {}

    /** One readdir entry as it would be written; {@code entry} is non-null for readdirplus. */
    public record DirEntry(Name name, long ino, int type, long nextOffset, EntryParam entry) {}

    public record Target(byte[] target) implements Outcome {}

    public record Offset(long offset) implements Outcome {}

    public record LockFound(Lock lock) implements Outcome {}

    public record Block(long index) implements Outcome {}

    public record None() implements Outcome {}

    /** A filesystem call that answers through {@code reply} (or throws, as handlers do). */
    @FunctionalInterface
    public interface Call<R extends Reply> {
        void handle(R reply) throws Exception;
    }

    private final AtomicLong nextReq = new AtomicLong(1);
    private final Map<Long, Outcome> outcomes = new ConcurrentHashMap<>();
    private final Sink sink = new Sink();

    // ---- building replies (unanswered) ----

    public ReplyEntry entryReply() {
        return new ReplyEntry(sink, nextReq.getAndIncrement(), null);
    }

    public ReplyCreate createReply() {
        return new ReplyCreate(sink, nextReq.getAndIncrement(), null);
    }

    public ReplyAttr attrReply() {
        return new ReplyAttr(sink, nextReq.getAndIncrement(), null);
    }

    public ReplyEmpty emptyReply() {
        return new ReplyEmpty(sink, nextReq.getAndIncrement(), null);
    }

    public ReplyOpen openReply() {
        return new ReplyOpen(sink, nextReq.getAndIncrement(), 0, null);
    }

    public ReplyData dataReply() {
        return new ReplyData(sink, nextReq.getAndIncrement(), null);
    }

    public ReplyWrite writeReply() {
        return new ReplyWrite(sink, nextReq.getAndIncrement(), null);
    }

    public ReplyXattr xattrReply() {
        return new ReplyXattr(sink, nextReq.getAndIncrement(), null);
    }

    public ReplyStatfs statfsReply() {
        return new ReplyStatfs(sink, nextReq.getAndIncrement(), null);
    }

    public ReplyReadlink readlinkReply() {
        return new ReplyReadlink(sink, nextReq.getAndIncrement(), null);
    }

    public ReplyLseek lseekReply() {
        return new ReplyLseek(sink, nextReq.getAndIncrement(), null);
    }

    public ReplyLock lockReply() {
        return new ReplyLock(sink, nextReq.getAndIncrement(), null);
    }

    /** A readdir ({@code plus} false) or readdirplus reply for a kernel buffer of {@code maxSize} bytes. */
    public ReplyDirectory directoryReply(long maxSize, boolean plus) {
        return new ReplyDirectory(sink, nextReq.getAndIncrement(), null, maxSize, plus);
    }

    // ---- running a handler ----

    /**
     * Runs {@code call} on {@code reply} as the dispatcher would (FsException = its errno) and returns the reply.
     * A handler that returns without answering fails: the dispatcher would have answered EIO for it.
     */
    public <R extends Reply> R run(R reply, Call<R> call) {
        try {
            call.handle(reply);
        } catch (FsException e) {
            reply.error(e.errno());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("handler threw " + e, e);
        }
        if (!reply.isSent()) throw new AssertionError("handler returned without replying (the dispatcher: EIO)");
        return reply;
    }

    public ReplyEntry entry(Call<ReplyEntry> call) {
        return run(entryReply(), call);
    }

    public ReplyCreate create(Call<ReplyCreate> call) {
        return run(createReply(), call);
    }

    public ReplyAttr attr(Call<ReplyAttr> call) {
        return run(attrReply(), call);
    }

    public ReplyEmpty empty(Call<ReplyEmpty> call) {
        return run(emptyReply(), call);
    }

    public ReplyOpen open(Call<ReplyOpen> call) {
        return run(openReply(), call);
    }

    public ReplyData data(Call<ReplyData> call) {
        return run(dataReply(), call);
    }

    public ReplyWrite write(Call<ReplyWrite> call) {
        return run(writeReply(), call);
    }

    public ReplyXattr xattr(Call<ReplyXattr> call) {
        return run(xattrReply(), call);
    }

    public ReplyStatfs statfs(Call<ReplyStatfs> call) {
        return run(statfsReply(), call);
    }

    public ReplyReadlink readlink(Call<ReplyReadlink> call) {
        return run(readlinkReply(), call);
    }

    public ReplyLseek lseek(Call<ReplyLseek> call) {
        return run(lseekReply(), call);
    }

    public ReplyLock lock(Call<ReplyLock> call) {
        return run(lockReply(), call);
    }

    public ReplyDirectory directory(long maxSize, boolean plus, Call<ReplyDirectory> call) {
        return run(directoryReply(maxSize, plus), call);
    }

    // ---- reading back ----

    /** What {@code reply} was answered with, or null if nothing was sent. */
    public Outcome outcome(Reply reply) {
        return outcomes.get(reply.req);
    }

    /** How many replies were sent through this recorder. */
    public int count() {
        return outcomes.size();
    }

    /** The errno of an error reply; 0 for the success of a {@link ReplyEmpty}; fails for any other outcome. */
    public int errno(Reply reply) {
        return as(Failed.class, reply).errno();
    }

    public EntryParam entry(ReplyEntry reply) {
        return as(Entry.class, reply).entry();
    }

    public Created created(ReplyCreate reply) {
        return as(Created.class, reply);
    }

    public Attr attr(ReplyAttr reply) {
        return as(Attributes.class, reply).attr();
    }

    public Opened opened(ReplyOpen reply) {
        return as(Opened.class, reply);
    }

    public long written(ReplyWrite reply) {
        return as(Written.class, reply).count();
    }

    /** The bytes of a read or of an xattr value. */
    public byte[] bytes(Reply reply) {
        return as(Bytes.class, reply).bytes();
    }

    public long xattrSize(ReplyXattr reply) {
        return as(XattrSize.class, reply).size();
    }

    public StatFs statfs(ReplyStatfs reply) {
        return as(FsStats.class, reply).statfs();
    }

    public byte[] target(ReplyReadlink reply) {
        return as(Target.class, reply).target();
    }

    public long offset(ReplyLseek reply) {
        return as(Offset.class, reply).offset();
    }

    public Lock lock(ReplyLock reply) {
        return as(LockFound.class, reply).lock();
    }

    public List<DirEntry> entries(ReplyDirectory reply) {
        return as(Directory.class, reply).entries();
    }

    private <T extends Outcome> T as(Class<T> type, Reply reply) {
        Outcome o = outcome(reply);
        if (o == null) throw new AssertionError("nothing was replied to request " + reply.req);
        if (!type.isInstance(o)) {
            String what = o instanceof Failed f ? "errno " + f.errno() + errnoName(f.errno()) : o.toString();
            throw new AssertionError("expected a " + type.getSimpleName() + " reply, got " + what);
        }
        return type.cast(o);
    }

    private static String errnoName(int errno) {
        for (var f : Errno.class.getFields()) {
            try {
                if (f.getType() == int.class && f.getInt(null) == errno) return " (" + f.getName() + ")";
            } catch (IllegalAccessException ignored) {
                // not a constant we can read
            }
        }
        return "";
    }

    /** The payload of a write request, as the upcall adapter would hand it over. */
    public static WriteData writeData(byte[] bytes) {
        MemorySegment seg = Arena.ofAuto().allocate(Math.max(1, bytes.length));
        MemorySegment.copy(MemorySegment.ofArray(bytes), 0, seg, 0, bytes.length);
        return new WriteData(seg.asSlice(0, bytes.length));
    }

    private final class Sink implements ReplySink {
        private void record(long req, Outcome o) {
            if (outcomes.putIfAbsent(req, o) != null) {
                throw new AssertionError("a second reply reached the sink for request " + req);
            }
        }

        @Override
        public void err(long req, int errno) {
            record(req, new Failed(errno));
        }

        @Override
        public void none(long req) {
            record(req, new None());
        }

        @Override
        public void entry(long req, EntryParam e) {
            record(req, new Entry(e));
        }

        @Override
        public void create(long req, EntryParam e, long fh, OpenOptions options) {
            record(req, new Created(e, fh, options));
        }

        @Override
        public void attr(long req, Attr attr, double timeout) {
            record(req, new Attributes(attr, timeout));
        }

        @Override
        public void readlink(long req, byte[] target) {
            record(req, new Target(target.clone()));
        }

        @Override
        public void open(long req, long ino, long fh, OpenOptions options) {
            record(req, new Opened(fh, options));
        }

        @Override
        public void write(long req, long count) {
            record(req, new Written(count));
        }

        @Override
        public void buf(long req, byte[] data, int offset, int length) {
            record(req, new Bytes(Arrays.copyOfRange(data, offset, offset + length)));
        }

        @Override
        public void dataFromFd(long req, int fd, long offset, long size) {
            try {
                record(req, new Bytes(NativeIo.pread(fd, (int) size, offset)));
            } catch (FsException e) {
                record(req, new Failed(e.errno()));  // libfuse answers a failed read of the descriptor with its errno
            }
        }

        @Override
        public void statfs(long req, StatFs s) {
            record(req, new FsStats(s));
        }

        @Override
        public void xattrSize(long req, long size) {
            record(req, new XattrSize(size));
        }

        @Override
        public void lock(long req, Lock lock) {
            record(req, new LockFound(lock));
        }

        @Override
        public void bmap(long req, long idx) {
            record(req, new Block(idx));
        }

        @Override
        public void lseek(long req, long offset) {
            record(req, new Offset(offset));
        }

        @Override
        public void directory(long req, long maxSize, boolean plus, List<ReplyDirectory.Entry> entries) {
            List<DirEntry> out = new ArrayList<>(entries.size());
            for (ReplyDirectory.Entry e : entries) {
                Name name = e.name() != null ? e.name() : e.batch().name(e.index());
                out.add(new DirEntry(name, e.ino(), e.type(), e.nextOffset(), e.entry()));
            }
            record(req, new Directory(maxSize, plus, List.copyOf(out)));
        }
    }
}
