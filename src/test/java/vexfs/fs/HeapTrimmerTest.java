package vexfs.fs;

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

    @Test
    void collectsOnlyOnceGrowthExceedsTheFloorAndTheLiveSize() {
        FakeHeap h = new FakeHeap(10 * MB, 10 * MB);
        HeapTrimmer t = h.trimmer();
        h.inUse.set(26 * MB);                           // grew by exactly the floor: not yet
        assertFalse(t.check(100 * SEC));
        h.inUse.set(27 * MB);
        assertTrue(t.check(101 * SEC));
        assertEquals(1, h.collections);
        assertEquals(10 * MB, h.inUse.get());
    }

    @Test
    void aLargeLiveHeapIsCollectedOnlyWhenItDoubles() {
        FakeHeap h = new FakeHeap(100 * MB, 100 * MB);
        HeapTrimmer t = h.trimmer();
        h.inUse.set(190 * MB);                          // +90 MB > floor but < live: no collection
        assertFalse(t.check(100 * SEC));
        h.inUse.set(201 * MB);
        assertTrue(t.check(101 * SEC));
        assertEquals(1, t.collections());
    }

    @Test
    void neverCollectsTwiceWithinTheMinimumInterval() {
        FakeHeap h = new FakeHeap(40 * MB, 0);          // everything survives: the worst case for thrashing
        HeapTrimmer t = h.trimmer();
        h.inUse.set(40 * MB);
        assertTrue(t.check(100 * SEC));
        h.inUse.set(200 * MB);
        assertFalse(t.check(103 * SEC));
        assertTrue(t.check(105 * SEC));
        assertEquals(2, h.collections);
    }
}
