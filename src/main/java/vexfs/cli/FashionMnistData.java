package vexfs.cli;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

/**
 * Fashion-MNIST as the demo and the search tests use it: the idx files of Debian's {@code dataset-fashion-mnist}
 * decoded into one flat pixel array (784 values 0..255 per image, row-major) and one label per image; or, when the
 * data set is not installed, a generated stand-in (10 random prototype images plus noise) that says so.
 */
public record FashionMnistData(byte[] pixels, byte[] labels, int count, boolean generated) {
    public static final Path DIR = Path.of("/usr/share/datasets/fashion-mnist");
    public static final int DIM = 784;
    /** Directory-friendly class names, by label. */
    public static final String[] CLASSES = {"tshirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt",
            "sneaker", "bag", "ankle-boot"};

    public static boolean available(Path dir) {
        return Files.isReadable(dir.resolve("train-images-idx3-ubyte.gz"))
                && Files.isReadable(dir.resolve("train-labels-idx1-ubyte.gz"))
                && Files.isReadable(dir.resolve("t10k-images-idx3-ubyte.gz"))
                && Files.isReadable(dir.resolve("t10k-labels-idx1-ubyte.gz"));
    }

    /** The first {@code limit} images of the training ({@code test = false}) or test set. */
    public static FashionMnistData load(Path dir, boolean test, int limit) throws IOException {
        String prefix = test ? "t10k" : "train";
        byte[] px = read(dir.resolve(prefix + "-images-idx3-ubyte.gz"), 0x803, limit, DIM);
        byte[] lb = read(dir.resolve(prefix + "-labels-idx1-ubyte.gz"), 0x801, limit, 1);
        return new FashionMnistData(px, lb, lb.length, false);
    }

    /** A stand-in with the same shape: label i % 10, a fixed random prototype per label plus noise. */
    public static FashionMnistData generated(int count, long seed) {
        SplittableRandom proto = new SplittableRandom(42);
        byte[][] protos = new byte[10][DIM];
        for (byte[] p : protos) for (int i = 0; i < DIM; i++) p[i] = (byte) proto.nextInt(256);
        SplittableRandom r = new SplittableRandom(seed);
        byte[] px = new byte[count * DIM];
        byte[] lb = new byte[count];
        for (int n = 0; n < count; n++) {
            lb[n] = (byte) (n % 10);
            for (int i = 0; i < DIM; i++) {
                int v = (protos[n % 10][i] & 0xff) + r.nextInt(-60, 61);
                px[n * DIM + i] = (byte) Math.max(0, Math.min(255, v));
            }
        }
        return new FashionMnistData(px, lb, count, true);
    }

    /** Image {@code i} as floats (the vector attached to its file). */
    public float[] vector(int i) {
        float[] v = new float[DIM];
        for (int j = 0; j < DIM; j++) v[j] = pixels[i * DIM + j] & 0xff;
        return v;
    }

    public int label(int i) {
        return labels[i];
    }

    /** Image {@code i} as a binary PGM file (viewable with any image viewer). */
    public byte[] pgm(int i) {
        byte[] head = "P5\n28 28\n255\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + DIM];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(pixels, i * DIM, out, head.length, DIM);
        return out;
    }

    private static byte[] read(Path file, int magic, int limit, int itemBytes) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16))) {
            int m = in.readInt();
            if (m != magic) throw new IOException(file + ": not an idx file of the expected kind (magic " + Integer.toHexString(m) + ")");
            int n = in.readInt();
            int dims = magic == 0x803 ? 2 : 0;
            int item = 1;
            for (int d = 0; d < dims; d++) item *= in.readInt();
            if (item != itemBytes) throw new IOException(file + ": items of " + item + " bytes, expected " + itemBytes);
            // the real files hold 60,000 and 10,000 items; a header saying more (or less than none) is not one of them
            if (n < 0 || n > 1_000_000) throw new IOException(file + ": " + n + " items in the header (damaged file?)");
            int count = limit > 0 ? Math.min(limit, n) : n;
            byte[] out = new byte[count * itemBytes];
            in.readFully(out);
            return out;
        }
    }
}
