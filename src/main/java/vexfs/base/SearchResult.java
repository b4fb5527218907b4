package vexfs.base;

/**
 * Nearest neighbours of one query, closest first. {@code slots[i]} is a vector-store slot and
 * {@code distances[i]} its exact distance (lower is closer). {@code visited} counts the nodes whose
 * distance the search computed (graph traversal plus re-ranking, or slots scanned by exact search).
 */
public record SearchResult(int[] slots, float[] distances, int visited, boolean exact) {
    public int size() {
        return slots.length;
    }
}
