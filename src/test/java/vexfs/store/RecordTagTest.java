package vexfs.store;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.base.Metric;

/** A record's kind and text range: written with the vector, covered by its CRC, read back checked. */
class RecordTagTest {
    @TempDir
    Path dir;

    @Test
    void tagsSurviveReopenAndUncleanRecovery() throws IOException {
        try (VectorStore s = VectorStore.create(dir, 3, Metric.COSINE, false)) {
            s.put(1, new float[] {1, 0, 0});
            s.put(2, new float[] {0, 1, 0}, new RecordTag(RecordTag.KIND_WHOLE, 0, 5000));
            s.put(-3, new float[] {0, 0, 1}, RecordTag.chunk(1200, 2400));
        }
        // reopen twice: a clean open (lazy scan) and with checksums (the tag is inside the record's CRC)
        try (VectorStore s = VectorStore.open(dir, false)) {
            assertEquals(RecordTag.PLAIN, s.tagOf(s.slotOf(1)));
            assertEquals(new RecordTag(RecordTag.KIND_WHOLE, 0, 5000), s.tagOf(s.slotOf(2)));
            assertEquals(RecordTag.KIND_CHUNK, s.kindOf(s.slotOf(-3)));
            assertEquals(RecordTag.chunk(1200, 2400), s.tagOf(s.slotOf(-3)));
            // replacing a vector replaces its tag
            s.put(2, new float[] {0, 1, 1});
            assertEquals(RecordTag.PLAIN, s.tagOf(s.slotOf(2)));
        }
    }

    @Test
    void anUnknownKindOrABadRangeReadsAsNone() throws IOException {
        int slot;
        try (VectorStore s = VectorStore.create(dir, 3, Metric.L2, false)) {
            slot = s.put(7, new float[] {1, 2, 3}, RecordTag.chunk(10, 20));
        }
        // what a damaged or foreign file could hold (written past the CRC: only the tag reader is tested here)
        try (FileChannel ch = FileChannel.open(dir.resolve(VectorStore.FILE_NAME), StandardOpenOption.READ,
                StandardOpenOption.WRITE); Arena a = Arena.ofConfined()) {
            MemorySegment seg = ch.map(FileChannel.MapMode.READ_WRITE, 0, ch.size(), a);
            int rs = StoreFormat.recordSize(3, Metric.L2);
            long off = StoreFormat.recordOffset(slot, rs);
            seg.set(StoreFormat.INT, off + StoreFormat.R_KIND, 77);
            seg.set(StoreFormat.LONG, off + StoreFormat.R_RANGE_START, 50);
            seg.set(StoreFormat.LONG, off + StoreFormat.R_RANGE_END, 20);
        }
        try (VectorStore s = VectorStore.open(dir, true)) {
            assertEquals(RecordTag.KIND_PLAIN, s.kindOf(s.slotOf(7)));
            assertEquals(RecordTag.PLAIN, s.tagOf(s.slotOf(7)));
        }
        assertThrows(IllegalArgumentException.class, () -> new RecordTag(3, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> RecordTag.chunk(5, 4));
    }
}
