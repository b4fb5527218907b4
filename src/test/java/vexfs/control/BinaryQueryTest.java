package vexfs.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The binary query header's option words: the byte splitter gives the words the regex split gave, on any bytes. */
class BinaryQueryTest {
    /** What the header was split with before: trim, split at runs of spaces, drop empty words. */
    private static byte[][] bySplit(byte[] header) {
        return Arrays.stream(new String(header, StandardCharsets.ISO_8859_1).trim().split(" +"))
                .filter(w -> !w.isEmpty())
                .map(w -> w.getBytes(StandardCharsets.ISO_8859_1))
                .toArray(byte[][]::new);
    }

    @Test
    void splitsAsTheRegexDidOnRandomHeaders() {
        byte[] alphabet = {' ', ' ', ' ', '\t', '\r', 0, 1, 'k', '=', '1', '0', 'e', 'f', (byte) 0xe9, (byte) 0xff, '/'};
        SplittableRandom r = new SplittableRandom(3);
        for (int round = 0; round < 20_000; round++) {
            byte[] h = new byte[r.nextInt(24)];
            for (int i = 0; i < h.length; i++) h[i] = alphabet[r.nextInt(alphabet.length)];
            byte[][] want = bySplit(h);
            byte[][] got = BinaryQuery.splitSpaces(h);
            assertEquals(want.length, got.length, Arrays.toString(h));
            for (int i = 0; i < want.length; i++) assertArrayEquals(want[i], got[i], Arrays.toString(h));
        }
    }

    @Test
    void theUsualHeader() {
        byte[][] w = BinaryQuery.splitSpaces(" k=10  ef=64 under=/photos\r".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(3, w.length);
        assertEquals("under=/photos", new String(w[2], StandardCharsets.ISO_8859_1));
    }
}
