package vexfs.store;

import static vexfs.store.StoreFormat.*;

import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * One pass over the records of a vector file: rebuilds the key map and the free-slot stack, and
 * finds what a crash or damage can leave behind. Used lazily by the store (clean files: headers
 * only), at open after an unclean shutdown (full checksums), and by the verifier.
 *
 * <p>Resolution rules: a LIVE record whose CRC does not match is torn and dropped; an unknown
 * state word is dropped; two LIVE records with the same key are the window of a replace (new
 * record written, old one not yet freed): the higher generation wins, the other is dropped.
 * "Dropped" means marked FREE when {@code repair} is set, ignored otherwise.
 */
final class RecordScan {
    private static final int MAX_MESSAGES = 50;

    final LongIntHashMap keys;
    final IntStack free = new IntStack();
    int highWater;
    int live;
    int torn;
    int badState;
    int duplicates;
    long maxGeneration;
    private final List<String> problems;
    private int messages;

    private RecordScan(int expected, ScratchMemory memory, List<String> problems) {
        this.keys = new LongIntHashMap(expected, memory);
        this.problems = problems;
    }

    /**
     * Scans slots {@code [0, limit)} of a file with the given header. {@code problems} receives
     * one line per finding (at most 50, then a summary line).
     */
    static RecordScan run(MemorySegment seg, Header h, long limit, boolean checksums, boolean repair,
                          List<String> problems) {
        return run(seg, h, limit, checksums, repair, problems, ScratchMemory.anonymous());
    }

    /** As above, with the key map in {@code memory}. */
    static RecordScan run(MemorySegment seg, Header h, long limit, boolean checksums, boolean repair,
                          List<String> problems, ScratchMemory memory) {
        RecordScan s = new RecordScan((int) Math.min(limit, 1 << 20), memory, problems);
        int rs = h.recordSize();
        int lastLive = -1;
        for (int slot = 0; slot < limit; slot++) {
            long off = recordOffset(slot, rs);
            int st = state(seg, off);
            if (st == RECORD_FREE) {
                continue;
            }
            if (st != RECORD_LIVE) {
                s.badState++;
                s.report("slot " + slot + ": unknown state word 0x" + Integer.toHexString(st), repair);
                if (repair) {
                    markFree(seg, off);
                }
                continue;
            }
            if (checksums && (!checksumOk(seg, off, rs) || seg.get(INT, off + R_DIM) != h.dim())) {
                s.torn++;
                s.report("slot " + slot + ": record checksum mismatch (torn or damaged record, key "
                        + key(seg, off) + ")", repair);
                if (repair) {
                    markFree(seg, off);
                }
                continue;
            }
            long key = key(seg, off);
            long gen = generation(seg, off);
            s.maxGeneration = Math.max(s.maxGeneration, gen);
            int other = s.keys.get(key);
            if (other >= 0) {
                s.duplicates++;
                long otherGen = generation(seg, recordOffset(other, rs));
                int loser = otherGen >= gen ? slot : other;
                int winner = loser == slot ? other : slot;
                s.report("key " + key + " is live in slots " + other + " and " + slot + "; keeping slot " + winner
                        + " (newer generation)", repair);
                if (repair) {
                    markFree(seg, recordOffset(loser, rs));
                }
                s.keys.put(key, winner);
                lastLive = Math.max(lastLive, winner);
                continue;
            }
            s.keys.put(key, slot);
            s.live++;
            lastLive = slot;
        }
        s.highWater = lastLive + 1;
        for (int slot = s.highWater - 1; slot >= 0; slot--) {
            if (state(seg, recordOffset(slot, rs)) == RECORD_FREE) {
                s.free.push(slot); // descending, so pop() hands out the lowest free slot first
            }
        }
        if (s.messages > MAX_MESSAGES) {
            problems.add("... " + (s.messages - MAX_MESSAGES) + " more problems not listed");
        }
        return s;
    }

    int dropped() {
        return torn + badState + duplicates;
    }

    private void report(String message, boolean repair) {
        if (++messages <= MAX_MESSAGES) {
            problems.add(message + (repair ? " [repaired]" : ""));
        }
    }
}
