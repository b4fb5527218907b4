package vexfs.index;

/**
 * Build and search parameters of one graph. {@code m}, {@code efConstruction}, {@code levelSeed}
 * and {@code quantize} are fixed when the graph file is created (stored in its header); the values
 * in the header win when an existing file is opened.
 *
 * @param m              maximum degree on levels above 0 (level 0 allows {@code 2 * m})
 * @param efConstruction beam width while linking a new node
 * @param efSearch       default beam width for {@link HnswIndex#search(float[], int)}
 * @param levelSeed      seed of the level hash, so a rebuild assigns the same levels
 * @param quantize       keep int8 codes beside the neighbour lists and traverse on them
 *                       (re-ranking the final candidates with exact float32 distances)
 * @param trainSize      number of nodes after which the int8 quantiser is trained; before that
 *                       traversal uses exact distances from the vector source
 */
public record HnswParams(int m, int efConstruction, int efSearch, long levelSeed, boolean quantize, int trainSize) {
    public static final int DEFAULT_M = 16;
    public static final int DEFAULT_EF_CONSTRUCTION = 200;
    public static final int DEFAULT_EF_SEARCH = 64;
    public static final long DEFAULT_SEED = 0x5eed_c0de_1234_5678L;
    public static final int DEFAULT_TRAIN_SIZE = 1024;

    public HnswParams {
        if (m < 2 || m > 512) throw new IllegalArgumentException("m must be in [2, 512]: " + m);
        if (efConstruction < 1) throw new IllegalArgumentException("efConstruction must be >= 1: " + efConstruction);
        if (efSearch < 1) throw new IllegalArgumentException("efSearch must be >= 1: " + efSearch);
        if (trainSize < 1) throw new IllegalArgumentException("trainSize must be >= 1: " + trainSize);
    }

    /** M=16, efConstruction=200, ef_search=64; int8 traversal codes when {@code dim >= 64}. */
    public static HnswParams defaults(int dim) {
        return new HnswParams(DEFAULT_M, DEFAULT_EF_CONSTRUCTION, DEFAULT_EF_SEARCH, DEFAULT_SEED, dim >= 64, DEFAULT_TRAIN_SIZE);
    }

    public HnswParams withM(int newM) {
        return new HnswParams(newM, efConstruction, efSearch, levelSeed, quantize, trainSize);
    }

    public HnswParams withEfConstruction(int ef) {
        return new HnswParams(m, ef, efSearch, levelSeed, quantize, trainSize);
    }

    public HnswParams withEfSearch(int ef) {
        return new HnswParams(m, efConstruction, ef, levelSeed, quantize, trainSize);
    }

    public HnswParams withQuantize(boolean q) {
        return new HnswParams(m, efConstruction, efSearch, levelSeed, q, trainSize);
    }

    public HnswParams withTrainSize(int n) {
        return new HnswParams(m, efConstruction, efSearch, levelSeed, quantize, n);
    }

    /** Level-0 degree bound. */
    int m0() {
        return 2 * m;
    }

    /** The level multiplier 1/ln(M) of the HNSW paper. */
    double levelMultiplier() {
        return 1.0 / Math.log(m);
    }
}
