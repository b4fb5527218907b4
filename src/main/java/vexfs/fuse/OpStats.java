package vexfs.fuse;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Requests served and latency per operation, in a fixed log2 histogram of nanoseconds (no allocation per
 * request). Percentiles are bucket upper bounds, so p50/p99 are accurate to a factor of 2^(1/4).
 */
public final class OpStats {
    /** Buckets per power of two, and how many powers (1 ns .. ~2^40 ns = 18 min). */
    private static final int SUB = 4;
    private static final int BUCKETS = 41 * SUB;

    private final AtomicLongArray counts = new AtomicLongArray(Op.values().length);
    private final AtomicLongArray errors = new AtomicLongArray(Op.values().length);
    private final AtomicLongArray histogram = new AtomicLongArray(Op.values().length * BUCKETS);

    void record(Op op, long nanos, int errno) {
        counts.incrementAndGet(op.ordinal());
        if (errno != 0 && !isAnswer(op, errno)) errors.incrementAndGet(op.ordinal());
        histogram.incrementAndGet(op.ordinal() * BUCKETS + bucket(nanos));
    }

    /**
     * An errno that is the operation's ordinary "no" rather than a failure: a lookup of a name that does not exist
     * (every shell PATH search, every create) and a getxattr/removexattr of an attribute the file does not have
     * (every cp -a, ls -l's security.selinux). Counted as served, not as errors.
     */
    static boolean isAnswer(Op op, int errno) {
        return switch (op) {
            case LOOKUP -> errno == vexfs.libc.Errno.ENOENT;
            case GETXATTR, REMOVEXATTR -> errno == vexfs.libc.Errno.ENODATA;
            default -> false;
        };
    }

    static int bucket(long nanos) {
        if (nanos <= 1) return 0;
        double log = Math.log(nanos) / Math.log(2) * SUB;
        return (int) Math.min(BUCKETS - 1, Math.max(0, Math.ceil(log)));
    }

    static long upperBound(int bucket) {
        return (long) Math.ceil(Math.pow(2, (double) bucket / SUB));
    }

    /** A consistent-enough snapshot per op (ops never served are left out). */
    public Map<Op, Summary> snapshot() {
        Map<Op, Summary> out = new EnumMap<>(Op.class);
        for (Op op : Op.values()) {
            long n = counts.get(op.ordinal());
            if (n == 0) continue;
            out.put(op, new Summary(n, errors.get(op.ordinal()), percentile(op, 0.50), percentile(op, 0.99)));
        }
        return out;
    }

    private long percentile(Op op, double q) {
        long total = 0;
        long[] b = new long[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            b[i] = histogram.get(op.ordinal() * BUCKETS + i);
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

    /** Count, errors, and p50/p99 latency in nanoseconds. */
    public record Summary(long count, long errors, long p50Nanos, long p99Nanos) {}
}
