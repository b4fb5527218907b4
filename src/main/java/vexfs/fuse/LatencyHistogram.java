package vexfs.fuse;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in a fixed log2 histogram of nanoseconds with 4 buckets per power of two (1 ns .. ~2^40 ns = 18 min):
 * no allocation per record, lock-free. Percentiles are bucket upper bounds, so they are accurate to a factor of
 * 2^(1/4) (19 %): shown with two significant digits, never more.
 */
public final class LatencyHistogram {
    private static final int SUB = 4;
    private static final int BUCKETS = 41 * SUB;

    private final AtomicLongArray buckets = new AtomicLongArray(BUCKETS);

    public void record(long nanos) {
        buckets.incrementAndGet(bucket(nanos));
    }

    static int bucket(long nanos) {
        if (nanos <= 1) return 0;
        double log = Math.log(nanos) / Math.log(2) * SUB;
        return (int) Math.min(BUCKETS - 1, Math.max(0, Math.ceil(log)));
    }

    static long upperBound(int bucket) {
        return (long) Math.ceil(Math.pow(2, (double) bucket / SUB));
    }

    /** The {@code q} quantile (0..1) in nanoseconds, as its bucket's upper bound; 0 if nothing was recorded. */
    public long percentile(double q) {
        long total = 0;
        long[] b = new long[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            b[i] = buckets.get(i);
            total += b[i];
        }
        long target = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += b[i];
            if (seen >= target && seen > 0) return upperBound(i);
        }
        return 0;
    }

    /** {@code nanos} in µs with two significant digits ("2100", not "2097.152"); "0" for 0. */
    public static String micros(long nanos) {
        if (nanos <= 0) return "0";
        return new java.math.BigDecimal(nanos / 1000.0).round(new java.math.MathContext(2)).stripTrailingZeros()
                .toPlainString();
    }
}
