package vexfs.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import vexfs.libc.Name;

/** Bytes that go to the kernel do not depend on the daemon's locale (Thai digits would turn "01-" into "??-"). */
class LinkNameLocaleTest {
    @Test
    void similarLinkNamesUseAsciiDigitsUnderAnyLocale() {
        Locale before = Locale.getDefault(Locale.Category.FORMAT);
        try {
            Locale.setDefault(Locale.Category.FORMAT, Locale.forLanguageTag("th-TH-u-nu-thai"));
            byte[] got = SimilarTree.linkName(7, Name.of("a.txt".getBytes(StandardCharsets.UTF_8))).raw();
            assertArrayEquals("07-a.txt".getBytes(StandardCharsets.US_ASCII), got);
        } finally {
            Locale.setDefault(Locale.Category.FORMAT, before);
        }
    }
}
