package vexfs.volume;

import vexfs.store.KeyedBytes;
import vexfs.store.ScratchMemory;

/**
 * File key to the last known path of the file (relative to the backing root, bytes), for search results. A hint
 * is only a hint: readers verify it (the path must still name the inode) before using it. Stored off the Java
 * heap in {@link KeyedBytes} (no per-file objects; with the store's scratch memory, page cache rather than
 * anonymous memory). Thread-safe (synchronized).
 */
final class PathHints {
    private final KeyedBytes map;
    /** Bumped by every put and remove: equal counts mean no hint changed in between. */
    private volatile long changes;

    PathHints() {
        this(ScratchMemory.anonymous());
    }

    PathHints(ScratchMemory memory) {
        this.map = new KeyedBytes(memory);
    }

    synchronized void put(long key, byte[] path) {
        map.put(key, path);
        changes++;
    }

    synchronized byte[] get(long key) {
        return map.get(key);
    }

    synchronized void remove(long key) {
        map.remove(key);
        changes++;
    }

    long changeCount() {
        return changes;
    }

    synchronized int size() {
        return map.size();
    }
}
