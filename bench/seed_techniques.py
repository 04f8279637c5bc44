#!/usr/bin/env python3
"""One of the seed's techniques on and off, on the same binary (issue 18): each technique is
first built behind an environment switch (`--switch NAME` sets NAME=1 for "on", NAME=0 for
"off"), measured here, and kept only if it helps. bench/RESULTS.md, "The seed's techniques,
measured", records what was measured and decided.

For each site folder and each set of extra build arguments it first builds once with the
switch off and once on and checks that both write the same bytes, then alternates timed
`bengal build --no-cache` runs from a clean output folder. It reports the medians of CPU time
(user + system, the figure that holds up on a shared machine), wall time and peak RSS, and the
content store's warm-tier hits and misses from build-report.json.

  bench/seed_variants.sh /tmp/bengal-bench-theme/corpus-10K-pages /tmp/v10
  bench/seed_techniques.py --switch BENGAL_WARM_ZSTD --site /tmp/v10-fc \\
      --args "" --args "--cache-size-mb 4" --runs 3

Prints a Markdown table on stdout; progress goes to stderr.
"""
import argparse
import json
import os
import shlex
import shutil
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--switch", required=True, help="environment variable: 1 on, 0 off")
    ap.add_argument("--site", action="append", required=True, help="site folder (repeatable)")
    ap.add_argument("--args", action="append", default=None,
                    help="extra build arguments, one set per use (default: none)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--bengal", default=benchlib.DEFAULT_BENGAL)
    ap.add_argument("--outdir", default="/tmp/bengal-bench-seed",
                    help="output and report folders (not /dev/shm: it counts against RAM)")
    args = ap.parse_args()
    bengal = benchlib.ensure_bengal(args.bengal)
    version, info = benchlib.start(bengal, args.outdir)
    arg_sets = args.args or [""]
    names = ["off", "on"]
    rows, details = [], []
    for site in args.site:
        label = os.path.basename(site.rstrip("/"))
        for extra in arg_sets:
            out = {n: os.path.join(args.outdir, f"out-{n}") for n in names}
            rep = {n: os.path.join(args.outdir, f"report-{n}") for n in names}

            def cmd(n):
                return ([bengal, "build", site, "--no-cache", "-q", "-o", out[n],
                         "--report-dir", rep[n]] + shlex.split(extra))

            def env(n):
                e = dict(os.environ)
                e[args.switch] = "1" if n == "on" else "0"
                return e

            for n in names:
                r = benchlib.measure(cmd(n), clean=out[n], env=env(n))
                if r.returncode != 0:
                    sys.exit(f"error: {' '.join(cmd(n))} failed:\n{r.output}")
            if benchlib.tree_digest(out["off"]) != benchlib.tree_digest(out["on"]):
                sys.exit(f"error: {label} {extra}: the outputs differ, e.g. "
                         f"{benchlib.differing_files(out['off'], out['on'])}")
            runs = benchlib.alternating_runs(f"{label} {extra}".strip(), names,
                                             range(1, args.runs + 1), cmd,
                                             lambda n: out[n], env)
            for n in names:
                with open(os.path.join(rep[n], "build-report.json")) as f:
                    warm = json.load(f)["content_store"]["warm"]
                rs = runs[n]
                rows.append(f"| {label} | `{extra}` | {n} | "
                            f"{benchlib.median([r.cpu for r in rs]):.2f} s | "
                            f"{benchlib.fmt_s(benchlib.median([r.wall for r in rs]))} | "
                            f"{benchlib.fmt_mb(benchlib.median([r.rss_kb for r in rs]))} | "
                            f"{warm['hits']:,} / {warm['misses']:,} | "
                            f"{warm['resident_bytes'] / 1e6:.1f} MB |")
                details.append(f"- {label} `{extra}` {n}: CPU "
                               + ", ".join(f"{r.cpu:.2f}" for r in rs) + " s; wall "
                               + ", ".join(f"{r.wall:.2f}" for r in rs) + " s; peak RSS "
                               + ", ".join(benchlib.fmt_mb(r.rss_kb) for r in rs))
            for n in names:
                shutil.rmtree(out[n], ignore_errors=True)
    print(f"{info['date']}, {info['commit']}, {version}; {info['machine']}; load average "
          f"{info['load']} at start; `{args.switch}` off/on, median of {args.runs} alternating "
          "runs after one untimed build of each (outputs checked identical).\n")
    print("| site | extra arguments | switch | CPU (user+sys) | wall | peak RSS "
          "| warm hits / misses | warm resident |")
    print("|---|---|---|---:|---:|---:|---:|---:|")
    print("\n".join(rows))
    print("\nRuns:")
    print("\n".join(details))


if __name__ == "__main__":
    main()
