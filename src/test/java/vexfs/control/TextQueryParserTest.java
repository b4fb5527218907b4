package vexfs.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vexfs.libc.Errno;
import vexfs.libc.FsException;

/** Text queries in the search file: text=..., a plain first line, and what stays a vector error. */
class TextQueryParserTest {
    private final List<String> embedded = new ArrayList<>();
    private final QueryParser.TextVectors texts = t -> {
        embedded.add(t);
        return new float[] {t.length(), 0, 1};
    };

    QueryParser.Query parse(String q, QueryParser.TextVectors tv) throws FsException {
        return QueryParser.parse(q.getBytes(StandardCharsets.UTF_8), 3, "cosine", tv);
    }

    @Test
    void textKeyAndPlainSentencesAreEmbedded() throws Exception {
        QueryParser.Query q = parse("text= red leather boots \nk=4\nunder=/shop\n", texts);
        assertArrayEquals(new float[] {17, 0, 1}, q.vector());
        assertEquals(4, q.k());
        assertEquals("/shop", q.under().toString());
        parse("how do I compress a file\n", texts);
        assertEquals(List.of("red leather boots", "how do I compress a file"), embedded);
    }

    @Test
    void vectorsStayVectorsAndNumericMistakesStayErrors() throws Exception {
        assertArrayEquals(new float[] {1, 2, 3}, parse("1,2,3\n", texts).vector());
        FsException e = assertThrows(FsException.class, () -> parse("1,2\n", texts));
        assertEquals(Errno.EINVAL, e.errno());
        assertTrue(e.getMessage().contains("bad query vector"), e.getMessage());
        assertThrows(FsException.class, () -> parse("unknown=1\n", texts)); // a line with '=' is an option
        assertTrue(embedded.isEmpty(), embedded.toString());
    }

    @Test
    void withoutAnEmbedderTextIsRefusedWithAReason() {
        FsException e = assertThrows(FsException.class, () -> parse("text=boots\n", null));
        assertEquals(Errno.EINVAL, e.errno());
        assertTrue(e.getMessage().endsWith("text queries need a store with an embedder"), e.getMessage());
        assertThrows(FsException.class, () -> parse("text=\n", texts));
        assertTrue(QueryParser.isTextLine("\n text=x".getBytes(StandardCharsets.US_ASCII)));
    }
}
