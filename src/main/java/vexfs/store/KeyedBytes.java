package vexfs.store;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;


/**
 * A map from a 64-bit key to a short byte string (the fs layer's path hints) with nothing per entry on the Java
 * heap: an open-addressing index ({@link LongIntHashMap}) into an entry table (key, offset, length; 16 bytes
 * each) whose bytes live in one byte arena, all three in {@link ScratchMemory} (page cache when given the store
 * directory), so a million entries cost no heap nor anonymous memory. Replaced values leave garbage that is
 * compacted when it exceeds half the arena. Values up to 2 GiB in all. Not thread-safe.
 */
public final class KeyedBytes {
    private static final long ENTRY = 16;
    private static final ValueLayout.OfLong KEY = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    private final ScratchMemory memory;
    private final LongIntHashMap index;
    private MemorySegment table;   // entry e at e*16: key (8), offset (4), length (4; -1 = free)
    private int tableCapacity;
    private int entries;
    private int[] freeEntries = new int[64];
    private int freeCount;
    private MemorySegment arena;
    private long used;
    private long garbage;

    public KeyedBytes() {
        this(ScratchMemory.anonymous());
    }

    public KeyedBytes(ScratchMemory memory) {
        this.memory = memory;
        this.index = new LongIntHashMap(1024, memory);
        this.tableCapacity = 1024;
        this.table = memory.allocate(tableCapacity * ENTRY);
        this.arena = memory.allocate(64 * 1024);
    }

    public void put(long key, byte[] path) {
        int e = index.get(key);
        if (e >= 0) {
            garbage += length(e);
        } else {
            e = freeCount > 0 ? freeEntries[--freeCount] : newEntry();
            index.put(key, e);
        }
        if (used + path.length > arena.byteSize()) makeRoom(path.length);
        MemorySegment.copy(path, 0, arena, ValueLayout.JAVA_BYTE, used, path.length);
        table.set(KEY, e * ENTRY, key);
        table.set(INT, e * ENTRY + 8, (int) used);
        table.set(INT, e * ENTRY + 12, path.length);
        used += path.length;
    }

    public byte[] get(long key) {
        int e = index.get(key);
        if (e < 0) return null;
        int off = table.get(INT, e * ENTRY + 8);
        return arena.asSlice(off, length(e)).toArray(ValueLayout.JAVA_BYTE);
    }

    public void remove(long key) {
        int e = index.remove(key);
        if (e < 0) return;
        garbage += length(e);
        table.set(INT, e * ENTRY + 12, -1);
        if (freeCount == freeEntries.length) freeEntries = Arrays.copyOf(freeEntries, freeCount * 2);
        freeEntries[freeCount++] = e;
    }

    public int size() {
        return index.size();
    }

    private int length(int e) {
        return table.get(INT, e * ENTRY + 12);
    }

    private int newEntry() {
        if (entries == tableCapacity) {
            MemorySegment bigger = memory.allocate(tableCapacity * 2L * ENTRY);
            MemorySegment.copy(table, 0, bigger, 0, tableCapacity * ENTRY);
            memory.release(table);
            table = bigger;
            tableCapacity *= 2;
        }
        return entries++;
    }

    /** Compacts (drops garbage) and grows the arena if the live bytes plus {@code need} still do not fit. */
    private void makeRoom(int need) {
        long live = used - garbage;
        long cap = arena.byteSize();
        while (live + need > cap / 2) cap *= 2;
        if (cap > Integer.MAX_VALUE - 16) throw new IllegalStateException("path hints exceed 2 GiB");
        MemorySegment fresh = memory.allocate(cap);
        long at = 0;
        for (int e = 0; e < entries; e++) {
            int len = length(e);
            if (len < 0 || index.get(table.get(KEY, e * ENTRY)) != e) continue;
            MemorySegment.copy(arena, table.get(INT, e * ENTRY + 8), fresh, at, len);
            table.set(INT, e * ENTRY + 8, (int) at);
            at += len;
        }
        memory.release(arena);
        arena = fresh;
        used = at;
        garbage = 0;
    }
}
