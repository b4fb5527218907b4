package vexfs.index;

import java.lang.foreign.MemorySegment;
import java.util.function.IntPredicate;

/**
 * Collects the results of a query: live nodes that pass an optional slot filter, up to {@code ef} of them, of
 * which the search returns the {@code k} closest. A filtered search sets a visit limit ({@link #limitVisits}) and
 * checks {@link #earlyTerminated()} afterwards.
 */
final class SearchCollector extends NeighborCollector {
    private int k;
    private IntPredicate filter;

    /** Binds to a query for the {@code k} nearest of an ef-wide beam, unfiltered and without a visit limit. */
    SearchCollector bind(GraphStore g, MemorySegment segment, int k, int ef) {
        reset(g, segment, ef);
        this.k = k;
        filter = null;
        return this;
    }

    /** Accepts only slots that {@code slotFilter} accepts. Returns this. */
    SearchCollector acceptOnly(IntPredicate slotFilter) {
        filter = slotFilter;
        return this;
    }

    /** Stops the search after {@code limit} distance computations (see {@link #earlyTerminated()}). Returns this. */
    SearchCollector limitVisits(int limit) {
        setVisitLimit(limit);
        return this;
    }

    int k() {
        return k;
    }

    @Override
    boolean accepts(int node) {
        return graph.state(seg, node) == GraphLayout.LIVE && (filter == null || filter.test(node));
    }

    @Override
    void unbind() {
        super.unbind();
        filter = null;
    }
}
