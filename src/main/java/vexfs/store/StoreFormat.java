package vexfs.store;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

import vexfs.base.Metric;

/**
 * Byte layout of {@code vectors.vxv} (docs/format.md is the prose version), as offset constants
 * and static accessors over the mapped segment. Everything is little-endian.
 *
 * <p>Header page (4096 bytes): an immutable block [0, 64) written once by create, and a counters
 * block [64, 128) rewritten at open-for-write (state DIRTY), on growth and at clean close (state
 * CLEAN). Each block carries its own CRC32C in its last 4 bytes. Records follow at 4096, each
 * {@code recordSize} bytes, a multiple of 64 so every vector starts 64-byte aligned.
 */
final class StoreFormat {
    static final String FILE_NAME = "vectors.vxv";
    static final byte[] MAGIC = "VEXFSVEC".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int HEADER_SIZE = 4096;
    static final int MAX_DIM = 4096;

    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    // immutable block
    static final long H_MAGIC = 0, H_VERSION = 8, H_HEADER_SIZE = 12, H_DIM = 16, H_METRIC = 20, H_RECORD_SIZE = 24,
            H_VECTOR_BYTES = 28, H_CREATION_ID = 32, H_CREATED_MILLIS = 40, H_GRAPH_M = 48, H_GRAPH_EF_CONSTRUCTION = 52,
            H_GRAPH_EF_SEARCH = 56, H_CRC = 60;
    static final int IMMUTABLE_LEN = 60;
    // counters block
    static final long C_BASE = 64, C_STATE = 64, C_CAPACITY = 72, C_HIGH_WATER = 80, C_LIVE = 88, C_FREE = 96,
            C_NEXT_GENERATION = 104, C_CRC = 124;
    static final int COUNTERS_LEN = 60;
    static final int STATE_CLEAN = 1, STATE_DIRTY = 2;
    // embedder block (written once by mkfs; all zero = no embedder, as in stores made before it existed)
    static final long E_KIND = 128, E_COMMAND_LENGTH = 132, E_CRC = 136, E_COMMAND = 140;

    // record
    static final long R_STATE = 0, R_CRC = 4, R_KEY = 8, R_GENERATION = 16, R_NORM = 24, R_DIM = 28, R_KIND = 32,
            R_RANGE_START = 40, R_RANGE_END = 48, R_VECTOR = 64;
    static final int RECORD_FREE = 0, RECORD_LIVE = 1;

    private StoreFormat() {}

    static int metricCode(Metric m) {
        return switch (m) {
            case L2 -> 1;
            case COSINE -> 2;
            case DOT -> 3;
        };
    }

    /** The metric for a header code, or null if the code is unknown. */
    static Metric metricOf(int code) {
        return switch (code) {
            case 1 -> Metric.L2;
            case 2 -> Metric.COSINE;
            case 3 -> Metric.DOT;
            default -> null;
        };
    }

    /** Bytes one copy of the vector occupies, rounded up to 64 so a second copy is aligned too. */
    static int vectorBytes(int dim) {
        return (4 * dim + 63) & ~63;
    }

    /** Cosine stores keep the original and a normalised copy; other metrics only the original. */
    static int recordSize(int dim, Metric m) {
        return (int) R_VECTOR + vectorBytes(dim) * (m == Metric.COSINE ? 2 : 1);
    }

    static long recordOffset(long slot, int recordSize) {
        return Math.addExact(HEADER_SIZE, Math.multiplyExact(slot, (long) recordSize));
    }

    static int crc(MemorySegment seg, long off, long len) {
        CRC32C c = new CRC32C();
        c.update(seg.asSlice(off, len).asByteBuffer());
        return (int) c.getValue();
    }

    static int immutableCrc(MemorySegment seg) {
        return crc(seg, 0, IMMUTABLE_LEN);
    }

    /** CRC32C of the embedder block: kind and length [128, 136), then the command bytes [140, 140 + length). */
    static int embedderCrc(MemorySegment seg, int commandLength) {
        CRC32C c = new CRC32C();
        c.update(seg.asSlice(E_KIND, 8).asByteBuffer());
        c.update(seg.asSlice(E_COMMAND, commandLength).asByteBuffer());
        return (int) c.getValue();
    }

    static int countersCrc(MemorySegment seg) {
        return crc(seg, C_BASE, COUNTERS_LEN);
    }

    /** CRC32C of a record from its key field to its end: everything but the state and the CRC itself. */
    static int recordCrc(MemorySegment seg, long recOff, int recordSize) {
        return crc(seg, recOff + R_KEY, recordSize - R_KEY);
    }

    static int state(MemorySegment seg, long recOff) {
        return seg.get(INT, recOff + R_STATE);
    }

    static long key(MemorySegment seg, long recOff) {
        return seg.get(LONG, recOff + R_KEY);
    }

    static long generation(MemorySegment seg, long recOff) {
        return seg.get(LONG, recOff + R_GENERATION);
    }

    static int kind(MemorySegment seg, long recOff) {
        return seg.get(INT, recOff + R_KIND);
    }

    static long rangeStart(MemorySegment seg, long recOff) {
        return seg.get(LONG, recOff + R_RANGE_START);
    }

    static long rangeEnd(MemorySegment seg, long recOff) {
        return seg.get(LONG, recOff + R_RANGE_END);
    }

    static float norm(MemorySegment seg, long recOff) {
        return seg.get(FLOAT, recOff + R_NORM);
    }

    /**
     * Writes a complete record into a FREE slot and only then marks it LIVE. The fence keeps the
     * JIT from moving the payload stores after the state store, so a process killed at any
     * instant leaves the slot either FREE or LIVE with a whole, checksummed payload.
     */
    static void writeRecord(MemorySegment seg, long recOff, int recordSize, int vectorBytes, long key, long generation,
                            float norm, float[] original, float[] normalised) {
        writeRecord(seg, recOff, recordSize, vectorBytes, key, generation, norm, original, normalised, RecordTag.PLAIN);
    }

    /** As above, with the record's kind and text range ({@link RecordTag}; zeros for a plain vector). */
    static void writeRecord(MemorySegment seg, long recOff, int recordSize, int vectorBytes, long key, long generation,
                            float norm, float[] original, float[] normalised, RecordTag tag) {
        seg.set(INT, recOff + R_STATE, RECORD_FREE);
        VarHandle.releaseFence();
        seg.set(LONG, recOff + R_KEY, key);
        seg.set(LONG, recOff + R_GENERATION, generation);
        seg.set(FLOAT, recOff + R_NORM, norm);
        seg.set(INT, recOff + R_DIM, original.length);
        seg.asSlice(recOff + R_DIM + 4, R_VECTOR - R_DIM - 4).fill((byte) 0);
        seg.set(INT, recOff + R_KIND, tag.kind());
        seg.set(LONG, recOff + R_RANGE_START, tag.start());
        seg.set(LONG, recOff + R_RANGE_END, tag.end());
        MemorySegment.copy(original, 0, seg, FLOAT, recOff + R_VECTOR, original.length);
        seg.asSlice(recOff + R_VECTOR + 4L * original.length, vectorBytes - 4L * original.length).fill((byte) 0);
        if (normalised != null) {
            long n = recOff + R_VECTOR + vectorBytes;
            MemorySegment.copy(normalised, 0, seg, FLOAT, n, normalised.length);
            seg.asSlice(n + 4L * normalised.length, vectorBytes - 4L * normalised.length).fill((byte) 0);
        }
        seg.set(INT, recOff + R_CRC, recordCrc(seg, recOff, recordSize));
        VarHandle.releaseFence();
        seg.set(INT, recOff + R_STATE, RECORD_LIVE);
    }

    static void markFree(MemorySegment seg, long recOff) {
        VarHandle.releaseFence();
        seg.set(INT, recOff + R_STATE, RECORD_FREE);
    }

    /** True if a LIVE record's stored CRC matches its bytes. */
    static boolean checksumOk(MemorySegment seg, long recOff, int recordSize) {
        return seg.get(INT, recOff + R_CRC) == recordCrc(seg, recOff, recordSize);
    }

    static void writeCounters(MemorySegment seg, int state, long capacity, long highWater, long live, long free,
                              long nextGeneration) {
        seg.asSlice(C_BASE, 64).fill((byte) 0);
        seg.set(INT, C_STATE, state);
        seg.set(LONG, C_CAPACITY, capacity);
        seg.set(LONG, C_HIGH_WATER, highWater);
        seg.set(LONG, C_LIVE, live);
        seg.set(LONG, C_FREE, free);
        seg.set(LONG, C_NEXT_GENERATION, nextGeneration);
        seg.set(INT, C_CRC, countersCrc(seg));
    }
}
