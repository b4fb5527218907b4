#!/usr/bin/python3
"""Prepares the ANN benchmark data sets as fvecs/ivecs files (run with /usr/bin/python3).

fvecs: per vector, int32 little-endian dimension d, then d float32.
ivecs: per row, int32 little-endian count k, then k int32 ids (0-based rows of the base file).

Data sets (written to <out>/<name>/{base.fvecs,query.fvecs,gt.ivecs}):
  fashion-mnist  Debian dataset-fashion-mnist: train (60000x784) = base, t10k (10000x784) = queries,
                 raw pixel values 0..255 as float32 (as ann-benchmarks does), L2.
  synthetic-1m   1,000,000x128 base + 1,000 queries drawn from the same seeded Gaussian mixture
                 (1000 clusters, per-cluster scale), L2.
Ground truth: exact top-k by brute force (squared L2 in float64, ties broken by lower id).
Existing complete files are kept; delete the directory to regenerate.
"""
import argparse
import gzip
import os
import struct
import sys
import time

import numpy as np

MNIST_DIR = "/usr/share/datasets/fashion-mnist"


def log(msg):
    print(f"[prepare] {msg}", file=sys.stderr, flush=True)


def read_idx_images(path):
    with gzip.open(path, "rb") as f:
        magic, n, rows, cols = struct.unpack(">IIII", f.read(16))
        if magic != 0x00000803:
            raise SystemExit(f"{path}: not an idx3-ubyte file (magic {magic:#x})")
        data = np.frombuffer(f.read(n * rows * cols), dtype=np.uint8)
    if data.size != n * rows * cols:
        raise SystemExit(f"{path}: truncated ({data.size} of {n * rows * cols} bytes)")
    return data.reshape(n, rows * cols).astype(np.float32)


def write_vecs(path, arr, dtype):
    """Writes rows of arr as fvecs/ivecs atomically (tmp file + rename)."""
    arr = np.ascontiguousarray(arr, dtype=dtype)
    n, d = arr.shape
    rec = np.empty((n, d + 1), dtype=np.int32)
    rec[:, 0] = d
    rec[:, 1:] = arr.view(np.int32)
    tmp = path + ".tmp"
    rec.tofile(tmp)
    os.replace(tmp, path)
    log(f"wrote {path} ({n}x{d}, {os.path.getsize(path)} bytes)")


def exact_topk(base, queries, k, label):
    """Exact top-k ids by squared L2, float64, chunked over queries; prints progress."""
    base64 = base.astype(np.float64)
    bnorm = np.einsum("ij,ij->i", base64, base64)
    nq = queries.shape[0]
    out = np.empty((nq, k), dtype=np.int32)
    chunk = max(1, min(1000, int(1e8 // base.shape[0])))  # bounds the float64 distance block to ~0.8 GB
    t0 = time.time()
    for s in range(0, nq, chunk):
        q = queries[s:s + chunk].astype(np.float64)
        d = bnorm[None, :] - 2.0 * (q @ base64.T)  # + |q|^2 is constant per row
        part = np.argpartition(d, k, axis=1)[:, :k + 1] if k < d.shape[1] else np.argsort(d, axis=1)
        for r in range(q.shape[0]):
            cand = part[r]
            order = np.lexsort((cand, d[r, cand]))  # by distance, then id
            out[s + r] = cand[order][:k]
        done = min(nq, s + chunk)
        el = time.time() - t0
        log(f"{label}: ground truth {done}/{nq} queries ({el:.0f}s, eta {el / done * (nq - done):.0f}s)")
    return out


def complete(d):
    return all(os.path.exists(os.path.join(d, f)) for f in ("base.fvecs", "query.fvecs", "gt.ivecs"))


def prepare_fashion_mnist(out, k):
    d = os.path.join(out, "fashion-mnist")
    if complete(d):
        log(f"fashion-mnist: cached in {d}")
        return
    os.makedirs(d, exist_ok=True)
    base = read_idx_images(os.path.join(MNIST_DIR, "train-images-idx3-ubyte.gz"))
    query = read_idx_images(os.path.join(MNIST_DIR, "t10k-images-idx3-ubyte.gz"))
    log(f"fashion-mnist: base {base.shape}, queries {query.shape}")
    gt = exact_topk(base, query, k, "fashion-mnist")
    write_vecs(os.path.join(d, "base.fvecs"), base, np.float32)
    write_vecs(os.path.join(d, "query.fvecs"), query, np.float32)
    write_vecs(os.path.join(d, "gt.ivecs"), gt, np.int32)


def gaussian_mixture(rng, centers, scales, n, label):
    dim = centers.shape[1]
    out = np.empty((n, dim), dtype=np.float32)
    step = 100_000
    t0 = time.time()
    for s in range(0, n, step):
        m = min(step, n - s)
        c = rng.integers(0, centers.shape[0], size=m)
        out[s:s + m] = centers[c] + rng.standard_normal((m, dim), dtype=np.float32) * scales[c, None]
        log(f"{label}: generated {s + m}/{n} vectors ({time.time() - t0:.0f}s)")
    return out


def prepare_synthetic(out, k, n, nq, dim, seed):
    name = "synthetic-1m" if n == 1_000_000 else f"synthetic-{n}"
    d = os.path.join(out, name)
    if complete(d):
        log(f"{name}: cached in {d}")
        return
    os.makedirs(d, exist_ok=True)
    rng = np.random.default_rng(seed)
    clusters = 1000
    centers = rng.standard_normal((clusters, dim), dtype=np.float32) * 4.0
    scales = rng.uniform(0.5, 2.0, size=clusters).astype(np.float32)
    base = gaussian_mixture(rng, centers, scales, n, f"{name} base")
    query = gaussian_mixture(rng, centers, scales, nq, f"{name} queries")
    write_vecs(os.path.join(d, "base.fvecs"), base, np.float32)
    write_vecs(os.path.join(d, "query.fvecs"), query, np.float32)
    gt = exact_topk(base, query, k, name)
    write_vecs(os.path.join(d, "gt.ivecs"), gt, np.int32)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", required=True, help="cache directory (one sub-directory per data set)")
    p.add_argument("--dataset", required=True, choices=["fashion-mnist", "synthetic", "synthetic-1m", "synthetic-small"])
    p.add_argument("--n", type=int, default=1_000_000, help="base vectors of --dataset synthetic (default 1,000,000)")
    p.add_argument("--k", type=int, default=10, help="ground-truth depth (default 10)")
    p.add_argument("--seed", type=int, default=20240611)
    a = p.parse_args()
    if a.dataset == "fashion-mnist":
        prepare_fashion_mnist(a.out, a.k)
    elif a.dataset == "synthetic-1m":
        prepare_synthetic(a.out, a.k, 1_000_000, 1000, 128, a.seed)
    elif a.dataset == "synthetic":  # synthetic-1m's generator at another size (same seed, same centres)
        prepare_synthetic(a.out, a.k, a.n, 1000, 128, a.seed)
    else:  # small variant of the same generator, for smoke tests of the harnesses
        prepare_synthetic(a.out, a.k, 20_000, 200, 128, a.seed)


if __name__ == "__main__":
    main()
