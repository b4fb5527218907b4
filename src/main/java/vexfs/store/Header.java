package vexfs.store;

import static vexfs.store.StoreFormat.*;

import java.lang.foreign.MemorySegment;

import vexfs.base.EmbedderSpec;
import vexfs.base.GraphSettings;
import vexfs.base.Metric;

/**
 * The immutable header block of a vector file, validated, plus the counters block as found
 * ({@code countersValid} false when its CRC does not match, e.g. a kill during its rewrite).
 */
record Header(int version, int dim, Metric metric, int recordSize, int vectorBytes, long creationId,
              long createdMillis, GraphSettings graph, boolean countersValid, int state, long capacity, long highWater, long live,
              long free, long nextGeneration, EmbedderSpec embedder) {

    boolean clean() {
        return countersValid && state == STATE_CLEAN;
    }

    /** Slots the file has room for, from its size (which must be the header plus whole records). */
    static long capacityOf(long fileSize, int recordSize, String file) throws CorruptStoreException {
        long body = fileSize - HEADER_SIZE;
        if (body < 0 || body % recordSize != 0) {
            throw new CorruptStoreException(file + ": size " + fileSize + " is not " + HEADER_SIZE + " + a whole number of "
                    + recordSize + "-byte records (" + (body < 0 ? body : body % recordSize) + " stray bytes; truncated?)");
        }
        return body / recordSize;
    }

    /** Reads and checks the header page; {@code seg} must cover at least the header. */
    static Header read(MemorySegment seg, String file) throws CorruptStoreException {
        if (seg.byteSize() < HEADER_SIZE) {
            throw new CorruptStoreException(file + ": " + seg.byteSize() + " bytes, shorter than the " + HEADER_SIZE + "-byte header");
        }
        byte[] magic = seg.asSlice(H_MAGIC, 8).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new CorruptStoreException(file + ": bad magic '" + printable(magic) + "' (expected 'VEXFSVEC')");
        }
        int version = seg.get(INT, H_VERSION);
        if (version != VERSION) {
            throw new CorruptStoreException(file + ": format version " + version + " (this build reads " + VERSION + ")");
        }
        int stored = seg.get(INT, H_CRC), actual = immutableCrc(seg);
        if (stored != actual) {
            throw new CorruptStoreException(String.format(java.util.Locale.ROOT, "%s: header checksum 0x%08x does not match contents 0x%08x",
                    file, stored, actual));
        }
        int headerSize = seg.get(INT, H_HEADER_SIZE);
        int dim = seg.get(INT, H_DIM);
        int metricCode = seg.get(INT, H_METRIC);
        int recordSize = seg.get(INT, H_RECORD_SIZE);
        int vectorBytes = seg.get(INT, H_VECTOR_BYTES);
        Metric metric = metricOf(metricCode);
        if (headerSize != HEADER_SIZE || dim < 1 || dim > MAX_DIM || metric == null
                || vectorBytes != StoreFormat.vectorBytes(dim) || recordSize != StoreFormat.recordSize(dim, metric)) {
            throw new CorruptStoreException(file + ": inconsistent header: headerSize=" + headerSize + " dim=" + dim
                    + " metric=" + metricCode + " recordSize=" + recordSize + " vectorBytes=" + vectorBytes);
        }
        GraphSettings graph = graphSettings(seg, file);
        EmbedderSpec embedder = embedder(seg, file);
        if (embedder.kind().dim != 0 && (embedder.kind().dim != dim || embedder.kind().metric != metric)) {
            throw new CorruptStoreException(file + ": inconsistent header: embedder " + embedder.label() + " with dim=" + dim
                    + " metric=" + metric.label());
        }
        boolean countersValid = seg.get(INT, C_CRC) == countersCrc(seg);
        return new Header(version, dim, metric, recordSize, vectorBytes, seg.get(LONG, H_CREATION_ID),
                seg.get(LONG, H_CREATED_MILLIS), graph, countersValid, seg.get(INT, C_STATE), seg.get(LONG, C_CAPACITY),
                seg.get(LONG, C_HIGH_WATER), seg.get(LONG, C_LIVE), seg.get(LONG, C_FREE),
                seg.get(LONG, C_NEXT_GENERATION), embedder);
    }

    /** The store's embedder; an all-zero block (a store made before embedders) is none. */
    private static EmbedderSpec embedder(MemorySegment seg, String file) throws CorruptStoreException {
        int code = seg.get(INT, E_KIND), len = seg.get(INT, E_COMMAND_LENGTH), crc = seg.get(INT, E_CRC);
        if (code == 0 && len == 0 && crc == 0) return EmbedderSpec.NONE;
        if (len < 0 || len > EmbedderSpec.MAX_COMMAND_BYTES) {
            throw new CorruptStoreException(file + ": inconsistent header: embedder command length " + len);
        }
        int actual = embedderCrc(seg, len);
        if (crc != actual) {
            throw new CorruptStoreException(String.format(java.util.Locale.ROOT,
                    "%s: embedder block checksum 0x%08x does not match contents 0x%08x", file, crc, actual));
        }
        EmbedderSpec.Kind kind = EmbedderSpec.Kind.ofCode(code);
        if (kind == null) throw new CorruptStoreException(file + ": unknown embedder " + code + " (a newer VexFS?)");
        String command = new String(seg.asSlice(E_COMMAND, len).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE),
                java.nio.charset.StandardCharsets.UTF_8);
        try {
            return new EmbedderSpec(kind, command);
        } catch (IllegalArgumentException e) {
            throw new CorruptStoreException(file + ": inconsistent header: embedder " + e.getMessage());
        }
    }

    /** The volume's HNSW parameters; all three zero (a store made before they were kept) means the defaults. */
    private static GraphSettings graphSettings(MemorySegment seg, String file) throws CorruptStoreException {
        int m = seg.get(INT, H_GRAPH_M), efc = seg.get(INT, H_GRAPH_EF_CONSTRUCTION), ef = seg.get(INT, H_GRAPH_EF_SEARCH);
        if (m == 0 && efc == 0 && ef == 0) return GraphSettings.DEFAULT;
        try {
            return new GraphSettings(m, efc, ef);
        } catch (IllegalArgumentException e) {
            throw new CorruptStoreException(file + ": inconsistent header: graph parameters " + e.getMessage());
        }
    }

    /** Writes a fresh header page for a new, empty store. */
    static void writeNew(MemorySegment seg, int dim, Metric metric, GraphSettings graph, long creationId,
                         long createdMillis, long capacity) {
        writeNew(seg, dim, metric, graph, EmbedderSpec.NONE, creationId, createdMillis, capacity);
    }

    /** As above, with an embedder (none leaves its block all zero). */
    static void writeNew(MemorySegment seg, int dim, Metric metric, GraphSettings graph, EmbedderSpec embedder,
                         long creationId, long createdMillis, long capacity) {
        seg.asSlice(0, HEADER_SIZE).fill((byte) 0);
        MemorySegment.copy(MemorySegment.ofArray(MAGIC), 0, seg, H_MAGIC, 8);
        seg.set(INT, H_VERSION, VERSION);
        seg.set(INT, H_HEADER_SIZE, HEADER_SIZE);
        seg.set(INT, H_DIM, dim);
        seg.set(INT, H_METRIC, metricCode(metric));
        seg.set(INT, H_RECORD_SIZE, StoreFormat.recordSize(dim, metric));
        seg.set(INT, H_VECTOR_BYTES, StoreFormat.vectorBytes(dim));
        seg.set(LONG, H_CREATION_ID, creationId);
        seg.set(LONG, H_CREATED_MILLIS, createdMillis);
        seg.set(INT, H_GRAPH_M, graph.m());
        seg.set(INT, H_GRAPH_EF_CONSTRUCTION, graph.efConstruction());
        seg.set(INT, H_GRAPH_EF_SEARCH, graph.efSearch());
        seg.set(INT, H_CRC, immutableCrc(seg));
        if (embedder.enabled()) {
            byte[] command = embedder.command().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            seg.set(INT, E_KIND, embedder.kind().code);
            seg.set(INT, E_COMMAND_LENGTH, command.length);
            MemorySegment.copy(MemorySegment.ofArray(command), 0, seg, E_COMMAND, command.length);
            seg.set(INT, E_CRC, embedderCrc(seg, command.length));
        }
        writeCounters(seg, STATE_CLEAN, capacity, 0, 0, 0, 1);
    }

    private static String printable(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(x >= 0x20 && x < 0x7f ? (char) x : '.');
        }
        return sb.toString();
    }
}
