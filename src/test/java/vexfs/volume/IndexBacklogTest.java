package vexfs.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IndexBacklogTest {
    @Test
    void aSlotIsQueuedOnceAndPendingUntilDone() throws InterruptedException {
        IndexBacklog b = new IndexBacklog(3);
        assertTrue(b.offer(70));
        assertTrue(b.offer(70), "queued already: accepted, not queued twice");
        assertTrue(b.offer(5));
        assertEquals(2, b.count());
        int[] out = new int[8];
        assertEquals(2, b.take(out, 0));
        assertEquals(70, out[0], "first in, first out");
        assertEquals(5, out[1]);
        assertTrue(b.isPending(70), "taken is not done: a search still scans it");
        assertArrayEquals(new int[] {5, 70}, b.pendingSlots());
        assertTrue(b.offer(70), "a put while it is being inserted: still pending, the insert reads the new vector");
        b.done(70);
        b.done(70);
        assertFalse(b.isPending(70));
        assertEquals(1, b.count());
        assertFalse(b.awaitEmpty(10));
        b.done(5);
        assertTrue(b.awaitEmpty(0));
        assertEquals(0, b.pendingSlots().length);
    }

    @Test
    void aFullBacklogRefusesAndTheRingGrowsUpToItsCapacity() throws InterruptedException {
        IndexBacklog b = new IndexBacklog(5000);
        for (int s = 0; s < 5000; s++) assertTrue(b.offer(s * 7));
        assertFalse(b.offer(1), "full: the caller inserts in its own request");
        int[] out = new int[5000];
        assertEquals(5000, b.take(out, 0));
        for (int s = 0; s < 5000; s++) assertEquals(s * 7, out[s]);
        assertEquals(5000, b.count(), "taken, not done");
        for (int s = 0; s < 5000; s++) b.done(s * 7);
        assertEquals(0, b.count());
        assertEquals(5000, b.offered());
    }
}
