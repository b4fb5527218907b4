package vexfs.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import vexfs.control.ResultLine;

/**
 * Queries through {@code /.vexfs/search} with real system calls, and the exact (brute force) answer to compare
 * with, computed from vectors the test itself acknowledged.
 */
final class SearchProbe {
    private SearchProbe() {}

    record Hit(String path, double distance) {}

    /** Writes the query on one descriptor and reads the result lines back on it. */
    static List<String> query(Path mnt, String query) throws IOException {
        String text = new String(queryBytes(mnt, query.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    /** The paths of a result (third column). */
    static List<String> paths(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) out.add(l.split("\t", 3)[2]);
        return out;
    }

    static double l2(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - b[i];
            s += d * d;
        }
        return s;
    }

    /** Exact k nearest by squared L2 among {@code vectors} (path → vector). */
    static List<Hit> exact(Map<String, float[]> vectors, float[] q, int k) {
        List<Hit> all = new ArrayList<>();
        for (var e : vectors.entrySet()) all.add(new Hit(e.getKey(), l2(q, e.getValue())));
        all.sort(Comparator.comparingDouble(Hit::distance));
        return all.subList(0, Math.min(k, all.size()));
    }

    /**
     * Three random queries (seeded by {@code what}, values in [-1, 1), k=10, ef=500) through {@code mnt}'s search
     * file, each of which must get the exact answer over {@code vectors}; the assertion message is {@code what}.
     */
    static void assertRandomQueriesExact(Path mnt, Map<String, float[]> vectors, int dim, String what)
            throws IOException {
        java.util.Random rnd = new java.util.Random(what.hashCode());
        for (int q = 0; q < 3; q++) {
            float[] query = new float[dim];
            for (int d = 0; d < dim; d++) query[d] = rnd.nextFloat() * 2 - 1;
            List<String> got = paths(query(mnt, CrashWriter.csv(query) + "\nk=10\nef=500\n"));
            org.junit.jupiter.api.Assertions.assertNull(disagreement(vectors, query, 10, got), what);
        }
    }

    /**
     * Null if {@code got} (paths) is the exact answer, else why not. Ranks are compared by distance (so that equal
     * distances may come in either order): the i-th path returned must be at the i-th smallest distance.
     */
    static String disagreement(Map<String, float[]> vectors, float[] q, int k, List<String> got) {
        List<Hit> want = exact(vectors, q, k);
        if (got.size() != want.size()) return "got " + got.size() + " hits, expected " + want.size() + ": " + got + " vs " + want;
        for (int i = 0; i < want.size(); i++) {
            float[] v = vectors.get(got.get(i));
            if (v == null) return "hit " + (i + 1) + " " + got.get(i) + " has no acknowledged vector; expected " + want;
            double d = l2(q, v), w = want.get(i).distance();
            if (Math.abs(d - w) > 1e-4 * (1 + w)) return "hit " + (i + 1) + " is " + got.get(i) + " at " + d
                    + ", exact answer " + want.get(i) + "; got " + got + " expected " + want;
        }
        return null;
    }

    /** Writes {@code query} (bytes: under= may name a directory that is not UTF-8) and reads the result as bytes. */
    static byte[] queryBytes(Path mnt, byte[] query) throws IOException {
        try (FileChannel ch = FileChannel.open(mnt.resolve(".vexfs/search"), StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            ByteBuffer q = ByteBuffer.wrap(query);
            while (q.hasRemaining()) ch.write(q);
            ch.position(0);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteBuffer b = ByteBuffer.allocate(64 * 1024);
            while (ch.read(b) > 0) {
                out.write(b.array(), 0, b.position());
                b.clear();
            }
            return out.toByteArray();
        }
    }

    /** The paths of result lines given as bytes (third field), with the escapes of ResultLine (\\n, \\t, \\\\) undone. */
    static List<byte[]> paths(byte[] result) {
        List<byte[]> out = new ArrayList<>();
        int i = 0;
        while (i < result.length) {
            int tabs = 0;
            while (tabs < 2) if (result[i++] == '\t') tabs++;
            ByteArrayOutputStream p = new ByteArrayOutputStream();
            for (; result[i] != '\n'; i++) {
                if (result[i] == '\t') { // a fourth field (a chunk's byte range) after the path
                    while (result[i] != '\n') i++;
                    break;
                }
                if (result[i] == '\\') {
                    i++;
                    p.write(result[i] == 'n' ? '\n' : result[i] == 't' ? '\t' : result[i]);
                } else {
                    p.write(result[i]);
                }
            }
            i++;
            out.add(p.toByteArray());
        }
        return out;
    }
}
