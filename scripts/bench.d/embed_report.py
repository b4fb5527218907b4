#!/usr/bin/env python3
"""The report of scripts/bench embed: markdown on stdout, and optionally the plot (PNG) and the figures (JSON).

usage: embed_report.py --work DIR --command CMD --date D --load L --commit C --cores N --seconds S
                       [--quiet C --tries T] [--png FILE] [--json FILE]
       embed_report.py --replot FILE.json FILE.png      (the plot again, from the figures of --json)

Reads what the run left in DIR: corpus.json (embed_corpus.py); per round R, inproc-R.json (EmbedQualityBench
--throughput-only), mount-R.json and stats-R.json (the mount's cp -r + echo sync and its stats then);
mount.tsv.json (search times), stats-after-search.json, inproc-daemon-flags.json, inproc-quality.json, and loads
(phase, load average at its start and end).
"""
import argparse
import json
import math
import os
import sys


def load(work, name):
    with open(os.path.join(work, name)) as fh:
        return json.load(fh)


def group(cpu, embed_prefix):
    """CPU seconds by thread name folded into: the embed worker (and the model's threads), JIT, FUSE, indexer, other."""
    g = {"embed": 0.0, "jit": 0.0, "fuse": 0.0, "indexer": 0.0, "other": 0.0}
    for name, secs in cpu.items():
        if name.startswith(embed_prefix):
            g["embed"] += secs
        elif "CompilerThre" in name:
            g["jit"] += secs
        elif name.startswith("vexfs-reader"):
            g["fuse"] += secs
        elif name.startswith("vexfs-indexer"):
            g["indexer"] += secs
        else:
            g["other"] += secs
    return g


def daemon_threads(w, r):
    """The daemon's CPU seconds by thread over round r's cp -r + sync (embed_threads.py before and after)."""
    b, a = load(w, "threads-%d-before.json" % r), load(w, "threads-%d-after.json" % r)
    cpu = {}
    for tid, (name, ticks) in a["threads"].items():
        prev = b["threads"].get(tid)
        d = ticks - (prev[1] if prev and prev[0] == name else 0)
        cpu[name + " " + tid] = cpu.get(name + " " + tid, 0) + d / a["hz"]
    return group(cpu, "vexfs-embed")


def perf_table(path, embed_prefix):
    """perf report --sort comm,dso -n lines -> CPU seconds (997 samples a second) by library, embed thread vs rest."""
    t = {"embed": {}, "rest": {}}
    for line in open(path, errors="replace"):
        if line.startswith("#") or "%" not in line:
            continue
        f = [x for x in line.strip().split("  ") if x.strip()]
        if len(f) < 4:
            continue
        samples, comm, dso = int(f[1].strip()), f[2].strip(), f[3].strip()
        lib = ("ONNX Runtime" if "onnxruntime" in dso else "tokenizer" if "tokenizers" in dso
               else "Java code (JIT)" if dso.startswith("[JIT]") else "JVM (compilers, GC, runtime)" if "libjvm" in dso
               else "kernel" if "kernel" in dso else "libc" if dso.startswith("libc.") else "other")
        side = t["embed" if comm.startswith(embed_prefix) else "rest"]
        for k in (lib, "all"):
            side[k] = side.get(k, 0) + samples / 997.0
    return t


def median(xs):
    xs = sorted(xs)
    k = len(xs)
    return xs[k // 2] if k % 2 else (xs[k // 2 - 1] + xs[k // 2]) / 2


ROWS = [("VexFS through the mount (HNSW, the volume's ef = %d)", "mount_default"),
        ("VexFS through the mount (ef = %d: exhaustive)", "mount_exhaustive"),
        ("same model in-process, exact search", "inprocess_exact"),
        ("Lucene BM25, StandardAnalyzer", "bm25_standard"),
        ("Lucene BM25, EnglishAnalyzer", "bm25_english")]


def replot(json_file, png):
    """Draws the plot again from the figures a run wrote (--json), e.g. after a change to the plot."""
    m = load(os.path.dirname(json_file) or ".", os.path.basename(json_file))
    rounds = []
    for x in m["rounds"]:
        rounds.append({"inprocess": x["inprocess"], "dflags": x["inprocess_daemon_flags"], "ratio": x["ratio"],
                       "mount_fps": x["mount"]["files"] / x["mount"]["wall_s"]})
    a = argparse.Namespace(command=m["command"], date=m["date"], commit=m["commit"], cores=m["cores"], load=m["load"])
    plot(png, ROWS, m["inprocess_quality"]["quality"], rounds[-1]["inprocess"]["files"], rounds, m["median_ratio"],
         m["median_cpu_ratio"], a)


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--replot":
        replot(sys.argv[2], sys.argv[3])
        return
    ap = argparse.ArgumentParser()
    for a in ("--work", "--command", "--date", "--load", "--commit", "--cores", "--seconds"):
        ap.add_argument(a, required=True)
    ap.add_argument("--quiet", default="?")
    ap.add_argument("--tries", type=int, default=1)
    ap.add_argument("--png")
    ap.add_argument("--json")
    a = ap.parse_args()
    w = a.work
    corpus = load(w, "corpus.json")
    rounds = []
    r = 1
    while os.path.exists(os.path.join(w, "mount-%d.json" % r)):
        rounds.append({"inprocess": load(w, "inproc-%d.json" % r)["inprocess_embed"], "mount": load(w, "mount-%d.json" % r),
                       "dflags": load(w, "inproc-daemon-flags-%d.json" % r)["inprocess_embed"],
                       "stats": load(w, "stats-%d.json" % r)})
        r += 1
    search_t = load(w, "mount.tsv.json")
    qual = load(w, "inproc-quality.json")
    after_search = load(w, "stats-after-search.json")
    loads = {}
    for line in open(os.path.join(w, "loads")):
        f = line.split()
        loads[f[0]] = (f[1], f[2])
    q = qual["quality"]
    last = rounds[-1]["mount"]
    n, nq, nbytes = last["files"], qual["queries"], last["bytes"]
    ef, ef_x = last["ef_default"], search_t["exhaustive"]["ef"]
    gcloud = sum(1 for f in os.listdir(os.path.join(w, "docs")) if f.startswith("gcloud"))

    rows = [(ROWS[0][0] % ef, ROWS[0][1]), (ROWS[1][0] % ef_x, ROWS[1][1])] + ROWS[2:]
    out = []
    p = out.append
    p("`%s`: %s, commit %s, %s cores shared with other work, load average %s at the start; the whole run %s s." % (
        a.command, a.date, a.commit, a.cores, a.load, a.seconds))
    p("")
    left = corpus["left_out"]
    p("Corpus: %d section-1 man pages of this machine, a seeded random sample (seed %d) of the %d pages in %s%s "
      "(aliases once)%s, rendered with `man -l -P cat | col -bx` (80 columns, no hyphenation): %.1f MiB of text. "
      "Left out on the way: %d without a NAME description, %d with the text of another page, %d sharing their "
      "description with another page. Query = the page's NAME description (\"an archiving utility\" for tar), "
      "relevant = that page; k = 10." % (
          n, corpus["seed"], corpus["pages_in_dir"], corpus["man_dir"],
          (", names matching /%s/ left out" % corpus["exclude"]) if corpus.get("exclude") else "",
          (" — %d of the %d are gcloud reference pages, as %d of the %d there are" % (
              gcloud, n, corpus["gcloud_pages_in_dir"], corpus["pages_in_dir"])) if gcloud else "",
          nbytes / 1048576, left["empty_description"] + left["short_or_no_name"], left["same_text"],
          left["same_description"]))
    p("")
    p("| method | queries | recall@10 | MRR@10 |")
    p("|---|---|---|---|")
    for label, key in rows:
        m = q[key]
        p("| %s | %d | %.3f | %.3f |" % (label, m["queries"], m["recall_at_10"], m["mrr_at_10"]))
    p("")
    vd, vx = qual["mount_default_vs_exact"], qual["mount_exhaustive_vs_exact"]
    p("Through the mount against the same model in-process with exact search: the top-10 list is the same, in the "
      "same order, for %d of %d queries with ef = %d and %d of %d with ef = %d (the same ten files: %d and %d; the "
      "same up to files whose distances differ by less than 1e-6: %d and %d). The largest difference between a "
      "distance the mount reported and the in-process one of the same file: %.1e. The graph had %s unreachable "
      "nodes; %d searches answered through it, %d exactly. Every page is embedded whole, in %d chunks (windows of "
      "192 words, one every 160) for the %d pages, each page ranked by the nearest of its chunks and its own vector on both sides." % (
          vd["same_order"], nq, ef, vx["same_order"], nq, ef_x, vd["same_set"], vx["same_set"],
          vd["equal_up_to_ties_1e-6"], vx["equal_up_to_ties_1e-6"],
          max(vd["max_abs_distance_diff"], vx["max_abs_distance_diff"]),
          after_search.get("graph_unreachable_nodes", "?"), after_search.get("search_answers_graph", 0),
          after_search.get("search_answers_exact", 0),
          qual["inprocess_embed"].get("chunks", 0), qual["inprocess_embed"].get("files_embedded", 0)))
    p("")
    p("A text query through the mount (Python client, the query embedded by the daemon): mean %.1f ms, p50 %.1f ms "
      "with ef = %d; mean %.1f ms with ef = %d. In-process: embedding a query %.1f ms, the exact scan %.2f ms, "
      "BM25 %.2f ms (StandardAnalyzer) per query." % (
          search_t["default"]["mean_ms"], search_t["default"]["p50_ms"], ef, search_t["exhaustive"]["mean_ms"],
          ef_x, qual["query_embed_ms_per_query"], qual["exact_search_ms_per_query"],
          qual["bm25_standard_timing"]["search_ms_per_query"]))
    p("")

    # ---- throughput ----
    for k, x in enumerate(rounds, 1):
        i, m, st = x["inprocess"], x["mount"], x["stats"]
        x["mount_fps"], x["mount_mbs"] = n / m["wall_s"], nbytes / 1e6 / m["wall_s"]
        x["ratio"] = x["mount_fps"] / i["files_per_s"]
        done = max(1, int(st["embed_files_embedded"]) - 1)
        x["d_model_ms"], x["d_store_ms"] = float(st["embed_read_and_model_ms_per_file"]), float(st["embed_store_ms_per_file"])
        x["d_first_s"] = float(st["embed_first_file_ms"]) / 1e3
        x["d_model_s"], x["d_store_s"] = done * x["d_model_ms"] / 1e3, done * x["d_store_ms"] / 1e3
        x["d_rest_s"] = m["wall_s"] - x["d_first_s"] - x["d_model_s"] - x["d_store_s"]
        x["i_work_ms"] = i["read_ms_per_file"] + i["extract_ms_per_file"] + i["model_ms_per_file"]
        x["daemon_threads"] = daemon_threads(w, k)
        x["cpu_ratio"] = i["cpu_ms_per_file"] / (1e3 * m["cpu_s"] / n)
        x["steady_ratio"] = float(st["embed_files_per_s"]) / i["files_per_s_after_first"]
    med_ratio = median([x["ratio"] for x in rounds])
    med_in = median([x["inprocess"]["files_per_s"] for x in rounds])
    med_mount = median([x["mount_fps"] for x in rounds])
    p("Throughput, %d rounds, each: the model in-process (VexFS's TextExtractor and embedder on one thread, as the "
      "daemon's one embed worker; read + extract + model of every file; default JVM flags, then once more with the "
      "daemon's: SerialGC, `-Xmn6m`, `-XX:TrimNativeHeapInterval=2000`, `MALLOC_ARENA_MAX=2`), then the same files "
      "through a fresh mount (`cp -r` start to the end of `echo sync`); all include the model's load:" % len(rounds))
    p("")
    med_dflags = median([x["dflags"]["files_per_s"] for x in rounds])
    med_cpu_ratio = median([x["cpu_ratio"] for x in rounds])
    p("| embedding %d files (%.1f MB) | in-process files/s | MB/s | in-process, the daemon's JVM flags: files/s | "
      "through the mount files/s | MB/s | mount ÷ in-process | CPU ms per file: in-process / daemon | "
      "others' load, cores: in-process / daemon flags / mount |" % (n, nbytes / 1e6))
    p("|---|---|---|---|---|---|---|---|---|")
    for k, x in enumerate(rounds, 1):
        p("| round %d | %.1f | %.2f | %.1f | %.1f | %.2f | %.2f | %.1f / %.1f | %.2f / %.2f / %.2f |" % (
            k, x["inprocess"]["files_per_s"], x["inprocess"]["mb_per_s"], x["dflags"]["files_per_s"], x["mount_fps"],
            x["mount_mbs"], x["ratio"], x["inprocess"]["cpu_ms_per_file"], 1e3 * x["mount"]["cpu_s"] / n,
            x["inprocess"]["others_cores"], x["dflags"]["others_cores"], x["mount"]["others_cores"]))
    p("| **median** | %.1f | %.2f | %.1f | %.1f | %.2f | **%.2f** | %.1f / %.1f | |" % (
        med_in, med_in * nbytes / 1e6 / n, med_dflags, med_mount, med_mount * nbytes / 1e6 / n, med_ratio,
        median([x["inprocess"]["cpu_ms_per_file"] for x in rounds]), median([1e3 * x["mount"]["cpu_s"] / n for x in rounds])))
    p("")
    tries = [l.split() for l in open(os.path.join(w, "attempts"))] if os.path.exists(os.path.join(w, "attempts")) else []
    again = [t for t in tries if int(t[2]) > 1]
    p("Others' load: the CPU the rest of the machine used during the pass (all CPUs' busy time from /proc/stat, less "
      "the measured process's: the JVM, or the daemon and `cp`), in cores. A pass during which it reached %s cores "
      "was run again (after waiting for a quieter moment), at most %d times, and the least disturbed run counts: "
      "%d of the %d passes were repeated (%d runs in all)." % (
          a.quiet, a.tries, len({(t[0], t[1]) for t in again}), 3 * len(rounds), len(tries)))
    p("")
    p("Files per CPU second (less sensitive to the machine's other load than the wall time), the mount ÷ in-process: "
      "%s, median %.2f. The daemon's own rate (stats `embed_files_per_s`: read + extract + model + store time, the "
      "first file left out): %s files/s, against %s in-process without its first file (ratios %s). The in-process "
      "pass that also searched: %.1f files/s." % (
          " / ".join("%.2f" % x["cpu_ratio"] for x in rounds), med_cpu_ratio,
          " / ".join("%.1f" % float(x["stats"]["embed_files_per_s"]) for x in rounds),
          " / ".join("%.1f" % x["inprocess"]["files_per_s_after_first"] for x in rounds),
          " / ".join("%.2f" % x["steady_ratio"] for x in rounds), qual["inprocess_embed"]["files_per_s"]))
    p("")
    p("Where the time goes, per round (seconds; through the mount from the daemon's stats, the rest = the wall time "
      "that is in neither: the 0.5 s debounce before the first file, each file's stat, mark and opt-out checks, the "
      "end of `echo sync`):")
    p("")
    p("| round | mount: wall | first file (model load) | read + extract + model | store | rest | in-process: wall | first file | read + extract + model | CPU ms per file: daemon / in-process |")
    p("|---|---|---|---|---|---|---|---|---|---|")
    for k, x in enumerate(rounds, 1):
        i, m = x["inprocess"], x["mount"]
        p("| %d | %.1f | %.2f | %.1f (%.1f ms/file) | %.1f (%.1f ms/file) | %.1f | %.1f | %.2f | %.1f (%.1f ms/file) | %.0f / %.0f |" % (
            k, m["wall_s"], x["d_first_s"], x["d_model_s"], x["d_model_ms"], x["d_store_s"], x["d_store_ms"],
            x["d_rest_s"], i["wall_s"], i["first_file_ms"] / 1e3, (n - 1) * x["i_work_ms"] / 1e3, x["i_work_ms"],
            1e3 * m["cpu_s"] / n, i["cpu_ms_per_file"]))
    p("")
    p("CPU seconds by thread while embedding (through the mount: the daemon's threads from the start of `cp -r` to "
      "the end of `echo sync`; in-process: the JVM's threads over the pass; native threads such as the model's "
      "ONNX Runtime threads carry the name of the thread that started them, so they count with the embed worker):")
    p("")
    p("| round | daemon: embed worker + model | JIT compilers | FUSE readers | graph indexer | other | in-process: embed worker + model | JIT compilers | other |")
    p("|---|---|---|---|---|---|---|---|---|")
    for k, x in enumerate(rounds, 1):
        d, ip = x["daemon_threads"], group(x["inprocess"]["thread_cpu_s"], "embed-")
        p("| %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |" % (
            k, d["embed"], d["jit"], d["fuse"], d["indexer"], d["other"], ip["embed"], ip["jit"], ip["other"]))
    p("")
    prof = {f: perf_table(os.path.join(w, "perf-%s.txt" % f), prefix)
            for f, prefix in (("mount", "vexfs-embed"), ("inprocess", "embed-"))
            if os.path.exists(os.path.join(w, "perf-%s.txt" % f))}
    if len(prof) == 2:
        libs = ["ONNX Runtime", "tokenizer", "Java code (JIT)", "JVM (compilers, GC, runtime)", "kernel", "libc",
                "other"]
        p("Profile of round 1 (`--perf`: `perf record -e cpu-clock -F 997`, the daemon from `cp -r` to the end of "
          "`echo sync`, the in-process JVM over its whole run), CPU seconds by library for the embed worker (and the "
          "model's threads) and for every other thread:")
        p("")
        p("| library | daemon: embed worker + model | daemon: other threads | in-process: embed worker + model | in-process: other threads |")
        p("|---|---|---|---|---|")
        for lib in libs + ["all"]:
            p("| %s | %.1f | %.1f | %.1f | %.1f |" % (lib, prof["mount"]["embed"].get(lib, 0), prof["mount"]["rest"].get(lib, 0),
                                                   prof["inprocess"]["embed"].get(lib, 0), prof["inprocess"]["rest"].get(lib, 0)))
        p("")
    i0, m0 = rounds[0]["inprocess"], rounds[-1]["mount"]
    p("In-process per file: read %.2f ms, extract %.2f ms (round 1). `cp -r` itself took %s s. Threads named after "
      "the embed worker (it, and the model's ONNX Runtime threads it started): daemon %d, in-process %d + the worker. "
      "Daemon VmRSS %d MiB before the first file, %d MiB after (RssAnon %d MiB)." % (
          i0["read_ms_per_file"], i0["extract_ms_per_file"], " / ".join("%.1f" % x["mount"]["cp_s"] for x in rounds),
          m0["threads_named_vexfs_embed"], i0["native_threads_named_like_worker"], m0["rss_before_mib"],
          m0["rss_after_mib"], m0["rss_anon_after_mib"]))
    p("")
    p("Load average (1 min) at the start and end of each phase: %s." % "; ".join(
        "%s %s→%s" % (k.replace("_", " "), v[0], v[1]) for k, v in loads.items()))
    print("\n".join(out))

    merged = {"command": a.command, "date": a.date, "commit": a.commit, "cores": int(a.cores), "load": a.load,
              "loads": loads, "seconds": int(a.seconds), "corpus": corpus,
              "rounds": [{"inprocess": x["inprocess"], "mount": x["mount"],
                          "mount_stats": {k: v for k, v in x["stats"].items() if k.startswith("embed_")},
                          "daemon_thread_cpu_s": x["daemon_threads"],
                          "inprocess_daemon_flags": x["dflags"], "ratio": x["ratio"], "cpu_ratio": x["cpu_ratio"]}
                         for x in rounds],
              "attempts": [l.split() for l in open(os.path.join(w, "attempts"))] if os.path.exists(os.path.join(w, "attempts")) else [],
              "median_ratio": med_ratio, "median_cpu_ratio": med_cpu_ratio, "perf_round1": prof, "search_times": search_t,
              "inprocess_quality": qual}
    if a.json:
        os.makedirs(os.path.dirname(a.json), exist_ok=True)
        with open(a.json, "w") as fh:
            json.dump(merged, fh, indent=1)
            fh.write("\n")
    if a.png:
        plot(a.png, rows, q, n, rounds, med_ratio, med_cpu_ratio, a)


def plot(png, rows, q, n, rounds, med_ratio, med_cpu_ratio, a):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, (ax, bx) = plt.subplots(1, 2, figsize=(12, 4.6), gridspec_kw={"width_ratios": [3, 2]})
    short = ["mount\n(ef default)", "mount\n(exhaustive)", "in-process\nexact", "BM25\nStandard", "BM25\nEnglish"]
    xs = range(len(rows))
    rec = [q[k]["recall_at_10"] for _, k in rows]
    mrr = [q[k]["mrr_at_10"] for _, k in rows]
    colors = ["#1f77b4", "#1f77b4", "#2ca02c", "#ff7f0e", "#ff7f0e"]
    b1 = ax.bar([x - 0.2 for x in xs], rec, 0.4, color=colors)
    b2 = ax.bar([x + 0.2 for x in xs], mrr, 0.4, color=colors, alpha=0.5, hatch="//")
    for bars in (b1, b2):
        for r in bars:
            ax.annotate("%.3f" % r.get_height(), (r.get_x() + r.get_width() / 2, r.get_height()), ha="center",
                        va="bottom", fontsize=7)
    ax.set_xticks(list(xs))
    ax.set_xticklabels(short, fontsize=8)
    low = max(0.0, math.floor((min(rec + mrr) - 0.05) * 10) / 10)
    ax.set_ylim(low, 1.0 + (1.0 - low) * 0.08)
    if low > 0:
        ax.set_ylabel("(the axis starts at %.1f)" % low, fontsize=8)
    ax.set_title("retrieval quality, %d man pages (query = NAME description)" % n, fontsize=10)
    ax.legend(handles=[b1, b2], labels=["recall@10 (solid)", "MRR@10 (hatched)"], fontsize=8, loc="lower left")
    k = len(rounds)
    bx.bar([r - 0.27 for r in range(k)], [x["inprocess"]["files_per_s"] for x in rounds], 0.27, color="#2ca02c",
           label="in-process (1 thread)")
    bx.bar([r for r in range(k)], [x["dflags"]["files_per_s"] for x in rounds], 0.27, color="#98df8a",
           label="in-process, daemon JVM flags")
    bm = bx.bar([r + 0.27 for r in range(k)], [x["mount_fps"] for x in rounds], 0.27, color="#1f77b4",
                label="through the mount (cp -r + sync)")
    for j, (r, x) in enumerate(zip(bm, rounds)):
        bx.annotate("%.2f×" % x["ratio"], (r.get_x() + r.get_width() / 2, r.get_height()), ha="center", va="bottom",
                    fontsize=8)
        bx.hlines(0.9 * x["inprocess"]["files_per_s"], r.get_x(), r.get_x() + r.get_width(), colors="black",
                  linestyles="dashed", lw=1, label="0.9 × in-process (the target)" if j == 0 else None)
    bx.set_xticks(range(k))
    bx.set_xticklabels(["round %d" % (r + 1) for r in range(k)], fontsize=8)
    bx.set_ylabel("files/s (model load included)", fontsize=8)
    top = max([x["inprocess"]["files_per_s"] for x in rounds] + [x["mount_fps"] for x in rounds]
              + [x["dflags"]["files_per_s"] for x in rounds])
    bx.set_ylim(0, top * 1.3)
    bx.legend(fontsize=7, loc="upper left")
    bx.set_title("embedding throughput, mount ÷ in-process: median %.2f×\n(files per CPU second: %.2f×)" % (
        med_ratio, med_cpu_ratio), fontsize=10)
    fig.suptitle("%s — %s, commit %s, %s cores, load average %s" % (a.command, a.date, a.commit, a.cores, a.load.split()[0]),
                 fontsize=9)
    fig.tight_layout()
    os.makedirs(os.path.dirname(png), exist_ok=True)
    fig.savefig(png, dpi=110)


if __name__ == "__main__":
    main()
