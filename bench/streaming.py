#!/usr/bin/env python3
"""bengal's two memory policies on the generated corpus: `build --memory-optimized`
(streaming: bodies are loaded, rendered, written and released batch by batch) against
`build --no-memory-optimized` (full: every body stays in memory). Run through
bench/streaming.sh.

For each size it records wall time and peak RSS of both (median of alternating runs), the
memory reduction 1 - streaming/full against the design's targets (50% at 1K, 70% at 4K, 80%
at 10K and beyond) and the streaming overhead, streaming time / full time (target <= 1.0).
Before timing, one build with each policy checks that both write byte-identical sites.

Prints a Markdown table for bench/RESULTS.md on stdout; progress goes to stderr.
"""
import os
import subprocess
import sys

# No __pycache__ in the source tree from importing the shared helpers.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402

POLICIES = {"full": "--no-memory-optimized", "streaming": "--memory-optimized"}


def reduction_target(pages):
    """The memory reduction the design asks of streaming at this size."""
    if pages < 4000:
        return 0.50
    if pages < 10000:
        return 0.70
    return 0.80


def main():
    ap = benchlib.parser(__doc__, "1K,4K,10K,50K", "policy", "/tmp/bengal-bench-streaming")
    ap.add_argument("--dry-run", action="store_true",
                    help="run both columns as a plain `bengal build` (for a binary without the "
                         "policy flags): exercises the script, measures nothing meaningful")
    args, sizes, bengal, stamp = benchlib.parse(ap)
    policies = dict(POLICIES)
    if args.dry_run:
        policies = {name: None for name in POLICIES}
    else:
        help_text = subprocess.run([bengal, "build", "--help"], capture_output=True,
                                   text=True).stdout
        missing = [flag for flag in POLICIES.values() if flag not in help_text]
        if missing:
            sys.exit(f"error: {bengal} build does not know {', '.join(missing)}; "
                     "use a newer binary (or --dry-run to exercise the script)")
    version, info = benchlib.start(bengal, args.workdir)

    rows, details, failed = [], [], False
    for pages in sizes:
        label = benchlib.size_label(pages)
        site = os.path.join(args.workdir, f"corpus-{label}")
        benchlib.generate_corpus(site, pages, args.seed)
        out = {name: os.path.join(args.outdir, f"out-{label}-{name}") for name in policies}

        def cmd(name):
            flag = policies[name]
            return [bengal, "build", site, "-o", out[name], "-q"] + ([flag] if flag else [])

        # The untimed first build of each policy warms the page cache and checks that the
        # policy changes memory and time only, never the site.
        benchlib.log(f"{label}: checking both policies (untimed warm-up)")
        benchlib.untimed_builds(policies, cmd, clean=lambda name: out[name])
        html = benchlib.count_files(out["full"])
        identical = benchlib.tree_digest(out["full"]) == benchlib.tree_digest(out["streaming"])
        if not identical:
            failed = True
            benchlib.log(f"  WARNING: the policies wrote different sites, e.g. "
                         f"{benchlib.differing_files(out['full'], out['streaming'])}")

        runs = benchlib.alternating_runs(label, ["full", "streaming"], range(1, args.runs + 1),
                                         cmd, clean=lambda name: out[name])

        if benchlib.binary_stamp(bengal) != stamp:
            sys.exit(f"error: {bengal} changed during the benchmark; run it again")
        fw = benchlib.median([r.wall for r in runs["full"]])
        sw = benchlib.median([r.wall for r in runs["streaming"]])
        fm = benchlib.median([r.rss_kb for r in runs["full"]])
        sm = benchlib.median([r.rss_kb for r in runs["streaming"]])
        reduction = 1 - sm / fm
        overhead = sw / fw
        target = reduction_target(pages)
        met = ("yes" if reduction >= target else "**no**") + \
              (" / yes" if overhead <= 1.0 else " / **no**")
        notes = [] if identical else ["OUTPUTS DIFFER"]
        if args.dry_run:
            notes.append("DRY RUN, no policy flags")
        rows.append([info["date"], info["commit"], f"{pages:,}", f"{html:,}",
                     benchlib.fmt_s(fw), benchlib.fmt_s(sw), benchlib.fmt_ratio(overhead),
                     benchlib.fmt_mb(fm), benchlib.fmt_mb(sm), f"{reduction:.0%}",
                     f"≥ {target:.0%}", met, "; ".join(notes)])
        for name in policies:
            details.append(f"- {label} {name}: wall " +
                           ", ".join(f"{r.wall:.3f}" for r in runs[name]) + " s; peak RSS " +
                           ", ".join(f"{r.rss_kb / 1024:.1f}" for r in runs[name]) + " MB")

    print(f"Machine: {info['machine']}; load average {info['load']} at start; {version}; "
          f"median of {args.runs} alternating runs each, after one untimed build of each.\n")
    print(benchlib.table(
        ["date", "commit", ">pages", ">HTML files", ">full wall", ">streaming wall",
         ">overhead (streaming ÷ full, target ≤ 1.00×)", ">full peak RSS",
         ">streaming peak RSS", ">reduction (1 − streaming ÷ full)", ">target",
         "memory / time target met", "notes"], rows))
    print("\nRuns:\n" + "\n".join(details))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
