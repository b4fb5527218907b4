package vexfs.passthrough;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;

import vexfs.libc.FsException;

/**
 * One backing-filesystem node the kernel knows: identity (dev, ino), the kernel's lookup count, the node id we
 * gave it, its file handle, and the state of its O_PATH descriptor. Node ids are never reused within a mount, so
 * the generation is constant.
 *
 * <p>The descriptor is managed by {@link DescriptorCache}: with a handle it may be closed while unpinned and is
 * reopened by handle when needed; without one (another mount, a filesystem without handles, a daemon that may not
 * open by handle) it stays open until the node is forgotten. {@code state} is the number of pins while a
 * descriptor is open, {@link #CLOSED} while none is: a pin is taken only by a compare-and-set from a count
 * {@code >= 0}, and a descriptor is closed only by the compare-and-set 0 → CLOSED, so no descriptor is ever closed
 * (and its number reused by another file) while a request uses it.
 */
final class Inode implements BackingNode {
    static final int CLOSED = -1;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Inode.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final long nodeId;
    final long dev;
    final long ino;
    /** S_IFMT bits at lookup time (a node never changes type). */
    final int type;
    /** The whole struct file_handle to reopen by, or null: then {@link #fd} stays open while the node is known. */
    final byte[] handle;
    final AtomicLong nlookup = new AtomicLong();
    private final DescriptorCache cache;

    /** The open O_PATH descriptor while {@code state >= 0}; written only under this node's monitor. */
    volatile int fd;
    @SuppressWarnings("unused") // through STATE
    private volatile int state;
    /** Set on every pin, cleared by the eviction clock: the node was used since the clock hand last passed. */
    volatile boolean referenced;
    /** The kernel forgot the node: its descriptor is closed at the last unpin and never reopened. */
    volatile boolean forgotten;
    /** Position in the cache's clock ring, -1 if not in it; guarded by the ring's lock. */
    int ringSlot = -1;
    /**
     * A regular descriptor of one of this node's open files (the last opened), or -1; guarded by this node's
     * monitor, which xattr reads through it hold, so that a release cannot close it under them.
     */
    private int openFileFd = -1;

    /** A node whose descriptor {@code fd} is open (and unpinned). */
    Inode(long nodeId, int fd, long dev, long ino, int type, byte[] handle, DescriptorCache cache) {
        this.nodeId = nodeId;
        this.fd = fd;
        this.dev = dev;
        this.ino = ino;
        this.type = type;
        this.handle = handle;
        this.cache = cache;
    }

    @Override
    public PinnedFd pin() throws FsException {
        return new PinnedFd(this, cache.acquire(this));
    }

    /** Gives back a pin taken by {@link #pin()} (or by the passthrough for an open file). */
    void cacheRelease() {
        cache.release(this);
    }

    @Override
    public long dev() {
        return dev;
    }

    @Override
    public long ino() {
        return ino;
    }

    @Override
    public int type() {
        return type;
    }

    boolean isDirectory() {
        return type == vexfs.libc.Attr.S_IFDIR;
    }

    int state() {
        return (int) STATE.getVolatile(this);
    }

    boolean casState(int expected, int value) {
        return STATE.compareAndSet(this, expected, value);
    }

    /** Sets the state; only under this node's monitor, when a descriptor was just opened (from CLOSED). */
    void setState(int value) {
        STATE.setVolatile(this, value);
    }

    /** Drops one pin; returns the pins left. */
    int unpin() {
        int left = (int) STATE.getAndAdd(this, -1) - 1;
        if (left < 0) throw new IllegalStateException("node " + nodeId + " unpinned more often than pinned");
        return left;
    }

    /** An open file of this node got descriptor {@code fd} (before the open is answered). */
    void fileOpened(int fd) {
        synchronized (this) {
            openFileFd = fd;
        }
    }

    /** Descriptor {@code fd} of an open file is about to be closed: xattr reads stop using it. */
    void fileClosing(int fd) {
        synchronized (this) {
            if (openFileFd == fd) openFileFd = -1;
        }
    }

    /**
     * The size of attribute {@code name} (getxattr with no buffer), read through an open file's regular descriptor
     * where there is one: fgetxattr costs ~0.7 µs, a getxattr through {@code /proc/self/fd/N} of the O_PATH
     * descriptor {@code pathFd} ~3.2 µs. The kernel asks this for {@code security.capability} before every WRITE
     * (on a file that is necessarily open) unless it could cache the answer (FUSE_HANDLE_KILLPRIV_V2).
     */
    long xattrSize(int pathFd, vexfs.libc.Name name) throws FsException {
        synchronized (this) {
            if (openFileFd >= 0) return vexfs.libc.NativeIo.fgetxattrSize(openFileFd, name);
        }
        return vexfs.libc.NativeIo.getxattrSize(pathFd, name);
    }

    /** The value of attribute {@code name} (at most {@code maxSize} bytes), as {@link #xattrSize} reads it. */
    byte[] xattr(int pathFd, vexfs.libc.Name name, int maxSize) throws FsException {
        synchronized (this) {
            if (openFileFd >= 0) return vexfs.libc.NativeIo.fgetxattr(openFileFd, name, maxSize);
        }
        return vexfs.libc.NativeIo.getxattr(pathFd, name, maxSize);
    }

    /** (dev, ino) as one key. */
    record Key(long dev, long ino) {}

    Key key() {
        return new Key(dev, ino);
    }
}
