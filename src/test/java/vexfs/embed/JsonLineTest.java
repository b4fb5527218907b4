package vexfs.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class JsonLineTest {
    @Test
    void requestsEscapeWhatJsonNeeds() {
        assertEquals("{\"path\":\"/a \\\"b\\\"\",\"text\":\"x\\ny\\t\\\\z\\u0001\"}",
                JsonLine.textRequest("/a \"b\"", "x\ny\t\\z\u0001"));
        assertEquals("{\"path\":\"/p\",\"bytes\":\"AAEC\"}", JsonLine.bytesRequest("/p", new byte[] {0, 1, 2}));
    }

    @Test
    void repliesAreCheckedAgainstTheDimension() throws Exception {
        assertArrayEquals(new float[] {1f, -2.5f, 3e-3f}, JsonLine.parseReply(" {\"vector\": [1, -2.5, 3e-3]}\n", 3));
        assertEquals("reply has 2 values, the store takes 3",
                assertThrows(EmbedException.class, () -> JsonLine.parseReply("{\"vector\":[1,2]}", 3)).getMessage());
        assertEquals("the embedder said: model not ready",
                assertThrows(EmbedException.class, () -> JsonLine.parseReply("{\"error\":\"model not ready\"}", 3)).getMessage());
        assertThrows(EmbedException.class, () -> JsonLine.parseReply("not json", 3));
        assertThrows(EmbedException.class, () -> JsonLine.parseReply("{\"vector\":[1,x,3]}", 3));
    }
}
