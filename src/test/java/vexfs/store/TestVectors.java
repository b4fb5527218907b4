package vexfs.store;

import java.util.Random;

final class TestVectors {
    private TestVectors() {}

    static float[] random(Random rnd, int dim) {
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        return v;
    }
}
