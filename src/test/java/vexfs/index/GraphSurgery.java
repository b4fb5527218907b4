package vexfs.index;

/** Test-only changes to a graph's lists, for states that are otherwise reached only by races. */
public final class GraphSurgery {
    private GraphSurgery() {
    }

    /** Removes {@code node} from every other node's neighbour lists: no search reaches it afterwards. */
    public static void orphan(HnswIndex index, int node) {
        GraphStore g = index.graph();
        if (GraphStore.entryNode(g.entry()) == node) throw new IllegalArgumentException("node " + node + " is the entry point");
        int[] buf = new int[g.layout.m0()];
        for (int other = 0; other < g.capacity(); other++) {
            if (other == node || g.state(g.segment(), other) == GraphLayout.FREE) continue;
            for (int l = 0; l <= g.level(g.segment(), other); l++) {
                int n = g.readNeighbors(g.segment(), other, l, buf);
                int k = 0;
                for (int i = 0; i < n; i++) if (buf[i] != node) buf[k++] = buf[i];
                if (k != n) g.writeNeighbors(other, l, buf, k);
            }
        }
    }
}
