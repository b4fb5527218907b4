package vexfs.store;

import java.lang.foreign.MemorySegment;
import java.util.function.IntPredicate;
import vexfs.index.Distances;
import vexfs.index.Metric;

/**
 * Top-k by scanning every live slot with the SIMD distance kernels: the correctness oracle for
 * HNSW and the fallback for small filtered searches. Reads the mapping without locks; a vector
 * put or removed during the scan may or may not be seen.
 */
public final class ExactSearch {
    private ExactSearch() {}

    /**
     * The {@code k} live vectors closest to {@code query} (raw; prepared here for the metric) among
     * the slots accepted by {@code filter} (null = all). Returns fewer than k hits if fewer match.
     */
    public static SearchResult search(VectorStore store, float[] query, int k, IntPredicate filter) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, got " + k);
        }
        float[] q = store.asVectorSource().prepareQuery(query);
        Metric metric = store.metric();
        int n = store.slotCount();
        MemorySegment seg = store.segment(); // snapshot covering every slot below n
        // bounded max-heap of (distance, slot): root is the worst kept hit
        float[] hd = new float[Math.max(k, 1)];
        int[] hs = new int[Math.max(k, 1)];
        int size = 0;
        for (int slot = 0; slot < n && k > 0; slot++) {
            if (StoreFormat.state(seg, store.recordOffsetOf(slot)) != StoreFormat.RECORD_LIVE) {
                continue;
            }
            if (filter != null && !filter.test(slot)) {
                continue;
            }
            float d = Distances.distance(metric, q, seg, store.searchOffsetOf(slot));
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
        long[] keys = new long[size];
        float[] dist = new float[size];
        for (int i = size - 1; i >= 0; i--) { // pop worst first, fill from the back
            slots[i] = hs[0];
            dist[i] = hd[0];
            keys[i] = StoreFormat.key(seg, store.recordOffsetOf(hs[0]));
            hd[0] = hd[i];
            hs[0] = hs[i];
            siftDown(hd, hs, i);
        }
        return new SearchResult(slots, keys, dist);
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
