package vexfs.base;

import java.util.BitSet;
import java.util.function.IntPredicate;

/**
 * A search filter that knows its members: a set of slots, as a bitset. A filtered search asks an opaque
 * {@link IntPredicate} of every slot it considers, and in its exact fallback of every slot of the store; given a
 * SlotSet it knows the selectivity exactly and scans only the members (a 1 % subset of 200,000 slots: 2,000
 * distances and no 198,000 predicate calls). This is the form of a filter an index keeps for a term or a
 * directory, as Lucene's filtered kNN gets its bitset from a posting list. Immutable; its bits are copied in.
 * It keeps its members twice: as bits for {@link #test} (the graph walk asks per candidate) and as an ascending
 * array for the exact scan, which then is {@link ExactSearch}'s scan over a list of slots.
 */
public final class SlotSet implements IntPredicate {
    private final BitSet bits;
    private final int[] members;
    /** A further condition every accepted member must meet (null: none); see {@link #narrowedBy}. */
    private final IntPredicate also;

    private SlotSet(BitSet bits) {
        this(bits, bits.stream().toArray(), null);
    }

    private SlotSet(BitSet bits, int[] members, IntPredicate also) {
        this.bits = bits;
        this.members = members;
        this.also = also;
    }

    /**
     * The members that also pass {@code condition} (null: this set), without copying: the members stay the
     * candidates an exact scan visits (so {@link #size} is an upper bound), and the condition is asked of each.
     */
    public SlotSet narrowedBy(IntPredicate condition) {
        if (condition == null) return this;
        return new SlotSet(bits, members, also == null ? condition : also.and(condition));
    }

    /** The slots set in {@code bits} (copied). */
    public static SlotSet of(BitSet bits) {
        return new SlotSet((BitSet) bits.clone());
    }

    /** The slots in {@code slots} (any order, duplicates count once; negative slots are refused). */
    public static SlotSet of(int... slots) {
        BitSet b = new BitSet();
        for (int s : slots) {
            if (s < 0) throw new IllegalArgumentException("a slot is >= 0, got " + s);
            b.set(s);
        }
        return new SlotSet(b);
    }

    @Override
    public boolean test(int slot) {
        return slot >= 0 && bits.get(slot) && (also == null || also.test(slot));
    }

    /** How many slots are members (before a {@link #narrowedBy} condition: an upper bound of what passes). */
    public int size() {
        return members.length;
    }

    /** The {@link #narrowedBy} condition, or null. */
    IntPredicate condition() {
        return also;
    }

    /** The members in ascending order, each once (not a copy: not to be written). */
    int[] members() {
        return members;
    }
}
