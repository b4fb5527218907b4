package vexfs.volume;

import java.util.function.IntPredicate;

import vexfs.store.RecordTag;
import vexfs.store.VectorStore;

/**
 * Which store slots a search ranks in a volume whose documents have chunks ({@link ChunkKeys}, {@link RecordTag}).
 * A search by text or vector ranks a document by its chunks (the best one names the file and its byte range) and a
 * plain file by its one vector; {@code similar/} compares files, by their own vectors. The rules check the store
 * instead of trusting that writers finished: a WHOLE whose chunks are gone (a failed or interrupted embedding) is
 * ranked like a plain vector, and a chunk whose file's vector is not its WHOLE (an orphan reconcile has not dropped
 * yet) is never ranked — so a file is found, and found once.
 */
public final class DocumentSlots {
    private DocumentSlots() {}

    /** The slots a search ranks, or null (all) for a store without an embedder, which never has chunks. */
    public static IntPredicate ranked(VectorStore store) {
        if (!store.embedder().enabled()) return null;
        return slot -> switch (store.kindOf(slot)) {
            case RecordTag.KIND_CHUNK -> {
                int os = store.slotOf(ChunkKeys.owner(store.fileKeyOf(slot)));
                yield os >= 0 && store.kindOf(os) == RecordTag.KIND_WHOLE;
            }
            case RecordTag.KIND_WHOLE -> {
                long key = store.fileKeyOf(slot);
                yield !ChunkKeys.fits(key) || store.slotOf(ChunkKeys.of(key, 0)) < 0;
            }
            default -> true;
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
