package vexfs.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TextExtractorTest {
    private final TextExtractor x = new TextExtractor();

    @Test
    void utf8IsTextWhateverTheName() throws Exception {
        TextExtractor.Content c = x.extract("/notes/README", "grüße aus Köln\n".getBytes(StandardCharsets.UTF_8), false);
        assertEquals("grüße aus Köln\n", c.text());
    }

    @Test
    void binaryIsSkippedUnlessTheEmbedderTakesBytes() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, (byte) 0xff, (byte) 0xfe};
        assertEquals("not text", x.extract("/a.png", png, false).skipped());
        assertNotNull(x.extract("/a.png", png, true).bytes());
    }

    @Test
    void aMultiByteCharacterCutByTheSniffWindowIsStillText() {
        byte[] b = new byte[TextExtractor.SNIFF_BYTES + 10];
        java.util.Arrays.fill(b, (byte) 'a');
        byte[] e = "é".getBytes(StandardCharsets.UTF_8);
        b[TextExtractor.SNIFF_BYTES - 1] = e[0];
        b[TextExtractor.SNIFF_BYTES] = e[1];
        assertTrue(TextExtractor.looksLikeText(b));
        assertFalse(TextExtractor.looksLikeText(new byte[] {'a', (byte) 0xc3, 'b'}));
    }

    @Test
    void htmlGoesThroughTika() throws Exception {
        byte[] html = "<html><head><title>T</title></head><body><p>red leather boots</p></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        TextExtractor.Content c = x.extract("/shop/boots.html", html, false);
        assertNull(c.skipped());
        assertTrue(c.text().contains("red leather boots"), c.text());
    }
}
