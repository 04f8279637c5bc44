#!/usr/bin/env python3
"""Incremental builds (issue 17): a cold build, an unchanged rebuild, and a rebuild after a
one-page body edit, a template edit and a data edit, on the generated corpus with the default
theme. Every warm build's output is compared with a cold build of the same sources.

For each size it records wall time, CPU time and peak RSS (medians of --runs), the renders
kept, and the warm ÷ cold ratio against issue 17's targets: after a one-page body edit, a warm
build of 10K pages takes at most 10% of the cold build and one of 50K pages at most 0.5 s, and
warm peak RSS is no higher than cold.

With --full-text the sites set [search] full_text = true: index.json then carries every
page's text (267 MB at 50K pages), which a warm build copies from the last index.json.

Prints a Markdown table for bench/RESULTS.md on stdout; progress goes to stderr.
"""
import os
import re
import shutil
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402

KEPT = re.compile(r"(\d+) of (\d+) renders kept")
TEMPLATE = "partials/prev_next.html"  # a partial every regular page uses
TEMPLATE_TEXT = "{# prev and next #}\n<nav class=\"prev-next-bench\"></nav>\n"


def kept(run):
    m = KEPT.search(run.output)
    return f"{m.group(1)} of {m.group(2)}" if m else "0"


def body_edit(site, n):
    """Appends a sentence to one page's body (a new sentence each time)."""
    page = sorted(p for p in benchlib.relative_files(os.path.join(site, "content"), ".md")
                  if "page-" in p)[len(site) % 97]
    with open(os.path.join(site, "content", page), "a") as f:
        f.write(f"\nAn added sentence, number {n}.\n")


def main():
    ap = benchlib.parser(__doc__, "10K,50K", "kind of build", "/tmp/bengal-bench-incremental")
    ap.add_argument("--full-text", action="store_true",
                    help="sites with [search] full_text = true (index.json holds each page's text)")
    args, sizes, bengal, stamp = benchlib.parse(ap)
    version, info = benchlib.start(bengal, args.workdir)
    rows = []
    for pages in sizes:
        label = benchlib.size_label(pages)
        source = os.path.join(args.workdir, f"corpus-{label}")
        benchlib.generate_corpus(source, pages, args.seed)
        site = os.path.join(args.workdir, f"site-{label}")
        shutil.rmtree(site, ignore_errors=True)
        shutil.copytree(source, site, symlinks=True)
        if args.full_text:
            with open(os.path.join(site, "bengal.toml"), "a") as f:
                f.write("\n[search]\nfull_text = true\n")
        tag = label + ("-full-text" if args.full_text else "")
        out = os.path.join(args.outdir, f"incremental-{tag}")
        cold_out = os.path.join(args.outdir, f"incremental-{tag}-cold")
        if args.full_text:
            label += " full text"
        build = [bengal, "build", site, "-o", out]

        def timed(what, prepare=None):
            runs = []
            for i in range(args.runs):
                if prepare:
                    prepare(i)
                r = benchlib.measure(build)
                if r.returncode != 0:
                    sys.exit(f"error: {what} build failed:\n{r.output}")
                if benchlib.binary_stamp(bengal) != stamp:
                    sys.exit("error: the bengal binary changed during the benchmark")
                runs.append(r)
            benchlib.log(f"{label} {what}: {benchlib.fmt_s(benchlib.median([r.wall for r in runs]))}"
                         f", kept {kept(runs[-1])}")
            return runs

        def check_same():
            r = benchlib.measure([bengal, "build", site, "-o", cold_out, "--no-cache", "-q"],
                                 clean=cold_out)
            if r.returncode != 0 or benchlib.tree_digest(out) != benchlib.tree_digest(cold_out):
                sys.exit(f"error: the warm output differs from a cold build: "
                         f"{benchlib.differing_files(out, cold_out)}")

        def cold_prepare(_):
            shutil.rmtree(out, ignore_errors=True)
            shutil.rmtree(os.path.join(site, ".bengal"), ignore_errors=True)

        results = [("cold (no cache, empty output)", timed("cold", cold_prepare))]
        results.append(("unchanged", timed("unchanged")))
        results.append(("one page's body edited", timed("body", lambda i: body_edit(site, i))))
        check_same()
        template_dir = os.path.join(site, "templates", "partials")

        def template_edit(i):
            os.makedirs(template_dir, exist_ok=True)
            with open(os.path.join(template_dir, os.path.basename(TEMPLATE)), "w") as f:
                f.write(TEMPLATE_TEXT.replace("bench", f"bench-{i}"))

        # The first override adds a template file (a cold build: the set of templates
        # changed); the timed runs then edit it.
        template_edit(99)
        benchlib.measure(build)
        results.append((f"template edited ({TEMPLATE})", timed("template", template_edit)))
        check_same()
        cold = benchlib.median([r.wall for r in results[0][1]])
        cold_rss = benchlib.median([r.rss_kb for r in results[0][1]])
        for what, runs in results:
            wall = benchlib.median([r.wall for r in runs])
            rows.append([label, what, benchlib.fmt_s(wall),
                         benchlib.fmt_s(benchlib.median([r.cpu for r in runs])),
                         benchlib.fmt_mb(benchlib.median([r.rss_kb for r in runs])),
                         kept(runs[-1]), f"{100 * wall / cold:.0f}%",
                         "yes" if benchlib.median([r.rss_kb for r in runs]) <= cold_rss else "no"])
    print(f"{version}, {info['commit']}, {info['date']}; {info['machine']}; load {info['load']}; "
          f"median of {args.runs}; outputs in {args.outdir}\n")
    print(benchlib.table(["site", "build", ">wall", ">CPU", ">peak RSS", ">renders kept",
                          ">wall ÷ cold", ">RSS ≤ cold"], rows))


if __name__ == "__main__":
    main()
