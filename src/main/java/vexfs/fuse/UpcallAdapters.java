package vexfs.fuse;

import static vexfs.fuse.NativeStructs.readFileInfo;
import static vexfs.libc.CStructs.cString;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vexfs.bindings.flock;
import vexfs.bindings.fuse_conn_info;
import vexfs.bindings.fuse_ctx;
import vexfs.bindings.fuse_forget_data;
import vexfs.bindings.fuse_lowlevel_h;
import vexfs.bindings.fuse_lowlevel_ops;
import vexfs.bindings.stat;
import vexfs.bindings.timespec;
import vexfs.libc.Errno;
import vexfs.libc.Lock;
import vexfs.libc.Name;

/**
 * The thin layer between libfuse's callbacks and {@link FuseFilesystem}: each adapter copies what it needs out
 * of libfuse's memory (names, file info, stat, write data) because the request may be answered later from
 * another thread, builds the typed reply, and hands both to the {@link Dispatcher}. Every adapter body catches
 * Throwable: an exception escaping an upcall would kill the JVM.
 */
@SuppressWarnings("restricted") // raw FFM (linking, upcall stubs, reinterpret) is what this class is for
final class UpcallAdapters {
    private static final Logger LOG = LoggerFactory.getLogger(UpcallAdapters.class);

    /**
     * Set once by {@link #serve} before the session's reader threads start (Thread.start publishes it), so the
     * stubs can be linked while the filesystem is still being built (see {@link PreparedSession}).
     */
    private FuseFilesystem fs;
    private final Dispatcher dispatcher;
    private final ReplySink sink;
    private final KernelPassthrough passthrough;
    /** HANDLE_KILLPRIV_V2 was negotiated at INIT: writes then carry the kernel's request to clear set-ID bits. */
    private volatile boolean killPrivV2;
    /** The session's attribute invalidation, set once the session exists (before INIT). */
    private volatile java.util.function.LongConsumer attributeInvalidator = ino -> {};

    UpcallAdapters(Dispatcher dispatcher, ReplySink sink, KernelPassthrough passthrough) {
        this.dispatcher = dispatcher;
        this.sink = sink;
        this.passthrough = passthrough;
    }

    private Request request(MemorySegment req) {
        MemorySegment ctx = fuse_lowlevel_h.fuse_req_ctx(req).reinterpret(fuse_ctx.sizeof());
        return new Request(dispatcher.nextUnique(), fuse_ctx.uid(ctx), fuse_ctx.gid(ctx), fuse_ctx.pid(ctx),
                fuse_ctx.umask(ctx));
    }

    private static Name name(MemorySegment p) {
        return Name.wrap(cString(p));
    }

    /** Fallback when building the request itself failed: answer EIO and log once. */
    private void failed(Op op, MemorySegment req, Throwable t) {
        LOG.error("{}: failed before dispatch: {}", op.label(), t.toString(), t);
        try {
            sink.err(req.address(), Errno.EIO);
        } catch (Throwable ignored) {
            // nothing more we can do for this request
        }
    }

    /** Builds the ops struct with an upcall stub for every operation we serve, in {@code arena}. */
    MemorySegment buildOps(Arena arena) {
        MemorySegment ops = fuse_lowlevel_ops.allocate(arena);
        ops.fill((byte) 0);
        fuse_lowlevel_ops.init(ops, fuse_lowlevel_ops.init.allocate(this::init, arena));
        fuse_lowlevel_ops.destroy(ops, fuse_lowlevel_ops.destroy.allocate(this::destroy, arena));
        fuse_lowlevel_ops.lookup(ops, fuse_lowlevel_ops.lookup.allocate(this::lookup, arena));
        fuse_lowlevel_ops.forget(ops, fuse_lowlevel_ops.forget.allocate(this::forget, arena));
        fuse_lowlevel_ops.forget_multi(ops, fuse_lowlevel_ops.forget_multi.allocate(this::forgetMulti, arena));
        fuse_lowlevel_ops.getattr(ops, fuse_lowlevel_ops.getattr.allocate(this::getattr, arena));
        fuse_lowlevel_ops.setattr(ops, fuse_lowlevel_ops.setattr.allocate(this::setattr, arena));
        fuse_lowlevel_ops.readlink(ops, fuse_lowlevel_ops.readlink.allocate(this::readlink, arena));
        fuse_lowlevel_ops.mknod(ops, fuse_lowlevel_ops.mknod.allocate(this::mknod, arena));
        fuse_lowlevel_ops.mkdir(ops, fuse_lowlevel_ops.mkdir.allocate(this::mkdir, arena));
        fuse_lowlevel_ops.unlink(ops, fuse_lowlevel_ops.unlink.allocate(this::unlink, arena));
        fuse_lowlevel_ops.rmdir(ops, fuse_lowlevel_ops.rmdir.allocate(this::rmdir, arena));
        fuse_lowlevel_ops.symlink(ops, fuse_lowlevel_ops.symlink.allocate(this::symlink, arena));
        fuse_lowlevel_ops.rename(ops, fuse_lowlevel_ops.rename.allocate(this::rename, arena));
        fuse_lowlevel_ops.link(ops, fuse_lowlevel_ops.link.allocate(this::link, arena));
        fuse_lowlevel_ops.open(ops, fuse_lowlevel_ops.open.allocate(this::open, arena));
        fuse_lowlevel_ops.read(ops, fuse_lowlevel_ops.read.allocate(this::read, arena));
        fuse_lowlevel_ops.write(ops, fuse_lowlevel_ops.write.allocate(this::write, arena));
        fuse_lowlevel_ops.flush(ops, fuse_lowlevel_ops.flush.allocate(this::flush, arena));
        fuse_lowlevel_ops.release(ops, fuse_lowlevel_ops.release.allocate(this::release, arena));
        fuse_lowlevel_ops.fsync(ops, fuse_lowlevel_ops.fsync.allocate(this::fsync, arena));
        fuse_lowlevel_ops.opendir(ops, fuse_lowlevel_ops.opendir.allocate(this::opendir, arena));
        fuse_lowlevel_ops.readdir(ops, fuse_lowlevel_ops.readdir.allocate(this::readdir, arena));
        fuse_lowlevel_ops.readdirplus(ops, fuse_lowlevel_ops.readdirplus.allocate(this::readdirplus, arena));
        fuse_lowlevel_ops.releasedir(ops, fuse_lowlevel_ops.releasedir.allocate(this::releasedir, arena));
        fuse_lowlevel_ops.fsyncdir(ops, fuse_lowlevel_ops.fsyncdir.allocate(this::fsyncdir, arena));
        fuse_lowlevel_ops.statfs(ops, fuse_lowlevel_ops.statfs.allocate(this::statfs, arena));
        fuse_lowlevel_ops.setxattr(ops, fuse_lowlevel_ops.setxattr.allocate(this::setxattr, arena));
        fuse_lowlevel_ops.getxattr(ops, fuse_lowlevel_ops.getxattr.allocate(this::getxattr, arena));
        fuse_lowlevel_ops.listxattr(ops, fuse_lowlevel_ops.listxattr.allocate(this::listxattr, arena));
        fuse_lowlevel_ops.removexattr(ops, fuse_lowlevel_ops.removexattr.allocate(this::removexattr, arena));
        fuse_lowlevel_ops.access(ops, fuse_lowlevel_ops.access.allocate(this::access, arena));
        fuse_lowlevel_ops.create(ops, fuse_lowlevel_ops.create.allocate(this::create, arena));
        fuse_lowlevel_ops.getlk(ops, fuse_lowlevel_ops.getlk.allocate(this::getlk, arena));
        fuse_lowlevel_ops.setlk(ops, fuse_lowlevel_ops.setlk.allocate(this::setlk, arena));
        fuse_lowlevel_ops.flock(ops, fuse_lowlevel_ops.flock.allocate(this::flock, arena));
        fuse_lowlevel_ops.fallocate(ops, fuse_lowlevel_ops.fallocate.allocate(this::fallocate, arena));
        fuse_lowlevel_ops.copy_file_range(ops,
                fuse_lowlevel_ops.copy_file_range.allocate(this::copyFileRange, arena));
        fuse_lowlevel_ops.lseek(ops, fuse_lowlevel_ops.lseek.allocate(this::lseek, arena));
        fuse_lowlevel_ops.bmap(ops, fuse_lowlevel_ops.bmap.allocate(this::bmap, arena));
        return ops;
    }

    /** The filesystem the upcalls serve; called once, before any request can arrive. */
    void serve(FuseFilesystem served) {
        if (this.fs != null) throw new IllegalStateException("already serving a filesystem");
        this.fs = java.util.Objects.requireNonNull(served);
    }

    void attributeInvalidator(java.util.function.LongConsumer invalidator) {
        this.attributeInvalidator = invalidator;
    }

    // ---- lifecycle (inline, no request) ----

    private void init(MemorySegment userdata, MemorySegment connPtr) {
        try {
            // the fields read and written here have the same offsets in every supported ABI (AbiProbeTest)
            MemorySegment c = connPtr.reinterpret(FuseLibrary.abi().connInfo().byteSize());
            ConnectionInfo info = new ConnectionInfo(fuse_conn_info.proto_major(c), fuse_conn_info.proto_minor(c),
                    fuse_conn_info.capable(c), fuse_conn_info.want(c), fuse_conn_info.max_write(c),
                    fuse_conn_info.max_readahead(c), ino -> attributeInvalidator.accept(ino));
            fs.init(info);
            fuse_conn_info.want(c, info.want());
            fuse_conn_info.max_write(c, info.maxWrite());
            passthrough.negotiate(c, info);
            killPrivV2 = (info.want() & ConnectionInfo.CAP_HANDLE_KILLPRIV_V2) != 0;
            LOG.info("set-ID bits on write/truncate: {}", killPrivV2
                    ? "cleared by the daemon (HANDLE_KILLPRIV_V2: no GETXATTR security.capability per WRITE)"
                    : "cleared by the kernel");
        } catch (Throwable t) {
            LOG.error("init failed: {}", t.toString(), t);
        }
    }

    private void destroy(MemorySegment userdata) {
        try {
            fs.destroy();
        } catch (Throwable t) {
            LOG.error("destroy failed: {}", t.toString(), t);
        }
    }

    // ---- entries ----

    private void lookup(MemorySegment req, long parent, MemorySegment namePtr) {
        try {
            Name n = name(namePtr);
            Request r = request(req);
            ReplyEntry reply = new ReplyEntry(sink, req.address(), dispatcher.completion(Op.LOOKUP));
            dispatcher.dispatch(Op.LOOKUP, fs.laneFor(Op.LOOKUP, parent), reply, () -> fs.lookup(r, parent, n, reply));
        } catch (Throwable t) {
            failed(Op.LOOKUP, req, t);
        }
    }

    private void forget(MemorySegment req, long ino, long nlookup) {
        try {
            ReplyEmpty reply = new ReplyEmpty(sink, req.address(), dispatcher.completion(Op.FORGET));
            dispatcher.dispatch(Op.FORGET, reply, () -> {
                fs.forget(ino, nlookup);
                reply.none();
            });
        } catch (Throwable t) {
            LOG.error("forget: {}", t.toString(), t);
            fuse_lowlevel_h.fuse_reply_none(req);
        }
    }

    private void forgetMulti(MemorySegment req, long count, MemorySegment forgets) {
        try {
            long sz = fuse_forget_data.sizeof();
            MemorySegment arr = forgets.reinterpret(count * sz);
            long[] inos = new long[(int) count];
            long[] counts = new long[(int) count];
            for (int i = 0; i < count; i++) {
                MemorySegment f = arr.asSlice(i * sz, sz);
                inos[i] = fuse_forget_data.ino(f);
                counts[i] = fuse_forget_data.nlookup(f);
            }
            ReplyEmpty reply = new ReplyEmpty(sink, req.address(), dispatcher.completion(Op.FORGET_MULTI));
            dispatcher.dispatch(Op.FORGET_MULTI, reply, () -> {
                for (int i = 0; i < inos.length; i++) fs.forget(inos[i], counts[i]);
                reply.none();
            });
        } catch (Throwable t) {
            LOG.error("forget_multi: {}", t.toString(), t);
            fuse_lowlevel_h.fuse_reply_none(req);
        }
    }

    private void getattr(MemorySegment req, long ino, MemorySegment fi) {
        try {
            Request r = request(req);
            FileInfo f = readFileInfo(fi);
            ReplyAttr reply = new ReplyAttr(sink, req.address(), dispatcher.completion(Op.GETATTR));
            dispatcher.dispatch(Op.GETATTR, reply, () -> fs.getattr(r, ino, f, reply));
        } catch (Throwable t) {
            failed(Op.GETATTR, req, t);
        }
    }

    private void setattr(MemorySegment req, long ino, MemorySegment attrPtr, int toSet, MemorySegment fi) {
        try {
            Request r = request(req);
            FileInfo f = readFileInfo(fi);
            MemorySegment st = attrPtr.reinterpret(stat.sizeof());
            MemorySegment at = stat.st_atim(st);
            MemorySegment mt = stat.st_mtim(st);
            SetAttr sa = new SetAttr(toSet, stat.st_mode(st), stat.st_uid(st), stat.st_gid(st), stat.st_size(st),
                    timespec.tv_sec(at), timespec.tv_nsec(at), timespec.tv_sec(mt), timespec.tv_nsec(mt));
            ReplyAttr reply = new ReplyAttr(sink, req.address(), dispatcher.completion(Op.SETATTR));
            dispatcher.dispatch(Op.SETATTR, reply, () -> fs.setattr(r, ino, sa, f, reply));
        } catch (Throwable t) {
            failed(Op.SETATTR, req, t);
        }
    }

    private void readlink(MemorySegment req, long ino) {
        try {
            Request r = request(req);
            ReplyReadlink reply = new ReplyReadlink(sink, req.address(), dispatcher.completion(Op.READLINK));
            dispatcher.dispatch(Op.READLINK, reply, () -> fs.readlink(r, ino, reply));
        } catch (Throwable t) {
            failed(Op.READLINK, req, t);
        }
    }

    private void mknod(MemorySegment req, long parent, MemorySegment namePtr, int mode, long rdev) {
        try {
            Name n = name(namePtr);
            Request r = request(req);
            ReplyEntry reply = new ReplyEntry(sink, req.address(), dispatcher.completion(Op.MKNOD));
            dispatcher.dispatch(Op.MKNOD, reply, () -> fs.mknod(r, parent, n, mode, rdev, reply));
        } catch (Throwable t) {
            failed(Op.MKNOD, req, t);
        }
    }

    private void mkdir(MemorySegment req, long parent, MemorySegment namePtr, int mode) {
        try {
            Name n = name(namePtr);
            Request r = request(req);
            ReplyEntry reply = new ReplyEntry(sink, req.address(), dispatcher.completion(Op.MKDIR));
            dispatcher.dispatch(Op.MKDIR, reply, () -> fs.mkdir(r, parent, n, mode, reply));
        } catch (Throwable t) {
            failed(Op.MKDIR, req, t);
        }
    }

    private void unlink(MemorySegment req, long parent, MemorySegment namePtr) {
        try {
            Name n = name(namePtr);
            Request r = request(req);
            ReplyEmpty reply = new ReplyEmpty(sink, req.address(), dispatcher.completion(Op.UNLINK));
            dispatcher.dispatch(Op.UNLINK, reply, () -> fs.unlink(r, parent, n, reply));
        } catch (Throwable t) {
            failed(Op.UNLINK, req, t);
        }
    }

    private void rmdir(MemorySegment req, long parent, MemorySegment namePtr) {
        try {
            Name n = name(namePtr);
            Request r = request(req);
            ReplyEmpty reply = new ReplyEmpty(sink, req.address(), dispatcher.completion(Op.RMDIR));
            dispatcher.dispatch(Op.RMDIR, reply, () -> fs.rmdir(r, parent, n, reply));
        } catch (Throwable t) {
            failed(Op.RMDIR, req, t);
        }
    }

    private void symlink(MemorySegment req, MemorySegment linkPtr, long parent, MemorySegment namePtr) {
        try {
            byte[] target = cString(linkPtr);
            Name n = name(namePtr);
            Request r = request(req);
            ReplyEntry reply = new ReplyEntry(sink, req.address(), dispatcher.completion(Op.SYMLINK));
            dispatcher.dispatch(Op.SYMLINK, reply, () -> fs.symlink(r, target, parent, n, reply));
        } catch (Throwable t) {
            failed(Op.SYMLINK, req, t);
        }
    }

    private void rename(MemorySegment req, long parent, MemorySegment namePtr, long newParent,
                        MemorySegment newNamePtr, int flags) {
        try {
            Name n = name(namePtr);
            Name nn = name(newNamePtr);
            Request r = request(req);
            ReplyEmpty reply = new ReplyEmpty(sink, req.address(), dispatcher.completion(Op.RENAME));
            dispatcher.dispatch(Op.RENAME, reply, () -> fs.rename(r, parent, n, newParent, nn, flags, reply));
        } catch (Throwable t) {
            failed(Op.RENAME, req, t);
        }
    }

    private void link(MemorySegment req, long ino, long newParent, MemorySegment newNamePtr) {
        try {
            Name nn = name(newNamePtr);
            Request r = request(req);
            ReplyEntry reply = new ReplyEntry(sink, req.address(), dispatcher.completion(Op.LINK));
            dispatcher.dispatch(Op.LINK, reply, () -> fs.link(r, ino, newParent, nn, reply));
        } catch (Throwable t) {
            failed(Op.LINK, req, t);
        }
    }

    // ---- files ----

    private void open(MemorySegment req, long ino, MemorySegment fi) {
        try {
            Request r = request(req);
            FileInfo f = readFileInfo(fi);
            ReplyOpen reply = new ReplyOpen(sink, req.address(), ino, dispatcher.completion(Op.OPEN));
            dispatcher.dispatch(Op.OPEN, fs.laneFor(Op.OPEN, ino), reply, () -> fs.open(r, ino, f, reply));
        } catch (Throwable t) {
            failed(Op.OPEN, req, t);
        }
    }

    private void read(MemorySegment req, long ino, long size, long off, MemorySegment fi) {
        try {
            Request r = request(req);
            FileInfo f = readFileInfo(fi);
            ReplyData reply = new ReplyData(sink, req.address(), dispatcher.completion(Op.READ));
            dispatcher.dispatch(Op.READ, fs.laneFor(Op.READ, ino), reply, () -> fs.read(r, ino, size, off, f, reply));
        } catch (Throwable t) {
            failed(Op.READ, req, t);
        }
    }

    private void write(MemorySegment req, long ino, MemorySegment buf, long size, long off, MemorySegment fi) {
        try {
            Request r = request(req);
            FileInfo f = readFileInfo(fi);
            WriteData borrowed = new WriteData(buf.reinterpret(size), killSuidGid(r, buf, size, off, f));
            Op.Lane lane = fs.laneFor(Op.WRITE, ino);
            Op.Lane effective = lane != null ? lane : dispatcher.lane(Op.WRITE);
            WriteData data = effective == Op.Lane.INLINE ? borrowed : borrowed.detach();
            ReplyWrite reply = new ReplyWrite(sink, req.address(), dispatcher.completion(Op.WRITE));
            dispatcher.dispatch(Op.WRITE, lane, reply, () -> fs.write(r, ino, data, off, f, reply));
        } catch (Throwable t) {
            failed(Op.WRITE, req, t);
        }
    }

    /**
     * FUSE_WRITE_KILL_SUIDGID of this write (only the kernel sets it, only under HANDLE_KILLPRIV_V2). Should the
     * kernel's header not be where libfuse puts it (KernelWriteFlags), a caller other than root is taken to lack
     * CAP_FSETID: the bits are then cleared for such callers, as the kernel itself would for most of them.
     */
    private boolean killSuidGid(Request r, MemorySegment buf, long size, long off, FileInfo f) {
        if (!killPrivV2) return false;
        int flags = KernelWriteFlags.of(buf, size, off, f.fh());
        if (flags == KernelWriteFlags.UNKNOWN) return r.uid() != 0;
        return (flags & KernelWriteFlags.KILL_SUIDGID) != 0;
    }

    private void flush(MemorySegment req, long ino, MemorySegment fi) {
        fileOp(Op.FLUSH, req, ino, fi);
    }

    private void release(MemorySegment req, long ino, MemorySegment fi) {
        if (passthrough.negotiated() && !fi.equals(MemorySegment.NULL)) {
            try {
                // here, while the request is alive: closing a backing id needs its session
                passthrough.released(req.address(), ino, readFileInfo(fi).fh());
            } catch (Throwable t) {
                LOG.error("passthrough release failed: {}", t.toString(), t);
            }
        }
        fileOp(Op.RELEASE, req, ino, fi);
    }

    private void releasedir(MemorySegment req, long ino, MemorySegment fi) {
        fileOp(Op.RELEASEDIR, req, ino, fi);
    }

    /** flush, release, releasedir: (req, ino, fi) → empty reply. */
    private void fileOp(Op op, MemorySegment req, long ino, MemorySegment fi) {
        try {
            Request r = request(req);
            FileInfo f = readFileInfo(fi);
            ReplyEmpty reply = new ReplyEmpty(sink, req.address(), dispatcher.completion(op));
            dispatcher.dispatch(op, fs.laneFor(op, ino), reply, () -> {
                switch (op) {
                    case FLUSH -> fs.flush(r, ino, f, reply);
                    case RELEASE -> fs.release(r, ino, f, reply);
                    default -> fs.releasedir(r, ino, f, reply);
                }
            });
        } catch (Throwable t) {
            failed(op, req, t);
        }
    }

    private void fsync(MemorySegment req, long ino, int datasync, MemorySegment fi) {
        syncOp(Op.FSYNC, req, ino, datasync, fi);
    }

    private void fsyncdir(MemorySegment req, long ino, int datasync, MemorySegment fi) {
        syncOp(Op.FSYNCDIR, req, ino, datasync, fi);
    }

    private void syncOp(Op op, MemorySegment req, long ino, int datasync, MemorySegment fi) {
        try {
            Request r = request(req);
            FileInfo f = readFileInfo(fi);
            ReplyEmpty reply = new ReplyEmpty(sink, req.address(), dispatcher.completion(op));
            boolean ds = datasync != 0;
            dispatcher.dispatch(op, fs.laneFor(op, ino), reply, () -> {
                if (op == Op.FSYNC) fs.fsync(r, ino, ds, f, reply);
                else fs.fsyncdir(r, ino, ds, f, reply);
            });
        } catch (Throwable t) {
            failed(op, req, t);
        }
    }

    private void opendir(MemorySegment req, long ino, MemorySegment fi) {
        try {
            Request r = request(req);
            FileInfo f = readFileInfo(fi);
            ReplyOpen reply = new ReplyOpen(sink, req.address(), 0, dispatcher.completion(Op.OPENDIR));
            dispatcher.dispatch(Op.OPENDIR, reply, () -> fs.opendir(r, ino, f, reply));
        } catch (Throwable t) {
            failed(Op.OPENDIR, req, t);
        }
    }

    private void readdir(MemorySegment req, long ino, long size, long off, MemorySegment fi) {
        readdirOp(Op.READDIR, req, ino, size, off, fi);
    }

    private void readdirplus(MemorySegment req, long ino, long size, long off, MemorySegment fi) {
        readdirOp(Op.READDIRPLUS, req, ino, size, off, fi);
    }

    private void readdirOp(Op op, MemorySegment req, long ino, long size, long off, MemorySegment fi) {
        try {
            Request r = request(req);
            FileInfo f = readFileInfo(fi);
            ReplyDirectory reply = new ReplyDirectory(sink, req.address(), dispatcher.completion(op), size,
                    op == Op.READDIRPLUS);
            dispatcher.dispatch(op, fs.laneFor(op, ino), reply, () -> fs.readdir(r, ino, size, off, f, reply));
        } catch (Throwable t) {
            failed(op, req, t);
        }
    }

    private void statfs(MemorySegment req, long ino) {
        try {
            Request r = request(req);
            ReplyStatfs reply = new ReplyStatfs(sink, req.address(), dispatcher.completion(Op.STATFS));
            dispatcher.dispatch(Op.STATFS, reply, () -> fs.statfs(r, ino, reply));
        } catch (Throwable t) {
            failed(Op.STATFS, req, t);
        }
    }

    // ---- xattrs ----

    private void setxattr(MemorySegment req, long ino, MemorySegment namePtr, MemorySegment value, long size,
                          int flags) {
        try {
            Name n = name(namePtr);
            byte[] v = size == 0 ? new byte[0] : value.reinterpret(size).toArray(ValueLayout.JAVA_BYTE);
            Request r = request(req);
            ReplyEmpty reply = new ReplyEmpty(sink, req.address(), dispatcher.completion(Op.SETXATTR));
            dispatcher.dispatch(Op.SETXATTR, reply, () -> fs.setxattr(r, ino, n, v, flags, reply));
        } catch (Throwable t) {
            failed(Op.SETXATTR, req, t);
        }
    }

    private void getxattr(MemorySegment req, long ino, MemorySegment namePtr, long size) {
        try {
            Name n = name(namePtr);
            Request r = request(req);
            ReplyXattr reply = new ReplyXattr(sink, req.address(), dispatcher.completion(Op.GETXATTR));
            dispatcher.dispatch(Op.GETXATTR, reply, () -> fs.getxattr(r, ino, n, size, reply));
        } catch (Throwable t) {
            failed(Op.GETXATTR, req, t);
        }
    }

    private void listxattr(MemorySegment req, long ino, long size) {
        try {
            Request r = request(req);
            ReplyXattr reply = new ReplyXattr(sink, req.address(), dispatcher.completion(Op.LISTXATTR));
            dispatcher.dispatch(Op.LISTXATTR, reply, () -> fs.listxattr(r, ino, size, reply));
        } catch (Throwable t) {
            failed(Op.LISTXATTR, req, t);
        }
    }

    private void removexattr(MemorySegment req, long ino, MemorySegment namePtr) {
        try {
            Name n = name(namePtr);
            Request r = request(req);
            ReplyEmpty reply = new ReplyEmpty(sink, req.address(), dispatcher.completion(Op.REMOVEXATTR));
            dispatcher.dispatch(Op.REMOVEXATTR, reply, () -> fs.removexattr(r, ino, n, reply));
        } catch (Throwable t) {
            failed(Op.REMOVEXATTR, req, t);
        }
    }

    private void access(MemorySegment req, long ino, int mask) {
        try {
            Request r = request(req);
            ReplyEmpty reply = new ReplyEmpty(sink, req.address(), dispatcher.completion(Op.ACCESS));
            dispatcher.dispatch(Op.ACCESS, reply, () -> fs.access(r, ino, mask, reply));
        } catch (Throwable t) {
            failed(Op.ACCESS, req, t);
        }
    }

    private void create(MemorySegment req, long parent, MemorySegment namePtr, int mode, MemorySegment fi) {
        try {
            Name n = name(namePtr);
            Request r = request(req);
            FileInfo f = readFileInfo(fi);
            ReplyCreate reply = new ReplyCreate(sink, req.address(), dispatcher.completion(Op.CREATE));
            dispatcher.dispatch(Op.CREATE, reply, () -> fs.create(r, parent, n, mode, f, reply));
        } catch (Throwable t) {
            failed(Op.CREATE, req, t);
        }
    }

    // ---- locks and ranges ----

    private static Lock readLock(MemorySegment lockPtr) {
        MemorySegment l = lockPtr.reinterpret(flock.sizeof());
        return new Lock(flock.l_type(l), flock.l_whence(l), flock.l_start(l), flock.l_len(l), flock.l_pid(l));
    }

    private void getlk(MemorySegment req, long ino, MemorySegment fi, MemorySegment lockPtr) {
        try {
            Request r = request(req);
            FileInfo f = readFileInfo(fi);
            Lock l = readLock(lockPtr);
            ReplyLock reply = new ReplyLock(sink, req.address(), dispatcher.completion(Op.GETLK));
            dispatcher.dispatch(Op.GETLK, reply, () -> fs.getlk(r, ino, f, l, reply));
        } catch (Throwable t) {
            failed(Op.GETLK, req, t);
        }
    }

    private void setlk(MemorySegment req, long ino, MemorySegment fi, MemorySegment lockPtr, int sleep) {
        try {
            Request r = request(req);
            FileInfo f = readFileInfo(fi);
            Lock l = readLock(lockPtr);
            ReplyEmpty reply = new ReplyEmpty(sink, req.address(), dispatcher.completion(Op.SETLK));
            dispatcher.dispatch(Op.SETLK, reply, () -> fs.setlk(r, ino, f, l, sleep != 0, reply));
        } catch (Throwable t) {
            failed(Op.SETLK, req, t);
        }
    }

    private void flock(MemorySegment req, long ino, MemorySegment fi, int op) {
        try {
            Request r = request(req);
            FileInfo f = readFileInfo(fi);
            ReplyEmpty reply = new ReplyEmpty(sink, req.address(), dispatcher.completion(Op.FLOCK));
            dispatcher.dispatch(Op.FLOCK, reply, () -> fs.flock(r, ino, f, op, reply));
        } catch (Throwable t) {
            failed(Op.FLOCK, req, t);
        }
    }

    private void fallocate(MemorySegment req, long ino, int mode, long offset, long length, MemorySegment fi) {
        try {
            Request r = request(req);
            FileInfo f = readFileInfo(fi);
            ReplyEmpty reply = new ReplyEmpty(sink, req.address(), dispatcher.completion(Op.FALLOCATE));
            dispatcher.dispatch(Op.FALLOCATE, reply, () -> fs.fallocate(r, ino, mode, offset, length, f, reply));
        } catch (Throwable t) {
            failed(Op.FALLOCATE, req, t);
        }
    }

    private void copyFileRange(MemorySegment req, long inoIn, long offIn, MemorySegment fiIn, long inoOut,
                               long offOut, MemorySegment fiOut, long len, int flags) {
        try {
            Request r = request(req);
            FileInfo fIn = readFileInfo(fiIn);
            FileInfo fOut = readFileInfo(fiOut);
            ReplyWrite reply = new ReplyWrite(sink, req.address(), dispatcher.completion(Op.COPY_FILE_RANGE));
            dispatcher.dispatch(Op.COPY_FILE_RANGE, reply,
                    () -> fs.copyFileRange(r, inoIn, offIn, fIn, inoOut, offOut, fOut, len, flags, reply));
        } catch (Throwable t) {
            failed(Op.COPY_FILE_RANGE, req, t);
        }
    }

    private void lseek(MemorySegment req, long ino, long off, int whence, MemorySegment fi) {
        try {
            Request r = request(req);
            FileInfo f = readFileInfo(fi);
            ReplyLseek reply = new ReplyLseek(sink, req.address(), dispatcher.completion(Op.LSEEK));
            dispatcher.dispatch(Op.LSEEK, reply, () -> fs.lseek(r, ino, off, whence, f, reply));
        } catch (Throwable t) {
            failed(Op.LSEEK, req, t);
        }
    }

    private void bmap(MemorySegment req, long ino, long blocksize, long idx) {
        try {
            Request r = request(req);
            ReplyBmap reply = new ReplyBmap(sink, req.address(), dispatcher.completion(Op.BMAP));
            dispatcher.dispatch(Op.BMAP, reply, () -> fs.bmap(r, ino, blocksize, idx, reply));
        } catch (Throwable t) {
            failed(Op.BMAP, req, t);
        }
    }
}
