package vexfs.fs;

import java.util.Arrays;

import vexfs.store.LongIntHashMap;

/**
 * File key to the last known path of the file (relative to the backing root, bytes), for search results. A hint
 * is only a hint: readers verify it (the path must still name the inode) before using it. Kept in primitive
 * arrays (no per-file objects): an open-addressing index into entries whose path bytes live in one byte arena;
 * replaced paths leave garbage that is compacted when it exceeds half the arena. Thread-safe (synchronized).
 */
final class PathHints {
    private final LongIntHashMap index = new LongIntHashMap(1024);
    private long[] keys = new long[1024];
    private int[] offsets = new int[1024];
    private int[] lengths = new int[1024];
    private int entries;
    private int[] freeEntries = new int[64];
    private int freeCount;
    private byte[] arena = new byte[64 * 1024];
    private int used;
    private int garbage;

    synchronized void put(long key, byte[] path) {
        int e = index.get(key);
        if (e >= 0) {
            garbage += lengths[e];
        } else {
            e = freeCount > 0 ? freeEntries[--freeCount] : newEntry();
            index.put(key, e);
        }
        if (used + path.length > arena.length) makeRoom(path.length);
        System.arraycopy(path, 0, arena, used, path.length);
        keys[e] = key;
        offsets[e] = used;
        lengths[e] = path.length;
        used += path.length;
    }

    synchronized byte[] get(long key) {
        int e = index.get(key);
        return e < 0 ? null : Arrays.copyOfRange(arena, offsets[e], offsets[e] + lengths[e]);
    }

    synchronized void remove(long key) {
        int e = index.remove(key);
        if (e < 0) return;
        garbage += lengths[e];
        lengths[e] = -1;
        if (freeCount == freeEntries.length) freeEntries = Arrays.copyOf(freeEntries, freeCount * 2);
        freeEntries[freeCount++] = e;
    }

    synchronized int size() {
        return index.size();
    }

    private int newEntry() {
        if (entries == keys.length) {
            keys = Arrays.copyOf(keys, entries * 2);
            offsets = Arrays.copyOf(offsets, entries * 2);
            lengths = Arrays.copyOf(lengths, entries * 2);
        }
        return entries++;
    }

    /** Compacts (drops garbage) and grows the arena if the live bytes plus {@code need} still do not fit. */
    private void makeRoom(int need) {
        long live = (long) used - garbage;
        long cap = arena.length;
        while (live + need > cap / 2) cap *= 2;
        if (cap > Integer.MAX_VALUE - 16) throw new IllegalStateException("path hints exceed 2 GiB");
        byte[] fresh = new byte[(int) cap];
        int at = 0;
        for (int e = 0; e < entries; e++) {
            if (lengths[e] < 0 || index.get(keys[e]) != e) continue;
            System.arraycopy(arena, offsets[e], fresh, at, lengths[e]);
            offsets[e] = at;
            at += lengths[e];
        }
        arena = fresh;
        used = at;
        garbage = 0;
    }
}
