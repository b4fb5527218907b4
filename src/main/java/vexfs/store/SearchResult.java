package vexfs.store;

/**
 * Top-k hits, closest first (ties by ascending slot): parallel primitive arrays of equal length.
 * The arrays are owned by the caller once returned.
 */
public record SearchResult(int[] slots, long[] fileKeys, float[] distances) {
    public int size() {
        return slots.length;
    }
}
