package vexfs.store;

import java.nio.file.Path;
import java.util.Random;

/**
 * Child process for {@link StoreKillTest}: puts (and now and then removes) vectors in a loop and
 * acknowledges each operation on stdout only after put/remove + sync returned, like the fs layer
 * acknowledges a setxattr. Runs until killed. Args: storeDir firstKey.
 */
public final class CrashChild {
    private CrashChild() {}

    static float[] vectorOf(long key, int dim) {
        Random r = new Random(key);
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long key = Long.parseLong(args[1]);
        try (VectorStore s = VectorStore.open(dir, false)) {
            System.out.println("ready .");
            System.out.flush();
            for (long i = 0; ; i++, key++) {
                s.put(key, vectorOf(key, s.dimension()));
                s.sync();
                System.out.println("P " + key + " .");
                if (i % 7 == 6) {
                    s.remove(key - 3);
                    s.sync();
                    System.out.println("R " + (key - 3) + " .");
                }
                System.out.flush();
            }
        }
    }
}
