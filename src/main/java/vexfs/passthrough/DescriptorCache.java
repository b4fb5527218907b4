package vexfs.passthrough;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import vexfs.libc.Errno;
import vexfs.libc.FsException;
import vexfs.libc.NativeIo;

/**
 * The bounded set of open O_PATH descriptors of nodes that have a file handle (virtiofsd's file-handle mode): at
 * most {@code bound} of them stay open; the least recently used unpinned one is closed when a new one is opened
 * past the bound, and reopened with open_by_handle_at when a request needs it again. Only descriptors pinned at
 * that moment (in use by a request, or by an open file of the node) can take the count past the bound.
 *
 * <p>"Least recently used" is the CLOCK approximation: a pin only sets the node's {@code referenced} bit (no
 * shared lock on the hot path); the eviction hand sweeps a ring of the open descriptors, clearing bits and closing
 * the first unpinned node whose bit is clear. Lock order: the ring's lock, then a node's monitor; a node's monitor
 * is never held while the ring's lock is taken.
 *
 * <p>Nodes without a handle keep their descriptor from lookup to forget; they are counted apart
 * ({@link #permanent()}) and never evicted.
 */
final class DescriptorCache {
    private final int mountFd;
    private final int bound;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger permanent = new AtomicInteger();
    private final AtomicLong reopens = new AtomicLong();
    private final AtomicLong evictions = new AtomicLong();

    private final Object ringLock = new Object();
    private Inode[] ring = new Inode[64];
    private int size;
    private int hand;

    /** {@code mountFd}: a descriptor on the backing filesystem's mount, for open_by_handle_at. */
    DescriptorCache(int mountFd, int bound) {
        if (bound < 1) throw new IllegalArgumentException("bound must be >= 1, got " + bound);
        this.mountFd = mountFd;
        this.bound = bound;
    }

    void closeMountFd() {
        if (mountFd >= 0) NativeIo.close(mountFd);
    }

    int bound() {
        return bound;
    }

    /** Open descriptors of nodes with a handle (pinned or not). */
    int open() {
        return open.get();
    }

    /** Open descriptors of nodes without a handle (kept while the node is known). */
    int permanent() {
        return permanent.get();
    }

    long reopens() {
        return reopens.get();
    }

    long evictions() {
        return evictions.get();
    }

    /** Takes over the open, unpinned descriptor of a node just created (state 0). */
    void adopt(Inode n) {
        if (n.handle == null) {
            permanent.incrementAndGet();
            return;
        }
        synchronized (ringLock) {
            insert(n);
        }
        open.incrementAndGet();
        n.referenced = false;  // scan resistance: a node looked up once (readdirplus, a walk) is the first to go
        evictIfOver();
    }

    /** Pins the node's descriptor (reopening it by handle if it was closed) and returns it. */
    int acquire(Inode n) throws FsException {
        while (true) {
            int s = n.state();
            if (s < 0) break;
            if (n.casState(s, s + 1)) {
                if (!n.referenced) n.referenced = true;
                return n.fd;  // published before the state went >= 0; cannot close while pinned
            }
        }
        return acquireSlow(n);
    }

    private int acquireSlow(Inode n) throws FsException {
        boolean retried = false;
        while (true) {
            boolean opened = false;
            int fd;
            FsException outOfFds = null;
            synchronized (n) {
                int s = n.state();
                if (s >= 0) {
                    if (!n.casState(s, s + 1)) continue;  // a fast-path pin raced with us: read again
                    n.referenced = true;
                    return n.fd;
                }
                if (n.forgotten || n.handle == null) {
                    throw new FsException(Errno.ESTALE, "node " + n.nodeId + " was forgotten");
                }
                try {
                    fd = NativeIo.openByHandle(mountFd, n.handle, NativeIo.O_PATH | NativeIo.O_CLOEXEC);
                    n.fd = fd;
                    n.referenced = true;
                    n.setState(1);
                    opened = true;
                } catch (FsException e) {
                    if ((e.errno() != Errno.EMFILE && e.errno() != Errno.ENFILE) || retried) throw e;
                    outOfFds = e;
                    fd = -1;
                }
            }
            if (opened) {
                reopens.incrementAndGet();
                synchronized (ringLock) {
                    insert(n);
                }
                open.incrementAndGet();
                evictIfOver();
                return fd;
            }
            // out of descriptors (a limit below our bound, or other descriptors of the daemon): make room, retry once
            if (outOfFds != null) {
                retried = true;
                makeRoom();
            }
        }
    }

    /** Gives back one pin; the descriptor of a forgotten node is closed with its last pin. */
    void release(Inode n) {
        if (n.unpin() == 0 && n.forgotten) closeIfUnpinned(n);
    }

    /** The kernel forgot {@code n}: close its descriptor now if nothing uses it, else at the last unpin. */
    void retire(Inode n) {
        n.forgotten = true;
        closeIfUnpinned(n);
    }

    private void closeIfUnpinned(Inode n) {
        boolean closed;
        synchronized (n) {
            closed = closeLocked(n);
        }
        if (!closed) return;
        if (n.handle == null) {
            permanent.decrementAndGet();
            return;
        }
        synchronized (ringLock) {
            remove(n);
        }
        open.decrementAndGet();
    }

    /** Under n's monitor: closes the descriptor if unpinned. */
    private static boolean closeLocked(Inode n) {
        if (!n.casState(0, Inode.CLOSED)) return false;
        int fd = n.fd;
        n.fd = -1;
        NativeIo.close(fd);
        return true;
    }

    /**
     * Out of descriptors: closes unpinned node descriptors until at most half of those open now are left (used or
     * not); returns how many were closed.
     */
    int makeRoom() {
        long before = evictions.get();
        evict(open.get() / 2);
        return (int) (evictions.get() - before);
    }

    private void evictIfOver() {
        if (open.get() > bound) evict(bound);
    }

    /**
     * Sweeps the clock until at most {@code target} descriptors are open or every one is pinned (two passes: the
     * first may only clear referenced bits).
     */
    private void evict(int target) {
        synchronized (ringLock) {
            int budget = 2 * size + 1;
            while (open.get() > target && size > 0 && budget-- > 0) {
                if (hand >= size) hand = 0;
                Inode c = ring[hand];
                if (c.referenced && target > 0) {
                    c.referenced = false;
                    hand++;
                    continue;
                }
                boolean closed;
                synchronized (c) {
                    closed = closeLocked(c);
                }
                if (closed) {
                    remove(c);
                    open.decrementAndGet();
                    evictions.incrementAndGet();
                } else {
                    hand++;
                }
            }
        }
    }

    /** Under ringLock. */
    private void insert(Inode n) {
        if (n.ringSlot >= 0) return;
        if (size == ring.length) ring = java.util.Arrays.copyOf(ring, size * 2);
        ring[size] = n;
        n.ringSlot = size++;
    }

    /** Under ringLock: the last node takes the slot (the clock order changes a little; it is an approximation). */
    private void remove(Inode n) {
        int i = n.ringSlot;
        if (i < 0) return;
        Inode last = ring[--size];
        ring[i] = last;
        last.ringSlot = i;
        ring[size] = null;
        n.ringSlot = -1;
        if (ring.length > 64 && size < ring.length / 4) ring = java.util.Arrays.copyOf(ring, ring.length / 2);
    }
}
