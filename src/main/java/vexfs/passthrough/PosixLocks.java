package vexfs.passthrough;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import vexfs.libc.Errno;
import vexfs.libc.FsException;
import vexfs.libc.Lock;
import vexfs.libc.NativeIo;

/**
 * POSIX record locks (fcntl F_SETLK/F_GETLK) with their real owner semantics. Through FUSE the kernel names the
 * owner of a POSIX lock ({@code lock_owner}: one per process), not the open file: two descriptors of one process
 * share their locks, a forked child does not inherit them, and any close by the process releases them all (the
 * kernel sends FLUSH with the owner). Locking the open descriptor itself would get all three wrong, so each
 * (node, owner) gets its own open file description of the backing file and takes OFD locks on it: OFD locks of
 * different descriptions conflict exactly like POSIX locks of different processes, those of one description
 * merge and split like one process's, and they also conflict with processes locking the backing file directly.
 * Releasing an owner closes its description, which drops all its locks in one step.
 * <p>
 * Blocking requests (F_SETLKW) are retried non-blocking, woken by every release through the mount and otherwise
 * after a growing pause ({@link LockWait}), on a virtual thread, checking for FUSE_INTERRUPT between tries: a process waiting for a lock can then be killed (the kernel keeps a process in an
 * uninterruptible wait until the daemon answers its request), and no platform thread is held while it waits.
 */
final class PosixLocks {
    private record Key(long nodeId, long owner) {}

    /** One owner's description; {@code fd} is closed (and the holder dropped) under the map's lock for its key. */
    private static final class Holder {
        final int fd;
        volatile int pid;
        boolean closed;

        Holder(int fd, int pid) {
            this.fd = fd;
            this.pid = pid;
        }
    }

    private static final int F_RDLCK = 0;
    private static final int F_WRLCK = 1;

    private final Map<Key, Holder> holders = new ConcurrentHashMap<>();
    private final LockReleases releases;

    PosixLocks(LockReleases releases) {
        this.releases = releases;
    }

    /** F_GETLK for {@code owner}: the first lock of another owner that would conflict, or F_UNLCK. */
    Lock test(Inode node, long owner, int fileFd, Lock query) throws FsException {
        Holder h = holders.get(new Key(node.nodeId, owner));
        Lock probe = new Lock(query.type(), query.whence(), query.start(), query.len(), 0);
        Lock found;
        if (h == null) {
            // Without a holder the owner has no locks: any lock on the file conflicts, so the open fd will do.
            found = NativeIo.fcntlLock(fileFd, NativeIo.F_OFD_GETLK, probe);
        } else {
            synchronized (h) {
                found = NativeIo.fcntlLock(h.closed ? fileFd : h.fd, NativeIo.F_OFD_GETLK, probe);
            }
        }
        if (found.type() == NativeIo.F_UNLCK || found.pid() > 0) return found;
        return new Lock(found.type(), found.whence(), found.start(), found.len(), holderPid(node, owner, found));
    }

    /**
     * The pid of the owner holding {@code conflict} (an OFD lock reports pid -1): the one other holder whose own
     * description does not see that range as conflicting. 0 if none can be named (e.g. an OFD lock taken on the
     * backing file by another program).
     */
    private int holderPid(Inode node, long owner, Lock conflict) {
        for (Map.Entry<Key, Holder> e : holders.entrySet()) {
            Key k = e.getKey();
            if (k.nodeId() != node.nodeId || k.owner() == owner) continue;
            Holder h = e.getValue();
            synchronized (h) {
                if (h.closed) continue;
                int probeType = conflict.type() == F_WRLCK ? F_RDLCK : F_WRLCK;
                try {
                    Lock seen = NativeIo.fcntlLock(h.fd, NativeIo.F_OFD_GETLK,
                            new Lock(probeType, 0, conflict.start(), conflict.len(), 0));
                    if (seen.type() == NativeIo.F_UNLCK) return h.pid;
                } catch (FsException ignored) {
                    // a holder we cannot ask is not the one
                }
            }
        }
        return 0;
    }

    /** F_SETLK / F_SETLKW for {@code owner}. */
    void set(Inode node, long owner, int pid, Lock lock, boolean sleep, BooleanSupplier interrupted)
            throws FsException {
        Key key = new Key(node.nodeId, owner);
        if (lock.type() == NativeIo.F_UNLCK) {
            Holder h = holders.get(key);
            if (h == null) return;
            if (lock.whence() == NativeIo.SEEK_SET && lock.start() == 0 && lock.len() == 0) {
                release(key);  // unlocking everything: drop the description
            } else {
                synchronized (h) {
                    if (!h.closed) NativeIo.fcntlLock(h.fd, NativeIo.F_OFD_SETLK, ofd(lock));
                }
                releases.released(node.nodeId);
            }
            return;
        }
        LockWait.until(() -> {
            Holder h = holder(node, key, pid);
            synchronized (h) {
                if (h.closed) return false;  // released meanwhile by another thread of the owner: take a new one
                try {
                    NativeIo.fcntlLock(h.fd, NativeIo.F_OFD_SETLK, ofd(lock));
                    h.pid = pid;
                    return true;
                } catch (FsException e) {
                    if (!sleep || (e.errno() != Errno.EAGAIN && e.errno() != Errno.EACCES)) throw e;
                    return false;
                }
            }
        }, interrupted, releases, node.nodeId);
    }

    private static Lock ofd(Lock l) {
        return new Lock(l.type(), l.whence(), l.start(), l.len(), 0);  // OFD locks require l_pid 0
    }

    private Holder holder(Inode node, Key key, int pid) throws FsException {
        FsException[] failure = new FsException[1];
        Holder h = holders.computeIfAbsent(key, k -> {
            try {
                return new Holder(openDescription(node), pid);
            } catch (FsException e) {
                failure[0] = e;
                return null;
            }
        });
        if (h == null) throw failure[0];
        return h;
    }

    /** A new description of the file, read-write if the backing FS lets us (a write lock needs it). */
    private static int openDescription(Inode node) throws FsException {
        FsException last = null;
        try (PinnedFd path = node.pin()) {
            for (int mode : new int[] {NativeIo.O_RDWR, NativeIo.O_RDONLY, NativeIo.O_WRONLY}) {
                try {
                    return NativeIo.reopen(path.fd(), mode | NativeIo.O_CLOEXEC);
                } catch (FsException e) {
                    last = e;
                }
            }
        }
        throw last;
    }

    /** Drops every lock of {@code owner} on the node (close of any of the owner's descriptors: FLUSH). */
    void release(long nodeId, long owner) {
        release(new Key(nodeId, owner));
    }

    private void release(Key key) {
        boolean[] dropped = new boolean[1];
        holders.computeIfPresent(key, (k, h) -> {
            synchronized (h) {
                h.closed = true;
                NativeIo.close(h.fd);
            }
            dropped[0] = true;
            return null;
        });
        if (dropped[0]) releases.released(key.nodeId());
    }

    int holderCount() {
        return holders.size();
    }
}
