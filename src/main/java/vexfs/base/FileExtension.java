package vexfs.base;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Growing a mapped file so that a full disk is an IOException at growth time, not a fault on a mapped page. Used by
 * the graph's mappings and by the vector store (which depends on this package already).
 */
public final class FileExtension {
    private FileExtension() {}

    /**
     * Extends the file to {@code size} with written zeros (not a hole, whose pages a full disk cannot back: touching
     * them through the mapping would fault). On failure (ENOSPC) the file is cut back to its old size, so it still
     * holds whole records.
     */
    public static void withZeros(FileChannel ch, long size) throws IOException {
        long old = ch.size();
        if (old >= size) return;
        ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(1 << 20, size - old));
        try {
            for (long at = old; at < size; ) {
                zeros.clear().limit((int) Math.min(zeros.capacity(), size - at));
                at += ch.write(zeros, at);
            }
        } catch (IOException e) {
            ch.truncate(old);
            throw e;
        }
    }
}
