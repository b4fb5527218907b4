package vexfs.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MountStackTest {
    @Test
    void percentilesCarryOnlyThePrecisionTheHistogramHas() {
        assertEquals("2100", MountStack.micros(2_097_152));
        assertEquals("0.001", MountStack.micros(1));
        assertEquals("19", MountStack.micros(19_027));
        assertEquals("0", MountStack.micros(0));
    }
}
