package vexfs.volume;

import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's one log line for a full disk: a full backing filesystem is an ordinary condition (each refused
 * vector change gets ENOSPC, which the dispatcher does not log), so it is said once when the first change is
 * refused and once more when a change that needs room succeeds again, with the count refused in between - not a
 * line (or a stack trace) per request. Thread-safe.
 */
final class DiskFullNotice {
    private static final Logger LOG = LoggerFactory.getLogger(DiskFullNotice.class);

    private final AtomicLong refused = new AtomicLong();

    /** A change was refused for lack of space ({@code why}: the first one is logged). */
    void refused(String why) {
        if (refused.getAndIncrement() == 0) {
            LOG.warn("the backing filesystem is full: vector changes that need room get ENOSPC until space is freed "
                    + "(removing, renaming, reading and searching still work); first refused: {}", why);
        }
    }

    /** A change that needed room succeeded: if changes were refused before, say that space is back. */
    void succeeded() {
        if (refused.get() == 0) return;
        long n = refused.getAndSet(0);
        if (n > 0) LOG.info("the backing filesystem has room again ({} vector changes were refused while full)", n);
    }
}
