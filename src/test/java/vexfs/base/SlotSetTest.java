package vexfs.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;

import org.junit.jupiter.api.Test;

class SlotSetTest {
    @Test
    void membersInAscendingOrderDuplicatesOnce() {
        SlotSet s = SlotSet.of(70, 3, 70, 0);
        assertEquals(3, s.size());
        assertTrue(s.test(0) && s.test(3) && s.test(70));
        assertFalse(s.test(1) || s.test(-1) || s.test(71) || s.test(Integer.MAX_VALUE));
        assertEquals("[0, 3, 70]", java.util.Arrays.toString(s.members()));  // ascending, nothing after 70
    }

    @Test
    void negativeSlotsAreRefusedAndBitsAreCopied() {
        assertThrows(IllegalArgumentException.class, () -> SlotSet.of(1, -2));
        BitSet b = new BitSet();
        b.set(5);
        SlotSet s = SlotSet.of(b);
        b.set(6);
        assertFalse(s.test(6));
        assertEquals(1, s.size());
    }

    @Test
    void narrowedKeepsTheMembersAsCandidatesAndAsksTheConditionOfEach() {
        SlotSet s = SlotSet.of(2, 4, 6, 9);
        SlotSet even = s.narrowedBy(slot -> slot % 2 == 0);
        assertTrue(even.test(2) && even.test(6));
        assertFalse(even.test(9) || even.test(8), "a non-member stays out, an odd member is narrowed away");
        assertEquals(4, even.size(), "the members are the exact scan's candidates: an upper bound");
        SlotSet twice = even.narrowedBy(slot -> slot > 2);
        assertFalse(twice.test(2));
        assertTrue(twice.test(4));
        assertTrue(s.narrowedBy(null) == s);
        VectorSource src = new VectorSource() { // slot i holds the 1-d vector (i)
            public int dimension() { return 1; }
            public Metric metric() { return Metric.L2; }
            public int slotCount() { return 10; }
            public float distance(float[] q, int slot) { return (q[0] - slot) * (q[0] - slot); }
            public float distance(int a, int b) { return (a - b) * (a - b); }
            public void read(int slot, float[] dst) { dst[0] = slot; }
            public float[] prepareQuery(float[] q) { return q.clone(); }
        };
        SearchResult r = ExactSearch.searchMembers(src, new float[] {9}, 3, twice, slot -> slot != 6);
        assertEquals("[4]", java.util.Arrays.toString(java.util.Arrays.copyOf(r.slots(), r.size())),
                "members 2,4,6,9 narrowed to even and > 2, without 6 by the caller's own condition");
    }
}
