package vexfs.control;

import java.util.Arrays;

import vexfs.libc.Errno;
import vexfs.libc.FsException;
import vexfs.store.InvalidVectorException;
import vexfs.store.VectorCodec;

/**
 * Binary queries on /.vexfs/search: the vector as raw little-endian float32, so a client need not format (and the
 * daemon need not parse) thousands of decimal numbers. Two forms:
 * <ul>
 * <li>exactly {@code 4·dim} bytes that are not all printable text: the vector alone, default options;</li>
 * <li>marked: a first line {@code @f32} with options separated by spaces ({@code @f32 k=5 under=/photos}), a
 *     newline, then exactly {@code 4·dim} bytes. Unambiguous whatever the bytes are; clients should use it.</li>
 * </ul>
 * Values must be finite, as in a CSV query.
 */
final class BinaryQuery {
    static final byte[] MARK = {'@', 'f', '3', '2'};

    enum Form { NONE, INCOMPLETE, COMPLETE }

    private BinaryQuery() {}

    /** Whether {@code all} (what the descriptor was written so far) is a binary query, and whether all of it came. */
    static Form form(byte[] all, int dim) throws FsException {
        if (isMarked(all)) {
            int nl = indexOf(all, (byte) '\n');
            if (nl < 0) return Form.INCOMPLETE;
            int payload = all.length - nl - 1;
            if (payload < 4 * dim) return Form.INCOMPLETE;
            if (payload > 4 * dim) {
                throw new FsException(Errno.EINVAL, "binary query: expected " + 4 * dim + " bytes (" + dim
                        + " float32) after the @f32 line, got " + payload);
            }
            return Form.COMPLETE;
        }
        return all.length == 4 * dim && !isText(all) ? Form.COMPLETE : Form.NONE;
    }

    /** The query of a {@link Form#COMPLETE} binary write. */
    static QueryParser.Query parse(byte[] all, int dim, String metric) throws FsException {
        byte[] payload = all;
        byte[][] options = new byte[0][];
        if (isMarked(all)) {
            int nl = indexOf(all, (byte) '\n');
            byte[] header = Arrays.copyOfRange(all, MARK.length, nl);
            options = splitSpaces(header);
            payload = Arrays.copyOfRange(all, nl + 1, all.length);
        }
        float[] v;
        try {
            v = VectorCodec.decodeF32(payload, dim);
        } catch (InvalidVectorException e) {
            throw new FsException(Errno.EINVAL, "bad binary query vector: " + e.getMessage());
        }
        return QueryParser.withOptions(v, options, 0, metric);
    }

    private static boolean isMarked(byte[] all) {
        if (all.length < MARK.length + 1) return false;
        for (int i = 0; i < MARK.length; i++) if (all[i] != MARK[i]) return false;
        byte next = all[MARK.length];
        return next == ' ' || next == '\n';
    }

    /** CSV text is printable ASCII and white space; raw floats practically never are. */
    private static boolean isText(byte[] b) {
        for (byte x : b) {
            int c = x & 0xff;
            if (c > 0x7e || (c < 0x20 && c != '\n' && c != '\r' && c != '\t')) return false;
        }
        return true;
    }

    private static int indexOf(byte[] b, byte x) {
        for (int i = 0; i < b.length; i++) if (b[i] == x) return i;
        return -1;
    }

    /** The header's options: space-separated key=value words (a path with a space needs the CSV form). */
    static byte[][] splitSpaces(byte[] header) {
        // bytes, not String.split(" +"), which compiled a regex per query (6 % of a search request in the daemon);
        // the same words: the header trimmed of bytes <= ' ' at both ends (String.trim), then split at runs of spaces
        int from = 0;
        int to = header.length;
        while (from < to && (header[from] & 0xff) <= ' ') from++;
        while (to > from && (header[to - 1] & 0xff) <= ' ') to--;
        java.util.List<byte[]> words = new java.util.ArrayList<>(4);
        int i = from;
        while (i < to) {
            while (i < to && header[i] == ' ') i++;
            int start = i;
            while (i < to && header[i] != ' ') i++;
            if (i > start) words.add(Arrays.copyOfRange(header, start, i));
        }
        return words.toArray(new byte[0][]);
    }
}
