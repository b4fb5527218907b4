package vexfs.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;

import org.junit.jupiter.api.Test;

import vexfs.base.SlotSet;
import vexfs.volume.MountPath;

class DirectorySlotsTest {
    private static final int SLOTS = 2000;
    /** Slot i's file: /small/f{i} for every 100th slot (1 %), /big/f{i} for the rest. */
    private final String[] paths = new String[SLOTS];
    private final AtomicLong changes = new AtomicLong();
    private final DirectorySlots cache = new DirectorySlots(changes::get);

    DirectorySlotsTest() {
        for (int i = 0; i < SLOTS; i++) paths[i] = (i % 100 == 0 ? "small/f" : "big/f") + i;
    }

    private static MountPath dir(String rel) {
        return MountPath.ofRelative(rel.getBytes(StandardCharsets.UTF_8));
    }

    private IntPredicate below(MountPath d) {
        return slot -> paths[slot] != null && dir(paths[slot]).isBelow(d);
    }

    private SlotSet of(String d, IntPredicate live) {
        return cache.of(dir(d), below(dir(d)), live, SLOTS, share -> share < 0.05);
    }

    @Test
    void aSelectiveDirectoryIsCollectedOnceUntilSomethingChanges() {
        IntPredicate live = slot -> slot != 300;
        SlotSet first = of("small", live);
        assertNotNull(first);
        assertEquals(19, first.size(), "20 files below small/, one of them not live");
        assertTrue(first.test(0) && first.test(1900));
        assertFalse(first.test(300) || first.test(1), "not live; not below small/");
        assertSame(first, of("small", live), "kept for the next search");
        assertEquals(1, cache.collectedCount());

        paths[5] = "small/moved-in";
        changes.incrementAndGet(); // a hint was recorded
        SlotSet again = of("small", live);
        assertTrue(again.test(5), "collected again after the change: the moved file is in");
        assertEquals(2, cache.collectedCount());
    }

    @Test
    void aBroadDirectoryKeepsThePerSlotFilter() {
        assertNull(of("big", slot -> true), "99 % of the slots: the graph walk asks only the nodes it reaches");
        assertNull(of("", slot -> true), "the root");
        assertEquals(0, cache.collectedCount());
    }

    @Test
    void aSetCollectedWhileSomethingChangedIsNotKept() {
        AtomicLong calls = new AtomicLong();
        IntPredicate liveAndChanging = slot -> {
            if (calls.incrementAndGet() == 1000) changes.incrementAndGet(); // a put during the collection pass
            return true;
        };
        SlotSet s = of("small", liveAndChanging);
        assertNotNull(s, "the search that collected it still uses it (each hit is re-checked on its path)");
        of("small", slot -> true);
        assertEquals(2, cache.collectedCount(), "not kept: the next search collected again");
    }
}
