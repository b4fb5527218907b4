#!/usr/bin/env python3
"""Text queries through a VexFS mount for scripts/bench embed, with the Python client (vexfs_client).

usage: embed_search.py MOUNT QUERIES OUT LABEL=EF [LABEL=EF ...]

QUERIES: "query TAB relevant" lines. Each query is searched as text (search(text=..., k=10)) once per LABEL=EF
("default=" for the volume's own ef, "exhaustive=1000"); OUT gets "label TAB query index TAB rank TAB distance
TAB path" lines, and OUT.json the time per query (query embedding in the daemon included) per label.
"""
import json
import sys
import time

from vexfs_client import Mount


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    mnt, queries_file, out = sys.argv[1:4]
    runs = [a.split("=", 1) for a in sys.argv[4:]]
    queries = [l.rstrip("\n").rsplit("\t", 1)[0] for l in open(queries_file, encoding="utf-8") if "\t" in l]
    m = Mount(mnt)
    timing = {}
    with open(out, "w", encoding="utf-8") as fh:
        for label, ef in runs:
            ef = int(ef) if ef else None
            lat = []
            t0 = time.monotonic()
            for i, q in enumerate(queries):
                s = time.perf_counter()
                hits = m.search(text=q, k=10, ef=ef)
                lat.append(time.perf_counter() - s)
                for h in hits:
                    fh.write("%s\t%d\t%d\t%r\t%s\n" % (label, i, h.rank, h.distance, h.path))
                if time.monotonic() - t0 > 10 or i + 1 == len(queries):
                    t0 = time.monotonic()
                    print("bench embed: searched %d/%d through the mount (%s)" % (i + 1, len(queries), label),
                          file=sys.stderr)
            lat.sort()
            timing[label] = {"ef": ef, "queries": len(queries), "mean_ms": 1e3 * sum(lat) / len(lat),
                             "p50_ms": 1e3 * lat[len(lat) // 2], "p99_ms": 1e3 * lat[min(len(lat) - 1, int(len(lat) * 0.99))]}
    with open(out + ".json", "w") as fh:
        json.dump(timing, fh, indent=1)


if __name__ == "__main__":
    main()
