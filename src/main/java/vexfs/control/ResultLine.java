package vexfs.control;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import vexfs.volume.MountPath;

/**
 * One search hit as a line: {@code rank<TAB>distance<TAB>path<LF>}, for {@code /.vexfs/search} and
 * {@code vexfs search} alike. The path is the last field and carries the file name's bytes exactly (whether or not
 * they are valid UTF-8), so tabs in it need nothing; a newline in a file name would end the line early (and could
 * forge a hit line for whoever parses the output), so the path is escaped: newline as the two bytes {@code \n} and
 * backslash as {@code \\}. Nothing else is escaped, so {@code printf '%b'} gives the name back.
 */
public final class ResultLine {
    private ResultLine() {}

    public static ByteArrayOutputStream append(ByteArrayOutputStream out, int rank, float distance, MountPath path) {
        out.writeBytes((rank + "\t" + distance + "\t").getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < path.length(); i++) {
            byte c = path.byteAt(i);
            if (c == '\\') {
                out.write('\\');
                out.write('\\');
            } else if (c == '\n') {
                out.write('\\');
                out.write('n');
            } else {
                out.write(c);
            }
        }
        out.write('\n');
        return out;
    }
}
