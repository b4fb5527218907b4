package vexfs.control;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per refused control command (a write to /.vexfs/control by a uid that is neither root nor the
 * mount's owner) — but at most one a minute per uid, with the count of those not logged, so that another user of
 * an allow_other mount cannot fill the log. The command itself is not logged: it is that user's text.
 */
final class ControlRefusals {
    private static final Logger LOG = LoggerFactory.getLogger(ControlRefusals.class);
    private static final long QUIET_NANOS = 60_000_000_000L;

    private record Tally(AtomicLong lastLogged, AtomicLong unlogged) {}

    private final ConcurrentHashMap<Integer, Tally> byUid = new ConcurrentHashMap<>();

    void refused(int uid, int bytes) {
        if (byUid.size() > 10_000) byUid.clear();  // bounded: uids are many, a clear only costs a repeated line
        Tally t = byUid.computeIfAbsent(uid, u -> new Tally(new AtomicLong(System.nanoTime() - QUIET_NANOS),
                new AtomicLong()));
        long now = System.nanoTime();
        long last = t.lastLogged().get();
        if (now - last >= QUIET_NANOS && t.lastLogged().compareAndSet(last, now)) {
            long more = t.unlogged().getAndSet(0);
            LOG.warn("control: refused a {}-byte command from uid {} with EACCES (only root and the mount's owner run"
                    + " control commands){}", bytes, uid, more == 0 ? "" : "; " + more + " more refused since the last line");
        } else {
            t.unlogged().incrementAndGet();
        }
    }
}
