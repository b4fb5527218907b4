package vexfs.bench;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An fvecs or ivecs file read whole: {@code rows} records of {@code dim} 4-byte little-endian values,
 * each record prefixed by its int32 dimension. The values are kept flat and raw (float bits for fvecs).
 * Invariant: {@code raw.length == rows * dim}.
 */
public record Vecs(int rows, int dim, int[] raw) {

    public static Vecs read(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            IntBuffer ints = map.order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
            if (size < 4) {
                throw new IOException(path + ": empty");
            }
            int dim = ints.get(0);
            long record = 4L * (dim + 1);
            if (dim <= 0 || size % record != 0 || size / record * dim > Integer.MAX_VALUE - 8) {
                throw new IOException(path + ": not an fvecs/ivecs file (dim " + dim + ", " + size + " bytes)");
            }
            int rows = (int) (size / record);
            int[] raw = new int[rows * dim];
            for (int r = 0; r < rows; r++) {
                int at = r * (dim + 1);
                if (ints.get(at) != dim) {
                    throw new IOException(path + ": row " + r + " has dimension " + ints.get(at));
                }
                ints.get(at + 1, raw, r * dim, dim);
            }
            return new Vecs(rows, dim, raw);
        }
    }

    /** Row {@code r} as floats (a new array). */
    public float[] floatRow(int r) {
        float[] out = new float[dim];
        for (int i = 0; i < dim; i++) {
            out[i] = Float.intBitsToFloat(raw[r * dim + i]);
        }
        return out;
    }

    /** Value {@code c} of row {@code r} as an int (ivecs). */
    public int intAt(int r, int c) {
        return raw[r * dim + c];
    }
}
