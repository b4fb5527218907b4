package vexfs.fs.control;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;

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
    private static final long FIRST_DYNAMIC = BASE + 1024;

    /** A dynamic node: a directory mirroring {@code path} under similar/, or a neighbour symlink. */
    record Dynamic(long id, String path, boolean symlink, String target, AtomicLong nlookup) {}

    private final ConcurrentHashMap<Long, Dynamic> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Dynamic> dirsByPath = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Dynamic> linksByKey = new ConcurrentHashMap<>();
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
    Dynamic dir(String path) {
        return acquire(dirsByPath, path, path, null);
    }

    /**
     * The neighbour symlink node for {@code path} pointing at {@code target}, with one more lookup reference.
     * Shared while path and target stay the same, so listing a directory again does not add nodes; a changed
     * neighbour gets a new node. (The kernel keeps every entry it was given in its dentry cache until memory
     * pressure; {@link SimilarEviction} bounds how many it holds.)
     */
    Dynamic symlink(String path, String target) {
        return acquire(linksByKey, linkKey(path, target), path, target);
    }

    /** The node under {@code key}, made if absent, with one more lookup reference; {@code target} null = a directory. */
    private Dynamic acquire(ConcurrentHashMap<String, Dynamic> map, String key, String path, String target) {
        return map.compute(key, (k, cur) -> {
            if (cur != null) {
                cur.nlookup().incrementAndGet();
                return cur;
            }
            Dynamic n = new Dynamic(next.getAndIncrement(), path, target != null, target, new AtomicLong(1));
            byId.put(n.id(), n);
            notOffered.add(n.id());
            return n;
        });
    }

    private static String linkKey(String path, String target) {
        return path + '\0' + target;
    }

    Dynamic get(long id) {
        return byId.get(id);
    }

    void forget(long id, long n) {
        Dynamic d = byId.get(id);
        if (d == null) return;
        // decrement and removal under the same map lock as the increment in acquire(): a lookup racing with the
        // last forget either revives the node before it is removed or makes a fresh one after
        var map = d.symlink() ? linksByKey : dirsByPath;
        map.compute(d.symlink() ? linkKey(d.path(), d.target()) : d.path(), (k, cur) -> {
            if (d.nlookup().addAndGet(-n) > 0) return cur;
            byId.remove(id);
            notOffered.remove(id);
            return cur == d ? null : cur;
        });
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
        int i = d.path().lastIndexOf('/');
        if (i <= 0) return SIMILAR;
        Dynamic parent = dirsByPath.get(d.path().substring(0, i));
        return parent == null ? -1 : parent.id();
    }

    static String nameOf(Dynamic d) {
        return d.path().substring(d.path().lastIndexOf('/') + 1);
    }
}
