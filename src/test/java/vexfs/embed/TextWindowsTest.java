package vexfs.embed;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class TextWindowsTest {
    private static String words(int n, String prefix) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append(i == 0 ? "" : i % 7 == 0 ? "\n" : " ").append(prefix).append(i);
        return b.toString();
    }

    @Test
    void aShortTextIsOneWindowAndAnEmptyOneNone() {
        assertEquals(0, TextWindows.of("  \n\t ").count());
        TextWindows w = TextWindows.of(words(TextWindows.WORDS, "w"));
        assertEquals(1, w.count());
        assertEquals(words(TextWindows.WORDS, "w"), w.text(words(TextWindows.WORDS, "w"), 0));
    }

    @Test
    void longTextsOverlapAndReachTheEnd() {
        String t = words(1000, "w");
        TextWindows w = TextWindows.of(t, 100, 80, 50);
        assertEquals(1 + (1000 - 100 + 79) / 80, w.count());  // 13 windows, the last one ends at the last word
        for (int i = 0; i < w.count(); i++) {
            String[] ws = w.text(t, i).split("\\s+");
            assertEquals("w" + (i * 80), ws[0], "window " + i + " starts at its word");
            if (i < w.count() - 1) assertEquals(100, ws.length, "full window " + i);
            if (i > 0) assertTrue(w.text(t, i - 1).endsWith("w" + (i * 80 + 19)), "20 words shared with the previous one");
        }
        assertTrue(t.endsWith(w.text(t, w.count() - 1)));
    }

    @Test
    void theWindowCountIsBounded() {
        String t = words(10_000, "w");
        TextWindows w = TextWindows.of(t, 100, 80, 5);
        assertEquals(5, w.count());
        assertTrue(w.text(t, 4).startsWith("w320 "));
    }

    @Test
    void byteRangesAreOfTheUtf8Text() {
        // 2-, 3- and 4-byte characters before and inside the windows
        String t = "  héllo wörld € 𝄞clef " + words(300, "ñ") + " end";
        TextWindows w = TextWindows.of(t, 50, 40, 100);
        byte[] utf8 = t.getBytes(StandardCharsets.UTF_8);
        long[] r = w.byteRanges();
        assertEquals(2 * w.count(), r.length);
        for (int i = 0; i < w.count(); i++) {
            byte[] slice = Arrays.copyOfRange(utf8, (int) r[2 * i], (int) r[2 * i + 1]);
            assertEquals(w.text(t, i), new String(slice, StandardCharsets.UTF_8), "window " + i);
        }
        assertEquals(utf8.length, w.textBytes());
    }
}
