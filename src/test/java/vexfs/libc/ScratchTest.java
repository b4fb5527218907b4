package vexfs.libc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void platformThreadReusesItsBufferAndAligns() {
        long first;
        try (Scratch s = Scratch.open()) {
            MemorySegment a = s.allocate(3, 1);
            MemorySegment b = s.allocate(8, 8);
            first = a.address();
            assertEquals(0, b.address() % 8);
            assertNotEquals(a.address(), b.address());
        }
        try (Scratch s = Scratch.open()) {
            assertEquals(first, s.allocate(3, 1).address(), "the same buffer, from its start, on the next call");
        }
    }

    @Test
    void nestedUseAndOverflowGetOwnMemoryThatDiesWithTheScope() {
        MemorySegment big;
        try (Scratch outer = Scratch.open()) {
            MemorySegment o = outer.allocate(16, 8);
            try (Scratch inner = Scratch.open()) {
                MemorySegment i = inner.allocate(16, 8);
                assertNotEquals(o.address(), i.address());
            }
            big = outer.allocate(1 << 20, 8);  // larger than the buffer: from an arena
            big.set(ValueLayout.JAVA_BYTE, (1 << 20) - 1, (byte) 1);
        }
        MemorySegment gone = big;
        assertThrows(IllegalStateException.class, () -> gone.get(ValueLayout.JAVA_BYTE, 0));
    }

    @Test
    void virtualThreadsNeverShareThePlatformBuffer() throws Exception {
        long platform;
        try (Scratch s = Scratch.open()) {
            platform = s.allocate(8, 8).address();
        }
        AtomicReference<Long> seen = new AtomicReference<>();
        Thread.ofVirtual().start(() -> {
            try (Scratch s = Scratch.open()) {
                MemorySegment m = s.allocate(8, 8);
                m.set(ValueLayout.JAVA_LONG, 0, 42);
                seen.set(m.address());
            }
        }).join();
        assertNotEquals(platform, seen.get());
    }
}
