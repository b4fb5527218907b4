package vexfs.fs.control;

/**
 * One search hit as a line: {@code rank<TAB>distance<TAB>path<LF>}, for {@code /.vexfs/search} and
 * {@code vexfs search} alike. The path is the last field, so tabs in it need nothing; a newline in a file name
 * would end the line early (and could forge a hit line for whoever parses the output), so the path is escaped:
 * newline as the two characters {@code \n} and backslash as {@code \\}. Nothing else is escaped, so
 * {@code printf '%b'} gives the name back.
 */
public final class ResultLine {
    private ResultLine() {}

    public static StringBuilder append(StringBuilder out, int rank, float distance, String path) {
        out.append(rank).append('\t').append(distance).append('\t');
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\') out.append("\\\\");
            else if (c == '\n') out.append("\\n");
            else out.append(c);
        }
        return out.append('\n');
    }
}
