package vexfs.it;

import java.util.Arrays;

/** The k smallest distances offered so far and their indices, closest first (insertion into a sorted array). */
final class TopK {
    private final float[] best;
    private final int[] idx;

    TopK(int k) {
        best = new float[k];
        idx = new int[k];
        Arrays.fill(best, Float.MAX_VALUE);
    }

    void offer(int i, float d) {
        int k = best.length;
        if (d >= best[k - 1]) return;
        int at = k - 1;
        while (at > 0 && best[at - 1] > d) {
            best[at] = best[at - 1];
            idx[at] = idx[at - 1];
            at--;
        }
        best[at] = d;
        idx[at] = i;
    }

    /** The indices, closest first. */
    int[] indices() {
        return idx.clone();
    }
}
