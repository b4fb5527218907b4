package vexfs.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vexfs.Mutator;
import vexfs.base.Metric;

/**
 * Mutated input to the store's parsers: CSV vectors (setxattr, .vec files), raw f32 values, and whole store files
 * (header, counters, records). Each gives a valid result or its own clean exception, never another one.
 */
class StoreParsersFuzzTest {
    @TempDir
    Path dir;

    @Test
    void csvParsesToFiniteVectorsOrInvalidVector() {
        List<byte[]> seeds = List.of(b("0.1,0.2,0.3"), b(" 1e-3 , -2.5E2,3 \n"), b("1,2,3\n"), b("3.4028235E38,-0,1.4E-45"));
        Mutator.run("csv", seeds, in -> {
            float[] v = VectorCodec.parseCsv(in, 3);
            assertEquals(3, v.length);
            for (float f : v) assertTrue(Float.isFinite(f));
            assertArrayEquals(v, VectorCodec.parseCsv(VectorCodec.formatCsv(v), 3), "round trip");
        }, InvalidVectorException.class);
    }

    @Test
    void f32DecodesOrInvalidVector() {
        List<byte[]> seeds = List.of(VectorCodec.encodeF32(new float[] {1, 2, 3}), new byte[12]);
        Mutator.run("f32", seeds, in -> {
            float[] v = VectorCodec.decodeF32(in, 3);
            assertEquals(3, v.length);
            VectorCodec.validate(v, 3, Metric.L2);
        }, InvalidVectorException.class);
    }

    /** A store file with damaged bytes: open refuses it (CorruptStoreException) or serves only sound records. */
    @Test
    void damagedStoreFilesOpenCleanlyOrAreRefused() throws IOException {
        Path good = dir.resolve("good");
        Random rnd = new Random(3);
        try (VectorStore s = VectorStore.create(good, 5, Metric.COSINE, false)) {
            for (int i = 0; i < 10; i++) s.put(100 + i, TestVectors.random(rnd, 5));
        }
        byte[] file = Files.readAllBytes(good.resolve(VectorStore.FILE_NAME));
        byte[] header = java.util.Arrays.copyOf(file, StoreFormat.HEADER_SIZE);
        Path bad = Files.createDirectories(dir.resolve("bad"));
        // mutate the header page or a record, keep the rest: seeds are the header and the first records
        Mutator.run("store file", List.of(header, java.util.Arrays.copyOfRange(file, StoreFormat.HEADER_SIZE, file.length)), in -> {
            byte[] img;
            if (in.length <= StoreFormat.HEADER_SIZE + 16 && in.length >= 8 && in[0] == 'V') {
                img = file.clone();
                System.arraycopy(in, 0, img, 0, Math.min(in.length, StoreFormat.HEADER_SIZE));
                if (in.length < StoreFormat.HEADER_SIZE) img = java.util.Arrays.copyOf(img, in.length + (file.length - StoreFormat.HEADER_SIZE));
            } else {
                img = java.util.Arrays.copyOf(header, StoreFormat.HEADER_SIZE + in.length);
                System.arraycopy(in, 0, img, StoreFormat.HEADER_SIZE, in.length);
            }
            Files.write(bad.resolve(VectorStore.FILE_NAME), img);
            VerifyReport r = StoreVerifier.verify(bad, false);
            assertTrue(r.toText().contains("status:"));
            try (VectorStore s = VectorStore.open(bad, true)) {
                float[] v = new float[s.dimension()];
                for (int slot = 0; slot < s.slotCount(); slot++) {
                    if (s.isLive(slot)) s.get(s.fileKeyOf(slot), v);
                }
            }
        }, CorruptStoreException.class);
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
