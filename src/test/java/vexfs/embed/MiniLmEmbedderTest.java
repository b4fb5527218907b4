package vexfs.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real model (from the test class path, as Maven resolved it): loads lazily, 384-d unit vectors, sane neighbours. */
class MiniLmEmbedderTest {
    private static MiniLmEmbedder model;

    @BeforeAll
    static void open() {
        model = new MiniLmEmbedder();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void embedsTextLazilyIntoUnitVectorsWhoseNeighboursMakeSense() throws Exception {
        float[] boots = model.embedText("", "red leather boots for walking in the rain");
        assertTrue(model.loaded());
        float[] shoes = model.embedText("/a.txt", "waterproof shoes made of leather");
        float[] kernel = model.embedText("/b.txt", "the Linux kernel schedules threads on processor cores");
        assertEquals(384, boots.length);
        assertEquals(1.0, norm(boots), 1e-3);
        assertTrue(dot(boots, shoes) > dot(boots, kernel) + 0.2,
                "boots~shoes " + dot(boots, shoes) + " vs boots~kernel " + dot(boots, kernel));
    }

    @Test
    void severalTextsTogetherGiveEachTextsOwnVector() throws Exception {
        java.util.List<String> texts = java.util.List.of("red leather boots", "the Linux kernel schedules threads",
                "bake the bread for forty minutes");
        float[][] together = model.embedTexts("/doc.txt", texts);
        assertEquals(3, together.length);
        for (int i = 0; i < 3; i++) {
            assertEquals(1.0, dot(together[i], model.embedText("", texts.get(i))), 1e-4, "text " + i);
        }
        assertThrows(EmbedException.class, () -> model.embedTexts("/x", java.util.List.of("a", " ")));
    }

    @Test
    void blankTextIsRefusedWithAReason() {
        EmbedException e = assertThrows(EmbedException.class, () -> model.embedText("/x", "   \n"));
        assertEquals("no text to embed", e.getMessage());
    }

    @Test
    void notLoadedUntilUsed() {
        try (MiniLmEmbedder fresh = new MiniLmEmbedder()) {
            assertFalse(fresh.loaded());
        }
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    static double norm(float[] a) {
        return Math.sqrt(dot(a, a));
    }
}
