#!/usr/bin/env python3
"""What build-time syntax highlighting costs a whole build.

Builds the generated corpus with three 20-line code blocks on every page (generate.py
--code-blocks 3, ten languages) twice per round, alternating: once as generated
with [markdown] highlight = true (the default) and once from a copy whose bengal.toml sets
highlight = false. Prints a Markdown table (median wall time, CPU, peak RSS, overhead) for
bench/RESULTS.md. The budget is +25% wall time at 10K pages.

    bench/highlight_overhead.py [--sizes 10K] [--runs 3] [--threads 2] [--bengal build/bengal]
"""
import os
import shutil

import benchlib as bl


def main():
    ap = bl.parser(__doc__, "10K", "variant", "/dev/shm/bengal-bench-corpora")
    ap.add_argument("--threads", type=int, default=2, help="render threads (default 2)")
    args, sizes, bengal, stamp = bl.parse(ap)
    info = bl.machine()
    rows = []
    for pages in sizes:
        label = bl.size_label(pages)
        corpus = os.path.join(args.workdir, f"code-{label}-seed{args.seed}")
        bl.generate_corpus(corpus, pages, args.seed, ["--code-blocks", "3"])
        # Both variants are fresh copies, so the generated corpus (reused by the next run)
        # never gets a second [markdown] table appended.
        on, off = corpus + "-highlight", corpus + "-plain"
        for folder in (on, off):
            shutil.rmtree(folder, ignore_errors=True)
            shutil.copytree(corpus, folder)
        for folder, value in ((on, "true"), (off, "false")):
            with open(os.path.join(folder, "bengal.toml"), "a") as f:
                f.write(f"\n[markdown]\nhighlight = {value}\n")
        site = {"highlight": on, "plain": off}
        out = {n: os.path.join(args.outdir, f"hl-{label}-{n}") for n in site}
        runs = bl.alternating_runs(
            label, ["highlight", "plain"], range(1, args.runs + 1),
            lambda n: [bengal, "build", site[n], "-o", out[n], "-q", "--threads",
                       str(args.threads)],
            lambda n: out[n])
        if bl.binary_stamp(bengal) != stamp:
            raise SystemExit("error: bengal was rebuilt during the benchmark; run again")
        med = {n: bl.median([r.wall for r in runs[n]]) for n in runs}
        cpu = {n: bl.median([r.cpu for r in runs[n]]) for n in runs}
        rss = {n: max(r.rss_kb for r in runs[n]) for n in runs}
        for n in ["plain", "highlight"]:
            overhead = "" if n == "plain" else f"+{(med[n] / med['plain'] - 1) * 100:.1f}%"
            rows.append([label, n, bl.fmt_s(med[n]), bl.fmt_s(cpu[n]), bl.fmt_mb(rss[n]),
                         overhead])
        for n in out:
            shutil.rmtree(out[n], ignore_errors=True)
    print(f"{info['date']}, commit {info['commit']}, {info['machine']}, load {info['load']}, "
          f"--threads {args.threads}, median of {args.runs}\n")
    print(bl.table(["pages", "variant", ">wall", ">CPU", ">peak RSS", ">overhead"], rows))


if __name__ == "__main__":
    main()
