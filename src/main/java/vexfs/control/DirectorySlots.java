package vexfs.control;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoublePredicate;
import java.util.function.IntPredicate;
import java.util.function.LongSupplier;

import vexfs.base.SlotSample;
import vexfs.base.SlotSet;
import vexfs.volume.MountPath;

/**
 * {@code under=D} as a {@link SlotSet}: the slots whose file's path hint lies below D, collected by one pass over the
 * store's slots and kept for the next searches of D until a slot or a path hint changes. With a set, a filtered
 * search knows the selectivity exactly and its exact scan visits D's slots only; with the plain per-slot filter,
 * the exact scan asks every slot of the store where D's file is (a path-hint lookup each).
 *
 * <p>A set is collected only where that pass costs nothing new: when, for the sampled share of slots below D, the
 * filtered search would scan every slot anyway (below 5 %, or where its graph walk would cost more than the scan:
 * {@code HnswIndex.filterScansAllSlots}), asking each the same question. A D the search would walk keeps the
 * per-slot filter: the walk asks only the nodes it reaches. Kept sets are dropped as soon
 * as {@code changes} moves (every put, remove, rename or new hint moves it), so a set is never older than the
 * slots and hints it was collected from. It is an optimisation only: every hit is checked again on its verified
 * path before it is answered.
 */
final class DirectorySlots {
    private static final int MAX_SETS = 16;

    private final LongSupplier changes;
    private final Map<MountPath, SlotSet> sets = new LinkedHashMap<>(MAX_SETS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<MountPath, SlotSet> eldest) {
            return size() > MAX_SETS;
        }
    };
    private long collectedAt = Long.MIN_VALUE;
    private long collected;

    /** @param changes a count that moves whenever a slot or a path hint changes */
    DirectorySlots(LongSupplier changes) {
        this.changes = changes;
    }

    /**
     * The set of the live slots below {@code dir} ({@code inDir} asks one slot, {@code live} its liveness, slots
     * below {@code slotCount}), or null where the per-slot filter is the better one: where {@code scansAll} says a
     * search with a filter of the sampled share would not scan every slot.
     */
    SlotSet of(MountPath dir, IntPredicate inDir, IntPredicate live, int slotCount, DoublePredicate scansAll) {
        long now = changes.getAsLong();
        synchronized (this) {
            if (now != collectedAt) {
                sets.clear();
                collectedAt = now;
            }
            SlotSet kept = sets.get(dir);
            if (kept != null) return kept;
        }
        if (!scansAll.test(SlotSample.share(inDir, live, slotCount))) return null;
        BitSet bits = new BitSet(); // grows to the highest member only: a small directory costs little
        for (int slot = 0; slot < slotCount; slot++) {
            if (live.test(slot) && inDir.test(slot)) bits.set(slot);
        }
        SlotSet set = SlotSet.of(bits);
        synchronized (this) {
            collected++;
            // kept only if nothing changed while it was collected: else the next search collects again
            if (changes.getAsLong() == now && collectedAt == now) sets.put(dir, set);
        }
        return set;
    }

    /** How many sets were collected since the mount (stats: how often the cache missed). */
    synchronized long collectedCount() {
        return collected;
    }
}
