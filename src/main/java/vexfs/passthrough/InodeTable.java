package vexfs.passthrough;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vexfs.fuse.FuseFilesystem;
import vexfs.libc.Attr;
import vexfs.libc.Errno;
import vexfs.libc.FileHandle;
import vexfs.libc.FsException;
import vexfs.libc.Name;
import vexfs.libc.NativeIo;

/**
 * The nodes the kernel holds references to, as in libfuse's passthrough_ll: (dev, ino) identifies a node, each
 * entry reply adds one lookup reference, forget subtracts, and at zero the node leaves the table and its
 * descriptor is closed (at once, or when the last request using it is done). As in virtiofsd's file-handle mode,
 * a node also gets its file handle at lookup, and its O_PATH descriptor lives in a bounded {@link DescriptorCache}
 * that reopens it by handle when needed; a node without a usable handle keeps its descriptor while it is known.
 * Both maps change only inside {@link ConcurrentHashMap#compute} on the (dev, ino) key, so a lookup racing with
 * the last forget either revives the node or creates a fresh one, never a closed one.
 */
final class InodeTable {
    private static final Logger LOG = LoggerFactory.getLogger(InodeTable.class);
    /** The bound on open node descriptors when -o max_fds is not given (and the descriptor limit allows it). */
    static final int DEFAULT_MAX_FDS = 4096;

    private final ConcurrentHashMap<Inode.Key, Inode> byKey = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Inode> byId = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(FuseFilesystem.ROOT_ID + 1);
    private final Inode root;
    private final DescriptorCache fds;
    /** The mount id of the root when nodes are kept by handle; -1 when every node keeps its descriptor. */
    private final int handleMountId;
    private final Set<Integer> loggedMounts = ConcurrentHashMap.newKeySet();
    private final Set<Long> loggedDevs = ConcurrentHashMap.newKeySet();
    /** The bound on known nodes, from the heap cap (or -Dvexfs.maxNodes for tests). */
    private final int maxNodes = Integer.getInteger("vexfs.maxNodes", nodeBudget(Runtime.getRuntime().maxMemory()));
    private final AtomicLong lastRefusalLog = new AtomicLong(System.nanoTime() - 20_000_000_000L);

    /** A table with the default bound, file handles where the backing filesystem and our privileges allow. */
    InodeTable(int rootFd, Attr rootAttr) {
        this(rootFd, rootAttr, 0);
    }

    /** {@code maxFds}: the bound on open node descriptors, 0 for the default. */
    InodeTable(int rootFd, Attr rootAttr, int maxFds) {
        int[] mount = probeHandles(rootFd);
        this.handleMountId = mount[1];
        this.fds = new DescriptorCache(mount[0], boundFor(maxFds));
        this.root = new Inode(FuseFilesystem.ROOT_ID, rootFd, rootAttr.dev(), rootAttr.ino(), Attr.S_IFDIR, null, fds);
        root.nlookup.set(Long.MAX_VALUE / 2);  // the root is never forgotten
        fds.adopt(root);
        byId.put(root.nodeId, root);
        byKey.put(root.key(), root);  // so ".." of a top-level directory resolves to node 1
        if (handleMountId >= 0) {
            LOG.info("inodes: by file handle, at most {} open node descriptors (-o max_fds; descriptor limit {})",
                    fds.bound(), OpenFilesLimit.soft());
        }
    }

    /**
     * The bound: {@code maxFds} if given, else the default, but at most a quarter of the descriptor limit: the rest
     * is for open files, each of which also pins its node's descriptor until its RELEASE (up to 256 releases may
     * wait on virtual threads under load: 512 descriptors), and the daemon's own.
     */
    static int boundFor(int maxFds) {
        if (maxFds > 0) {
            long limit = OpenFilesLimit.soft();
            if (limit > 0 && maxFds >= limit) {
                LOG.warn("max_fds={} is not below the descriptor limit ({}): lookups may fail with EMFILE"
                        + " before the bound is reached", maxFds, limit);
            }
            return maxFds;
        }
        long limit = OpenFilesLimit.soft();
        return limit <= 0 ? DEFAULT_MAX_FDS : (int) Math.max(16, Math.min(DEFAULT_MAX_FDS, limit / 4));
    }

    /**
     * Whether nodes can be kept by handle: the root has one and we may open it (open_by_handle_at needs
     * CAP_DAC_READ_SEARCH). Returns {mount descriptor, the root's mount id}: the mount descriptor is a real open of
     * the root (open_by_handle_at refuses O_PATH descriptors with EBADF), kept for the table's life; or {-1, -1}
     * after one log line saying why not.
     */
    private static int[] probeHandles(int rootFd) {
        FileHandle h;
        try {
            h = NativeIo.nameToHandle(rootFd, Name.EMPTY, NativeIo.AT_EMPTY_PATH);
        } catch (FsException e) {
            fallback("the backing filesystem gives no file handles: " + e.getMessage());
            return new int[] {-1, -1};
        }
        int mountFd;
        try {
            mountFd = NativeIo.reopen(rootFd, NativeIo.O_RDONLY | NativeIo.O_DIRECTORY | NativeIo.O_CLOEXEC);
        } catch (FsException e) {
            fallback("the backing root cannot be opened for open_by_handle_at: " + e.getMessage());
            return new int[] {-1, -1};
        }
        try {
            NativeIo.close(NativeIo.openByHandle(mountFd, h.raw(), NativeIo.O_PATH | NativeIo.O_CLOEXEC));
            return new int[] {mountFd, h.mountId()};
        } catch (FsException e) {
            NativeIo.close(mountFd);
            fallback(e.errno() == Errno.EPERM ? "the daemon lacks CAP_DAC_READ_SEARCH to open by handle"
                    : "open_by_handle_at fails: " + e.getMessage());
            return new int[] {-1, -1};
        }
    }

    private static void fallback(String why) {
        LOG.warn("inodes: one open descriptor per known node ({}); a mount of more files than the descriptor"
                + " limit ({}) fails with EMFILE", why, OpenFilesLimit.soft());
    }

    /** Whether nodes are kept by handle (a bounded descriptor set) rather than one descriptor each. */
    boolean byHandle() {
        return handleMountId >= 0;
    }

    DescriptorCache descriptors() {
        return fds;
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

    /** The node's descriptor, pinned until the returned lease is closed. */
    PinnedFd pin(long nodeId) throws FsException {
        return get(nodeId).pin();
    }

    /**
     * Adds one lookup reference to the node (dev, ino), adopting {@code fd} (an O_PATH descriptor of it) if the
     * node is new; if it already existed, {@code fd} is closed. This is the single place every entry reply goes
     * through.
     */
    Inode reference(int fd, long dev, long ino, int type) throws FsException {
        Inode known = referenceIfKnown(dev, ino);
        if (known != null) {
            NativeIo.close(fd);
            return known;
        }
        if (byId.size() >= maxNodes) {
            NativeIo.close(fd);
            refuseNode();
        }
        byte[] handle = handleOf(fd, dev);
        Inode[] created = new Inode[1];
        Inode result = byKey.compute(new Inode.Key(dev, ino), (k, existing) -> {
            if (existing != null) {
                existing.nlookup.incrementAndGet();
                return existing;
            }
            Inode n = new Inode(nextId.getAndIncrement(), fd, dev, ino, type, handle, fds);
            n.nlookup.set(1);
            byId.put(n.nodeId, n);
            created[0] = n;
            return n;
        });
        if (created[0] == null) NativeIo.close(fd);
        else fds.adopt(created[0]);
        return result;
    }

    /**
     * The file handle of the node {@code fd}, or null if it must keep its descriptor: handles are off, the node is
     * on another mount than the root (its handle would be opened through the wrong mount), or its filesystem has
     * none. One log line per such mount or filesystem.
     */
    private byte[] handleOf(int fd, long dev) {
        if (handleMountId < 0) return null;
        try {
            FileHandle h = NativeIo.nameToHandle(fd, Name.EMPTY, NativeIo.AT_EMPTY_PATH);
            if (h.mountId() == handleMountId) return h.raw();
            if (loggedMounts.add(h.mountId())) {
                LOG.info("inodes: {} is on another mount (id {}) than the backing root (id {}): its nodes keep"
                        + " one descriptor each while known", NativeIo.describe(fd), h.mountId(), handleMountId);
            }
        } catch (FsException e) {
            if (loggedDevs.add(dev)) {
                LOG.info("inodes: no file handle for {} ({}): nodes of that filesystem keep one descriptor each"
                        + " while known", NativeIo.describe(fd), e.getMessage());
            }
        }
        return null;
    }

    /** Adds one lookup reference to the node (dev, ino) if the table has it; null (and no change) if not. */
    Inode referenceIfKnown(long dev, long ino) {
        return byKey.computeIfPresent(new Inode.Key(dev, ino), (k, existing) -> {
            existing.nlookup.incrementAndGet();
            return existing;
        });
    }

    /**
     * Drops {@code n} lookup references; at zero the node leaves the table and its descriptor is closed (once no
     * request uses it).
     */
    void forget(long nodeId, long n) {
        Inode i = byId.get(nodeId);
        if (i == null || i == root) return;
        boolean[] gone = new boolean[1];
        byKey.computeIfPresent(i.key(), (k, cur) -> {
            if (cur != i) return cur;
            if (i.nlookup.addAndGet(-n) > 0) return cur;
            byId.remove(i.nodeId);
            gone[0] = true;
            return null;
        });
        if (gone[0]) fds.retire(i);
    }

    int size() {
        return byId.size();
    }

    /** How many nodes the table takes: {@link #nodeBudget} of this JVM's heap cap. */
    int maxNodes() {
        return maxNodes;
    }

    /**
     * The number of nodes a heap of {@code maxHeap} bytes holds with room to spare: each known node costs ~300
     * bytes of heap (the node, its handle, two map entries; 320 B measured in ScaleFilesIT), and half the heap
     * stays for everything else (in-flight write buffers, search sessions, bursts). A node past it would end in
     * an OutOfMemoryError somewhere in the daemon; refusing it with ENOMEM keeps every other request working.
     */
    static int nodeBudget(long maxHeap) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1024, maxHeap / 2 / BYTES_PER_NODE));
    }

    static final int BYTES_PER_NODE = 320;

    private void refuseNode() throws FsException {
        long now = System.nanoTime();
        long last = lastRefusalLog.get();
        if (now - last > 10_000_000_000L && lastRefusalLog.compareAndSet(last, now)) {
            LOG.warn("inodes: the kernel holds {} nodes, the heap's budget (-Xmx {} MiB): new lookups answer ENOMEM"
                    + " until the kernel forgets some (memory pressure, drop_caches) or the daemon runs with a"
                    + " larger heap (VEXFS_HEAP=...)", byId.size(), Runtime.getRuntime().maxMemory() >> 20);
        }
        throw new FsException(Errno.ENOMEM, "node table full (" + maxNodes + " nodes)");
    }
}
