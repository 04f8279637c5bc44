#!/usr/bin/env python3
"""What the default theme costs: the same corpus built with the default theme and with a
content-only theme (bench/themes/content-only/), same binary, interleaved runs. Run through
bench/theme_cost.sh.

For each corpus (generated 10K and 50K pages, and a site whose one section holds 5,000
pages) it records, per theme: wall time, CPU time and peak RSS (medians of alternating runs),
the median HTML size of a regular page (in the big section for the 5,000-page site), the
total output bytes, and the ratios default ÷ content-only against issue 16's targets: wall
time at most 1.5×, median page at most 25 KB on the 5,000-page section, total output at most
2×. A third theme, no-sidebar (bench/themes/no-sidebar/: the default theme with an empty
`partials/sidebar.html`), shows how much of the default theme's cost is its section
navigation.

Prints a Markdown table for bench/RESULTS.md on stdout; progress goes to stderr.
"""
import os
import re
import shutil
import sys

# No __pycache__ in the source tree from importing the shared helpers.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402

THEMES_DIR = os.path.join(benchlib.BENCH_DIR, "themes")
# "default" is the theme built into the binary; every other name is a folder of bench/themes/.
# A folder with only some templates is the default theme with those replaced (a site's theme
# falls back to the built-in one file by file), which is how no-sidebar takes one part out.
THEMES = ["default", "no-sidebar", "content-only"]
BASELINE = "content-only"
TARGET_WALL = 1.5
TARGET_PAGE_KB = 25
TARGET_OUTPUT = 2.0
# A regular page of the generated corpus: <section>/[<sub>/]page-NNNNNN/index.html.
PAGE_HTML = re.compile(r"(^|/)page-\d{6}/index\.html$")


class Corpus:
    def __init__(self, label, pages, extra_args, runs):
        self.label = label            # as the table shows it
        self.pages = pages
        self.extra_args = extra_args  # for generate.py
        self.runs = runs


def corpora(args, sizes):
    out = [Corpus(f"{benchlib.size_label(n)} pages", n, [],
                  args.runs if n < args.large else args.large_runs) for n in sizes]
    if args.section_pages:
        n = args.section_pages
        out.append(Corpus(f"one {n:,}-page section", n, ["--sections", "1", "--subsections", "0"],
                          args.runs if n < args.large else args.large_runs))
    return out


def prepare(site, themes):
    """Turns the generated corpus into a config folder with one environment per theme, so
    every theme builds the very same content folder: `--environment theme-NAME` selects it.
    The themes are copied, not linked: bengal skips symlinks that leave the site."""
    config = os.path.join(site, "config")
    toml = os.path.join(site, "bengal.toml")
    if os.path.exists(toml):
        os.makedirs(os.path.join(config, "_default"), exist_ok=True)
        os.replace(toml, os.path.join(config, "_default", "site.toml"))
    envs = os.path.join(config, "environments")
    os.makedirs(envs, exist_ok=True)
    for name in themes:
        builtin = name == "default"
        with open(os.path.join(envs, f"theme-{name}.toml"), "w") as f:
            f.write("# the built-in theme\n" if builtin else f'[build]\ntheme = "{name}"\n')
        if not builtin:
            dest = os.path.join(site, "themes", name)
            shutil.rmtree(dest, ignore_errors=True)
            shutil.copytree(os.path.join(THEMES_DIR, name), dest)


def output_sizes(directory):
    """(total bytes of every file, sorted sizes of the regular pages' HTML)."""
    total, pages = 0, []
    for root, _, files in os.walk(directory):
        for f in files:
            p = os.path.join(root, f)
            size = os.path.getsize(p)
            total += size
            if PAGE_HTML.search(os.path.relpath(p, directory)):
                pages.append(size)
    return total, sorted(pages)


def fmt_bytes(n):
    if n >= 1024 ** 3:
        return f"{n / 1024 ** 3:.2f} GB"
    if n >= 1024 ** 2:
        return f"{n / 1024 ** 2:.1f} MB"
    return f"{n / 1024:.1f} KB"


def verdict(ok):
    return "yes" if ok else "**no**"


def main():
    ap = benchlib.parser(__doc__, "10K,50K", "theme", "/tmp/bengal-bench-theme")
    ap.add_argument("--section-pages", type=int, default=5000,
                    help="pages of the one-section site (default 5000; 0 leaves it out)")
    ap.add_argument("--themes", default=",".join(THEMES),
                    help=f"themes to build: default (the built-in one) or folders of "
                         f"bench/themes/ (default {','.join(THEMES)}; {BASELINE} is always "
                         f"built, the ratios need it)")
    ap.add_argument("--large", type=int, default=20000,
                    help="corpora of at least this many pages get --large-runs (default 20000)")
    ap.add_argument("--large-runs", type=int, default=1,
                    help="timed runs of each theme on a large corpus (default 1)")
    ap.add_argument("--threads", type=int, default=0,
                    help="bengal build --threads (default: bengal's own, all cores)")
    ap.add_argument("--keep-outputs", action="store_true",
                    help="keep the built sites in --outdir (the default theme's 5,000-page "
                         "section alone is about 2 GB there; removed after each corpus)")
    args, sizes, bengal, stamp = benchlib.parse(ap)
    themes = [t.strip() for t in args.themes.split(",") if t.strip()]
    unknown = [t for t in themes if t != "default" and
               (not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]*", t) or
                not os.path.isdir(os.path.join(THEMES_DIR, t, "templates")))]
    if unknown:
        ap.error(f"unknown theme {', '.join(unknown)}: not a folder of bench/themes/ with "
                 "templates/")
    if BASELINE not in themes:
        themes.append(BASELINE)
    version, info = benchlib.start(bengal, args.workdir)

    rows, details, failed = [], [], False
    for corpus in corpora(args, sizes):
        key = corpus.label.replace(" ", "-").replace(",", "")
        site = os.path.join(args.workdir, f"corpus-{key}")
        benchlib.generate_corpus(site, corpus.pages, args.seed, corpus.extra_args)
        prepare(site, themes)
        out = {t: os.path.join(args.outdir, f"theme-{key}-{t}") for t in themes}

        def cmd(t):
            return ([bengal, "build", site, "-o", out[t], "-q", "--environment", f"theme-{t}"] +
                    (["--threads", str(args.threads)] if args.threads else []))

        # One untimed build of each theme warms the page cache and shows any warning; the
        # sizes come from the last timed run's output, which stays in place.
        benchlib.log(f"{corpus.label}: one untimed build of each theme")
        benchlib.untimed_builds(themes, cmd, clean=lambda t: out[t])
        runs = benchlib.alternating_runs(corpus.label, themes, range(1, corpus.runs + 1), cmd,
                                         clean=lambda t: out[t])
        if benchlib.binary_stamp(bengal) != stamp:
            sys.exit(f"error: {bengal} changed during the benchmark; run it again")

        html = {t: benchlib.count_files(out[t]) for t in themes}
        if len(set(html.values())) != 1:
            failed = True
            benchlib.log(f"  WARNING: the themes wrote different numbers of HTML files: {html}")
        variants = [t for t in themes if t not in ("default", BASELINE)]
        if variants and "default" in themes:
            default_digest = benchlib.tree_digest(out["default"])
            for t in variants:
                if benchlib.tree_digest(out[t]) == default_digest:
                    benchlib.log(f"  note: {t} wrote the same site as default: the default "
                                 "theme no longer uses the partials it empties, so its row "
                                 "measures nothing")
        wall = {t: benchlib.median([r.wall for r in runs[t]]) for t in themes}
        cpu = {t: benchlib.median([r.cpu for r in runs[t]]) for t in themes}
        rss = {t: benchlib.median([r.rss_kb for r in runs[t]]) for t in themes}
        sizes_of = {t: output_sizes(out[t]) for t in themes}
        for t in themes:
            total, pages = sizes_of[t]
            page_median = benchlib.median(pages) if pages else 0
            wall_ratio = wall[t] / wall[BASELINE]
            out_ratio = total / sizes_of[BASELINE][0]
            met = ""
            if t == "default":
                met = f"wall {verdict(wall_ratio <= TARGET_WALL)}"
                if corpus.extra_args:  # the one-section site: the page size target is its own
                    met += f", page {verdict(page_median <= TARGET_PAGE_KB * 1024)}"
                met += f", output {verdict(out_ratio <= TARGET_OUTPUT)}"
            rows.append([info["date"], info["commit"], corpus.label, f"{html[t]:,}", t,
                         benchlib.fmt_s(wall[t]), benchlib.fmt_s(cpu[t]), benchlib.fmt_mb(rss[t]),
                         benchlib.fmt_ratio(wall_ratio), benchlib.fmt_ratio(cpu[t] / cpu[BASELINE]),
                         f"{page_median / 1024:.1f} KB", fmt_bytes(total),
                         benchlib.fmt_ratio(out_ratio), met])
            details.append(f"- {corpus.label} {t}: wall " +
                           ", ".join(f"{r.wall:.3f}" for r in runs[t]) + " s; CPU " +
                           ", ".join(f"{r.cpu:.2f}" for r in runs[t]) + " s; peak RSS " +
                           ", ".join(f"{r.rss_kb / 1024:.1f}" for r in runs[t]) + " MB")
        if not args.keep_outputs:
            for t in themes:
                shutil.rmtree(out[t], ignore_errors=True)

    print(f"Machine: {info['machine']}; load average {info['load']} at start; {version}; "
          f"median of {args.runs} alternating runs each ({args.large_runs} at "
          f"{args.large:,} pages and more), after one untimed build of each theme.\n")
    print(benchlib.table(
        ["date", "commit", "site", ">HTML files", "theme", ">wall", ">CPU", ">peak RSS",
         f">wall ÷ {BASELINE} (target ≤ {TARGET_WALL}×)", f">CPU ÷ {BASELINE}",
         f">median page HTML (target ≤ {TARGET_PAGE_KB} KB on the one section)",
         ">total output", f">output ÷ {BASELINE} (target ≤ {TARGET_OUTPUT:.0f}×)",
         "targets met"], rows))
    print("\nRuns:\n" + "\n".join(details))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
