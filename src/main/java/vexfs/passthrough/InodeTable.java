package vexfs.passthrough;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import vexfs.fuse.FuseFilesystem;
import vexfs.libc.Attr;
import vexfs.libc.Errno;
import vexfs.libc.FsException;
import vexfs.libc.NativeIo;

/**
 * The nodes the kernel holds references to, as in libfuse's passthrough_ll: (dev, ino) identifies a node, each
 * entry reply adds one lookup reference, forget subtracts, and at zero the O_PATH descriptor is closed.
 * Both maps change only inside {@link ConcurrentHashMap#compute} on the (dev, ino) key, so a lookup racing with
 * the last forget either revives the node or creates a fresh one, never a closed descriptor.
 */
final class InodeTable {
    private final ConcurrentHashMap<Inode.Key, Inode> byKey = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Inode> byId = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(FuseFilesystem.ROOT_ID + 1);
    private final Inode root;

    InodeTable(int rootFd, Attr rootAttr) {
        this.root = new Inode(FuseFilesystem.ROOT_ID, rootFd, rootAttr.dev(), rootAttr.ino(), Attr.S_IFDIR);
        root.nlookup.set(Long.MAX_VALUE / 2);  // the root is never forgotten
        byId.put(root.nodeId, root);
        byKey.put(root.key(), root);  // so ".." of a top-level directory resolves to node 1
    }

    Inode root() {
        return root;
    }

    /** The node for {@code nodeId}, or ENOENT (a stale id after forget would be a kernel bug, not ours). */
    Inode get(long nodeId) throws FsException {
        Inode i = byId.get(nodeId);
        if (i == null) throw new FsException(Errno.ENOENT, "unknown node id " + nodeId);
        return i;
    }

    Inode find(long nodeId) {
        return byId.get(nodeId);
    }

    /**
     * Adds one lookup reference to the node (dev, ino), adopting {@code fd} if the node is new; if it already
     * existed, {@code fd} is closed. This is the single place every entry reply goes through.
     */
    Inode reference(int fd, long dev, long ino, int type) {
        Inode[] created = new Inode[1];
        Inode result = byKey.compute(new Inode.Key(dev, ino), (k, existing) -> {
            if (existing != null) {
                existing.nlookup.incrementAndGet();
                return existing;
            }
            Inode n = new Inode(nextId.getAndIncrement(), fd, dev, ino, type);
            n.nlookup.set(1);
            byId.put(n.nodeId, n);
            created[0] = n;
            return n;
        });
        if (created[0] == null) NativeIo.close(fd);
        return result;
    }

    /** Adds one lookup reference to the node (dev, ino) if the table has it; null (and no change) if not. */
    Inode referenceIfKnown(long dev, long ino) {
        return byKey.computeIfPresent(new Inode.Key(dev, ino), (k, existing) -> {
            existing.nlookup.incrementAndGet();
            return existing;
        });
    }

    /** Drops {@code n} lookup references; at zero the node leaves the table and its descriptor is closed. */
    void forget(long nodeId, long n) {
        Inode i = byId.get(nodeId);
        if (i == null || i == root) return;
        byKey.computeIfPresent(i.key(), (k, cur) -> {
            if (cur != i) return cur;
            if (i.nlookup.addAndGet(-n) > 0) return cur;
            byId.remove(i.nodeId);
            NativeIo.close(i.fd);
            return null;
        });
    }

    int size() {
        return byId.size();
    }
}
