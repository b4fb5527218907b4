package vexfs.volume;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The (path, vector) pairs of an import source, one at a time (nothing per row is kept): a .npy or .fvecs file
 * with a path list (one path per line, relative to the mount root; a leading '/' is allowed), or JSON lines.
 * Everything that can be checked before a file is touched is checked in {@link #open}: the format, the
 * dimension, the row count against the path list. A bad row later is an IllegalArgumentException from
 * {@link #next} naming the row, and the caller may go on with the next one.
 */
final class VectorRows implements AutoCloseable {
    private final VectorFileFormat format;
    private final InputStream vectors;
    private final InputStream paths;
    private final int dim;
    private final long total;
    private final byte[] raw;
    private final ByteBuffer rawBuf;
    private long row = -1;
    private byte[] path;
    private float[] vector;
    private final Path source;

    private VectorRows(VectorFileFormat format, Path source, InputStream vectors, InputStream paths, int dim, long total) {
        this.format = format;
        this.source = source;
        this.vectors = vectors;
        this.paths = paths;
        this.dim = dim;
        this.total = total;
        this.raw = new byte[4 * dim];
        this.rawBuf = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    }

    static VectorRows open(Path file, Path pathList, int storeDim) throws IOException {
        VectorFileFormat f = VectorFileFormat.detect(file);
        if (f == VectorFileFormat.JSONL) {
            if (pathList != null) throw new IOException(file + " is JSON lines, which carry their paths: no --paths");
            return new VectorRows(f, file, buffered(file, 0), null, storeDim, countLines(file));
        }
        if (pathList == null) {
            throw new IOException(file + " is " + (f == VectorFileFormat.NPY ? "a .npy" : "an .fvecs")
                    + " file: --paths FILE must name the file of each row (one path per line)");
        }
        long rows, offset;
        if (f == VectorFileFormat.NPY) {
            VectorFileFormat.NpyHeader h = VectorFileFormat.NpyHeader.read(file);
            if (h.dim() != storeDim) {
                throw new IOException(file + " holds vectors of dimension " + h.dim() + "; this store has " + storeDim);
            }
            rows = h.rows();
            offset = h.dataOffset();
        } else {
            int d;
            try (InputStream in = Files.newInputStream(file)) {
                d = ByteBuffer.wrap(in.readNBytes(4)).order(ByteOrder.LITTLE_ENDIAN).getInt();
            }
            if (d != storeDim) throw new IOException(file + " holds vectors of dimension " + d + "; this store has " + storeDim);
            rows = Files.size(file) / (4L + 4L * d);
            offset = 0;
        }
        long lines = countLines(pathList);
        if (lines != rows) {
            throw new IOException(pathList + " has " + lines + " paths, " + file + " has " + rows + " vectors: they must pair"
                    + " up line by line");
        }
        return new VectorRows(f, file, buffered(file, offset), buffered(pathList, 0), storeDim, rows);
    }

    VectorFileFormat format() {
        return format;
    }

    /** Rows (vectors or lines) in the source. */
    long total() {
        return total;
    }

    /** "row 17" / "line 17" (from 1), for messages. */
    String where() {
        return (format == VectorFileFormat.JSONL ? "line " : "row ") + (row + 1);
    }

    byte[] path() {
        return path;
    }

    float[] vector() {
        return vector;
    }

    /**
     * Advances; false at the end. An IllegalArgumentException (this row only: the next call reads the next one)
     * says what is wrong with the row; an IOException is the source's end coming too soon or a read error.
     */
    boolean next() throws IOException {
        row++;
        path = null;
        vector = null;
        if (format == VectorFileFormat.JSONL) {
            byte[] line;
            do {
                line = readLine(vectors, source.toString());
                if (line == null) return false;
            } while (isBlank(line));
            JsonVectorLine j;
            try {
                j = JsonVectorLine.parse(line);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not {\"path\": ..., \"vector\": [...]}: " + e.getMessage());
            }
            path = j.path;
            vector = j.vector;
            return true;
        }
        if (row >= total) return false;
        if (format == VectorFileFormat.FVECS) {
            byte[] d = vectors.readNBytes(4);
            if (d.length < 4) throw new IOException(source + ": ends in vector " + row);
            int n = ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (n != dim) throw new IOException(source + ": vector " + row + " has dimension " + n + ", the first has " + dim);
        }
        if (vectors.readNBytes(raw, 0, raw.length) != raw.length) throw new IOException(source + ": ends in vector " + row);
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) v[i] = rawBuf.getFloat(4 * i);
        vector = v;
        path = readLine(paths, "the path list");
        if (path == null) throw new IOException("the path list ends before vector " + row);
        return true;
    }

    @Override
    public void close() throws IOException {
        try {
            vectors.close();
        } finally {
            if (paths != null) paths.close();
        }
    }

    private static InputStream buffered(Path f, long skip) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(f), 1 << 20);
        in.skipNBytes(skip);
        return in;
    }

    /** Lines of {@code f} (a last line without a newline counts; blank lines count too). */
    private static long countLines(Path f) throws IOException {
        long n = 0;
        int last = '\n';
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(f)) {
            for (int r; (r = in.read(buf)) > 0; ) {
                for (int i = 0; i < r; i++) if (buf[i] == '\n') n++;
                last = buf[r - 1];
            }
        }
        return last == '\n' ? n : n + 1;
    }

    /**
     * The longest line read: a JSON line of a 65,536-d vector written with 17 significant digits per value and a
     * path of PATH_MAX fits; a file without line ends (/dev/zero) is refused there instead of filling the heap.
     */
    static final int MAX_LINE_BYTES = 2 << 20;

    /** The next line without its '\n' (and a '\r' before it), or null at the end. */
    private byte[] readLine(InputStream in, String what) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(128);
        int c;
        boolean any = false;
        while ((c = in.read()) >= 0) {
            any = true;
            if (c == '\n') break;
            if (out.size() == MAX_LINE_BYTES) {
                throw new IOException(what + ": line " + (row + 1) + " is longer than " + MAX_LINE_BYTES
                        + " bytes (not a vector or path list?)");
            }
            out.write(c);
        }
        if (!any) return null;
        byte[] b = out.toByteArray();
        if (b.length > 0 && b[b.length - 1] == '\r') b = java.util.Arrays.copyOf(b, b.length - 1);
        return b;
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) if (b != ' ' && b != '\t') return false;
        return true;
    }
}
