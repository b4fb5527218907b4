package vexfs.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The trimmer's policy on a simulated heap; the effect on a real daemon is measured by scripts/stress. */
class HeapTrimmerTest {
    private static final long MB = 1L << 20;
    private static final long SEC = 1_000_000_000L;

    /** A heap whose collection drops the in-use figure to {@code live}. */
    private static final class FakeHeap {
        final AtomicLong inUse;
        final long live;
        int collections;

        FakeHeap(long live, long inUseAtStart) {
            this.live = live;
            this.inUse = new AtomicLong(inUseAtStart);
        }

        /** A trimmer with a 16 MB floor and a 5 s minimum interval, created at the current in-use figure. */
        HeapTrimmer trimmer() {
            return new HeapTrimmer(inUse::get, () -> { collections++; inUse.set(live); }, 16 * MB, 5 * SEC);
        }
    }

    /** Checks once a second from {@code startSec} at a steady in-use figure; true if any check collected. */
    private static boolean steady(HeapTrimmer t, FakeHeap h, long inUse, int checks, long startSec) {
        h.inUse.set(inUse);
        boolean collected = false;
        for (int i = 0; i < checks; i++) collected |= t.check((startSec + i) * SEC);
        return collected;
    }

    @Test
    void collectsOnceTheWholeWindowIsPastTheFloorAndTheLiveSize() {
        FakeHeap h = new FakeHeap(10 * MB, 10 * MB);
        HeapTrimmer t = h.trimmer();
        assertFalse(steady(t, h, 26 * MB, 10, 100));    // grew by exactly the floor: never
        assertFalse(steady(t, h, 27 * MB, HeapTrimmer.WINDOW - 1, 110));  // the window still holds 26 MB
        assertTrue(t.check(120 * SEC));
        assertEquals(1, h.collections);
        assertEquals(10 * MB, h.inUse.get());
    }

    @Test
    void aLargeLiveHeapIsCollectedOnlyWhenItDoubles() {
        FakeHeap h = new FakeHeap(100 * MB, 100 * MB);
        HeapTrimmer t = h.trimmer();
        assertFalse(steady(t, h, 190 * MB, 10, 100));   // +90 MB > floor but < live: no collection
        assertTrue(steady(t, h, 201 * MB, HeapTrimmer.WINDOW, 110));
        assertEquals(1, t.collections());
    }

    @Test
    void edenFillingAndEmptyingIsNotGrowth() {
        FakeHeap h = new FakeHeap(10 * MB, 10 * MB);
        HeapTrimmer t = h.trimmer();
        for (int s = 0; s < 60; s++) {
            h.inUse.set(s % 3 == 0 ? 12 * MB : 110 * MB);  // a 100 MB eden, emptied by young collections
            assertFalse(t.check((100 + s) * SEC));
        }
        assertEquals(0, h.collections);
    }

    @Test
    void neverCollectsTwiceWithinTheMinimumInterval() {
        FakeHeap h = new FakeHeap(40 * MB, 0);          // everything survives: the worst case for thrashing
        HeapTrimmer t = h.trimmer();
        assertTrue(steady(t, h, 40 * MB, HeapTrimmer.WINDOW, 100));
        h.inUse.set(200 * MB);
        for (int i = 0; i < HeapTrimmer.WINDOW + 2; i++) assertFalse(t.check(104 * SEC + i * (SEC / 2)));
        assertTrue(t.check(109 * SEC));
        assertEquals(2, h.collections);
    }
}
