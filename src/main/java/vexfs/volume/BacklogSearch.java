package vexfs.volume;

import java.util.function.IntPredicate;

import vexfs.base.ExactSearch;
import vexfs.base.SearchResult;
import vexfs.base.VectorSource;
import vexfs.store.VectorStore;

/**
 * A graph search's answer completed with the vectors the graph does not hold yet: the indexer's backlog is scanned
 * exactly and the two ranked lists are merged (a slot in both counts once). So a vector is found the moment its
 * setxattr returned, whatever the indexer's lag; the cost is one exact scan of the backlog (bounded by
 * {@link MountedGraph#BACKLOG_BYTES} of vectors).
 */
final class BacklogSearch {
    private BacklogSearch() {}

    static SearchResult merge(SearchResult graph, VectorStore store, float[] query, int k, IntPredicate filterOrNull,
                              int[] waiting) {
        VectorSource vs = store.asVectorSource();
        IntPredicate accept = filterOrNull == null ? store::isLive : slot -> store.isLive(slot) && filterOrNull.test(slot);
        SearchResult exact = ExactSearch.searchAmong(vs, vs.prepareQuery(query), k, waiting, accept);
        if (exact.size() == 0) return graph;
        int[] slots = new int[Math.min(k, graph.size() + exact.size())];
        float[] dist = new float[slots.length];
        int n = 0, g = 0, e = 0;
        while (n < slots.length && (g < graph.size() || e < exact.size())) {
            boolean takeGraph = e >= exact.size() || (g < graph.size() && ranksFirst(graph, g, exact, e));
            int slot = takeGraph ? graph.slots()[g] : exact.slots()[e];
            float d = takeGraph ? graph.distances()[g++] : exact.distances()[e++];
            if (contains(slots, n, slot)) continue;
            slots[n] = slot;
            dist[n++] = d;
        }
        if (n < slots.length) {
            slots = java.util.Arrays.copyOf(slots, n);
            dist = java.util.Arrays.copyOf(dist, n);
        }
        return new SearchResult(slots, dist, graph.visited() + exact.visited(), graph.exact());
    }

    private static boolean ranksFirst(SearchResult a, int i, SearchResult b, int j) {
        int c = Float.compare(a.distances()[i], b.distances()[j]);
        return c < 0 || (c == 0 && a.slots()[i] <= b.slots()[j]);
    }

    /** k is small (a search's k): a linear look is cheaper than a set. */
    private static boolean contains(int[] slots, int n, int slot) {
        for (int i = 0; i < n; i++) if (slots[i] == slot) return true;
        return false;
    }
}
