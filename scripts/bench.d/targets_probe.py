#!/usr/bin/python3
"""Measuring helpers for scripts/bench.d/targets (not a benchmark by itself).

  ready MNT TIMEOUT [--wait-exit] -- CMD...
                                start CMD, poll MNT every 0.5 ms until it is a mount that answers (st_dev
                                differs from its parent's and stat succeeds); prints "ready_ms exit_ms pid"
                                (exit_ms: when CMD exited, -1 if it still runs, e.g. mount -f; with
                                --wait-exit, waits for CMD to exit first; pid of CMD).
  rss PID                       prints "RssAnon_kB RssFile_kB" of PID (/proc/PID/status)
  search MNT FVECS N K PID      N/4 warm-up queries, then N queries (base vectors plus noise, seeded) through
                                MNT/.vexfs/search, one fd per query as a shell would; samples PID's RSS
                                every 50 ms meanwhile; prints "p50_ms p99_ms mean_ms max_RssAnon_kB
                                max_RssFile_kB hits_per_query warmup_max_RssAnon_kB" (latencies and the first
                                peaks over the N measured queries; the last peak over the warm-up, when the
                                JIT compiles the search path)
  smallwrite DIR N SIZE         creates N files of SIZE bytes in a fresh DIR/sw.<pid> (open O_CREAT|O_EXCL,
                                write, close), then unlinks them; prints "write_files_per_s"
"""
import os
import struct
import subprocess
import sys
import threading
import time


def rss(pid):
    anon = fil = -1
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("RssAnon:"):
                anon = int(line.split()[1])
            elif line.startswith("RssFile:"):
                fil = int(line.split()[1])
    return anon, fil


def answers(mnt, parent_dev):
    try:
        return os.stat(mnt).st_dev != parent_dev
    except OSError:
        return False


def ready(mnt, timeout, cmd, wait_exit):
    parent_dev = os.stat(os.path.dirname(os.path.abspath(mnt))).st_dev
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    exit_ms = -1.0
    while True:
        now = time.monotonic()
        if exit_ms < 0 and p.poll() is not None:
            exit_ms = (now - t0) * 1000
            if p.returncode != 0:
                print(f"command exited with status {p.returncode}", file=sys.stderr)
                sys.exit(1)
        if answers(mnt, parent_dev):
            ready_ms = (time.monotonic() - t0) * 1000
            break
        if now - t0 > timeout:
            print("mount did not answer in time", file=sys.stderr)
            p.kill()
            sys.exit(1)
        time.sleep(0.0005)
    if wait_exit and exit_ms < 0:
        try:
            p.wait(timeout)
        except subprocess.TimeoutExpired:
            pass
    if exit_ms < 0 and p.poll() is not None:
        exit_ms = (time.monotonic() - t0) * 1000
    print(f"{ready_ms:.1f} {exit_ms:.1f} {p.pid}")


def read_fvecs(path, limit):
    out = []
    with open(path, "rb") as f:
        while len(out) < limit:
            h = f.read(4)
            if len(h) < 4:
                break
            d = struct.unpack("<i", h)[0]
            out.append(struct.unpack(f"<{d}f", f.read(4 * d)))
    return out


def search(mnt, fvecs, n, k, pid):
    import random
    rnd = random.Random(7)
    base = read_fvecs(fvecs, 20000)
    queries = []
    warm = n // 4
    for i in range(n + warm):
        v = base[rnd.randrange(len(base))]
        queries.append((",".join(f"{x + rnd.gauss(0, 0.05):.5f}" for x in v) + f"\nk={k}\n").encode())
    peak = [0, 0]
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            a, f = rss(pid)
            peak[0] = max(peak[0], a)
            peak[1] = max(peak[1], f)
            time.sleep(0.05)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    lat = []
    hits = 0
    warm_peak = 0
    path = os.path.join(mnt, ".vexfs", "search")
    for i, q in enumerate(queries):
        if i == warm:
            time.sleep(0.1)
            warm_peak = peak[0]
            peak[0] = peak[1] = 0
            lat = []
            hits = 0
        t = time.perf_counter()
        fd = os.open(path, os.O_RDWR)
        try:
            os.write(fd, q)
            buf = b""
            while True:
                chunk = os.read(fd, 65536)
                if not chunk:
                    break
                buf += chunk
        finally:
            os.close(fd)
        lat.append((time.perf_counter() - t) * 1000)
        hits += buf.count(b"\n")
    stop.set()
    th.join()
    lat.sort()
    p50 = lat[len(lat) // 2]
    p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))]
    print(f"{p50:.3f} {p99:.3f} {sum(lat) / len(lat):.3f} {peak[0]} {peak[1]} {hits / n:.1f} {warm_peak}")


def smallwrite(d, n, size):
    w = os.path.join(d, f"sw.{os.getpid()}")
    os.mkdir(w)
    data = os.urandom(size)
    t = time.perf_counter()
    for i in range(n):
        fd = os.open(os.path.join(w, f"f{i}"), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        if os.write(fd, data) != size:
            raise SystemExit("short write")
        os.close(fd)
    el = time.perf_counter() - t
    for i in range(n):
        os.unlink(os.path.join(w, f"f{i}"))
    os.rmdir(w)
    print(f"{n / el:.0f}")


def main():
    a = sys.argv[1:]
    if not a or a[0] in ("-h", "--help"):
        print(__doc__)
        return
    if a[0] == "ready":
        sep = a.index("--")
        ready(a[1], float(a[2]), a[sep + 1:], "--wait-exit" in a[3:sep])
    elif a[0] == "rss":
        print(*rss(int(a[1])))
    elif a[0] == "search":
        search(a[1], a[2], int(a[3]), int(a[4]), int(a[5]))
    elif a[0] == "smallwrite":
        smallwrite(a[1], int(a[2]), int(a[3]))
    else:
        raise SystemExit(f"unknown command {a[0]}")


if __name__ == "__main__":
    main()
