package vexfs.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

import vexfs.base.SearchResult;
import vexfs.base.VectorSource;

/** Seeded data and recall helpers shared by the index tests. */
final class TestData {
    private TestData() {
    }

    /**
     * n vectors in 16 clusters on an 8-dimensional latent space projected to {@code dim}, plus a
     * little noise: low intrinsic dimension like real embeddings, so recall targets are meaningful.
     */
    static float[] clustered(int n, int dim, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        SplittableRandom fixed = new SplittableRandom(1234);
        int latent = 8;
        int clusters = 16;
        float[] proj = new float[latent * dim];
        for (int i = 0; i < proj.length; i++) proj[i] = (float) fixed.nextGaussian();
        float[] centers = new float[clusters * latent];
        for (int i = 0; i < centers.length; i++) centers[i] = (float) (fixed.nextDouble() * 4 - 2);
        float[] out = new float[n * dim];
        float[] z = new float[latent];
        for (int i = 0; i < n; i++) {
            int c = r.nextInt(clusters);
            for (int j = 0; j < latent; j++) z[j] = centers[c * latent + j] + (float) r.nextGaussian() * 0.5f;
            for (int d = 0; d < dim; d++) {
                float v = (float) r.nextGaussian() * 0.05f;
                for (int j = 0; j < latent; j++) v += z[j] * proj[j * dim + d];
                out[i * dim + d] = v;
            }
        }
        return out;
    }

    static HnswIndex build(Path file, VectorSource vs, HnswParams p, int count) throws IOException {
        HnswIndex idx = HnswIndex.create(file, vs, p);
        for (int i = 0; i < count; i++) idx.insert(i);
        return idx;
    }

    /** Mean recall@k of index search against exact search over the same live, filtered slots. */
    static double recall(HnswIndex idx, float[] queries, int dim, int k, int ef, IntPredicate filter) {
        int nq = queries.length / dim;
        long hits = 0;
        long total = 0;
        for (int i = 0; i < nq; i++) {
            float[] q = java.util.Arrays.copyOfRange(queries, i * dim, (i + 1) * dim);
            SearchResult got = idx.search(q, k, ef, filter);
            SearchResult want = idx.exactSearch(q, k, filter);
            hits += overlap(got.slots(), want.slots());
            total += want.size();
        }
        return total == 0 ? 1.0 : hits / (double) total;
    }

    /** How many of {@code got} are in {@code truth}. */
    static int overlap(int[] got, int[] truth) {
        int h = 0;
        for (int g : got) {
            for (int t : truth) {
                if (g == t) {
                    h++;
                    break;
                }
            }
        }
        return h;
    }
}
