#!/usr/bin/python3
"""hnswlib through Debian's python3-hnswlib (run with /usr/bin/python3): the secondary reference.

Same CLI and output lines as hnswlib_bench.cpp, with impl=hnswlib-py. Each query is a separate
knn_query call with num_threads=1, so the figures include the Python call overhead per query.
"""
import argparse
import os
import sys
import tempfile
import time

import hnswlib
import numpy as np


def read_vecs(path, dtype):
    a = np.fromfile(path, dtype=np.int32)
    d = int(a[0])
    a = a.reshape(-1, d + 1)
    if not np.all(a[:, 0] == d):
        raise SystemExit(f"{path}: rows of differing dimension")
    return np.ascontiguousarray(a[:, 1:]).view(dtype)


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--base", required=True)
    p.add_argument("--query", required=True)
    p.add_argument("--gt", required=True)
    p.add_argument("--m", type=int, default=16)
    p.add_argument("--efc", type=int, default=200)
    p.add_argument("--ef", default="10,20,40,80,160")
    p.add_argument("--k", type=int, default=10)
    a = p.parse_args()
    base = read_vecs(a.base, np.float32)
    query = read_vecs(a.query, np.float32)
    gt = read_vecs(a.gt, np.int32)[:, :a.k]
    print(f"[hnswlib-py] base {base.shape}, {len(query)} queries, M={a.m} efC={a.efc}", file=sys.stderr, flush=True)

    index = hnswlib.Index(space="l2", dim=base.shape[1])
    index.init_index(max_elements=len(base), M=a.m, ef_construction=a.efc, random_seed=100)
    index.set_num_threads(1)
    t0, c0 = time.perf_counter(), time.thread_time()
    step = max(1, len(base) // 10)
    for s in range(0, len(base), step):
        index.add_items(base[s:s + step], np.arange(s, min(len(base), s + step)), num_threads=1)
        print(f"[hnswlib-py] built {min(len(base), s + step)}/{len(base)} ({time.perf_counter() - t0:.1f}s)",
              file=sys.stderr, flush=True)
    build, build_cpu = time.perf_counter() - t0, time.thread_time() - c0
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "index.bin")
        index.save_index(path)
        size = os.path.getsize(path)
    print(f"impl=hnswlib-py build_seconds={build:.3f} bytes={size} build_cpu_seconds={build_cpu:.3f}", flush=True)

    efs = [int(x) for x in a.ef.split(",")]
    for ef in efs:  # pre-warm: one untimed pass at every ef before any timed pass
        index.set_ef(ef)
        for q in query:
            index.knn_query(q, k=a.k, num_threads=1)
    for ef in efs:
        index.set_ef(ef)
        for w in range(max(len(query), 10000)):  # untimed warm-up, cycling over the queries
            index.knn_query(query[w % len(query)], k=a.k, num_threads=1)
        # Best of 3 timed passes (shortest wall time), as ann-benchmarks does; recall is scored after timing.
        total = cpu_total = float("inf")
        got = [None] * len(query)
        pass_lat = np.empty(len(query))
        for _ in range(3):
            start, cpu_start = time.perf_counter(), time.thread_time()
            for i, q in enumerate(query):
                s = time.perf_counter()
                got[i] = index.knn_query(q, k=a.k, num_threads=1)[0][0]
                pass_lat[i] = time.perf_counter() - s
            t = time.perf_counter() - start
            cpu_total = min(cpu_total, time.thread_time() - cpu_start)
            if t < total:
                total, lat = t, pass_lat.copy()
        hits = sum(len(np.intersect1d(got[i], gt[i])) for i in range(len(query)))
        srt = np.sort(lat)
        n = len(query)
        print(f"impl=hnswlib-py ef={ef} recall={hits / (n * a.k):.4f} qps={n / total:.1f} "
              f"p50_us={srt[(n - 1) * 50 // 100] * 1e6:.1f} p99_us={srt[(n - 1) * 99 // 100] * 1e6:.1f} "
              f"cpu_qps={n / cpu_total:.1f}", flush=True)


if __name__ == "__main__":
    main()
