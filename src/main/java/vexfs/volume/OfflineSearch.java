package vexfs.volume;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

import vexfs.index.HnswIndex;
import vexfs.libc.FsException;
import vexfs.libc.NativeIo;
import vexfs.store.LongIntHashMap;
import vexfs.store.VectorStore;

/**
 * The search of /.vexfs/search without a mount ({@code vexfs search}): opens the store read-only and memory-mapped,
 * and the HNSW graph read-only when it is consistent with the store (clean header, same number of live vectors);
 * otherwise — no graph, a graph with unsynced changes (a mounted daemon that has changed vectors since its last
 * sync), or {@code exact} — it scans the store exactly. Nothing is written, so it can run beside a mounted daemon.
 * Result paths are found by walking the backing tree (an explicit-stack walk) until every result's inode is seen.
 */
public final class OfflineSearch implements AutoCloseable {
    /**
     * {@code path}: the file's path in the mount, its names' bytes exactly; {@code rangeStart..rangeEnd}: the byte
     * range of the chunk that ranked it ({@code rangeEnd == 0}: none).
     */
    public record Hit(MountPath path, float distance, long rangeStart, long rangeEnd) {}

    /** {@code graph}: the HNSW graph answered (else an exact scan); {@code note}: why not, or null. */
    public record Result(List<Hit> hits, boolean graph, String note) {}

    private final Volume volume;
    private final Path backing;
    private final VectorStore store;
    private final HnswIndex index;
    private final String whyExact;

    private OfflineSearch(Volume volume, HnswIndex index, String whyExact) {
        this.volume = volume;
        this.backing = volume.layout().backing();
        this.store = volume.store();
        this.index = index;
        this.whyExact = whyExact;
    }

    /** Opens the store (and graph) of {@code backing} read-only. */
    public static OfflineSearch open(Path backing) throws IOException {
        Volume volume = Volume.open(backing, Volume.Access.READ_ONLY);
        String[] why = new String[1];
        HnswIndex idx = volume.openGraphForSearch(why);
        return new OfflineSearch(volume, idx, why[0]);
    }

    /** The volume's default search ef (mkfs --ef). */
    public int defaultEf() {
        return volume.graphSettings().efSearch();
    }

    public int dimension() {
        return store.dimension();
    }

    /** The volume's embedder (for text queries). */
    public vexfs.base.EmbedderSpec embedder() {
        return volume.embedder();
    }

    public String metric() {
        return store.metric().label();
    }

    /**
     * The k nearest files to {@code query}, optionally only below {@code under} (a directory relative to the
     * mount root). Files whose inode can no longer be found in the tree are left out.
     */
    public Result search(float[] query, int k, int ef, MountPath under, boolean exact) throws FsException {
        int rootFd = NativeIo.open(backing.toAbsolutePath().toString(), NativeIo.O_PATH | NativeIo.O_DIRECTORY, 0);
        try {
            byte[] rel = under == null ? new byte[0] : under.relative();
            IntPredicate filter = DocumentSlots.ranked(store);
            if (rel.length > 0) {
                LongIntHashMap below = new LongIntHashMap(1024);
                TreeWalker.walk(rootFd, rel, (dirFd, name, ino, path) -> below.put(ino, 1), () -> false);
                filter = DocumentSlots.both(filter, slot -> below.get(ChunkKeys.owner(store.fileKeyOf(slot))) >= 0);
            }
            boolean useGraph = index != null && !exact;
            // a document's chunks rank it: ask for more than k, then name each file once (by its best chunk)
            int want = !DocumentSlots.mayHaveChunks(store) ? k : (int) Math.max(k, Math.min(4L * k, store.liveCount()));
            int[] slots;
            float[] dist;
            if (useGraph) {
                var r = index.search(query, want, Math.max(ef, want), filter);
                slots = r.slots();
                dist = r.distances();
            } else {
                var r = store.exactSearch(query, want, filter);
                slots = r.slots();
                dist = r.distances();
            }
            int[] first = DocumentSlots.firstOfEachFile(store, slots, slots.length);
            int n = Math.min(k, first.length);
            long[] keys = new long[n];
            for (int j = 0; j < n; j++) keys[j] = ChunkKeys.owner(store.fileKeyOf(slots[first[j]]));
            MountPath[] paths = FileKeyPaths.find(rootFd, rel, keys);
            List<Hit> hits = new ArrayList<>(n);
            for (int j = 0; j < n; j++) {
                if (paths[j] == null) continue;
                int i = first[j];
                vexfs.store.RecordTag tag = store.tagOf(slots[i]);
                hits.add(new Hit(paths[j], dist[i], tag.start(), tag.end()));
            }
            String note = useGraph ? null : exact ? "exact search (asked for)" : "exact search: " + whyExact;
            return new Result(hits, useGraph, note);
        } finally {
            NativeIo.close(rootFd);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (index != null) index.close();
        } finally {
            volume.close();
        }
    }
}
