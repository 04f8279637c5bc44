#!/usr/bin/env python3
"""Sharded builds (issue 18): a single build of the generated corpus, then the same site as N
shard jobs (`bengal build --shard K/N`, run one after another here; in CI each has a machine
of its own) and `bengal merge`. Checks that the merge equals the single build.

For each size and N it records each shard's wall time, peak RSS and pages, the slowest shard
(what a CI matrix waits for), the spread between shards, and the merge. Every job indexes the
whole site, so a shard's time is the index phase plus its 1/N of the rendering.

Prints a Markdown table for bench/RESULTS.md on stdout; progress goes to stderr.
"""
import os
import re
import shutil
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402

BUILT = re.compile(r"Built (\d+) pages")


def main():
    ap = benchlib.parser(__doc__, "10K,50K", "build", "/tmp/bengal-bench-theme")
    ap.add_argument("--shards", default="2,4", help="comma-separated shard counts (default 2,4)")
    args, sizes, bengal, stamp = benchlib.parse(ap)
    version, info = benchlib.start(bengal, args.workdir)
    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600")
    rows = []
    for pages in sizes:
        label = benchlib.size_label(pages)
        site = os.path.join(args.workdir, f"corpus-{label}-pages")
        benchlib.generate_corpus(site, pages, args.seed)
        single = os.path.join(args.outdir, f"shards-{label}-single")
        r = benchlib.measure([bengal, "build", site, "-o", single, "--no-cache"], clean=single,
                             env=env)
        if r.returncode != 0:
            sys.exit(f"error: the single build failed:\n{r.output}")
        benchlib.log(f"{label} single: {benchlib.fmt_s(r.wall)}")
        rows.append([label, "1 build", benchlib.fmt_s(r.wall), benchlib.fmt_mb(r.rss_kb), "", "",
                     ""])
        for n in [int(x) for x in args.shards.split(",")]:
            dirs, runs = [], []
            for k in range(1, n + 1):
                out = os.path.join(args.outdir, f"shards-{label}-{k}-of-{n}")
                r = benchlib.measure([bengal, "build", site, "-o", out, "--no-cache",
                                      "--shard", f"{k}/{n}"], clean=out, env=env)
                if r.returncode != 0:
                    sys.exit(f"error: shard {k}/{n} failed:\n{r.output}")
                dirs.append(out)
                runs.append(r)
            merged = os.path.join(args.outdir, f"shards-{label}-merged-{n}")
            m = benchlib.measure([bengal, "merge", merged] + dirs + ["--site", site],
                                 clean=merged, env=env)
            if m.returncode != 0:
                sys.exit(f"error: the merge failed:\n{m.output}")
            if benchlib.tree_digest(merged) != benchlib.tree_digest(single):
                sys.exit(f"error: the merge differs from the single build: "
                         f"{benchlib.differing_files(merged, single)}")
            if benchlib.binary_stamp(bengal) != stamp:
                sys.exit("error: the bengal binary changed during the benchmark")
            walls = [r.wall for r in runs]
            built = [int(BUILT.search(r.output).group(1)) for r in runs]
            benchlib.log(f"{label} {n} shards: {[benchlib.fmt_s(w) for w in walls]}, "
                         f"merge {benchlib.fmt_s(m.wall)}")
            rows.append([label, f"{n} shards + merge", benchlib.fmt_s(max(walls)),
                         benchlib.fmt_mb(max(r.rss_kb for r in runs)),
                         " / ".join(str(b) for b in built),
                         f"{100 * (max(walls) - min(walls)) / max(walls):.0f}%",
                         f"{benchlib.fmt_s(m.wall)}, {benchlib.fmt_mb(m.rss_kb)}"])
    print(f"{version}, {info['commit']}, {info['date']}; {info['machine']}; load {info['load']}; "
          f"one run each; shards one after another; outputs in {args.outdir}\n")
    print(benchlib.table(["site", "build", ">wall (slowest shard)", ">peak RSS",
                          ">pages per shard", ">shard spread", ">merge: wall, RSS"], rows))


if __name__ == "__main__":
    main()
