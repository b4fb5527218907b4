package vexfs.store;

import static vexfs.store.StoreFormat.*;

import java.lang.foreign.MemorySegment;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data behind {@code vexfs inspect}: header fields, counts, free slots, checksum status, and
 * one record, as plain text or JSON (hand-written; values are numbers, booleans or plain strings).
 * Checking every record checksum reads the whole file.
 */
public final class StoreInspector {
    private static final int MAX_FREE_LISTED = 32;

    private StoreInspector() {}

    /** Header, counts, free slots and checksum status of an open store. */
    public static String describe(VectorStore store, boolean json) {
        Header h = store.header();
        MemorySegment seg = store.segment();
        int n = store.slotCount();
        int live = 0, bad = 0, free = 0;
        StringBuilder freeList = new StringBuilder();  // the first MAX_FREE_LISTED free slots, comma-separated
        for (int slot = 0; slot < n; slot++) {
            long off = store.recordOffsetOf(slot);
            int st = state(seg, off);
            if (st == RECORD_LIVE) {
                live++;
                if (!checksumOk(seg, off, store.recordSize())) {
                    bad++;
                }
            } else if (st == RECORD_FREE && free++ < MAX_FREE_LISTED) {
                freeList.append(freeList.isEmpty() ? "" : ",").append(slot);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", store.file().toString());
        m.put("format_version", h.version());
        m.put("dimension", h.dim());
        m.put("metric", h.metric().label());
        m.put("record_size", h.recordSize());
        m.put("creation_id", String.format(java.util.Locale.ROOT, "%016x", h.creationId()));
        m.put("created", Instant.ofEpochMilli(h.createdMillis()).toString());
        m.put("header_checksum", "ok");
        m.put("closed_cleanly", h.clean());
        m.put("capacity", store.capacity());
        m.put("slots_in_use", n);
        m.put("live", live);
        m.put("free", free);
        m.put("free_slots", new Raw("[" + freeList + "]", freeList + (free > MAX_FREE_LISTED ? ",..." : "")));
        m.put("free_slots_listed_all", free <= MAX_FREE_LISTED);
        m.put("records_checked", live);
        m.put("record_checksum_errors", bad);
        m.put("bytes_mapped", seg.byteSize());
        m.put("simd", vexfs.base.Distances.simdEnabled());
        return json ? toJson(m) : toText(m);
    }

    /**
     * One record: state, key, the file's path ({@code path}, null if not found: the caller walks the tree),
     * generation, norm, checksum, and the vector as CSV.
     */
    public static String record(VectorStore store, int slot, String path, boolean json) {
        if (slot < 0 || slot >= store.capacity()) {
            throw new IllegalArgumentException("slot " + slot + " outside [0, " + store.capacity() + ")");
        }
        MemorySegment seg = store.segment();
        long off = store.recordOffsetOf(slot);
        int st = state(seg, off);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slot", slot);
        m.put("offset", off);
        m.put("state", st == RECORD_LIVE ? "live" : st == RECORD_FREE ? "free" : "unknown(" + st + ")");
        m.put("file_key", key(seg, off));
        m.put("path", path == null ? new Raw("null", "(not found in the tree)") : path);
        m.put("generation", generation(seg, off));
        m.put("norm", norm(seg, off));
        m.put("checksum", String.format(java.util.Locale.ROOT, "%08x", seg.get(INT, off + R_CRC)));
        m.put("checksum_ok", checksumOk(seg, off, store.recordSize()));
        float[] v = new float[store.dimension()];
        store.readOriginal(slot, v);
        m.put("vector", new Raw("[" + VectorCodec.formatCsv(v) + "]", VectorCodec.formatCsv(v)));
        return json ? toJson(m) : toText(m);
    }

    /** A value printed verbatim in JSON ({@code json}) and as {@code text} in plain output. */
    private record Raw(String json, String text) {}

    private static String toText(Map<String, Object> m) {
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(k).append(": ").append(v instanceof Raw r ? r.text() : v).append('\n'));
        return sb.toString();
    }

    private static String toJson(Map<String, Object> m) {
        StringBuilder sb = new StringBuilder("{");
        m.forEach((k, v) -> {
            sb.append(sb.length() > 1 ? ",\n  " : "\n  ").append(quote(k)).append(": ");
            if (v instanceof Raw r) {
                sb.append(r.json());
            } else if (v instanceof Float f && !Float.isFinite(f)) {
                sb.append(quote(f.toString()));
            } else if (v instanceof Number || v instanceof Boolean) {
                sb.append(v);
            } else {
                sb.append(quote(String.valueOf(v)));
            }
        });
        return sb.append("\n}\n").toString();
    }

    private static String quote(String s) {
        return vexfs.base.JsonText.quote(s);
    }
}
