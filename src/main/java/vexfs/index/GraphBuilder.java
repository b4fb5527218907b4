package vexfs.index;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

import vexfs.base.VectorSource;

/**
 * Links nodes into the graph in Lucene's HnswGraphBuilder order: search top-down for candidates on
 * every level of the node, then link bottom-up, outgoing list before incoming links (so a
 * concurrent search that reaches the node can always leave it), entry point promoted last.
 * Neighbour lists of existing nodes are changed under striped locks; only one lock is held at a
 * time. Neighbours are chosen with the HNSW paper's heuristic (keep a candidate only if it is
 * closer to the base node than to every neighbour already kept), both when linking and pruning.
 */
final class GraphBuilder {
    private static final int STRIPES = 4096;
    private final GraphStore g;
    private final VectorSource vectors;
    private final int m;
    private final int efConstruction;
    private final Object[] locks = new Object[STRIPES];

    GraphBuilder(GraphStore graph, VectorSource vectors, int m, int efConstruction) {
        this.g = graph;
        this.vectors = vectors;
        this.m = m;
        this.efConstruction = efConstruction;
        for (int i = 0; i < STRIPES; i++) locks[i] = new Object();
    }

    Object lockOf(int node) {
        return locks[node & (STRIPES - 1)];
    }

    /**
     * Links {@code node} (record initialised, codes written from its {@code prepared} vector) on levels 0..level,
     * with {@code s} bound to it for the whole call. Returns false if the graph was empty and the node became the
     * entry point.
     */
    boolean link(int node, int level, float[] prepared, HnswSearcher s) {
        BuildCollector collector = s.startInsert(g, vectors, prepared, node, efConstruction);
        long e = g.entry();
        if (GraphStore.entryNode(e) < 0) {
            g.promoteIfHigher(node, level);
            e = g.entry();
            if (GraphStore.entryNode(e) == node) return false;
        }
        int entry = GraphStore.entryNode(e);
        int maxLevel = GraphStore.entryLevel(e);
        if (entry == node) {
            // re-linking the entry point itself (an update, or a revived tombstone the entry still names): a search
            // seeded with the node being linked finds nothing (it is in its own visited set), and writing that
            // empty result cut the entry off from the graph (seen under concurrent churn: 1,212 of 1,226 nodes no
            // search reached). Start from another node instead.
            long start = startBesides(node, maxLevel);
            if (start < 0) return false; // the only node
            entry = GraphStore.entryNode(start);
            maxLevel = GraphStore.entryLevel(start);
        }
        if (entry >= g.capacity() || entry >= vectors.slotCount() || maxLevel < 0 || maxLevel > GraphStore.MAX_LEVEL)
            throw badEntry(entry, maxLevel);
        // another insert grew the graph and promoted its node after s was bound: bind to the grown mapping (reading
        // the entry's record or codes through the old one was an IndexOutOfBounds, seen in parallel bulk imports)
        if (entry >= s.boundCapacity()) collector = s.startInsert(g, vectors, prepared, node, efConstruction);
        if (entry >= s.boundCapacity()) throw badEntry(entry, maxLevel);
        long nearest = s.score(entry, collector);
        for (int l = maxLevel; l > level; l--) nearest = s.greedy(nearest, l, collector);
        int top = Math.min(level, maxLevel);
        long[][] perLevel = new long[top + 1][];
        s.seed(nearest, collector);
        for (int l = top; l >= 0; l--) {
            s.searchLevel(l, collector);
            perLevel[l] = collector.drain();
            if (l > 0) s.reseed(perLevel[l], collector);
        }
        int[] selected = new int[m];
        for (int l = 0; l <= top; l++) {
            long[] candidates = perLevel[l];
            spreadTies(candidates, candidates.length, node);
            int k = selectDiverse(candidates, candidates.length, m, selected, s);
            synchronized (lockOf(node)) {
                g.writeNeighbors(node, l, selected, k);
            }
            for (int i = 0; i < k; i++) addLink(selected[i], node, l, s);
        }
        return true;
    }

    /**
     * A start for linking {@code node} when it is the entry point, packed as the entry is: its first neighbour on
     * the highest level that has one (a node on level l's list exists on level l), else the graph's highest other
     * node (one scan), else -1.
     */
    private long startBesides(int node, int maxLevel) {
        MemorySegment seg = g.segment();
        int cap = g.capacity();
        int[] friends = new int[g.layout.m0()];
        for (int l = Math.min(maxLevel, g.level(seg, node)); l >= 0; l--) {
            int n = g.readNeighbors(seg, node, l, friends);
            for (int i = 0; i < n; i++) {
                int f = friends[i];
                if (f >= 0 && f < cap && f != node && g.state(seg, f) != GraphLayout.FREE) return GraphStore.pack(f, l);
            }
        }
        int best = g.highestNode(i -> i != node && g.state(seg, i) != GraphLayout.FREE);
        return best < 0 ? -1 : GraphStore.pack(best, Math.min(g.level(seg, best), maxLevel));
    }

    private static RuntimeException badEntry(int entry, int level) {
        return CorruptGraphException.damaged("entry point " + entry + " at level " + level);
    }

    /**
     * Candidates at exactly the same distance (identical vectors: copies of a file keep its vector) come sorted by
     * node id, so every node would keep the same lowest ids and drop the rest, leaving most copies with no incoming
     * link: unreachable, never found. Each run of equal distances is reordered by a hash of ({@code base}, node), so
     * different nodes keep different copies and the copies stay connected (like a random graph).
     */
    static void spreadTies(long[] sorted, int n, int base) {
        int i = 0;
        while (i < n) {
            int hi = (int) (sorted[i] >>> 32);
            int j = i + 1;
            while (j < n && (int) (sorted[j] >>> 32) == hi) j++;
            int len = j - i;
            if (len > 1) {
                // order the run by a hash of (base, node): each base keeps its own pseudo-random subset of the copies
                long[] keyed = new long[len];
                for (int t = 0; t < len; t++) {
                    int node = NeighborQueue.nodeOf(sorted[i + t]);
                    long h = (((long) base << 32) ^ (node & 0xffffffffL)) * 0x9E3779B97F4A7C15L;
                    keyed[t] = (h ^ (h >>> 29)) & ~0xffffffffL | (node & 0xffffffffL);
                }
                Arrays.sort(keyed);
                for (int t = 0; t < len; t++) sorted[i + t] = ((long) hi << 32) | (keyed[t] & 0xffffffffL);
            }
            i = j;
        }
    }

    /**
     * Picks up to {@code max} diverse nodes from {@code sorted} (packed codes, closest first): a
     * candidate is kept if it is closer to the base than to every node already kept. Copies of the base (distance
     * zero: files copied with their vectors) fill at most half of the list. Without that cap a node with many
     * copies keeps nothing but copies (none is closer to another copy than to the base, so the heuristic keeps
     * them all), and a node whose only neighbours are those copies gets no incoming link at all: unreachable,
     * never found (DuplicateVectorsTest; hnswlib 0.6.2 loses it the same way). Half a list of copies still links
     * the copies among themselves like a random graph ({@link #spreadTies}). The other way round, copies of a
     * kept node are kept too (up to the same half) although the heuristic would prune them: a node beside a
     * cluster of copies then links to several of them, so several of them link back.
     */
    private int selectDiverse(long[] sorted, int n, int max, int[] out, HnswSearcher s) {
        int k = 0;
        int copies = 0;
        int maxCopies = Math.max(1, max / 2);
        float[] toKept = s.linkDist;
        NodeScorer scorer = s.scorer();
        for (int i = 0; i < n && k < max; i++) {
            int candidate = NeighborQueue.nodeOf(sorted[i]);
            float toBase = NeighborQueue.distanceOf(sorted[i]);
            boolean copyOfBase = isCopyDistance(toBase);
            if (copyOfBase && copies >= maxCopies) continue;
            boolean diverse = true;
            boolean copyOfKept = false;
            // compare with the kept nodes four at a time (one interleaved kernel call), stop at the first closer one
            for (int j = 0; j < k && diverse; j += 4) {
                int len = Math.min(4, k - j);
                scorer.distancesFrom(candidate, out, j, len, toKept);
                for (int t = 0; t < len; t++) {
                    if (toKept[t] < toBase) {
                        diverse = false;
                        copyOfKept = isCopyDistance(toKept[t]);
                        break;
                    }
                }
            }
            // a copy of a kept node adds no direction but another way in for the base: kept while copies fill less
            // than half of the list
            if (copyOfKept && copies < maxCopies) diverse = true;
            if (diverse) {
                out[k++] = candidate;
                if (copyOfBase || copyOfKept) copies++;
            }
        }
        return k;
    }

    /**
     * A distance that means "same vector": 0 for L2 (identical codes give exactly 0), within float rounding of 0
     * for cosine. Under DOT a vector's distance to itself is minus its squared norm, so copies cannot be told
     * from the distance alone and are not capped.
     */
    private boolean isCopyDistance(float distance) {
        return switch (g.metric) {
            case L2 -> distance == 0f;
            case COSINE -> distance <= 1e-6f;
            case DOT -> false;
        };
    }

    /** Adds {@code node} to the list of {@code target} on {@code level}, pruning with the heuristic when full. */
    void addLink(int target, int node, int level, HnswSearcher s) {
        int max = g.layout.maxConn(level);
        synchronized (lockOf(target)) {
            MemorySegment seg = g.segment();
            int[] friends = s.linkIds;
            int n = g.readNeighbors(seg, target, level, friends);
            for (int i = 0; i < n; i++) if (friends[i] == node) return;
            if (n < max) {
                g.appendNeighbor(target, level, n, node);
                return;
            }
            friends[n] = node;
            float[] distances = new float[n + 4];
            s.scorer().distancesFrom(target, friends, 0, n + 1, distances);
            long[] candidates = s.linkCodes;
            for (int i = 0; i <= n; i++) candidates[i] = NeighborQueue.encode(distances[i], friends[i]);
            Arrays.sort(candidates, 0, n + 1);
            spreadTies(candidates, n + 1, target);
            int k = selectDiverse(candidates, n + 1, max, friends, s);
            g.writeNeighbors(target, level, friends, k);
        }
    }

    /**
     * After {@code moved} changed its vector: if {@code target}'s list on {@code level} still points at
     * it and it is now farther than every other entry, that entry is replaced by the closest of
     * {@code extra} (the moved node's old neighbours) not yet in the list. Every other entry stays,
     * so the list keeps its degree (re-choosing the whole list with the heuristic shrank lists and
     * cost recall: measured in HnswChurnTest). Read, choice and write happen under {@code target}'s
     * stripe lock, so a concurrent incoming link is not lost.
     */
    void repairAfterMove(int target, int moved, int level, int[] extra, int nExtra, HnswSearcher s) {
        int max = g.layout.maxConn(level);
        synchronized (lockOf(target)) {
            MemorySegment seg = g.segment();
            int cap = g.capacity();
            NodeScorer scorer = s.scorer();
            int[] friends = new int[max];
            int n = g.readNeighbors(seg, target, level, friends);
            int at = -1;
            float worst = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (friends[i] == moved) at = i;
                else if (friends[i] >= 0 && friends[i] < cap) worst = Math.max(worst, scorer.distanceBetween(target, friends[i]));
            }
            float toMoved = scorer.distanceBetween(target, moved);
            if (at < 0 || toMoved <= worst) return;
            int best = -1;
            float bestDistance = Float.POSITIVE_INFINITY;
            for (int i = 0; i < nExtra; i++) {
                int candidate = extra[i];
                if (candidate == moved || !isNewCandidate(seg, cap, friends, n, candidate, target)) continue;
                float distance = scorer.distanceBetween(target, candidate);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = candidate;
                }
            }
            // Only a closer replacement is taken: the link stays when the node did not move away (a
            // re-insert of an unchanged vector, a reindex) or when it is the target's only way on. Dropping
            // or swapping such a link cut 1-D chains into unreachable pieces (TinyGraphTest).
            if (best < 0 || bestDistance >= toMoved) return;
            friends[at] = best;
            g.writeNeighbors(target, level, friends, n);
        }
    }

    /**
     * Writes {@code kept[0..nKept)} plus, up to {@code size} entries, the closest of the candidate
     * ids that are not already kept (caller passes distinct live ids, none equal to {@code node}).
     */
    void refill(int node, int level, int[] kept, int nKept, int size, int[] ids, int n, HnswSearcher s) {
        NodeScorer scorer = s.scorer();
        long[] candidates = new long[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            boolean present = false;
            for (int t = 0; t < nKept && !present; t++) present = kept[t] == ids[i];
            if (!present) candidates[count++] = NeighborQueue.encode(scorer.distanceBetween(node, ids[i]), ids[i]);
        }
        Arrays.sort(candidates, 0, count);
        int k = nKept;
        for (int i = 0; i < count && k < size; i++) kept[k++] = NeighborQueue.nodeOf(candidates[i]);
        synchronized (lockOf(node)) {
            g.writeNeighbors(node, level, kept, k);
        }
    }

    /** True if {@code id} is a live node other than {@code self} and not in {@code ids[0..n)}. */
    private boolean isNewCandidate(MemorySegment seg, int cap, int[] ids, int n, int id, int self) {
        if (id < 0 || id >= cap || id == self) return false;
        byte st = g.state(seg, id);
        if (st != GraphLayout.LIVE && st != GraphLayout.INSERTING) return false;
        for (int i = 0; i < n; i++) if (ids[i] == id) return false;
        return true;
    }
}
