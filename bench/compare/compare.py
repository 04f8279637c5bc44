#!/usr/bin/env python3
"""bengal against Hugo on the same generated corpus. Run through bench/compare/run.sh, which
installs Hugo first.

Both sides do the same work: bench/compare/hugo-theme/ and bench/compare/bengal-theme/ render
the same HTML (single pages with tags and five related pages by shared tags, paginated
section, home and term lists, term overviews, a nav over the top-level sections, 404), and
both write sitemap.xml, robots.txt and rss.xml for the site, every section (with its
subsections) and every term. bengal's index.json and llms.txt, which Hugo has no counterpart
for, are switched off. Before timing, one build of each checks that they wrote the same set of
pages.

Prints a Markdown table for bench/RESULTS.md on stdout; progress goes to stderr.
"""
import os
import re
import subprocess
import sys

# No __pycache__ in the source tree from importing the shared helpers.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import benchlib  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
MARKER = "# --- added by bench/compare/compare.py ---\n"

# Hugo 0.111's configuration, chosen to match what bengal does by default.
HUGO_TOML = """\
baseURL = "https://corpus.example/"
title = "Generated corpus"
languageCode = "en"
themesDir = "{themes}"
theme = "hugo-theme"
paginate = 10
enableRobotsTXT = true
# Term pages are titled with the term as written ("tag-0001"), as bengal does.
titleCaseStyle = "none"

[params]
description = "A generated benchmark site"

# bengal writes no feed for a taxonomy overview (/tags/), and calls its feeds rss.xml.
[outputs]
home = ["HTML", "RSS"]
section = ["HTML", "RSS"]
taxonomy = ["HTML"]
term = ["HTML", "RSS"]

[outputFormats.RSS]
baseName = "rss"

# bengal does not highlight code (it keeps class="language-x" for a client-side
# highlighter); Chroma would add work bengal does not do.
[markup.highlight]
codeFences = false

# Related pages by shared tags, newer and older alike, as bengal's page.related.
[related]
includeNewer = true
threshold = 80
toLower = false

[[related.indices]]
name = "tags"
weight = 100
"""

# Appended to the generator's bengal.toml (which has only [site]).
BENGAL_TOML = MARKER + """\
[build]
theme = "compare"

[pagination]
per_page = 10

# Hugo has no search index or llms.txt; everything else bengal writes, Hugo writes too.
[features]
search = false
llms_txt = false

# Related pages by tags alone, like the Hugo side's [related] indices.
[related]
count = 5
section_weight = 0

[related.weights]
tags = 1
categories = 0
"""


def prepare(site):
    """Adds the configurations and the bengal theme to a generated corpus (idempotent)."""
    with open(os.path.join(site, "hugo.toml"), "w") as f:
        f.write(HUGO_TOML.format(themes=HERE))
    path = os.path.join(site, "bengal.toml")
    with open(path) as f:
        text = f.read()
    text = text.split(MARKER)[0].rstrip("\n") + "\n\n" + BENGAL_TOML
    with open(path, "w") as f:
        f.write(text)
    themes = os.path.join(site, "themes")
    os.makedirs(themes, exist_ok=True)
    link = os.path.join(themes, "compare")
    if os.path.islink(link) or os.path.exists(link):
        os.remove(link)
    os.symlink(os.path.join(HERE, "bengal-theme"), link)


def is_pager_alias(path):
    # Hugo writes <list>/page/1/ as a redirect to <list>/; bengal serves page 1 at <list>/ only.
    return re.search(r"(^|/)page/1/index\.html$", path) is not None


def check(site, work, hugo, bengal, bengal_args):
    """One build of each (also the warm-up): both must succeed and write the same pages."""
    hugo_out, bengal_out = os.path.join(work, "out-hugo"), os.path.join(work, "out-bengal")
    h = benchlib.measure(hugo_cmd(hugo, site, hugo_out), clean=hugo_out)
    if h.returncode != 0 or re.search(r"^(ERROR|Error)", h.output, re.M):
        sys.exit(f"error: Hugo failed on {site}:\n{h.output}")
    for line in h.output.splitlines():
        if line.startswith("WARN"):
            benchlib.log(f"  hugo: {line}")
    b = benchlib.measure(bengal_cmd(bengal, site, bengal_out, bengal_args), clean=bengal_out)
    if b.returncode != 0:
        sys.exit(f"error: bengal failed on {site}:\n{b.output}")
    if b.output.strip():
        benchlib.log("  bengal: " + b.output.strip().replace("\n", "\n  bengal: "))

    stats = dict(re.findall(r"^\s*(Pages|Paginator pages|Aliases)\s*\|\s*(\d+)", h.output, re.M))
    hugo_html = benchlib.relative_files(hugo_out)
    bengal_html = benchlib.relative_files(bengal_out)
    aliases = {p for p in hugo_html if is_pager_alias(p)}
    only_hugo = sorted(hugo_html - aliases - bengal_html)
    only_bengal = sorted(bengal_html - hugo_html)
    benchlib.log(f"  Hugo: {len(hugo_html)} HTML files ({len(aliases)} page/1/ redirects), "
                 f"reports {stats.get('Pages', '?')} pages + {stats.get('Paginator pages', '?')} "
                 f"paginator pages, {stats.get('Aliases', '?')} aliases; "
                 f"bengal: {len(bengal_html)} HTML files")
    feeds = (benchlib.count_files(hugo_out, "rss.xml"), benchlib.count_files(bengal_out, "rss.xml"))
    urls = tuple(sitemap_urls(os.path.join(out, "sitemap.xml")) for out in (hugo_out, bengal_out))
    benchlib.log(f"  feeds: Hugo {feeds[0]}, bengal {feeds[1]}; "
                 f"sitemap URLs: Hugo {urls[0]}, bengal {urls[1]}")
    same = not only_hugo and not only_bengal and feeds[0] == feeds[1] and urls[0] == urls[1]
    if not same:
        benchlib.log(f"  WARNING: the two builds differ: only Hugo {only_hugo[:5]} "
                     f"({len(only_hugo)}), only bengal {only_bengal[:5]} ({len(only_bengal)})")
    return len(hugo_html), len(bengal_html), len(aliases), same


def sitemap_urls(path):
    """URLs in a sitemap; a sitemap index (bengal splits at the protocol's 50,000 URLs, Hugo
    0.111 does not) counts the URLs of the sitemaps it lists, found next to it."""
    with open(path) as f:
        text = f.read()
    if "<sitemapindex" not in text:
        return text.count("<loc>")
    parts = re.findall(r"<loc>[^<]*/([^/<]+)</loc>", text)
    return sum(sitemap_urls(os.path.join(os.path.dirname(path), p)) for p in parts)


def hugo_cmd(hugo, site, out):
    return [hugo, "--source", site, "--destination", out]


def bengal_cmd(bengal, site, out, extra):
    return [bengal, "build", site, "-o", out, "-q"] + extra


def main():
    ap = benchlib.parser(__doc__, "1K,10K", "tool", "/tmp/bengal-bench-compare")
    ap.add_argument("--bengal-arg", action="append", default=[], metavar="ARG",
                    help="extra argument for `bengal build`, repeatable "
                         "(e.g. --bengal-arg=--memory-optimized); default: bengal's defaults")
    ap.add_argument("--hugo", default="hugo", help="hugo binary (default: hugo on PATH)")
    args, sizes, bengal, stamp = benchlib.parse(ap)
    hugo_version = subprocess.run([args.hugo, "version"], check=True, capture_output=True,
                                  text=True).stdout.split()[1]
    bengal_version = subprocess.run([bengal, "--version"], check=True, capture_output=True,
                                    text=True).stdout.strip()
    os.makedirs(args.workdir, exist_ok=True)
    info = benchlib.machine()
    benchlib.log(f"machine: {info['machine']}; load average {info['load']}")

    rows, details = [], []
    for pages in sizes:
        label = benchlib.size_label(pages)
        site = os.path.join(args.workdir, f"corpus-{label}")
        benchlib.generate_corpus(site, pages, args.seed)
        prepare(site)
        work = os.path.join(args.outdir, f"compare-{label}")
        os.makedirs(work, exist_ok=True)
        benchlib.log(f"{label}: checking both builds (untimed warm-up)")
        hugo_files, bengal_files, aliases, same = check(site, work, args.hugo, bengal,
                                                      args.bengal_arg)

        def out(tool):
            return os.path.join(work, f"out-{tool}")

        def cmd(tool):
            return (hugo_cmd(args.hugo, site, out(tool)) if tool == "hugo"
                    else bengal_cmd(bengal, site, out(tool), args.bengal_arg))

        runs = benchlib.alternating_runs(label, ["hugo", "bengal"], range(1, args.runs + 1), cmd,
                                         clean=out)

        if benchlib.binary_stamp(bengal) != stamp:
            sys.exit(f"error: {bengal} changed during the benchmark; run it again")
        med = {t: (benchlib.median([r.wall for r in rs]), benchlib.median([r.rss_kb for r in rs]),
                   benchlib.median([r.cpu for r in rs])) for t, rs in runs.items()}
        (hw, hm, hc), (bw, bm, bc) = med["hugo"], med["bengal"]
        notes = f"Hugo {hugo_version}" + "".join(f"; bengal {a}" for a in args.bengal_arg) + \
            ("" if same else "; PAGE SETS DIFFER, see log")
        rows.append([info["date"], info["commit"], f"{pages:,}",
                     f"{hugo_files - aliases:,} (+{aliases} redirects) / {bengal_files:,}",
                     benchlib.fmt_s(hw), benchlib.fmt_s(bw), benchlib.fmt_ratio(hw / bw),
                     benchlib.fmt_mb(hm), benchlib.fmt_mb(bm), benchlib.fmt_ratio(hm / bm),
                     benchlib.fmt_s(hc), benchlib.fmt_s(bc), notes])
        for t in ("hugo", "bengal"):
            details.append(f"- {label} {t}: wall " +
                           ", ".join(f"{r.wall:.3f}" for r in runs[t]) + " s; peak RSS " +
                           ", ".join(f"{r.rss_kb / 1024:.1f}" for r in runs[t]) + " MB")

    print(f"Machine: {info['machine']}; load average {info['load']} at start; {bengal_version}; "
          f"median of {args.runs} alternating runs each, after one untimed build of each.\n")
    print(benchlib.table(
        ["date", "commit", ">pages", ">HTML files (Hugo / bengal)", ">Hugo wall",
         ">bengal wall", ">wall Hugo ÷ bengal", ">Hugo peak RSS", ">bengal peak RSS",
         ">RSS Hugo ÷ bengal", ">Hugo CPU", ">bengal CPU", "notes"], rows))
    print("\nRuns:\n" + "\n".join(details))


if __name__ == "__main__":
    main()
