package vexfs.base;

import java.util.function.IntPredicate;

/**
 * The share of live slots a filter accepts, estimated from a fixed pseudo-random sample: how a filtered search
 * chooses between walking the graph and scanning, and how the search backend decides that a directory's slots are
 * worth collecting into a {@link SlotSet}. The same sample every time (a fixed SplitMix64 sequence), so one filter
 * on one store gives one estimate.
 */
public final class SlotSample {
    /** Live slots sampled. */
    public static final int SIZE = 256;

    private SlotSample() {
    }

    /** The share of the live slots below {@code cap} that pass {@code filter}; 1.0 if no live slot was met. */
    public static double share(IntPredicate filter, IntPredicate live, int cap) {
        if (cap <= 0) return 1.0;
        int sampled = 0;
        int pass = 0;
        long x = 0x9E3779B97F4A7C15L;
        for (int t = 0; t < 8 * SIZE && sampled < SIZE; t++) {
            x += 0x9E3779B97F4A7C15L;
            long z = (x ^ (x >>> 33)) * 0xff51afd7ed558ccdL;
            int slot = (int) ((z >>> 1) % cap);
            if (!live.test(slot)) continue;
            sampled++;
            if (filter.test(slot)) pass++;
        }
        return sampled == 0 ? 1.0 : (double) pass / sampled;
    }
}
