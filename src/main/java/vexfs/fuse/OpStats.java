package vexfs.fuse;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;


/**
 * Requests served and latency per operation ({@link LatencyHistogram}: no allocation per request). Each answer is
 * a success, an error, or an ordinary "no" ({@link #isAnswer}), counted apart from errors.
 */
public final class OpStats {
    private final AtomicLongArray counts = new AtomicLongArray(Op.values().length);
    private final AtomicLongArray errors = new AtomicLongArray(Op.values().length);
    private final AtomicLongArray negatives = new AtomicLongArray(Op.values().length);
    private final LatencyHistogram[] latency = new LatencyHistogram[Op.values().length];

    public OpStats() {
        for (int i = 0; i < latency.length; i++) latency[i] = new LatencyHistogram();
    }

    void record(Op op, long nanos, int errno) {
        counts.incrementAndGet(op.ordinal());
        if (errno != 0) (isAnswer(op, errno) ? negatives : errors).incrementAndGet(op.ordinal());
        latency[op.ordinal()].record(nanos);
    }

    /**
     * An errno that is the operation's ordinary "no" rather than a failure: a lookup of a name that does not exist
     * (every shell PATH search, every create) and a getxattr/removexattr of an attribute the file does not have
     * (every cp -a, ls -l's security.selinux). Counted as served, and as negatives, not as errors.
     */
    static boolean isAnswer(Op op, int errno) {
        return switch (op) {
            case LOOKUP -> errno == vexfs.libc.Errno.ENOENT;
            case GETXATTR, REMOVEXATTR -> errno == vexfs.libc.Errno.ENODATA;
            default -> false;
        };
    }

    /** A consistent-enough snapshot per op (ops never served are left out). */
    public Map<Op, Summary> snapshot() {
        Map<Op, Summary> out = new EnumMap<>(Op.class);
        for (Op op : Op.values()) {
            long n = counts.get(op.ordinal());
            if (n == 0) continue;
            LatencyHistogram h = latency[op.ordinal()];
            out.put(op, new Summary(n, errors.get(op.ordinal()), negatives.get(op.ordinal()), h.percentile(0.50),
                    h.percentile(0.99)));
        }
        return out;
    }

    /** Count, errors, ordinary negative answers (ENOENT of a lookup, ENODATA of a getxattr), p50/p99 in ns. */
    public record Summary(long count, long errors, long negatives, long p50Nanos, long p99Nanos) {}
}
