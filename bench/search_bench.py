#!/usr/bin/env python3
"""What the sharded search index (search/) costs and what a first search transfers.

Builds the generated corpus twice, with [search] sharded on and off (the same site otherwise,
index.json written both times), and reports the wall time and peak RSS of each, the size of
search/, its file count and biggest shard; then runs bench/search_transfer.py for a common
word, a rare word and a title word of the corpus.

  bench/search_bench.py [--pages 50000] [--bengal build-rel/bengal] [--dir /tmp/corpus]
"""
import argparse
import os
import shutil
import subprocess
import sys

import benchlib


def folder_stats(root):
    files, total, biggest = 0, 0, ("", 0)
    for dirpath, _, names in os.walk(root):
        for n in names:
            size = os.path.getsize(os.path.join(dirpath, n))
            files += 1
            total += size
            if "/t" in dirpath and size > biggest[1]:
                biggest = (os.path.relpath(os.path.join(dirpath, n), root), size)
    return files, total, biggest


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=50000)
    ap.add_argument("--bengal", default=benchlib.DEFAULT_BENGAL)
    ap.add_argument("--dir", default=None)
    ap.add_argument("--queries", nargs="*", default=["lorem", "quantum", "section"])
    args = ap.parse_args()
    site = args.dir or f"/tmp/bengal-search-{benchlib.size_label(args.pages)}"
    benchlib.generate_corpus(site, args.pages)
    config = os.path.join(site, "bengal.toml")
    with open(config) as f:
        base = f.read().split("\n[search]")[0]
    out = os.path.join(site, "public")
    runs = {}
    for sharded in ("false", "true"):
        with open(config, "w") as f:
            f.write(base + f"\n[search]\nsharded = {sharded}\n")
        run = benchlib.measure([args.bengal, "build", site, "-q"], clean=out)
        if run.returncode != 0:
            sys.exit(run.output)
        runs[sharded] = run
        print(f"sharded = {sharded}: {run.wall:.2f} s wall, {run.rss_kb / 1024:.0f} MB peak RSS")
    files, total, biggest = folder_stats(os.path.join(out, "search"))
    print(f"search/: {files} files, {total / 1e6:.1f} MB; biggest shard {biggest[0]} "
          f"{biggest[1] / 1024:.1f} KiB; index.json {os.path.getsize(os.path.join(out, 'index.json')) / 1e6:.1f} MB")
    print(f"added: {runs['true'].wall - runs['false'].wall:+.2f} s, "
          f"{(runs['true'].rss_kb - runs['false'].rss_kb) / 1024:+.0f} MB peak RSS")
    subprocess.run([sys.executable, os.path.join(benchlib.BENCH_DIR, "search_transfer.py"), out]
                   + args.queries, check=True)


if __name__ == "__main__":
    main()
