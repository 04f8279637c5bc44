#!/usr/bin/env python3
"""The bengal binary's allocator: jemalloc (what ships, CMake option BENGAL_JEMALLOC) against
glibc's malloc with bengal's release of freed memory after each streaming batch, and glibc
without it (malloc_trim preloaded as a no-op from bench/no_trim.c).

Builds the generated corpus with the default theme in the default memory mode and with
`--memory-optimized`, each variant alternating, and prints a Markdown table of median wall
time, CPU time and peak RSS for bench/RESULTS.md. The glibc variants run a second binary
built with `-DBENGAL_JEMALLOC=OFF` (`--glibc-bengal`, default build-glibc/bengal, which
bench/allocators.sh builds when it is missing). Run through bench/allocators.sh.
"""
import os
import subprocess
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
MODES = {"default": [], "memory-optimized": ["--memory-optimized"]}


def no_trim_library(workdir):
    lib = os.path.join(workdir, "no_trim.so")
    subprocess.run(["cc", "-O2", "-shared", "-fPIC", "-o", lib, os.path.join(HERE, "no_trim.c")],
                   check=True)
    return lib


def main():
    ap = benchlib.parser(__doc__, "10K,50K", "variant", "/tmp/bengal-bench-streaming")
    ap.add_argument("--glibc-bengal", default=os.path.join(benchlib.REPO, "build-glibc", "bengal"),
                    help="a bengal binary built with -DBENGAL_JEMALLOC=OFF")
    args, sizes, bengal, stamp = benchlib.parse(ap)
    glibc = os.path.abspath(args.glibc_bengal)
    if not os.access(glibc, os.X_OK):
        sys.exit(f"error: no glibc bengal binary at {glibc} (bench/allocators.sh builds one)")
    os.makedirs(args.workdir, exist_ok=True)
    # name -> (binary, LD_PRELOAD or None)
    variants = {
        "jemalloc (ships)": (bengal, None),
        "glibc + malloc_trim": (glibc, None),
        "glibc, no trim": (glibc, no_trim_library(args.workdir)),
    }
    info = benchlib.machine()
    benchlib.log(f"machine: {info['machine']}; load average {info['load']}")
    rows = []
    for pages in sizes:
        label = benchlib.size_label(pages)
        site = os.path.join(args.workdir, f"corpus-{label}")
        benchlib.generate_corpus(site, pages, args.seed)
        out = os.path.join(args.outdir, f"out-{label}-allocators")
        for mode, flags in MODES.items():
            def command(name):
                return [variants[name][0], "build", site, "-o", out, "-q", *flags]

            def env(name):
                preload = variants[name][1]
                return dict(os.environ, **({"LD_PRELOAD": preload} if preload else {}))

            # Round 0 is an untimed warm-up.
            runs = benchlib.alternating_runs(f"{label} {mode}", list(variants),
                                             range(args.runs + 1), command,
                                             clean=lambda name: out, env=env)
            runs = {name: rs[1:] for name, rs in runs.items()}
            for name in variants:
                rs = runs[name]
                rows.append([info["date"], info["commit"], f"{pages:,}", mode, name,
                             benchlib.fmt_s(benchlib.median([r.wall for r in rs])),
                             benchlib.fmt_s(benchlib.median([r.cpu for r in rs])),
                             benchlib.fmt_mb(benchlib.median([r.rss_kb for r in rs]))])
        if benchlib.binary_stamp(bengal) != stamp:
            sys.exit(f"error: {bengal} changed during the benchmark; run it again")
    print(f"Machine: {info['machine']}; load average {info['load']} at start; median of "
          f"{args.runs} alternating runs each, after one untimed round.\n")
    print(benchlib.table(["date", "commit", ">pages", "mode", "allocator", ">wall", ">CPU",
                          ">peak RSS"], rows))


if __name__ == "__main__":
    main()
