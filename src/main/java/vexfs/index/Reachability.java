package vexfs.index;

import java.lang.foreign.MemorySegment;

/** Breadth-first walk over level 0 from the entry point with an explicit int queue (no recursion). */
final class Reachability {
    private Reachability() {
    }

    /** Returns a bitset of the nodes reachable from the entry point over level-0 links. */
    static long[] reachable(GraphStore g) {
        MemorySegment seg = g.segment();
        int cap = g.capacity();
        long[] seen = new long[(cap + 63) >>> 6];
        int ep = GraphStore.entryNode(g.entry());
        if (ep < 0 || ep >= cap) return seen;
        int[] queue = new int[Math.max(1, cap)];
        int[] buf = new int[g.layout.m0()];
        int head = 0;
        int tail = 0;
        queue[tail++] = ep;
        seen[ep >>> 6] |= 1L << ep;
        while (head < tail) {
            int node = queue[head++];
            int n = g.readNeighbors(seg, node, 0, buf);
            for (int i = 0; i < n; i++) {
                int id = buf[i];
                if (id < 0 || id >= cap || (seen[id >>> 6] & (1L << id)) != 0) continue;
                seen[id >>> 6] |= 1L << id;
                queue[tail++] = id;
            }
        }
        return seen;
    }

    static boolean contains(long[] bits, int id) {
        return (bits[id >>> 6] & (1L << id)) != 0;
    }
}
