#!/usr/bin/env python3
"""`bengal build --memory-limit` as a ceiling: for each size, the peak RSS of a build under
three limits stays at or under the limit, and each writes the same site as a build without one.

For each size it first asks bengal for the smallest limit the site builds in (a build with a
1 MB limit is refused, naming it: "raise --memory-limit ... to NMB or more"), then builds
  - without a limit (the reference site and its peak),
  - at N MB (the smallest workable), 1.25 N and 1.6 N (a middle and a generous one),
  - 1 MB under the need the refusal states, which must be refused before anything is
    written (exit 1),
each once with `--no-cache`, and records exit code, wall, CPU (user + system), peak RSS
(/usr/bin/time -v), whether the peak stayed at or under the limit and whether the output
equals the unlimited build's. Outputs go to a folder on disk (--outdir): files in /dev/shm
would count against the machine's memory.

Prints a Markdown table for bench/RESULTS.md on stdout; progress goes to stderr.
"""
import os
import re
import sys

# No __pycache__ in the source tree from importing the shared helpers.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402

MB = 1 << 20


def smallest_limit_mb(bengal, site, out):
    """The limit the refusal names for `site` (in MB) and the need it states (MB, rounded
    down): the build is refused below the need, and the named limit leaves room for the next
    run measuring its index a little larger."""
    run = benchlib.measure([bengal, "build", site, "-o", out, "--no-cache", "-q",
                            "--memory-limit", "1MB"], clean=out)
    m = re.search(r"needs at least (\d+)\.\d MB; raise --memory-limit \(or \[build\] "
                  r"memory_limit\) to (\d+)MB or more", run.output)
    if run.returncode == 0 or not m:
        sys.exit(f"error: a 1MB limit was not refused as expected:\n{run.output}")
    return int(m.group(2)), int(m.group(1))


def main():
    ap = benchlib.parser(__doc__, "10K,50K,100K", "limit", "/tmp/bengal-bench-memlimit")
    ap.set_defaults(outdir="/tmp/bengal-bench-memlimit/out")
    args, sizes, bengal, stamp = benchlib.parse(ap)
    version, info = benchlib.start(bengal, args.workdir)
    os.makedirs(args.outdir, exist_ok=True)

    rows, failed = [], False

    def add_row(row):
        # Logged as made too: a long run stopped halfway keeps the rows it measured.
        rows.append(row)
        benchlib.log("| " + " | ".join(row) + " |")

    for pages in sizes:
        label = benchlib.size_label(pages)
        site = os.path.join(args.workdir, f"corpus-{label}")
        benchlib.generate_corpus(site, pages, args.seed)
        out_of = lambda name: os.path.join(args.outdir, f"out-{label}-{name}")  # noqa: E731

        def build(name, limit_mb=None):
            cmd = [bengal, "build", site, "-o", out_of(name), "--no-cache", "-q"]
            if limit_mb is not None:
                cmd += ["--memory-limit", f"{limit_mb}MB"]
            benchlib.log(f"{label}: {name}")
            return benchlib.measure(cmd, clean=out_of(name))

        smallest, need = smallest_limit_mb(bengal, site, out_of("probe"))
        reference = build("unlimited")
        if reference.returncode != 0:
            sys.exit(f"error: the build without a limit failed:\n{reference.output}")
        digest = benchlib.tree_digest(out_of("unlimited"))
        add_row([f"{pages:,}", "none", "0", benchlib.fmt_s(reference.wall),
                 f"{reference.cpu:.1f} s", benchlib.fmt_mb(reference.rss_kb), "", "reference"])
        limits = [("smallest", smallest), ("middle", round(smallest * 1.25)),
                  ("generous", round(smallest * 1.6)), ("refused", need - 1)]
        for name, limit in limits:
            run = build(name, limit)
            under = run.rss_kb * 1024 <= limit * MB
            if name == "refused":
                wrote = os.path.exists(out_of(name)) and any(os.scandir(out_of(name)))
                ok = run.returncode == 1 and not wrote
                same = "nothing written" if not wrote else "**wrote files**"
            else:
                ok = run.returncode == 0 and under
                equal = benchlib.tree_digest(out_of(name)) == digest
                ok = ok and equal
                same = "yes" if equal else "**no**: " + ", ".join(
                    benchlib.differing_files(out_of("unlimited"), out_of(name)))
            failed = failed or not ok
            add_row([f"{pages:,}", f"{limit} MB ({name})", str(run.returncode),
                     benchlib.fmt_s(run.wall), f"{run.cpu:.1f} s", benchlib.fmt_mb(run.rss_kb),
                     "yes" if under else "**no**", same])
        if benchlib.binary_stamp(bengal) != stamp:
            sys.exit(f"error: {bengal} changed during the benchmark; run it again")

    print(f"Machine: {info['machine']}; load average {info['load']} at start; {version}; "
          f"commit {info['commit']}; {info['date']}; one run each, `--no-cache`, output on "
          f"disk.\n")
    print(benchlib.table(
        [">pages", "limit", ">exit", ">wall", ">CPU (user+sys)", ">peak RSS", "peak <= limit",
         "output equal to the unlimited build"], rows))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
