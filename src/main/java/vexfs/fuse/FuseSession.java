package vexfs.fuse;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vexfs.bindings.constants_h;
import vexfs.bindings.fuse_args;
import vexfs.bindings.fuse_buf;
import vexfs.bindings.fuse_lowlevel_h;
import vexfs.bindings.fuse_lowlevel_ops;
import vexfs.libc.CStructs;
import vexfs.libc.Errno;
import vexfs.libc.FsException;
import vexfs.libc.Libc;
import vexfs.libc.Name;
import vexfs.libc.Scratch;

/**
 * A mounted FUSE session: libfuse's low-level session driven by our own platform reader threads, each calling
 * fuse_session_receive_buf + fuse_session_process_buf with its own fuse_buf (not fuse_session_loop_mt, whose
 * on-demand native threads would pay ~0.3 ms to attach on their first upcall). Ends when the filesystem is
 * unmounted from outside (fusermount3 -u: the device answers ENODEV) or by {@link #close()}; close waits for
 * handed-off requests before destroying the session.
 */
public final class FuseSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FuseSession.class);

    private final Path mountpoint;
    /** Holds the ops struct and the upcall stubs: it must outlive the session. */
    private final Arena stubs;
    private final MemorySegment session;
    private final Dispatcher dispatcher;
    private final List<Thread> readers = new ArrayList<>();
    private final CountDownLatch readersDone;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object notifyLock = new Object();
    private final AtomicBoolean unmounted = new AtomicBoolean();

    private final KernelPassthrough passthrough;

    private FuseSession(Path mountpoint, Arena stubs, MemorySegment session, Dispatcher dispatcher, int readerCount,
                        KernelPassthrough passthrough) {
        this.passthrough = passthrough;
        this.mountpoint = mountpoint;
        this.stubs = stubs;
        this.session = session;
        this.dispatcher = dispatcher;
        this.readersDone = new CountDownLatch(readerCount);
    }

    /**
     * Creates the session, mounts it on {@code mountpoint} and starts the reader threads. The kernel's INIT is
     * answered by the first reader; the mount answers requests once this returns.
     */
    public static FuseSession mount(FuseFilesystem fs, Path mountpoint, MountOptions options) throws FsException {
        return mount(prepare(options), fs, mountpoint, options);
    }

    /**
     * The half of a mount that needs no filesystem: loads libfuse, checks its version and links the upcall
     * stubs (~40 of them, ~150 ms of a cold JVM's start-up). The daemon runs this on a second thread while it
     * opens the store; {@link #mount(PreparedSession, FuseFilesystem, Path, MountOptions)} uses the result.
     */
    public static PreparedSession prepare(MountOptions options) throws FsException {
        FuseLibrary.checkSupported();
        LOG.info("{}", FuseLibrary.describe());
        Dispatcher dispatcher = new Dispatcher(options.maxInFlight(), options.blockingThreads());
        KernelPassthrough passthrough = new KernelPassthrough();
        UpcallAdapters adapters = new UpcallAdapters(dispatcher, new NativeReplySink(passthrough), passthrough);
        Arena setup = Arena.ofShared();
        try {
            return new PreparedSession(setup, dispatcher, passthrough, adapters, adapters.buildOps(setup));
        } catch (RuntimeException e) {
            dispatcher.close();
            setup.close();
            throw e;
        }
    }

    /** Mounts {@code fs} with the stubs {@code prepared} linked; on failure the prepared session is released. */
    public static FuseSession mount(PreparedSession prepared, FuseFilesystem fs, Path mountpoint,
                                    MountOptions options) throws FsException {
        prepared.claim();
        Arena setup = prepared.arena();
        Dispatcher dispatcher = prepared.dispatcher();
        KernelPassthrough passthrough = prepared.passthrough();
        UpcallAdapters adapters = prepared.adapters();
        FuseSession s = null;
        try {
            adapters.serve(fs);
            MemorySegment ops = prepared.ops();
            MemorySegment args = fuse_args.allocate(setup);
            args.fill((byte) 0);
            List<String> argv = new ArrayList<>(List.of("vexfs"));
            if (!options.kernelOptions().isEmpty()) {
                argv.add("-o");
                argv.add(String.join(",", options.kernelOptions()));
            }
            if (options.debug()) argv.add("-d");
            for (String a : argv) {
                if (fuse_lowlevel_h.fuse_opt_add_arg(args, setup.allocateFrom(a)) != 0) {
                    throw new FsException(Errno.ENOMEM, "fuse_opt_add_arg");
                }
            }
            // fuse_lowlevel_ops is 3.14's (352 bytes); 3.17's is 360 (tmpfile appended). op_size exists for this:
            // libfuse copies op_size bytes and leaves the ops we do not know NULL.
            MemorySegment se = FuseLibrary.sessionConstructor().create(args, ops, fuse_lowlevel_ops.sizeof(),
                    MemorySegment.NULL, setup);
            fuse_lowlevel_h.fuse_opt_free_args(args);
            if (se.equals(MemorySegment.NULL)) {
                throw new FsException(Errno.EINVAL, "fuse_session_new failed (bad mount options? "
                        + options.kernelOptions() + "; libfuse printed why on stderr)");
            }
            String mp = mountpoint.toAbsolutePath().normalize().toString();
            if (fuse_lowlevel_h.fuse_session_mount(se, setup.allocateFrom(mp)) != 0) {
                fuse_lowlevel_h.fuse_session_destroy(se);
                throw new FsException(Errno.EIO, "cannot mount on " + mp + " (see libfuse's message above)");
            }
            s = new FuseSession(mountpoint, setup, se, dispatcher, options.readerThreads(), passthrough);
            adapters.attributeInvalidator(s::invalidateAttributes);
            s.startReaders(options.readerThreads());
            return s;
        } catch (FsException | RuntimeException e) {
            if (s == null) prepared.releaseClaimed();
            throw e;
        }
    }

    private void startReaders(int count) {
        for (int i = 0; i < count; i++) {
            Thread t = Thread.ofPlatform().name("vexfs-reader-" + i).daemon(true).unstarted(this::readLoop);
            readers.add(t);
            t.start();
        }
    }

    /** One reader: receive a request, process it (upcalls run on this thread), until the session ends. */
    private void readLoop() {
        try (Arena a = Arena.ofConfined()) {
            // the loaded ABI's size: libfuse 3.17 writes fuse_buf.mem_size at bytes 40-47, past 3.14's struct
            MemorySegment buf = a.allocate(FuseLibrary.abi().buf());
            buf.fill((byte) 0);  // mem = NULL: libfuse allocates and reuses it for this thread
            while (fuse_lowlevel_h.fuse_session_exited(session) == 0) {
                int res = fuse_lowlevel_h.fuse_session_receive_buf(session, buf);
                if (res == -constants_h.EINTR || res == -constants_h.EAGAIN) continue;
                if (res <= 0) {
                    if (res < 0 && res != -constants_h.ENODEV) {
                        LOG.error("receive from /dev/fuse failed: {}", Errno.name(-res));
                    }
                    fuse_lowlevel_h.fuse_session_exit(session);
                    break;
                }
                fuse_lowlevel_h.fuse_session_process_buf(session, buf);
            }
            // libfuse malloc'ed buf.mem on first receive; free it as fuse_session_loop does.
            MemorySegment mem = fuse_buf.mem(buf);
            if (!mem.equals(MemorySegment.NULL)) Libc.free(mem);
        } catch (Throwable t) {
            LOG.error("reader thread failed: {}", t.toString(), t);
            fuse_lowlevel_h.fuse_session_exit(session);
        } finally {
            readersDone.countDown();
        }
    }

    /**
     * Kernel passthrough of regular files' reads and writes: "on", or "off (why)"; "off (not negotiated yet)"
     * until the kernel's INIT has been answered (the mount answers requests).
     */
    public String passthroughMode() {
        return passthrough.mode();
    }

    /** Blocks until the session ends (unmounted from outside, or closed). */
    public void awaitTermination() throws InterruptedException {
        readersDone.await();
    }

    public Path mountpoint() {
        return mountpoint;
    }

    public Map<Op, OpStats.Summary> stats() {
        return dispatcher.stats().snapshot();
    }

    public int inFlight() {
        return dispatcher.inFlight();
    }

    /** Requests handed off the reader threads since the mount: to virtual threads, to the blocking pool. */
    public long[] handOffs() {
        return new long[] {dispatcher.virtualHandOffs(), dispatcher.blockingHandOffs()};
    }

    public int maxStackDepth() {
        return dispatcher.maxStackDepth();
    }

    /** Asks the kernel to drop cached data/attributes of {@code ino} (0 offset, 0 length = all). */
    public void invalidateInode(long ino) {
        fuse_lowlevel_h.fuse_lowlevel_notify_inval_inode(session, ino, 0, 0);
    }

    /**
     * Asks the kernel to drop its cached attributes of {@code ino} (offset -1: no page-cache work, so safe inside
     * a request handler, even one the kernel holds the inode lock for). A no-op once {@link #close} began.
     */
    void invalidateAttributes(long ino) {
        synchronized (notifyLock) {
            if (closed.get()) return;
            fuse_lowlevel_h.fuse_lowlevel_notify_inval_inode(session, ino, -1, 0);
        }
    }

    /**
     * Asks the kernel to forget the dentry {@code name} in {@code parent}. Never from a request handler (libfuse:
     * it can deadlock there). A no-op once {@link #close} began: the lock keeps the session and its /dev/fuse
     * descriptor alive for a notification in progress.
     */
    public void invalidateEntry(long parent, Name name) {
        synchronized (notifyLock) {
            if (closed.get()) return;
            try (Scratch a = Scratch.open()) {
                fuse_lowlevel_h.fuse_lowlevel_notify_inval_entry(session, parent,
                        CStructs.cString(a, name.raw()), name.length());
            }
        }
    }

    /**
     * Unmounts (if still mounted), waits for the readers and for handed-off requests, answers EIO to anything
     * left, and destroys the session. Idempotent; safe from a shutdown hook.
     */
    @Override
    public void close() {
        synchronized (notifyLock) {
            if (!closed.compareAndSet(false, true)) return;
        }
        fuse_lowlevel_h.fuse_session_exit(session);
        unmount();
        try {
            for (Thread t : readers) t.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        dispatcher.close();
        boolean readersStopped = readers.stream().noneMatch(Thread::isAlive);
        if (readersStopped) {
            fuse_lowlevel_h.fuse_session_destroy(session);
            stubs.close();
        } else {
            LOG.warn("reader threads did not stop; leaving the session to process exit");
        }
    }

    private void unmount() {
        if (unmounted.compareAndSet(false, true)) {
            // fuse_session_unmount runs fusermount3 -u (or umount2) and closes /dev/fuse: blocked readers
            // then get ENODEV.
            fuse_lowlevel_h.fuse_session_unmount(session);
        }
    }
}
