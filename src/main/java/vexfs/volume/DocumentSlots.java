package vexfs.volume;

import java.util.function.IntPredicate;

import vexfs.store.RecordTag;
import vexfs.store.VectorStore;

/**
 * Which store slots a search ranks in a volume whose documents have chunks ({@link ChunkKeys}, {@link RecordTag}).
 * A search by text or vector ranks a document by the nearest of its chunks and its own (WHOLE: their mean) vector —
 * whichever comes first names the file, with its byte range: the chunk's, or the whole text's — and a plain file by
 * its one vector; {@code similar/} compares files, by their own vectors. Ranking the WHOLE beside the chunks keeps
 * what a whole-document vector is good at (a query that summarises the document: on the man-page benchmark, chunks
 * alone gave MRR@10 0.900 where the whole-file vectors had given 0.936) and adds what chunks are good at (a passage).
 * A chunk whose file's vector is not its WHOLE (an orphan reconcile has not dropped yet) is never ranked, so a file
 * is found once and only for what it holds now.
 */
public final class DocumentSlots {
    private DocumentSlots() {}

    /** True if the store can hold chunks: only the automatic embedder writes them, so only a store with one. */
    public static boolean mayHaveChunks(VectorStore store) {
        return store.embedder().enabled();
    }

    /** The chunk with key {@code chunkKey} is its file's current one: the file's vector in the store is a WHOLE. */
    public static boolean isCurrentChunk(VectorStore store, long chunkKey) {
        int os = store.slotOf(ChunkKeys.owner(chunkKey));
        return os >= 0 && store.kindOf(os) == RecordTag.KIND_WHOLE;
    }

    /** The slots a search ranks, or null (all) for a store that cannot have chunks. */
    public static IntPredicate ranked(VectorStore store) {
        if (!mayHaveChunks(store)) return null;
        return slot -> store.kindOf(slot) != RecordTag.KIND_CHUNK || isCurrentChunk(store, store.fileKeyOf(slot));
    }

    /** The slots {@code similar/} compares: every file's own vector, no chunk; null (all) without chunks. */
    public static IntPredicate files(VectorStore store) {
        if (!mayHaveChunks(store)) return null;
        return slot -> store.kindOf(slot) != RecordTag.KIND_CHUNK;
    }

    /**
     * The positions in {@code slots[0..n)} (ranked best first) of each file's first slot, in rank order: a file ranked
     * by several of its chunks (and its own vector) is named once, by the best of them. Without chunks every slot is
     * its own file's only one.
     */
    public static int[] firstOfEachFile(VectorStore store, int[] slots, int n) {
        int[] first = new int[n];
        if (!mayHaveChunks(store)) {
            for (int i = 0; i < n; i++) first[i] = i;
            return first;
        }
        java.util.Set<Long> named = new java.util.HashSet<>();
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (named.add(ChunkKeys.owner(store.fileKeyOf(slots[i])))) first[m++] = i;
        }
        return java.util.Arrays.copyOf(first, m);
    }

    /** {@code a} and {@code b}, either of which may be null (= all). */
    public static IntPredicate both(IntPredicate a, IntPredicate b) {
        return a == null ? b : b == null ? a : a.and(b);
    }
}
