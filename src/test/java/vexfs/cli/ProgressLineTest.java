package vexfs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProgressLineTest {
    @Test
    void aLineHasDoneTotalRateAndEta() {
        assertEquals("vexfs import: vectors 12000/60000 (4000/s, ETA 12 s)",
                ProgressLine.line("import", "vectors", 12_000, 60_000, 3_000_000_000L));
        assertEquals("vexfs verify: graph rebuild 60000/60000 (20000/s)",
                ProgressLine.line("verify", "graph rebuild", 60_000, 60_000, 3_000_000_000L));
        assertEquals("vexfs reindex: 1024 files scanned", ProgressLine.line("reindex", "files scanned", 1024, -1, 100));
    }
}
