package vexfs.volume;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bulk formats of {@code vexfs import/export}, told apart by their content (never by the file name):
 * <ul>
 *   <li>{@link #NPY}: NumPy {@code .npy} (magic {@code \x93NUMPY}, versions 1-3), a C-order float32
 *       little-endian array of shape (n, dim); rows pair with the lines of a path list.</li>
 *   <li>{@link #FVECS}: per vector an int32 LE dimension, then that many float32 LE (FAISS, ANN benchmarks);
 *       rows pair with the lines of a path list.</li>
 *   <li>{@link #JSONL}: one JSON object per line, {@code {"path": "...", "vector": [...]}}.</li>
 * </ul>
 * {@link #EXPECTED} names them in every refusal.
 */
public enum VectorFileFormat {
    NPY, FVECS, JSONL;

    static final String EXPECTED = "expected a NumPy .npy file (float32, shape (n, dim)), an .fvecs file (per vector"
            + " an int32 little-endian dimension, then that many float32 little-endian) or JSON lines"
            + " ({\"path\": \"...\", \"vector\": [...]} per line)";

    /** The format of {@code file}, from its first bytes; an IOException naming the expected formats otherwise. */
    public static VectorFileFormat detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64);
        }
        if (head.length >= 6 && (head[0] & 0xff) == 0x93
                && new String(head, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            return NPY;
        }
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) i = 3;
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\n' || head[i] == '\r')) i++;
        if (i < head.length && head[i] == '{') return JSONL;
        if (head.length >= 4) {
            int d = ByteBuffer.wrap(head, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            long size = Files.size(file);
            if (d >= 1 && d <= 65536 && size % (4L + 4L * d) == 0) return FVECS;
        }
        if (head.length == 0) throw new IOException(file + " is empty; " + EXPECTED);
        throw new IOException(file + " is in no format vexfs import reads; " + EXPECTED);
    }

    /** The parts of a .npy header VexFS uses: {@code dataOffset} is where row 0 starts. */
    record NpyHeader(long rows, int dim, long dataOffset) {
        private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
        private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
        private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

        /** Reads and checks the header of {@code file} (a 2-d C-order float32 LE array), naming what is wrong. */
        static NpyHeader read(Path file) throws IOException {
            byte[] pre;
            try (InputStream in = Files.newInputStream(file)) {
                pre = in.readNBytes(12);
                if (pre.length < 10) throw new IOException(file + ": truncated .npy header");
                int major = pre[6] & 0xff;
                ByteBuffer b = ByteBuffer.wrap(pre).order(ByteOrder.LITTLE_ENDIAN);
                long len;
                int at;
                if (major == 1) {
                    len = b.getShort(8) & 0xffff;
                    at = 10;
                } else if (major == 2 || major == 3) {
                    if (pre.length < 12) throw new IOException(file + ": truncated .npy header");
                    len = b.getInt(8) & 0xffffffffL;
                    at = 12;
                } else {
                    throw new IOException(file + ": .npy format version " + major + " is not supported (1, 2, 3)");
                }
                if (len > 1 << 20) throw new IOException(file + ": .npy header of " + len + " bytes");
                byte[] rest = in.readNBytes((int) (at + len - pre.length));
                if (pre.length + rest.length != at + len) throw new IOException(file + ": truncated .npy header");
                byte[] all = new byte[pre.length + rest.length];
                System.arraycopy(pre, 0, all, 0, pre.length);
                System.arraycopy(rest, 0, all, pre.length, rest.length);
                return parse(file, new String(all, at, (int) len, StandardCharsets.ISO_8859_1), at + len);
            }
        }

        private static NpyHeader parse(Path file, String text, long dataOffset) throws IOException {
            Matcher d = DESCR.matcher(text), f = FORTRAN.matcher(text), s = SHAPE.matcher(text);
            if (!d.find() || !f.find() || !s.find()) throw new IOException(file + ": unreadable .npy header " + text.strip());
            String descr = d.group(1);
            if (!descr.equals("<f4")) {
                throw new IOException(file + ": the array's dtype is '" + descr + "'; vexfs import reads float32"
                        + " little-endian ('<f4'): convert with a.astype('<f4')");
            }
            if (f.group(1).equals("True")) {
                throw new IOException(file + ": the array is in Fortran order; save it with np.ascontiguousarray(a)");
            }
            String[] dims = s.group(1).split(",");
            int n = 0;
            long[] shape = new long[2];
            for (String x : dims) {
                if (x.isBlank()) continue;
                if (n == 2) throw new IOException(file + ": the array has more than 2 dimensions; " + EXPECTED);
                try {
                    shape[n++] = Long.parseLong(x.strip());
                } catch (NumberFormatException e) {
                    throw new IOException(file + ": bad shape (" + s.group(1) + ")");
                }
            }
            if (n != 2) throw new IOException(file + ": the array has shape (" + s.group(1) + "); expected (n, dim)");
            if (shape[1] < 1 || shape[1] > 65536 || shape[0] < 0) {
                throw new IOException(file + ": bad shape (" + shape[0] + ", " + shape[1] + ")");
            }
            long need = dataOffset + shape[0] * shape[1] * 4;
            if (Files.size(file) < need) {
                throw new IOException(file + ": " + Files.size(file) + " bytes, shape (" + shape[0] + ", " + shape[1]
                        + ") needs " + need);
            }
            return new NpyHeader(shape[0], (int) shape[1], dataOffset);
        }

        /**
         * A version-1 header for (rows, dim) float32, padded to {@code 128} bytes so that it can be rewritten in
         * place once the row count is known (numpy's own writer pads to a multiple of 64 too).
         */
        static byte[] encode(long rows, int dim) {
            String dict = String.format(Locale.ROOT, "{'descr': '<f4', 'fortran_order': False, 'shape': (%d, %d), }",
                    rows, dim);
            int total = HEADER_BYTES;
            StringBuilder sb = new StringBuilder(dict);
            while (10 + sb.length() + 1 < total) sb.append(' ');
            sb.append('\n');
            byte[] h = sb.toString().getBytes(StandardCharsets.US_ASCII);
            ByteBuffer b = ByteBuffer.allocate(10 + h.length).order(ByteOrder.LITTLE_ENDIAN);
            b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
            b.putShort((short) h.length).put(h);
            return b.array();
        }

        static final int HEADER_BYTES = 128;
    }
}
