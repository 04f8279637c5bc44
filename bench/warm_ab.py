#!/usr/bin/env python3
"""Warm builds of two bengal binaries, interleaved: before each build one page's body gets a new
sentence, and each binary rebuilds its own output folder (its own cache), so a drift in the
machine's speed hits both alike. For changes of the warm path, where runs taken one after
another drift by more than the change (bench/RESULTS.md).

Prints a Markdown table of medians (wall, CPU, peak RSS and each phase of build-report.json)
on stdout; progress goes to stderr. Example:

    python3 bench/warm_ab.py /tmp/bengal-bench-incremental/site-50K /tmp/bengal-old build/bengal
"""
import argparse
import json
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402


def phases(report_dir):
    """Seconds by phase, the render batches summed as "render"."""
    with open(os.path.join(report_dir, "build-report.json")) as f:
        report = json.load(f)
    out = {}
    for p in report["phases"]:
        name = "render" if p["name"].startswith("render ") else p["name"]
        out[name] = out.get(name, 0) + p["seconds"]
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].replace("\n", " "))
    ap.add_argument("site", help="a site folder (a page of it is edited)")
    ap.add_argument("before", help="the bengal binary before the change")
    ap.add_argument("after", help="the bengal binary after it")
    ap.add_argument("--runs", type=int, default=6, help="warm builds of each binary (median)")
    ap.add_argument("--page", help="the page to edit, relative to content/ (default: the "
                    "middle one by path)")
    ap.add_argument("--outdir", default=benchlib.DEFAULT_OUTDIR,
                    help=f"output folders go here (default {benchlib.DEFAULT_OUTDIR})")
    args = ap.parse_args()
    pages = sorted(p for p in benchlib.relative_files(os.path.join(args.site, "content"), ".md")
                   if os.path.basename(p) != "_index.md")
    if not pages:
        sys.exit(f"error: {args.site}/content holds no page to edit")
    page = os.path.join(args.site, "content", args.page or pages[len(pages) // 2])
    if not os.path.isfile(page):
        sys.exit(f"error: {page} is no file")
    names = {"before": args.before, "after": args.after}
    out = {n: os.path.join(args.outdir, f"warm-ab-{n}") for n in names}
    reports = {n: os.path.join(args.outdir, f"warm-ab-{n}-report") for n in names}

    def command(name):
        return [names[name], "build", args.site, "-o", out[name], "-q", "--report-dir",
                reports[name]]

    info = benchlib.machine()
    benchlib.log(f"machine: {info['machine']}; load average {info['load']}; editing {page}")
    benchlib.untimed_builds(list(names), command, clean=lambda n: None)
    runs = {n: [] for n in names}
    times = {n: [] for n in names}
    for i in range(args.runs):
        order = list(names) if i % 2 == 0 else list(reversed(names))
        for name in order:
            with open(page, "a") as f:
                f.write(f"\nA sentence added for run {i} of {name}.\n")
            r = benchlib.measure(command(name))
            if r.returncode != 0:
                sys.exit(f"error: {name}: {' '.join(command(name))} failed:\n{r.output}")
            runs[name].append(r)
            times[name].append(phases(reports[name]))
            benchlib.log(f"run {i} {name}: {r.wall:.3f} s wall, {r.cpu:.2f} s CPU")
    phase_names = list(times["after"][0])
    rows = []
    for name in names:
        rs = runs[name]
        rows.append([name, benchlib.fmt_s(benchlib.median([r.wall for r in rs])),
                     benchlib.fmt_s(benchlib.median([r.cpu for r in rs])),
                     benchlib.fmt_mb(benchlib.median([r.rss_kb for r in rs]))] +
                    [benchlib.fmt_s(benchlib.median([t.get(p, 0) for t in times[name]]))
                     for p in phase_names])
    print(f"{info['date']}; {info['machine']}; load {info['load']}; median of {args.runs} "
          f"interleaved warm builds after a body edit of {os.path.relpath(page, args.site)}\n")
    print(benchlib.table(["binary", ">wall", ">CPU", ">peak RSS"] + [f">{p}" for p in phase_names],
                         rows))


if __name__ == "__main__":
    main()
