#!/usr/bin/env python3
"""Whole streaming builds of 100K and 1M pages: wall and CPU time, peak RSS, the index's bytes
a page and the time and RSS of each phase (from `bengal build --report`).

The issue's target is 1M pages on 2 cores in at most 1 GB of peak RSS and 5 minutes. Two
themes: `lean` is bench/compare/bengal-theme (the pages of the Hugo comparison: a page, its
tags and five related pages, paginated lists, feeds, sitemap), `default` is bengal's own theme
with search and llms.txt (about 20 KB of HTML a page: at 1M pages, 30 GB of output).

    bench/million.py                                  # 100K and 1M, lean theme, one run each
    bench/million.py --sizes 100K --themes lean,default --runs 3
    bench/million.py --sizes 1M --outdir /tmp/bengal-bench-out   # outputs on disk
    bench/million.py --sizes 1M --outdir /tmp/bengal-bench-out --cached-sources

`--cached-sources` reads every file of the corpus before each build (untimed), so that the
build finds its sources in the page cache, as a CI job does right after its checkout; without
it, a 1M build after another's 25 GB of output reads a million files from the disk, twice
(bench/RESULTS.md, "What the disk allows").

The corpus is `generate.py --pages N` (seed 1; 1M pages take about 6 minutes and 7.5 GB).
Each run builds cold (`--no-cache`) into an emptied output folder. The Markdown table goes to
stdout, progress to stderr.
"""
import json
import os
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "compare"))
import benchlib  # noqa: E402
import compare  # noqa: E402

PHASES = ("discover", "index", "graph", "plan", "render", "finalize")


def use_theme(site, theme):
    """Points the corpus's bengal.toml at `theme` (idempotent)."""
    if theme == "lean":
        compare.prepare(site)
        return
    path = os.path.join(site, "bengal.toml")
    with open(path) as f:
        text = f.read().split(compare.MARKER)[0].rstrip("\n") + "\n"
    with open(path, "w") as f:
        f.write(text)


def read_sources(site):
    """Reads every file under `site` once, two readers at a time, so that it is in the page
    cache: a million small files take about a minute when cached, three when not."""
    find = subprocess.Popen(["find", site, "-type", "f", "-print0"], stdout=subprocess.PIPE)
    subprocess.run(["xargs", "-0", "-n", "2000", "-P", "2", "cat"], stdin=find.stdout,
                   stdout=subprocess.DEVNULL, check=True)
    find.stdout.close()
    if find.wait() != 0:
        sys.exit(f"error: cannot list {site}")


def phase_figures(report):
    """Seconds and end RSS of each phase, the render batches summed into one."""
    seconds = dict.fromkeys(PHASES, 0.0)
    rss = dict.fromkeys(PHASES, 0)
    for p in report["phases"]:
        name = "render" if p["name"].startswith("render ") else p["name"]
        if name in seconds:
            seconds[name] += p["seconds"]
            rss[name] = max(rss[name], p["rss_bytes"])
    return seconds, rss


def main():
    ap = benchlib.parser(__doc__, "100K,1M", "size and theme", "/tmp/bengal-bench-million")
    ap.add_argument("--themes", default="lean", help="lean, default or both (comma-separated)")
    ap.add_argument("--cached-sources", action="store_true",
                    help="read the corpus into the page cache before each build (untimed)")
    ap.set_defaults(runs=1)
    args, sizes, bengal, stamp = benchlib.parse(ap)
    themes = [t for t in args.themes.split(",") if t]
    if any(t not in ("lean", "default") for t in themes):
        ap.error("--themes takes lean and default")
    version, info = benchlib.start(bengal, args.workdir)
    rows, runs_log = [], []
    for pages in sizes:
        label = benchlib.size_label(pages)
        site = os.path.join(args.workdir, f"corpus-{label}")
        benchlib.generate_corpus(site, pages, args.seed)
        for theme in themes:
            use_theme(site, theme)
            out = os.path.join(args.outdir, f"million-{label}-{theme}")
            report_dir = os.path.join(args.workdir, f"report-{label}-{theme}")
            runs = []
            for i in range(args.runs):
                benchlib.log(f"{label} {theme}: run {i + 1} of {args.runs}")
                if benchlib.binary_stamp(bengal) != stamp:
                    sys.exit("error: the bengal binary changed during the benchmark")
                # The last run's output goes before the corpus is read: deleting 25 GB
                # afterwards would take sources back out of the page cache.
                shutil.rmtree(out, ignore_errors=True)
                if args.cached_sources:
                    read_sources(site)
                run = benchlib.measure([bengal, "build", site, "-o", out, "-q", "--no-cache",
                                        "--report-dir", report_dir])
                if run.returncode != 0:
                    sys.exit(f"error: the build failed:\n{run.output}")
                with open(os.path.join(report_dir, "build-report.json")) as f:
                    report = json.load(f)
                runs.append((run, report))
                runs_log.append(f"- {label} {theme}: wall {run.wall:.1f} s, CPU {run.cpu:.1f} s, "
                                f"peak RSS {benchlib.fmt_mb(run.rss_kb)}")
            run, report = sorted(runs, key=lambda r: r[0].wall)[len(runs) // 2]
            seconds, rss = phase_figures(report)
            regular = report["pages"].get("regular", 0) + report["pages"].get("section", 0) + \
                report["pages"].get("home", 0)
            html = benchlib.count_files(out)
            peak_mb = run.rss_kb / 1024
            rows.append([info["date"], info["commit"], f"{pages:,}", theme, f"{html:,}",
                         benchlib.fmt_s(run.wall), benchlib.fmt_s(run.cpu),
                         benchlib.fmt_mb(run.rss_kb),
                         f"{report['index_bytes'] // max(regular, 1)} B",
                         f"{report.get('index_cold_bytes', 0) / 1e6:.0f} MB"] +
                        [f"{seconds[p]:.1f} s / {rss[p] / 2**20:.0f} MB" for p in PHASES] +
                        ["yes" if peak_mb <= 1024 and run.wall <= 300 else "no"])
            shutil.rmtree(out, ignore_errors=True)
    cached = "; sources read into the page cache before each build" if args.cached_sources else ""
    print(f"Machine: {info['machine']}; load average {info['load']} at start; {version}; "
          f"median of {args.runs} run(s); outputs in {args.outdir}{cached}.\n")
    print(benchlib.table(
        ["date", "commit", ">pages", "theme", ">HTML files", ">wall", ">CPU", ">peak RSS",
         ">index a page", ">index text on disk"] + [f">{p} (time / RSS at end)" for p in PHASES] +
        ["1 GB and 5 min met"], rows))
    print("\nRuns:\n" + "\n".join(runs_log))


if __name__ == "__main__":
    main()
