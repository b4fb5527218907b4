package vexfs.index;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Reads Fashion-MNIST idx3 image files (uint8 pixels) as flat float arrays. */
final class FashionMnist {
    static final Path DIR = Path.of("/usr/share/datasets/fashion-mnist");
    static final Path TRAIN = DIR.resolve("train-images-idx3-ubyte.gz");
    static final Path TEST = DIR.resolve("t10k-images-idx3-ubyte.gz");
    static final int DIM = 784;

    private FashionMnist() {
    }

    static boolean available() {
        return Files.isReadable(TRAIN) && Files.isReadable(TEST);
    }

    /** The first {@code limit} images (all if limit <= 0), row-major, 784 floats each. */
    static float[] load(Path file, int limit) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16))) {
            int magic = in.readInt();
            if (magic != 0x00000803) throw new IOException(file + ": not an idx3 ubyte file (magic " + Integer.toHexString(magic) + ")");
            int n = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (rows * cols != DIM) throw new IOException(file + ": images are " + rows + "x" + cols);
            int count = limit > 0 ? Math.min(limit, n) : n;
            byte[] bytes = new byte[count * DIM];
            in.readFully(bytes);
            float[] out = new float[bytes.length];
            for (int i = 0; i < bytes.length; i++) out[i] = bytes[i] & 0xff;
            return out;
        }
    }
}
