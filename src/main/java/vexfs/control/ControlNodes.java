package vexfs.control;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;

import vexfs.libc.Name;
import vexfs.volume.MountPath;

/**
 * Node ids of the /.vexfs tree, in a range the passthrough never hands out (it counts up from 2). Fixed nodes
 * have fixed ids; /.vexfs/similar/... nodes are made on lookup and dropped when the kernel forgets them.
 */
final class ControlNodes {
    static final long BASE = 1L << 62;
    static final long DIR = BASE;
    static final long SEARCH = BASE + 1;
    static final long STATS = BASE + 2;
    static final long STATS_JSON = BASE + 3;
    static final long CONTROL = BASE + 4;
    static final long SIMILAR = BASE + 5;
    static final long QUERY = BASE + 6;
    private static final long FIRST_DYNAMIC = BASE + 1024;

    /**
     * A dynamic node: a directory mirroring {@code path} under similar/, or a neighbour symlink at {@code path}
     * (under similar/) to the real file {@code linked} (null for a directory).
     */
    record Dynamic(long id, MountPath path, MountPath linked, AtomicLong nlookup) {
        boolean symlink() {
            return linked != null;
        }

        /**
         * The link's relative target: from /.vexfs/similar/<dir>/ back up to the mount root (one ".." per component
         * of dir, plus similar and .vexfs), then the linked file's path, bytes as they are.
         */
        byte[] target() {
            // a query/ link's path is .vexfs/query/<text>/<link> itself; a similar/ link's is below similar/
            int up = path.isBelow(QueryTree.ROOT) ? path.depth() - 1 : path.depth() - 1 + 2;
            byte[] rel = linked.relative();
            byte[] t = new byte[3 * up + rel.length];
            for (int i = 0; i < up; i++) {
                t[3 * i] = '.';
                t[3 * i + 1] = '.';
                t[3 * i + 2] = '/';
            }
            System.arraycopy(rel, 0, t, 3 * up, rel.length);
            return t;
        }
    }

    /** Key of a neighbour link: the link's own path and the file it points at. */
    private record LinkKey(MountPath path, MountPath linked) {}

    private final ConcurrentHashMap<Long, Dynamic> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<MountPath, Dynamic> dirsByPath = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<LinkKey, Dynamic> linksByKey = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong(FIRST_DYNAMIC);
    /** Live nodes not yet offered for eviction, oldest (smallest id) first: ids only grow. */
    private final ConcurrentSkipListSet<Long> notOffered = new ConcurrentSkipListSet<>();

    static boolean isControl(long ino) {
        return ino >= BASE;
    }

    static boolean isFixed(long ino) {
        return ino >= BASE && ino < FIRST_DYNAMIC;
    }

    /** The similar/ directory node for {@code path} ("/" = similar/ itself), with one more lookup reference. */
    Dynamic dir(MountPath path) {
        return acquire(dirsByPath, path, path, null);
    }

    /**
     * The neighbour symlink node for {@code path} pointing at the file {@code linked}, with one more lookup
     * reference. Shared while path and linked file stay the same, so listing a directory again does not add nodes; a changed
     * neighbour gets a new node. (The kernel keeps every entry it was given in its dentry cache until memory
     * pressure; {@link SimilarEviction} bounds how many it holds.)
     */
    Dynamic symlink(MountPath path, MountPath linked) {
        return acquire(linksByKey, new LinkKey(path, linked), path, linked);
    }

    /** The node under {@code key}, made if absent, with one more lookup reference; {@code linked} null = a directory. */
    private <K> Dynamic acquire(ConcurrentHashMap<K, Dynamic> map, K key, MountPath path, MountPath linked) {
        return map.compute(key, (k, cur) -> {
            if (cur != null) {
                cur.nlookup().incrementAndGet();
                return cur;
            }
            Dynamic n = new Dynamic(next.getAndIncrement(), path, linked, new AtomicLong(1));
            byId.put(n.id(), n);
            notOffered.add(n.id());
            return n;
        });
    }

    Dynamic get(long id) {
        return byId.get(id);
    }

    void forget(long id, long n) {
        Dynamic d = byId.get(id);
        if (d == null) return;
        // decrement and removal under the same map lock as the increment in acquire(): a lookup racing with the
        // last forget either revives the node before it is removed or makes a fresh one after
        if (d.symlink()) linksByKey.compute(new LinkKey(d.path(), d.linked()), (k, cur) -> release(d, cur, n));
        else dirsByPath.compute(d.path(), (k, cur) -> release(d, cur, n));
    }

    /** Drops {@code n} references of {@code d}; the map's entry after that ({@code cur} is the one before). */
    private Dynamic release(Dynamic d, Dynamic cur, long n) {
        if (d.nlookup().addAndGet(-n) > 0) return cur;
        byId.remove(d.id());
        notOffered.remove(d.id());
        return cur == d ? null : cur;
    }

    int size() {
        return byId.size();
    }

    /** The oldest live node not offered before, now offered (each node once), or null. */
    Dynamic offerOldest() {
        Long id;
        while ((id = notOffered.pollFirst()) != null) {
            Dynamic d = byId.get(id);
            if (d != null) return d;
        }
        return null;
    }

    /** The id of the similar/ directory that holds {@code d} in the kernel's view, or -1 if it is gone. */
    long parentOf(Dynamic d) {
        MountPath up = d.path().parent();
        if (up.isRoot()) return SIMILAR;
        if (up.equals(QueryTree.ROOT)) return QUERY;
        Dynamic parent = dirsByPath.get(up);
        return parent == null ? -1 : parent.id();
    }

    static Name nameOf(Dynamic d) {
        return d.path().lastName();
    }
}
