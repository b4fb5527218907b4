package vexfs.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PathHintsTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void putReplaceRemoveAndCompactionKeepEveryLivePath() {
        PathHints h = new PathHints();
        for (int round = 0; round < 20; round++) {
            for (long k = 0; k < 5000; k++) h.put(k, b("dir" + round + "/file-" + k + "-with-a-longish-name"));
            for (long k = 0; k < 5000; k += 3) h.remove(k);
            for (long k = 1; k < 5000; k += 3) assertArrayEquals(b("dir" + round + "/file-" + k + "-with-a-longish-name"), h.get(k));
            for (long k = 0; k < 5000; k += 3) assertNull(h.get(k));
        }
        assertEquals(5000 - 1667, h.size());
        h.put(-7L, new byte[0]);
        assertEquals(0, h.get(-7L).length);
    }
}
