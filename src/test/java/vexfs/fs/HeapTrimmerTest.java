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
        final AtomicLong inUse = new AtomicLong();
        long live;
        int collections;

        HeapTrimmer trimmer(long floor) {
            return new HeapTrimmer(inUse::get, () -> { collections++; inUse.set(live); }, floor, 5 * SEC);
        }
    }

    @Test
    void collectsOnlyOnceGrowthExceedsTheFloorAndTheLiveSize() {
        FakeHeap h = new FakeHeap();
        h.live = 10 * MB;
        h.inUse.set(10 * MB);
        HeapTrimmer t = h.trimmer(16 * MB);
        h.inUse.set(26 * MB);                           // grew by exactly the floor: not yet
        assertFalse(t.check(100 * SEC));
        h.inUse.set(27 * MB);
        assertTrue(t.check(101 * SEC));
        assertEquals(1, h.collections);
        assertEquals(10 * MB, h.inUse.get());
    }

    @Test
    void aLargeLiveHeapIsCollectedOnlyWhenItDoubles() {
        FakeHeap h = new FakeHeap();
        h.live = 100 * MB;
        h.inUse.set(100 * MB);
        HeapTrimmer t = h.trimmer(16 * MB);
        h.inUse.set(190 * MB);                          // +90 MB > floor but < live: no collection
        assertFalse(t.check(100 * SEC));
        h.inUse.set(201 * MB);
        assertTrue(t.check(101 * SEC));
        assertEquals(1, t.collections());
    }

    @Test
    void neverCollectsTwiceWithinTheMinimumInterval() {
        FakeHeap h = new FakeHeap();
        h.live = 40 * MB;                               // everything survives: the worst case for thrashing
        h.inUse.set(0);
        HeapTrimmer t = h.trimmer(16 * MB);
        h.inUse.set(40 * MB);
        assertTrue(t.check(100 * SEC));
        h.inUse.set(200 * MB);
        assertFalse(t.check(103 * SEC));
        assertTrue(t.check(105 * SEC));
        assertEquals(2, h.collections);
    }
}
