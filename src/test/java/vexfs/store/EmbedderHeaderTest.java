package vexfs.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.base.EmbedderSpec;
import vexfs.base.GraphSettings;
import vexfs.base.Metric;

/** The embedder block of the header (docs/format.md): round trip, old stores, and damage named on open. */
class EmbedderHeaderTest {
    @TempDir
    Path dir;

    @Test
    void theEmbedderIsKeptAndAStoreWithoutOneReadsAsNone() throws IOException {
        Path a = dir.resolve("a"), b = dir.resolve("b"), c = dir.resolve("c");
        VectorStore.create(a, 384, Metric.COSINE, GraphSettings.DEFAULT, EmbedderSpec.MINILM, false).close();
        VectorStore.create(b, 3, Metric.L2, GraphSettings.DEFAULT, EmbedderSpec.command("python3 'my model.py' --x é"),
                false).close();
        VectorStore.create(c, 3, Metric.L2, false).close();
        try (VectorStore s = VectorStore.open(a, true)) {
            assertEquals(EmbedderSpec.MINILM, s.embedder());
        }
        try (VectorStore s = VectorStore.open(b, true)) {
            assertEquals(EmbedderSpec.command("python3 'my model.py' --x é"), s.embedder());
        }
        try (VectorStore s = VectorStore.open(c, true)) {
            assertEquals(EmbedderSpec.NONE, s.embedder());
        }
    }

    @Test
    void theModelFixesDimensionAndMetric() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                VectorStore.create(dir.resolve("x"), 128, Metric.COSINE, GraphSettings.DEFAULT, EmbedderSpec.MINILM, false));
        assertEquals("the minilm model gives 384-d vectors compared by cosine", e.getMessage());
    }

    @Test
    void aDamagedEmbedderBlockIsNamedOnOpen() throws IOException {
        Path a = dir.resolve("a");
        VectorStore.create(a, 3, Metric.L2, GraphSettings.DEFAULT, EmbedderSpec.command("cat"), false).close();
        try (FileChannel ch = FileChannel.open(a.resolve(VectorStore.FILE_NAME), StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {'d'}), StoreFormat.E_COMMAND); // "cat" -> "dat"
        }
        CorruptStoreException e = assertThrows(CorruptStoreException.class, () -> VectorStore.open(a, true).close());
        assertTrue(e.getMessage().contains("embedder block checksum"), e.getMessage());
    }
}
