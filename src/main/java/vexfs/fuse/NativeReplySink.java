package vexfs.fuse;

import static vexfs.fuse.NativeStructs.ptr;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vexfs.bindings.constants_h;
import vexfs.bindings.flock;
import vexfs.bindings.fuse_buf;
import vexfs.bindings.fuse_bufvec;
import vexfs.bindings.fuse_entry_param;
import vexfs.bindings.fuse_lowlevel_h;
import vexfs.bindings.stat;
import vexfs.bindings.statvfs;
import vexfs.libc.Attr;
import vexfs.libc.CStructs;
import vexfs.libc.Errno;
import vexfs.libc.Lock;
import vexfs.libc.Scratch;
import vexfs.libc.StatFs;

/** Replies through libfuse's fuse_reply_*; temporary structs live in a {@link Scratch} per reply. */
final class NativeReplySink implements ReplySink {
    /** NAME_MAX + 1: longer names (FUSE allows up to 1024 bytes) get their own buffer. */
    private static final int NAME_BUFFER = 256;
    private static final Logger LOG = LoggerFactory.getLogger(NativeReplySink.class);

    private final KernelPassthrough passthrough;

    NativeReplySink(KernelPassthrough passthrough) {
        this.passthrough = passthrough;
    }

    /** The backing id for an open/create reply of a file (0: daemon-served); see KernelPassthrough. */
    private int backingId(long req, long ino, long fh, OpenOptions options) {
        if (ino <= 0 || !passthrough.negotiated()) return 0;
        try {
            return passthrough.open(req, ino, fh, options.passthrough());
        } catch (RuntimeException | LinkageError e) {
            // e.g. out of descriptors: the open still works, daemon-served, rather than failing with EIO
            return 0;
        }
    }

    /** Runs after the reply went out, so it must not throw (Reply.send would answer the request a second time). */
    private static void check(String what, int rc) {
        // -ENOENT: the request was interrupted and the kernel no longer waits for it; nothing to do.
        if (rc == 0 || rc == -constants_h.ENOENT) return;
        try {
            LOG.debug("fuse_reply_{} failed: {}", what, Errno.name(-rc));
        } catch (RuntimeException | Error ignored) {
            // logging only
        }
    }

    @Override
    public void err(long req, int errno) {
        check("err", fuse_lowlevel_h.fuse_reply_err(ptr(req), errno));
    }

    @Override
    public boolean interrupted(long req) {
        return fuse_lowlevel_h.fuse_req_interrupted(ptr(req)) != 0;
    }

    @Override
    public void none(long req) {
        fuse_lowlevel_h.fuse_reply_none(ptr(req));
    }

    @Override
    public void entry(long req, EntryParam e) {
        try (Scratch a = Scratch.open()) {
            check("entry", fuse_lowlevel_h.fuse_reply_entry(ptr(req), NativeStructs.entryParam(a, e)));
        }
    }

    @Override
    public void create(long req, EntryParam e, long fh, OpenOptions options) {
        try (Scratch a = Scratch.open()) {
            MemorySegment fi = NativeStructs.fileInfo(a, fh, options, backingId(req, e.ino(), fh, options));
            check("create", fuse_lowlevel_h.fuse_reply_create(ptr(req), NativeStructs.entryParam(a, e), fi));
        }
    }

    @Override
    public void attr(long req, Attr attr, double timeout) {
        try (Scratch a = Scratch.open()) {
            MemorySegment st = stat.allocate(a);
            st.fill((byte) 0);
            CStructs.writeStat(st, attr);
            check("attr", fuse_lowlevel_h.fuse_reply_attr(ptr(req), st, timeout));
        }
    }

    @Override
    public void readlink(long req, byte[] target) {
        try (Scratch a = Scratch.open()) {
            check("readlink", fuse_lowlevel_h.fuse_reply_readlink(ptr(req), CStructs.cString(a, target)));
        }
    }

    @Override
    public void open(long req, long ino, long fh, OpenOptions options) {
        try (Scratch a = Scratch.open()) {
            MemorySegment fi = NativeStructs.fileInfo(a, fh, options, backingId(req, ino, fh, options));
            check("open", fuse_lowlevel_h.fuse_reply_open(ptr(req), fi));
        }
    }

    @Override
    public void write(long req, long count) {
        check("write", fuse_lowlevel_h.fuse_reply_write(ptr(req), count));
    }

    @Override
    public void buf(long req, byte[] data, int offset, int length) {
        try (Scratch a = Scratch.open()) {
            MemorySegment b = a.allocate(Math.max(1, length));
            MemorySegment.copy(data, offset, b, ValueLayout.JAVA_BYTE, 0, length);
            check("buf", fuse_lowlevel_h.fuse_reply_buf(ptr(req), b, length));
        }
    }

    @Override
    public void dataFromFd(long req, int fd, long offset, long size) {
        try (Scratch a = Scratch.open()) {
            // the loaded ABI's size (3.17's inline fuse_buf has mem_size); the fields set below sit alike in both
            MemorySegment v = a.allocate(FuseLibrary.abi().bufvec());
            v.fill((byte) 0);
            fuse_bufvec.count(v, 1);
            MemorySegment b = fuse_bufvec.buf(v);
            fuse_buf.size(b, size);
            fuse_buf.flags(b, constants_h.FUSE_BUF_IS_FD | constants_h.FUSE_BUF_FD_SEEK);
            fuse_buf.fd(b, fd);
            fuse_buf.pos(b, offset);
            check("data", fuse_lowlevel_h.fuse_reply_data(ptr(req), v, constants_h.FUSE_BUF_SPLICE_MOVE));
        }
    }

    @Override
    public void statfs(long req, StatFs s) {
        try (Scratch a = Scratch.open()) {
            MemorySegment v = statvfs.allocate(a);
            v.fill((byte) 0);
            statvfs.f_bsize(v, s.bsize());
            statvfs.f_frsize(v, s.frsize());
            statvfs.f_blocks(v, s.blocks());
            statvfs.f_bfree(v, s.bfree());
            statvfs.f_bavail(v, s.bavail());
            statvfs.f_files(v, s.files());
            statvfs.f_ffree(v, s.ffree());
            statvfs.f_favail(v, s.favail());
            statvfs.f_fsid(v, s.fsid());
            statvfs.f_flag(v, s.flag());
            statvfs.f_namemax(v, s.namemax());
            check("statfs", fuse_lowlevel_h.fuse_reply_statfs(ptr(req), v));
        }
    }

    @Override
    public void xattrSize(long req, long size) {
        check("xattr", fuse_lowlevel_h.fuse_reply_xattr(ptr(req), size));
    }

    @Override
    public void lock(long req, Lock lock) {
        try (Scratch a = Scratch.open()) {
            MemorySegment l = flock.allocate(a);
            l.fill((byte) 0);
            flock.l_type(l, (short) lock.type());
            flock.l_whence(l, (short) lock.whence());
            flock.l_start(l, lock.start());
            flock.l_len(l, lock.len());
            flock.l_pid(l, lock.pid());
            check("lock", fuse_lowlevel_h.fuse_reply_lock(ptr(req), l));
        }
    }

    @Override
    public void bmap(long req, long idx) {
        check("bmap", fuse_lowlevel_h.fuse_reply_bmap(ptr(req), idx));
    }

    @Override
    public void lseek(long req, long offset) {
        check("lseek", fuse_lowlevel_h.fuse_reply_lseek(ptr(req), offset));
    }

    @Override
    public void directory(long req, long maxSize, boolean plus, List<ReplyDirectory.Entry> entries) {
        try (Scratch a = Scratch.open()) {
            MemorySegment buf = a.allocate(Math.max(1, maxSize));
            // One name buffer and one entry struct, rewritten per entry: libfuse copies them at once.
            MemorySegment nameBuf = plus ? a.allocate(NAME_BUFFER) : null;
            MemorySegment ep = plus ? fuse_entry_param.allocate(a) : null;
            long pos = 0;
            for (ReplyDirectory.Entry e : entries) {
                long left = maxSize - pos;
                if (!plus) {
                    if (Dirents.size(e.nameLength()) > left) break;  // ReplyDirectory's accounting says it fits
                    pos += e.batch() != null
                            ? Dirents.put(buf, pos, e.batch().raw(), e.batch().nameStart(e.index()), e.nameLength(),
                                    e.ino(), e.type(), e.nextOffset())
                            : Dirents.put(buf, pos, e.name().raw(), 0, e.nameLength(), e.ino(), e.type(),
                                    e.nextOffset());
                    continue;
                }
                byte[] raw = e.name().raw();
                MemorySegment name;
                if (raw.length < NAME_BUFFER) {
                    MemorySegment.copy(raw, 0, nameBuf, ValueLayout.JAVA_BYTE, 0, raw.length);
                    nameBuf.set(ValueLayout.JAVA_BYTE, raw.length, (byte) 0);
                    name = nameBuf;
                } else {
                    name = CStructs.cString(a, raw);
                }
                NativeStructs.writeEntryParam(ep, e.entry());
                long n = fuse_lowlevel_h.fuse_add_direntry_plus(ptr(req), buf.asSlice(pos), left, name, ep,
                        e.nextOffset());
                if (n > left) {
                    // ReplyDirectory sized entries by the kernel ABI; a mismatch would be a bug in that rule.
                    LOG.error("direntry size mismatch: libfuse needs {} bytes, {} left", n, left);
                    break;
                }
                pos += n;
            }
            check("buf", fuse_lowlevel_h.fuse_reply_buf(ptr(req), buf, pos));
        }
    }
}
