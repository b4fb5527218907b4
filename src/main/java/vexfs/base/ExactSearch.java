package vexfs.base;

import java.util.function.IntPredicate;

/**
 * Top-k by scanning every slot a predicate accepts: the correctness oracle for HNSW, the fallback for selective
 * filtered searches, and offline search without a graph. The only exact search: the store and the graph both
 * answer through it, with their own liveness in {@code accept}. Ties rank by ascending slot. Reads without locks;
 * a vector put or removed during the scan may or may not be seen.
 */
public final class ExactSearch {
    private ExactSearch() {}

    /**
     * The {@code k} slots below {@code vectors.slotCount()} accepted by {@code accept} that are closest to
     * {@code preparedQuery} (already {@link VectorSource#prepareQuery prepared}). Fewer than k if fewer match.
     */
    public static SearchResult search(VectorSource vectors, float[] preparedQuery, int k, IntPredicate accept) {
        return scan(vectors, preparedQuery, k, vectors.slotCount(), null, accept);
    }

    /**
     * The same over the slots {@code slots} only (each below {@code vectors.slotCount()}, no slot twice): the
     * vectors a graph does not hold yet.
     */
    public static SearchResult searchAmong(VectorSource vectors, float[] preparedQuery, int k, int[] slots,
                                           IntPredicate accept) {
        return scan(vectors, preparedQuery, k, slots.length, slots, accept);
    }

    /**
     * The same over the members of {@code members} only, each also asked of {@code accept} (the store's or the
     * graph's liveness): a filter that knows its members costs a distance per member, not a call per slot.
     */
    public static SearchResult searchMembers(VectorSource vectors, float[] preparedQuery, int k, SlotSet members,
                                             IntPredicate accept) {
        IntPredicate narrowed = members.condition();
        IntPredicate both = narrowed == null ? accept : accept == null ? narrowed : accept.and(narrowed);
        return scan(vectors, preparedQuery, k, members.size(), members.members(), both);
    }

    /** Over slots 0..n-1, or over {@code list[0..n-1]} when a list is given. */
    private static SearchResult scan(VectorSource vectors, float[] preparedQuery, int k, int n, int[] list,
                                     IntPredicate accept) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, got " + k);
        }
        int limit = vectors.slotCount();
        // bounded max-heap of (distance, slot): root is the worst kept hit
        float[] hd = new float[Math.max(k, 1)];
        int[] hs = new int[Math.max(k, 1)];
        int size = 0;
        int computed = 0;
        for (int i = 0; i < n && k > 0; i++) {
            int slot = list == null ? i : list[i];
            if (slot < 0 || slot >= limit || !accept.test(slot)) {
                continue;
            }
            float d = vectors.distance(preparedQuery, slot);
            computed++;
            if (size < k) {
                hd[size] = d;
                hs[size] = slot;
                siftUp(hd, hs, size++);
            } else if (worse(hd[0], hs[0], d, slot)) {
                hd[0] = d;
                hs[0] = slot;
                siftDown(hd, hs, size);
            }
        }
        int[] slots = new int[size];
        float[] dist = new float[size];
        for (int i = size - 1; i >= 0; i--) { // pop worst first, fill from the back
            slots[i] = hs[0];
            dist[i] = hd[0];
            hd[0] = hd[i];
            hs[0] = hs[i];
            siftDown(hd, hs, i);
        }
        return new SearchResult(slots, dist, computed, true);
    }

    /** True if (da, sa) ranks after (db, sb): larger distance, or equal distance and larger slot. */
    private static boolean worse(float da, int sa, float db, int sb) {
        int c = Float.compare(da, db);
        return c > 0 || (c == 0 && sa > sb);
    }

    private static void siftUp(float[] d, int[] s, int i) {
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (!worse(d[i], s[i], d[p], s[p])) {
                return;
            }
            swap(d, s, i, p);
            i = p;
        }
    }

    private static void siftDown(float[] d, int[] s, int size) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1, r = l + 1, w = i;
            if (l < size && worse(d[l], s[l], d[w], s[w])) {
                w = l;
            }
            if (r < size && worse(d[r], s[r], d[w], s[w])) {
                w = r;
            }
            if (w == i) {
                return;
            }
            swap(d, s, i, w);
            i = w;
        }
    }

    private static void swap(float[] d, int[] s, int a, int b) {
        float td = d[a];
        d[a] = d[b];
        d[b] = td;
        int ts = s[a];
        s[a] = s[b];
        s[b] = ts;
    }
}
