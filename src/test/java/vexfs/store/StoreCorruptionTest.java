package vexfs.store;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.base.Metric;

class StoreCorruptionTest {
    private static final int DIM = 10;

    @TempDir
    Path dir;

    private Path file(Path d) {
        return d.resolve(VectorStore.FILE_NAME);
    }

    private static void poke(Path f, long pos, byte... bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(bytes), pos);
        }
    }

    private static byte peek(Path f, long pos) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(1);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            ch.read(b, pos);
        }
        return b.get(0);
    }

    private String openError(Path d) {
        return assertThrows(CorruptStoreException.class, () -> VectorStore.open(d, true)).getMessage();
    }

    @Test
    void detectsBadHeader() throws IOException {
        VectorStore.create(dir, DIM, Metric.L2, false).close();
        Path f = file(dir);
        byte dimByte = peek(f, StoreFormat.H_DIM);
        poke(f, StoreFormat.H_DIM, (byte) (dimByte ^ 1));
        assertTrue(openError(dir).contains("header checksum"), openError(dir));
        assertFalse(StoreVerifier.verify(dir, true).repairable());
        poke(f, StoreFormat.H_DIM, dimByte);
        poke(f, StoreFormat.H_VERSION, (byte) 2);
        assertTrue(openError(dir).contains("format version 2"), openError(dir));
        poke(f, StoreFormat.H_VERSION, (byte) 1);
        poke(f, 0, (byte) 'X');
        assertTrue(openError(dir).contains("bad magic 'XEXFSVEC'"), openError(dir));
        poke(f, 0, (byte) 'V');
        VectorStore.open(dir, true).close();
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.truncate(100);
        }
        assertTrue(openError(dir).contains("shorter than"), openError(dir));
    }

    @Test
    void truncatedFileIsRefused() throws IOException {
        VectorStore.create(dir, DIM, Metric.L2, false).close();
        Path f = file(dir);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 7);
        }
        assertTrue(openError(dir).contains("stray bytes"), openError(dir));
    }

    /** A crash image: the file as it is on disk while a writer has it open, then damaged mid-record. */
    @Test
    void verifyDetectsAndRepairsTornRecordAndPartialTail() throws IOException {
        Random rnd = new Random(5);
        float[][] vs = new float[20][];
        Path crash = dir.resolve("crash");
        Files.createDirectories(crash);
        int recordSize;
        try (VectorStore s = VectorStore.create(dir.resolve("live"), DIM, Metric.COSINE, false)) {
            recordSize = s.recordSize();
            for (int i = 0; i < 20; i++) {
                vs[i] = TestVectors.random(rnd, DIM);
                assertEquals(i, s.put(i, vs[i]));
            }
            s.sync();
            Files.copy(file(dir.resolve("live")), file(crash)); // header says DIRTY, as after kill -9
        }
        Path f = file(crash);
        long rec3 = StoreFormat.recordOffset(3, recordSize);
        poke(f, rec3 + StoreFormat.R_VECTOR + 5, (byte) 0x55, (byte) 0x66); // half-written payload, state still LIVE
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - recordSize / 2); // file cut in the middle of the last record
        }
        assertTrue(openError(crash).contains("stray bytes"));

        VerifyReport r = StoreVerifier.verify(crash, false);
        assertFalse(r.clean());
        assertEquals(1, r.torn());
        assertTrue(r.problems().stream().anyMatch(p -> p.startsWith("slot 3: record checksum mismatch")), r.toText());
        assertTrue(r.problems().stream().anyMatch(p -> p.contains("partial record")), r.toText());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("not closed cleanly")), r.toText());

        VerifyReport fixed = StoreVerifier.verify(crash, true);
        assertTrue(fixed.repaired(), fixed.toText());
        assertEquals(19, fixed.live());
        VerifyReport again = StoreVerifier.verify(crash, false);
        assertTrue(again.clean(), again.toText());
        assertTrue(again.notes().isEmpty(), again.toText());

        try (VectorStore s = VectorStore.open(crash, false)) {
            assertEquals(19, s.liveCount());
            float[] got = new float[DIM];
            for (int i = 0; i < 20; i++) {
                assertEquals(i != 3, s.get(i, got), "key " + i);
                if (i != 3) {
                    assertArrayEquals(vs[i], got);
                }
            }
            assertEquals(3, s.put(100, vs[0]), "torn slot is free again");
        }
    }

    @Test
    void replaceInterruptedBeforeOldSlotWasFreedKeepsNewerVector() throws IOException {
        Path live = dir.resolve("live"), crash = dir.resolve("crash");
        Files.createDirectories(crash);
        float[] oldV = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, newV = {2, 2, 2, 2, 2, 2, 2, 2, 2, 2};
        int recordSize, vectorBytes;
        try (VectorStore s = VectorStore.create(live, DIM, Metric.L2, false)) {
            s.put(7, oldV);
            s.put(8, newV);
            recordSize = s.recordSize();
            vectorBytes = s.header().vectorBytes();
            Files.copy(file(live), file(crash));
        }
        // the crash image gets a second LIVE record for key 7 with a newer generation, old one still LIVE
        try (FileChannel ch = FileChannel.open(file(crash), StandardOpenOption.READ, StandardOpenOption.WRITE);
             Arena a = Arena.ofConfined()) {
            MemorySegment m = ch.map(FileChannel.MapMode.READ_WRITE, 0, ch.size(), a);
            StoreFormat.writeRecord(m, StoreFormat.recordOffset(2, recordSize), recordSize, vectorBytes, 7, 99, 1f, newV, null);
        }
        try (VectorStore s = VectorStore.open(crash, false)) {
            assertTrue(s.recoveryReport().stream().anyMatch(p -> p.contains("key 7 is live in slots 0 and 2")),
                    s.recoveryReport().toString());
            float[] got = new float[DIM];
            assertTrue(s.get(7, got));
            assertArrayEquals(newV, got);
            assertEquals(2, s.liveCount());
            assertFalse(s.isLive(0));
        }
        assertTrue(StoreVerifier.verify(crash, false).clean());
    }

    @Test
    void inspectorReportsHeaderCountsAndRecords() throws IOException {
        try (VectorStore s = VectorStore.create(dir, 3, Metric.DOT, false)) {
            s.put(42, new float[] {1.5f, -2f, 1e-5f});
            s.put(43, new float[] {1f, 1f, 1f});
            s.remove(42);
            String text = StoreInspector.describe(s, false);
            assertTrue(text.contains("dimension: 3\n"), text);
            assertTrue(text.contains("live: 1\n"), text);
            assertTrue(text.contains("free_slots: 0\n"), text);
            assertTrue(text.contains("record_checksum_errors: 0\n"), text);
            String json = StoreInspector.describe(s, true);
            assertTrue(json.contains("\"metric\": \"dot\""), json);
            assertTrue(json.startsWith("{") && json.strip().endsWith("}"), json);
            String rec = StoreInspector.record(s, 1, null, true);
            assertTrue(rec.contains("\"file_key\": 43"), rec);
            assertTrue(rec.contains("\"vector\": [1.0,1.0,1.0]"), rec);
            assertTrue(rec.contains("\"checksum_ok\": true"), rec);
        }
    }
}
