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

    /** The slots a search ranks, or null (all) for a store without an embedder, which never has chunks. */
    public static IntPredicate ranked(VectorStore store) {
        if (!store.embedder().enabled()) return null;
        return slot -> {
            if (store.kindOf(slot) != RecordTag.KIND_CHUNK) return true;
            int os = store.slotOf(ChunkKeys.owner(store.fileKeyOf(slot)));
            return os >= 0 && store.kindOf(os) == RecordTag.KIND_WHOLE;
        };
    }

    /** The slots {@code similar/} compares: every file's own vector, no chunk; null (all) without an embedder. */
    public static IntPredicate files(VectorStore store) {
        if (!store.embedder().enabled()) return null;
        return slot -> store.kindOf(slot) != RecordTag.KIND_CHUNK;
    }

    /** {@code a} and {@code b}, either of which may be null (= all). */
    public static IntPredicate both(IntPredicate a, IntPredicate b) {
        return a == null ? b : b == null ? a : a.and(b);
    }
}
