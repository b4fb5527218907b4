#!/usr/bin/env python3
"""The report of scripts/bench embed: markdown on stdout, and optionally the plot (PNG) and the figures (JSON).

usage: embed_report.py --work DIR --command CMD --date D --load L --commit C --cores N --seconds S
                       [--png FILE] [--json FILE]

Reads what the run left in DIR: corpus.json (embed_corpus.py), mount.json + stats.json (the mount's copy and sync),
mount.tsv.json (search times), inproc-before.json, inproc-daemon-flags.json, inproc-after.json (EmbedQualityBench)
and loads (phase, load average at its start and end).
"""
import argparse
import json
import os


def load(work, name):
    with open(os.path.join(work, name)) as fh:
        return json.load(fh)


def main():
    ap = argparse.ArgumentParser()
    for a in ("--work", "--command", "--date", "--load", "--commit", "--cores", "--seconds"):
        ap.add_argument(a, required=True)
    ap.add_argument("--png")
    ap.add_argument("--json")
    a = ap.parse_args()
    w = a.work
    corpus, mount, stats = load(w, "corpus.json"), load(w, "mount.json"), load(w, "stats.json")
    search_t = load(w, "mount.tsv.json")
    before, dflags, after = load(w, "inproc-before.json"), load(w, "inproc-daemon-flags.json"), load(w, "inproc-after.json")
    after_search = load(w, "stats-after-search.json")
    loads = {}
    for line in open(os.path.join(w, "loads")):
        f = line.split()
        loads[f[0]] = (f[1], f[2])
    q = after["quality"]
    n, nq = mount["files"], after["queries"]
    ef, ef_x = mount["ef_default"], search_t["exhaustive"]["ef"]
    gcloud = sum(1 for f in os.listdir(os.path.join(w, "docs")) if f.startswith("gcloud"))

    rows = [("VexFS through the mount (HNSW, the volume's ef = %d)" % ef, "mount_default"),
            ("VexFS through the mount (ef = %d: exhaustive)" % ef_x, "mount_exhaustive"),
            ("same model in-process, exact search", "inprocess_exact"),
            ("Lucene BM25, StandardAnalyzer", "bm25_standard"),
            ("Lucene BM25, EnglishAnalyzer", "bm25_english")]
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
              gcloud, n, corpus["gcloud_pages_in_dir"], corpus["pages_in_dir"]))
          if gcloud else "",
          mount["bytes"] / 1048576, left["empty_description"] + left["short_or_no_name"], left["same_text"],
          left["same_description"]))
    p("")
    p("| method | queries | recall@10 | MRR@10 |")
    p("|---|---|---|---|")
    for label, key in rows:
        m = q[key]
        p("| %s | %d | %.3f | %.3f |" % (label, m["queries"], m["recall_at_10"], m["mrr_at_10"]))
    p("")
    vd, vx = after["mount_default_vs_exact"], after["mount_exhaustive_vs_exact"]
    p("Through the mount against the same model in-process with exact search: the top-10 list is the same, in the "
      "same order, for %d of %d queries with ef = %d and %d of %d with ef = %d (the same ten files: %d and %d; the "
      "same up to files whose distances differ by less than 1e-6: %d and %d). The largest difference between a "
      "distance the mount reported and the in-process one of the same file: %.1e. The graph had %s unreachable "
      "nodes; %d searches answered through it, %d exactly. BM25 (StandardAnalyzer) over the first 8,000 characters "
      "of each page only, what the model sees: recall@10 %.3f, MRR@10 %.3f." % (
          vd["same_order"], nq, ef, vx["same_order"], nq, ef_x, vd["same_set"], vx["same_set"],
          vd["equal_up_to_ties_1e-6"], vx["equal_up_to_ties_1e-6"],
          max(vd["max_abs_distance_diff"], vx["max_abs_distance_diff"]),
          after_search.get("graph_unreachable_nodes", "?"), after_search.get("search_answers_graph", 0),
          after_search.get("search_answers_exact", 0),
          q["bm25_standard_model_cut"]["recall_at_10"], q["bm25_standard_model_cut"]["mrr_at_10"]))
    p("")
    p("A text query through the mount (Python client, the query embedded by the daemon): mean %.1f ms, p50 %.1f ms "
      "with ef = %d; mean %.1f ms with ef = %d. In-process: embedding a query %.1f ms, the exact scan %.2f ms, "
      "BM25 %.2f ms (StandardAnalyzer) per query." % (
          search_t["default"]["mean_ms"], search_t["default"]["p50_ms"], ef, search_t["exhaustive"]["mean_ms"],
          ef_x, after["query_embed_ms_per_query"], after["exact_search_ms_per_query"],
          after["bm25_standard_timing"]["search_ms_per_query"]))
    p("")

    ib, ia, idf = before["inprocess_embed"], after["inprocess_embed"], dflags["inprocess_embed"]
    ref = (ib["files_per_s"] + ia["files_per_s"]) / 2
    ref_mb = (ib["mb_per_s"] + ia["mb_per_s"]) / 2
    ref_steady = (ib["files_per_s_after_first"] + ia["files_per_s_after_first"]) / 2
    mfps, mmbs = n / mount["wall_s"], mount["bytes"] / 1e6 / mount["wall_s"]
    st = stats
    d_fps = float(st["embed_files_per_s"])
    d_model, d_store = float(st["embed_read_and_model_ms_per_file"]), float(st["embed_store_ms_per_file"])
    p("| embedding %d files (%.1f MB) | files/s | MB/s | × in-process |" % (n, mount["bytes"] / 1e6))
    p("|---|---|---|---|")
    p("| through the mount: `cp -r` start to the end of `echo sync` (%.1f s; the model's load included) | %.1f | %.2f | **%.2f** |" % (
        mount["wall_s"], mfps, mmbs, mfps / ref))
    p("| same model in-process, 1 thread (the daemon's one embed worker), default JVM flags: mean of the runs "
      "before (%.1f) and after (%.1f) the mount, the model's load included | %.1f | %.2f | 1.00 |" % (
          ib["files_per_s"], ia["files_per_s"], ref, ref_mb))
    p("| in-process, 1 thread, with the daemon's JVM flags (SerialGC, -Xmn6m, MALLOC_ARENA_MAX=2) | %.1f | %.2f | %.2f |" % (
        idf["files_per_s"], idf["mb_per_s"], idf["files_per_s"] / ref))
    p("| the daemon's own rate (stats `embed_files_per_s`: read + extract + model + store time, the first file "
      "left out) | %.1f | | %.2f of in-process without its first file (%.1f) |" % (d_fps, d_fps / ref_steady, ref_steady))
    p("")
    p("Per file, the first (model load) left out: the daemon %.1f ms read + extract + model and %.1f ms store "
      "(stats); in-process %.2f ms read, %.2f ms extract, %.1f ms model (before the mount) / %.1f ms (after). "
      "First file, the model's load in it: daemon %s ms, in-process %.0f / %.0f ms. CPU time per file: the "
      "daemon %.0f ms (all its threads, cp to sync: FUSE requests, embedding, store, graph inserts), in-process "
      "%.0f / %.0f ms (the whole JVM). Threads named after the embed worker (it, and the model's ONNX Runtime "
      "threads it started): daemon %d, in-process %d + the worker. Daemon VmRSS %d MiB before the first file, "
      "%d MiB after (RssAnon %d MiB)." % (
          d_model, d_store, ib["read_ms_per_file"], ib["extract_ms_per_file"], ib["model_ms_per_file"],
          ia["model_ms_per_file"], st["embed_first_file_ms"], ib["first_file_ms"], ia["first_file_ms"],
          1e3 * mount["cpu_s"] / n, ib["cpu_ms_per_file"], ia["cpu_ms_per_file"],
          mount["threads_named_vexfs_embed"], ib["native_threads_named_like_worker"],
          mount["rss_before_mib"], mount["rss_after_mib"], mount["rss_anon_after_mib"]))
    p("")
    p("Load average (1 min) at the start and end of each phase: %s." % "; ".join(
        "%s %s→%s" % (k.replace("_", " "), v[0], v[1]) for k, v in loads.items()))
    print("\n".join(out))

    merged = {"command": a.command, "date": a.date, "commit": a.commit, "cores": int(a.cores), "load": a.load,
              "loads": loads, "seconds": int(a.seconds), "corpus": corpus, "mount": mount,
              "mount_stats": {k: v for k, v in stats.items() if k.startswith("embed_")}, "search_times": search_t,
              "inprocess_before": before, "inprocess_daemon_flags": dflags, "inprocess_after": after}
    if a.json:
        os.makedirs(os.path.dirname(a.json), exist_ok=True)
        with open(a.json, "w") as fh:
            json.dump(merged, fh, indent=1)
            fh.write("\n")
    if a.png:
        plot(a.png, rows, q, n, mfps, ref, idf["files_per_s"], ib["files_per_s"], ia["files_per_s"], a)


def plot(png, rows, q, n, mount_fps, ref, dflags_fps, before_fps, after_fps, a):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, (ax, bx) = plt.subplots(1, 2, figsize=(12, 4.6), gridspec_kw={"width_ratios": [3, 2]})
    short = ["mount\n(ef default)", "mount\n(exhaustive)", "in-process\nexact", "BM25\nStandard", "BM25\nEnglish"]
    xs = range(len(rows))
    rec = [q[k]["recall_at_10"] for _, k in rows]
    mrr = [q[k]["mrr_at_10"] for _, k in rows]
    colors = ["#1f77b4", "#1f77b4", "#2ca02c", "#ff7f0e", "#ff7f0e"]
    b1 = ax.bar([x - 0.2 for x in xs], rec, 0.4, label="recall@10", color=colors, alpha=0.95)
    b2 = ax.bar([x + 0.2 for x in xs], mrr, 0.4, label="MRR@10", color=colors, alpha=0.5, hatch="//")
    for bars in (b1, b2):
        for r in bars:
            ax.annotate("%.3f" % r.get_height(), (r.get_x() + r.get_width() / 2, r.get_height()), ha="center",
                        va="bottom", fontsize=7)
    ax.set_xticks(list(xs))
    ax.set_xticklabels(short, fontsize=8)
    ax.set_ylim(0, 1.08)
    ax.set_title("retrieval quality, %d man pages (query = NAME description)" % n, fontsize=10)
    ax.legend(handles=[b1, b2], labels=["recall@10 (solid)", "MRR@10 (hatched)"], fontsize=8, loc="lower left")
    labels = ["through\nthe mount", "in-process\n(before)", "in-process\n(after)", "in-process,\ndaemon flags"]
    vals = [mount_fps, before_fps, after_fps, dflags_fps]
    bars = bx.bar(range(4), vals, 0.6, color=["#1f77b4", "#2ca02c", "#2ca02c", "#98df8a"])
    for r, v in zip(bars, vals):
        bx.annotate("%.1f\n(%.2f×)" % (v, v / ref), (r.get_x() + r.get_width() / 2, v), ha="center", va="bottom",
                    fontsize=8)
    bx.axhline(0.9 * ref, color="grey", lw=0.8, ls="--")
    bx.annotate("0.9 × in-process", (3.3, 0.9 * ref), fontsize=7, color="grey", ha="right", va="bottom")
    bx.set_xticks(range(4))
    bx.set_xticklabels(labels, fontsize=8)
    bx.set_ylabel("files/s (1 embed thread, model load included)", fontsize=8)
    bx.set_ylim(0, max(vals) * 1.25)
    bx.set_title("embedding throughput (× = vs in-process mean)", fontsize=10)
    fig.suptitle("%s — %s, commit %s, %s cores, load %s" % (a.command, a.date, a.commit, a.cores, a.load.split()[0]),
                 fontsize=9)
    fig.tight_layout()
    os.makedirs(os.path.dirname(png), exist_ok=True)
    fig.savefig(png, dpi=110)


if __name__ == "__main__":
    main()
