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
    void pdfGoesThroughTika() throws Exception {
        TextExtractor.Content c = x.extract("/docs/boots.pdf", onePagePdf("red leather boots"), false);
        assertNull(c.skipped());
        assertTrue(c.text().contains("red leather boots"), c.text());
        EmbedException bad = org.junit.jupiter.api.Assertions.assertThrows(EmbedException.class,
                () -> x.extract("/docs/broken.pdf", "%PDF-1.4 not really".getBytes(StandardCharsets.US_ASCII), false));
        assertTrue(bad.getMessage().startsWith("Tika"), bad.getMessage());
    }

    /** A one-page PDF showing {@code text} in Helvetica, with a correct cross-reference table. */
    static byte[] onePagePdf(String text) {
        String stream = "BT /F1 18 Tf 20 80 Td (" + text + ") Tj ET";
        String[] objs = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
        StringBuilder out = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objs.length];
        for (int i = 0; i < objs.length; i++) {
            offsets[i] = out.length();
            out.append(i + 1).append(" 0 obj\n").append(objs[i]).append("\nendobj\n");
        }
        int xref = out.length();
        out.append("xref\n0 ").append(objs.length + 1).append("\n0000000000 65535 f \n");
        for (int o : offsets) out.append(String.format("%010d 00000 n \n", o));
        out.append("trailer\n<< /Size ").append(objs.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        return out.toString().getBytes(StandardCharsets.US_ASCII);
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
