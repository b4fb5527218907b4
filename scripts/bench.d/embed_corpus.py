#!/usr/bin/env python3
"""The man-page corpus of scripts/bench embed: N section-1 pages rendered to text, and one query per page.

usage: embed_corpus.py OUT_DIR N [--seed S] [--man-dir DIR] [--exclude REGEX]

Pages are taken from DIR (default /usr/share/man/man1) in a seeded random order (symlinked aliases once), each
rendered with `man -l -P cat PAGE | col -bx` (MANWIDTH=80, LC_ALL=C.UTF-8, MANROFFOPT=-rHY=0: no hyphenation, so
words are whole), until N are kept; --exclude leaves out the files whose names match REGEX (re.search). Query = the page's
NAME description: the text of the NAME section after the first " - " ("tar - an archiving utility" gives "an
archiving utility"); relevant = that page. A page is left out when it renders to under 200 bytes or without a
NAME section, when its description is empty (no " - "), when its text equals an earlier page's (a .so alias), and
when another page has the same description (compared case- and space-insensitively): then both are left out,
since neither query could tell them apart.

Writes OUT_DIR/docs/<page>.txt (e.g. tar.1.txt), OUT_DIR/queries.tsv (description TAB /docs/<page>.txt, in
the order of the pages' names) and OUT_DIR/corpus.json (counts of what was left out and why). Progress on stderr.
"""
import concurrent.futures
import hashlib
import json
import os
import random
import re
import subprocess
import sys


def render(path):
    env = dict(os.environ, MANWIDTH="80", LC_ALL="C.UTF-8", MANROFFOPT="-rHY=0")
    man = subprocess.run(["man", "-l", "-P", "cat", path], env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL)
    col = subprocess.run(["col", "-bx"], input=man.stdout, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    return col.stdout


def description(text):
    """The NAME section's text after the first ' - ', on one line; None without a NAME section."""
    lines = text.decode("utf-8", errors="replace").splitlines()
    try:
        i = lines.index("NAME")
    except ValueError:
        return None
    body = []
    for line in lines[i + 1:]:
        if line and not line[0].isspace():
            break  # the next section heading
        if line.strip():
            body.append(line.strip())
    name = " ".join(body)
    return " ".join(name.split(" - ", 1)[1].split()) if " - " in name else ""


def main():
    args = sys.argv[1:]
    seed, man_dir = 19, "/usr/share/man/man1"
    if "--seed" in args:
        i = args.index("--seed")
        seed = int(args[i + 1])
        del args[i:i + 2]
    if "--man-dir" in args:
        i = args.index("--man-dir")
        man_dir = args[i + 1]
        del args[i:i + 2]
    exclude = None
    if "--exclude" in args:
        i = args.index("--exclude")
        exclude = re.compile(args[i + 1])
        del args[i:i + 2]
    if len(args) != 2 or args[0].startswith("-"):
        sys.exit(__doc__)
    out, want = args[0], int(args[1])
    docs = os.path.join(out, "docs")
    os.makedirs(docs, exist_ok=True)

    seen_real, pages = set(), []
    for f in sorted(os.listdir(man_dir)):
        p = os.path.join(man_dir, f)
        if not f.endswith(".gz") or not os.path.isfile(p) or (exclude and exclude.search(f)):
            continue
        real = os.path.realpath(p)
        if real in seen_real:
            continue
        seen_real.add(real)
        pages.append(p)
    random.Random(seed).shuffle(pages)

    why = {"short_or_no_name": 0, "empty_description": 0, "same_text": 0, "same_description": 0}
    kept = {}            # page stem -> (description, bytes)
    by_desc = {}         # normalised description -> stem, or None once it was seen twice
    hashes = set()
    looked = 0
    pool = concurrent.futures.ThreadPoolExecutor(max(1, min(4, os.cpu_count() or 1)))
    batch = 32
    pos = 0
    while len(kept) < want and pos < len(pages):
        chunk = pages[pos:pos + batch]
        pos += len(chunk)
        for p, text in zip(chunk, pool.map(render, chunk)):
            if len(kept) >= want:
                break
            looked += 1
            stem = os.path.basename(p)[:-3]
            desc = description(text) if len(text) > 200 else None
            if desc is None:
                why["short_or_no_name"] += 1
                continue
            if not desc:
                why["empty_description"] += 1
                continue
            h = hashlib.sha256(text).digest()
            if h in hashes:
                why["same_text"] += 1
                continue
            hashes.add(h)
            key = desc.lower()
            if key in by_desc:
                other = by_desc[key]
                why["same_description"] += 1
                if other is not None:
                    del kept[other]
                    os.unlink(os.path.join(docs, other + ".txt"))
                    why["same_description"] += 1
                    by_desc[key] = None
                continue
            by_desc[key] = stem
            with open(os.path.join(docs, stem + ".txt"), "wb") as fh:
                fh.write(text)
            kept[stem] = (desc, len(text))
        print("bench embed: corpus %d/%d pages (%d looked at)" % (len(kept), want, looked), file=sys.stderr)
    pool.shutdown()
    with open(os.path.join(out, "queries.tsv"), "w") as fh:
        for stem in sorted(kept):
            fh.write("%s\t/docs/%s.txt\n" % (kept[stem][0], stem))
    meta = {"man_dir": man_dir, "exclude": exclude.pattern if exclude else None, "pages_in_dir": len(pages),
            "gcloud_pages_in_dir": sum(1 for p in pages if os.path.basename(p).startswith("gcloud")), "seed": seed, "looked_at": looked, "kept": len(kept),
            "bytes": sum(b for _, b in kept.values()), "left_out": why}
    with open(os.path.join(out, "corpus.json"), "w") as fh:
        json.dump(meta, fh, indent=1)
    if len(kept) < want:
        print("bench embed: only %d usable pages in %s" % (len(kept), man_dir), file=sys.stderr)


if __name__ == "__main__":
    main()
