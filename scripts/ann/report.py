#!/usr/bin/python3
"""Turns the impl=... lines of scripts/bench-ann into CSV, a Markdown report and recall-vs-QPS plots.

  report.py csv  --dataset NAME --lines FILE --out CSV      impl=... lines -> CSV rows
  report.py docs --data-dir DIR --md FILE --img-dir DIR     every DIR/ann-*.csv -> FILE + DIR/ann-*.png
Run with /usr/bin/python3 (Debian's matplotlib).
"""
import argparse
import csv
import glob
import os
import sys

COLUMNS = ["dataset", "impl", "ef", "recall", "qps", "p50_us", "p99_us", "build_seconds", "bytes",
           "cpu_qps", "build_cpu_seconds"]
TARGET_RECALL = 0.95
# Fixed colours/markers so figures from different runs read the same.
STYLE = {"vexfs": ("tab:red", "o"), "vexfs-predicate": ("tab:orange", "o"), "hnswlib": ("tab:blue", "s"), "hnswlib-py": ("tab:cyan", "v"),
         "lucene": ("tab:green", "^"), "lucene-graph": ("tab:olive", "D")}


def parse_line(line):
    out = {}
    for tok in line.split():
        if "=" in tok:
            k, v = tok.split("=", 1)
            out[k] = v
    return out


def to_csv(dataset, lines_path, out_path):
    builds, points = {}, []
    with open(lines_path) as f:
        for line in f:
            if not line.startswith("impl="):
                continue
            d = parse_line(line)
            if "build_seconds" in d:
                builds[d["impl"]] = d
            elif "ef" in d:
                points.append(d)
    rows = []
    for p in points:
        b = builds.get(p["impl"], {})
        rows.append({"dataset": dataset, "impl": p["impl"], "ef": p["ef"], "recall": p.get("recall", ""),
                     "qps": p.get("qps", ""), "p50_us": p.get("p50_us", ""), "p99_us": p.get("p99_us", ""),
                     "build_seconds": b.get("build_seconds", ""), "bytes": b.get("bytes", ""),
                     "cpu_qps": p.get("cpu_qps", ""), "build_cpu_seconds": b.get("build_cpu_seconds", "")})
    with open(out_path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows(rows)
    print(f"[report] {len(rows)} rows -> {out_path}", file=sys.stderr)


def read_meta(path):
    meta = {}
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                if "=" in line:
                    k, v = line.rstrip("\n").split("=", 1)
                    meta[k] = v
    return meta


def num(v, fmt):
    try:
        return format(float(v), fmt)
    except (TypeError, ValueError):
        return "n/a"


def best_at_target(rows, key="qps"):
    """impl -> (qps, ef, recall) of the fastest point (by key) with recall >= TARGET_RECALL."""
    best = {}
    for r in rows:
        if float(r["recall"]) >= TARGET_RECALL and num(r.get(key), "") != "n/a":
            q = float(r[key])
            if r["impl"] not in best or q > best[r["impl"]][0]:
                best[r["impl"]] = (q, int(r["ef"]), float(r["recall"]))
    return best


def plot(dataset, rows, png):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(7, 4.5), dpi=110)
    for impl in sorted({r["impl"] for r in rows}):
        pts = sorted(((float(r["recall"]), float(r["qps"]), r["ef"]) for r in rows if r["impl"] == impl))
        colour, marker = STYLE.get(impl, ("black", "x"))
        ax.plot([p[0] for p in pts], [p[1] for p in pts], marker=marker, color=colour, label=impl)
        for rec, qps, ef in pts:
            ax.annotate(ef, (rec, qps), textcoords="offset points", xytext=(3, 3), fontsize=7, color=colour)
        cpu = sorted((float(r["recall"]), float(r["cpu_qps"])) for r in rows
                     if r["impl"] == impl and num(r.get("cpu_qps"), "") != "n/a")
        if cpu:  # thread-CPU-time QPS: what the run would give without other jobs competing
            ax.plot([p[0] for p in cpu], [p[1] for p in cpu], linestyle="--", linewidth=0.9, marker=marker,
                    markersize=3, color=colour, alpha=0.5, label=f"{impl} (CPU-QPS)")
    ax.axvline(TARGET_RECALL, color="grey", linestyle=":", linewidth=1)
    ax.set_yscale("log")
    ax.set_xlabel("recall@10")
    ax.set_ylabel("queries per second, 1 thread (log)")
    ax.set_title(f"{dataset}: recall vs QPS (M=16, efC=200; labels = ef)\nsolid: wall-time QPS, dashed: thread-CPU-time QPS",
                 fontsize=10)
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(png)
    plt.close(fig)
    print(f"[report] plot -> {png}", file=sys.stderr)


def fmt_bytes(b):
    try:
        n = int(b)
    except ValueError:
        return "n/a"
    return "n/a" if n < 0 else f"{n / 1e6:.1f} MB"


def dataset_section(csv_path, img_dir, md_dir):
    with open(csv_path) as f:
        rows = list(csv.DictReader(f))
    if not rows:
        return []
    dataset = rows[0]["dataset"]
    meta = read_meta(csv_path[:-4] + ".meta")
    png = os.path.join(img_dir, f"ann-{dataset}.png")
    plot(dataset, rows, png)
    impls = sorted({r["impl"] for r in rows})
    out = [f"## {dataset}", ""]
    if meta:
        out.append(f"Run {meta.get('date', '?')}: `{meta.get('command', '?')}` — {meta.get('data', '')}.")
        out.append(f"Machine: {meta.get('cpu', '?')}, {meta.get('cores', '?')} cores shared with other jobs "
                   f"(load average at start {meta.get('load', '?')}); {meta.get('versions', '')}.")
        if meta.get("loads"):
            out.append(f"1-min load average at start→end of each impl (2 cores; above ~1 means others were running): "
                       f"{meta['loads']}.")
        if meta.get("vexfs"):
            out.append(f"VexFS: {meta['vexfs']}.")
        out.append("")
    out.append(f"![recall vs QPS]({os.path.relpath(png, md_dir)})")
    out += ["", "| impl | build s | build CPU s | bytes | ef | recall@10 | QPS | CPU-QPS | p50 µs | p99 µs |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for impl in impls:
        for r in sorted((r for r in rows if r["impl"] == impl), key=lambda r: int(r["ef"])):
            out.append(f"| {impl} | {num(r['build_seconds'], '.1f')} | {num(r.get('build_cpu_seconds'), '.1f')} | "
                       f"{fmt_bytes(r['bytes'])} | {r['ef']} | {float(r['recall']):.4f} | {num(r['qps'], ',.0f')} | "
                       f"{num(r.get('cpu_qps'), ',.0f')} | {num(r['p50_us'], '.1f')} | {num(r['p99_us'], '.1f')} |")
    out += ["", "QPS = queries / wall time of the best of 3 passes; CPU-QPS = queries / CPU time of the searching thread",
            "in that pass (less disturbed by other jobs; excludes JIT/GC threads). Build CPU s likewise."]
    for key, label in (("qps", "QPS"), ("cpu_qps", "CPU-QPS")):
        best = best_at_target(rows, key)
        if not best:
            continue
        out += ["", f"Fastest point with recall@10 ≥ {TARGET_RECALL} per impl by {label}, and its ratio to each other impl:", ""]
        names = sorted(best, key=lambda i: -best[i][0])
        out.append(f"| impl | ef | recall | {label} | " + " | ".join(f"× {n}" for n in names) + " |")
        out.append("|---|---:|---:|---:|" + "---:|" * len(names))
        for i in names:
            q, ef, rec = best[i]
            out.append(f"| {i} | {ef} | {rec:.4f} | {q:,.0f} | " + " | ".join(f"{q / best[n][0]:.2f}" for n in names) + " |")
    best = best_at_target(rows)
    missing = [i for i in impls if i not in best]
    if missing:
        out.append("")
        out.append("No point reached the target recall: " + ", ".join(missing) + ".")
    if not any(i == "vexfs" or i.startswith(("vexfs/", "vexfs@")) for i in impls):
        out += ["", "**VexFS: pending** — `vexfs.index.AnnBenchMain` was not available when this was run."]
    return out + [""]


def to_docs(data_dir, md, img_dir):
    os.makedirs(img_dir, exist_ok=True)
    md_dir = os.path.dirname(os.path.abspath(md))
    lines = ["# ANN benchmark: VexFS HNSW vs Lucene and hnswlib", "",
             "Generated by `scripts/bench-ann` (scripts/ann/report.py); do not edit by hand — rerun the script.",
             "Method, CLI contract and caveats: [bench-ann-protocol.md](bench-ann-protocol.md). All impls: M=16,",
             "efConstruction=200, one build thread, one search thread, k=10, L2, same fvecs/ivecs files. QPS from a",
             "2-core machine shared with other jobs is noisy (±10-20 % run to run is normal); compare impls within",
             "one run, side by side, rather than across runs.", ""]
    order = {"fashion-mnist": 0}
    for path in sorted(glob.glob(os.path.join(data_dir, "ann-*.csv")),
                       key=lambda p: (order.get(os.path.basename(p)[4:-4], 1), p)):
        lines += dataset_section(path, img_dir, md_dir)
    with open(md, "w") as f:
        f.write("\n".join(lines))
    print(f"[report] table -> {md}", file=sys.stderr)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("csv")
    c.add_argument("--dataset", required=True)
    c.add_argument("--lines", required=True)
    c.add_argument("--out", required=True)
    d = sub.add_parser("docs")
    d.add_argument("--data-dir", required=True)
    d.add_argument("--md", required=True)
    d.add_argument("--img-dir", required=True)
    a = p.parse_args()
    if a.cmd == "csv":
        to_csv(a.dataset, a.lines, a.out)
    else:
        to_docs(a.data_dir, a.md, a.img_dir)


if __name__ == "__main__":
    main()
