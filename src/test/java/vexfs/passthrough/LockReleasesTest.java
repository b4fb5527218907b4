package vexfs.passthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import vexfs.libc.FsException;

class LockReleasesTest {
    @Test
    @Timeout(30)
    void aReleaseAfterTheVersionWasReadEndsTheWaitAtOnce() throws Exception {
        LockReleases r = new LockReleases();
        long seen = r.version(7);
        r.released(7);
        assertNotEquals(seen, r.version(7));
        r.await(7, seen, Long.MAX_VALUE);  // would never return if the release were lost
    }

    @Test
    @Timeout(30)
    void aWaiterIsWokenByTheRelease() throws Exception {
        LockReleases r = new LockReleases();
        long seen = r.version(3);
        CountDownLatch waiting = new CountDownLatch(1);
        Thread t = Thread.ofVirtual().start(() -> {
            waiting.countDown();
            try {
                r.await(3, seen, Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiting.await();
        r.released(3);
        t.join();  // a lost wake-up would hang here until the timeout
    }

    @Test
    @Timeout(30)
    void lockWaitRetriesUntilTheAttemptSucceeds() throws FsException {
        LockReleases r = new LockReleases();
        AtomicBoolean free = new AtomicBoolean();
        int[] tries = new int[1];
        LockWait.until(() -> {
            if (++tries[0] == 3) r.released(5);  // a release on the same node: the next try comes at once
            if (tries[0] == 4) free.set(true);
            return free.get();
        }, () -> false, r, 5);
        assertEquals(4, tries[0]);
    }
}
