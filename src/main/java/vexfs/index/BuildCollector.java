package vexfs.index;

import java.lang.foreign.MemorySegment;

/**
 * Collects the link candidates of a node being inserted: every node in the graph except that node itself,
 * tombstones included (a tombstone still carries traffic until compaction), up to efConstruction per level.
 */
final class BuildCollector extends NeighborCollector {
    private int self;

    /** Binds to linking {@code node} with an {@code efConstruction}-wide beam. */
    BuildCollector bind(GraphStore g, MemorySegment segment, int node, int efConstruction) {
        reset(g, segment, efConstruction);
        self = node;
        return this;
    }

    /** The node being linked. */
    int node() {
        return self;
    }

    @Override
    boolean accepts(int node) {
        return node != self && graph.state(seg, node) != GraphLayout.FREE;
    }
}
