package vexfs.control;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import vexfs.volume.MountPath;

/**
 * One search hit as a line: {@code rank<TAB>distance<TAB>path<LF>}, or, for a file ranked by a chunk of its text,
 * {@code rank<TAB>distance<TAB>path<TAB>bytes=START-END<LF>} (the chunk's byte range, end exclusive), for
 * {@code /.vexfs/search} and {@code vexfs search} alike. Readers that split on the first two tabs get rank and distance
 * as before. The path carries the file name's bytes exactly (whether or not they are valid UTF-8) except for three:
 * a newline would end the line early (and could forge a hit line for whoever parses the output) and a tab would
 * look like the start of the range field, so newline is written as the two bytes {@code \n}, tab as {@code \t} and
 * backslash as {@code \\}. Nothing else is escaped, so {@code printf '%b'} gives the name back.
 */
public final class ResultLine {
    private ResultLine() {}

    public static ByteArrayOutputStream append(ByteArrayOutputStream out, int rank, float distance, MountPath path) {
        return append(out, rank, distance, path, 0, 0);
    }

    /** As above, with the byte range {@code [start, end)} of the chunk that ranked it ({@code end == 0}: none). */
    public static ByteArrayOutputStream append(ByteArrayOutputStream out, int rank, float distance, MountPath path,
                                               long start, long end) {
        out.writeBytes((rank + "\t" + distance + "\t").getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < path.length(); i++) {
            byte c = path.byteAt(i);
            if (c == '\\') {
                out.write('\\');
                out.write('\\');
            } else if (c == '\n') {
                out.write('\\');
                out.write('n');
            } else if (c == '\t') {
                out.write('\\');
                out.write('t');
            } else {
                out.write(c);
            }
        }
        if (end > start) out.writeBytes(("\tbytes=" + start + "-" + end).getBytes(StandardCharsets.US_ASCII));
        out.write('\n');
        return out;
    }
}
