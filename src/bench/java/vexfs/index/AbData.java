package vexfs.index;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

/**
 * Data for {@link ScorerAbBench} and {@link AbBuildMain}: Fashion-MNIST from the Debian package
 * (dataset-fashion-mnist: 60k train rows as base, test rows as queries) or a seeded synthetic Gaussian mixture
 * (like the protocol's synthetic set, not byte-identical to it). Rows are flat float arrays.
 */
record AbData(int dim, float[] base, float[] queries) {
    private static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");

    int rows() {
        return base.length / dim;
    }

    int queryRows() {
        return queries.length / dim;
    }

    float[] row(int i) {
        return java.util.Arrays.copyOfRange(base, i * dim, (i + 1) * dim);
    }

    float[] query(int i) {
        return java.util.Arrays.copyOfRange(queries, i * dim, (i + 1) * dim);
    }

    /** {@code fashion} or {@code synthetic:N:DIM}; {@code nq} query rows. */
    static AbData load(String spec, int nq) throws IOException {
        if (spec.equals("fashion")) {
            return new AbData(784, idx3(FASHION.resolve("train-images-idx3-ubyte.gz"), 0),
                    idx3(FASHION.resolve("t10k-images-idx3-ubyte.gz"), nq));
        }
        String[] p = spec.split(":");
        if (p.length != 3 || !p[0].equals("synthetic")) throw new IllegalArgumentException("data: fashion | synthetic:N:DIM");
        int n = Integer.parseInt(p[1]);
        int dim = Integer.parseInt(p[2]);
        SplittableRandom rnd = new SplittableRandom(42);
        int clusters = 64;
        float[][] centres = new float[clusters][dim];
        for (float[] c : centres) for (int j = 0; j < dim; j++) c[j] = (float) (rnd.nextGaussian() * 3);
        return new AbData(dim, mixture(rnd, centres, n, dim), mixture(rnd, centres, nq, dim));
    }

    private static float[] mixture(SplittableRandom rnd, float[][] centres, int n, int dim) {
        float[] out = new float[n * dim];
        for (int i = 0; i < n; i++) {
            float[] c = centres[rnd.nextInt(centres.length)];
            for (int j = 0; j < dim; j++) out[i * dim + j] = c[j] + (float) rnd.nextGaussian();
        }
        return out;
    }

    private static float[] idx3(Path file, int limit) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16))) {
            if (in.readInt() != 0x00000803) throw new IOException(file + ": not idx3");
            int n = in.readInt();
            int dim = in.readInt() * in.readInt();
            int count = limit > 0 ? Math.min(limit, n) : n;
            byte[] bytes = new byte[count * dim];
            in.readFully(bytes);
            float[] out = new float[bytes.length];
            for (int i = 0; i < bytes.length; i++) out[i] = bytes[i] & 0xff;
            return out;
        }
    }
}
