#!/usr/bin/env python3
"""How freed memory goes back to the system in a streaming build: glibc with bengal's
malloc_trim after each render batch (what ships), glibc without the trim (malloc_trim
preloaded as a no-op from bench/no_trim.c), and jemalloc preloaded instead of glibc's malloc.

Builds the generated corpus with `bengal build --memory-optimized` in each variant,
alternating, and prints a Markdown table of median wall time and peak RSS for
bench/RESULTS.md. Run through bench/allocators.sh.
"""
import os
import subprocess
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
JEMALLOC = "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2"


def no_trim_library(workdir):
    lib = os.path.join(workdir, "no_trim.so")
    subprocess.run(["cc", "-O2", "-shared", "-fPIC", "-o", lib, os.path.join(HERE, "no_trim.c")],
                   check=True)
    return lib


def main():
    ap = benchlib.parser(__doc__, "10K,50K", "variant", "/tmp/bengal-bench-streaming")
    args, sizes, bengal, stamp = benchlib.parse(ap)
    os.makedirs(args.workdir, exist_ok=True)
    variants = {
        "glibc + malloc_trim": None,
        "glibc, no trim": no_trim_library(args.workdir),
        "jemalloc": JEMALLOC,
    }
    info = benchlib.machine()
    benchlib.log(f"machine: {info['machine']}; load average {info['load']}")
    rows = []
    for pages in sizes:
        label = benchlib.size_label(pages)
        site = os.path.join(args.workdir, f"corpus-{label}")
        benchlib.generate_corpus(site, pages, args.seed)
        out = os.path.join(args.outdir, f"out-{label}-allocators")
        cmd = [bengal, "build", site, "-o", out, "-q", "--memory-optimized"]

        def env(name):
            preload = {"LD_PRELOAD": variants[name]} if variants[name] else {}
            return dict(os.environ, **preload)

        # Round 0 is an untimed warm-up.
        runs = benchlib.alternating_runs(label, list(variants), range(args.runs + 1),
                                         lambda name: cmd, clean=lambda name: out, env=env)
        runs = {name: rs[1:] for name, rs in runs.items()}
        if benchlib.binary_stamp(bengal) != stamp:
            sys.exit(f"error: {bengal} changed during the benchmark; run it again")
        for name in variants:
            rows.append([info["date"], info["commit"], f"{pages:,}", name,
                         benchlib.fmt_s(benchlib.median([r.wall for r in runs[name]])),
                         benchlib.fmt_mb(benchlib.median([r.rss_kb for r in runs[name]]))])
    print(f"Machine: {info['machine']}; load average {info['load']} at start; median of "
          f"{args.runs} alternating runs each, after one untimed round.\n")
    print(benchlib.table(["date", "commit", ">pages", "allocator", ">wall", ">peak RSS"], rows))


if __name__ == "__main__":
    main()
