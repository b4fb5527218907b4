package vexfs.fs.control;

import java.util.concurrent.ConcurrentHashMap;
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
    private final AtomicLong next = new AtomicLong(FIRST_DYNAMIC);

    static boolean isControl(long ino) {
        return ino >= BASE;
    }

    static boolean isFixed(long ino) {
        return ino >= BASE && ino < FIRST_DYNAMIC;
    }

    /** The similar/ directory node for {@code path} ("/" = similar/ itself), with one more lookup reference. */
    Dynamic dir(String path) {
        Dynamic d = dirsByPath.compute(path, (p, cur) -> {
            if (cur != null) {
                cur.nlookup().incrementAndGet();
                return cur;
            }
            Dynamic n = new Dynamic(next.getAndIncrement(), p, false, null, new AtomicLong(1));
            byId.put(n.id(), n);
            return n;
        });
        return d;
    }

    /** A neighbour symlink node (not shared: each lookup makes one). */
    Dynamic symlink(String path, String target) {
        Dynamic n = new Dynamic(next.getAndIncrement(), path, true, target, new AtomicLong(1));
        byId.put(n.id(), n);
        return n;
    }

    Dynamic get(long id) {
        return byId.get(id);
    }

    void forget(long id, long n) {
        Dynamic d = byId.get(id);
        if (d == null || d.nlookup().addAndGet(-n) > 0) return;
        byId.remove(id);
        if (!d.symlink()) dirsByPath.remove(d.path(), d);
    }

    int size() {
        return byId.size();
    }
}
