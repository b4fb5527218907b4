package vexfs.index;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Breadth-first walk over level 0 from the entry point with an explicit int queue (no recursion). The queue (4
 * bytes per node: 4 MiB at 1M nodes) is off-heap and freed when the walk ends, so reading /.vexfs/stats does not
 * grow the mount's heap with the graph (a heap array that size lands in the old generation, which then stays
 * expanded).
 */
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
        int[] buf = new int[g.layout.m0()];
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment queue = arena.allocate(4L * Math.max(1, cap), 4);
            long head = 0;
            long tail = 0;
            queue.setAtIndex(ValueLayout.JAVA_INT, tail++, ep);
            seen[ep >>> 6] |= 1L << ep;
            while (head < tail) {
                int node = queue.getAtIndex(ValueLayout.JAVA_INT, head++);
                int n = g.readNeighbors(seg, node, 0, buf);
                for (int i = 0; i < n; i++) {
                    int id = buf[i];
                    if (id < 0 || id >= cap || (seen[id >>> 6] & (1L << id)) != 0) continue;
                    seen[id >>> 6] |= 1L << id;
                    queue.setAtIndex(ValueLayout.JAVA_INT, tail++, id);
                }
            }
        }
        return seen;
    }

    static boolean contains(long[] bits, int id) {
        return (bits[id >>> 6] & (1L << id)) != 0;
    }
}
