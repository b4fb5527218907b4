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
}
