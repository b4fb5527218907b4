package vexfs.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Control characters in logged names and values are escaped: no log line can be forged by a file name. */
class LogEscapingTest {
    @Test
    void escapesControlCharactersOnly() {
        assertEquals("plain /a/b t\tab ünï", LogEscaping.escape("plain /a/b t\tab ünï"));
        assertEquals("a\\nFORGED\\r\\e[2J\\x00\\x07\\x7f\\x85\\u2028z",
                LogEscaping.escape("a\nFORGED\r\u001b[2J\u0000\u0007\u007f\u0085\u2028z"));
    }

    @Test
    void everyKindOfWriteKeepsOnlyItsOwnLineEnds() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new LogEscaping.Escaping(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        out.println("one \nFORGED LINE");
        out.print("two \nFORGED LINE");
        out.println();
        out.printf("three %s%n", "\nFORGED LINE");
        out.println((Object) new IllegalStateException("four \nFORGED LINE"));
        out.append("five \nFORGED LINE").println();
        out.write("six \nFORGED LINE é".getBytes(StandardCharsets.UTF_8));
        out.println();
        new RuntimeException("seven \nFORGED LINE", new IOException("cause \nFORGED LINE")).printStackTrace(out);
        out.flush();
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        for (String l : lines) assertFalse(l.startsWith("FORGED"), l);
        assertEquals("one \\nFORGED LINE", lines.get(0));
        assertEquals("two \\nFORGED LINE", lines.get(1));
        assertEquals("three \\nFORGED LINE", lines.get(2));
        assertEquals("java.lang.IllegalStateException: four \\nFORGED LINE", lines.get(3));
        assertEquals("five \\nFORGED LINE", lines.get(4));
        assertEquals("six \\nFORGED LINE é", lines.get(5));
        assertEquals("java.lang.RuntimeException: seven \\nFORGED LINE", lines.get(6));
        assertTrue(lines.get(7).startsWith("\tat "), lines.get(7));
        assertTrue(lines.stream().anyMatch(l -> l.equals("Caused by: java.io.IOException: cause \\nFORGED LINE")));
    }

    @Test
    void slf4jLinesThroughTheInstalledStreamAreEscaped() {
        PrintStream saved = System.err, savedOut = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            LogEscaping.install();
            LoggerFactory.getLogger(LogEscapingTest.class).warn("setxattr on {}: bad value {}", "/dir/x\nFORGED LINE",
                    "1,\r2", new IOException("/dir/x\nFORGED LINE: gone"));
        } finally {
            System.setErr(saved);
            System.setOut(savedOut);
        }
        String log = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("setxattr on /dir/x\\nFORGED LINE: bad value 1,\\r2"), log);
        assertTrue(log.contains("java.io.IOException: /dir/x\\nFORGED LINE: gone"), log);
        for (String l : log.lines().toList()) assertFalse(l.startsWith("FORGED"), log);
    }
}
