#!/usr/bin/python3
"""Writes N synthetic vectors (clustered Gaussian, seeded) as fvecs: gen_fvecs.py OUT N DIM [SEED]."""
import sys
import numpy as np

out, n, dim = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = np.random.default_rng(int(sys.argv[4]) if len(sys.argv) > 4 else 42)
centers = rng.standard_normal((256, dim)).astype(np.float32)
with open(out, "wb") as f:
    step = 65536
    for start in range(0, n, step):
        m = min(step, n - start)
        v = centers[rng.integers(0, 256, m)] + 0.35 * rng.standard_normal((m, dim)).astype(np.float32)
        rec = np.empty((m, dim + 1), dtype=np.float32)
        rec[:, 0] = np.frombuffer(np.int32(dim).tobytes(), dtype=np.float32)[0]
        rec[:, 1:] = v
        rec.astype("<f4").tofile(f)
