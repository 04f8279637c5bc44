#!/usr/bin/env python3
"""Warm builds against cold ones on a real site, after random edits of the site's own files.

The property test (tests/incremental/) edits a generated site; this edits a copy of any site
as a writer would: a paragraph, a heading or a raw HTML anchor with links to such anchors on
this page and another added to a page, its title, weight, date, tags or
description changed, a data file, snippet or other content file changed, a page added, deleted
or touched. After each step it builds the copy warm (with its cache, at 1 or 2 threads) and
cold (`--no-cache`, 1 thread, into an empty folder) and compares the two output trees byte for
byte, the exit codes and the printed messages (all but the summary and `cache:` lines). The
first difference stops it with exit code 1; the copy and both outputs stay in the work folder.

    scripts/warm-equals-cold.py build/bengal examples/site --steps 40 --seed 7
"""
import argparse
import filecmp
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

# "render 3/51: 3,000/52,953 pages, 410 pages/s, RSS 80.1 MB, 2.4 s", or before the pages are
# known "discover: RSS 30.2 MB, 3.5 s" (format_progress in progress_printer.cpp).
PROGRESS = re.compile(r"^[a-z]+( \d+/\d+)?(: [\d,]+/[\d,]+ pages.*,|:) RSS [\d.]+ [KMG]B, [\d.]+ s$")

FRONT_MATTER_EDITS = {
    "title": lambda r: f"Retitled {r.randrange(1000)}",
    "weight": lambda r: str(r.randrange(1, 50)),
    "description": lambda r: f"Described {r.randrange(1000)}",
    "date": lambda r: f"2024-0{r.randrange(1, 10)}-1{r.randrange(10)}",
    "tags": lambda r: f"[t{r.randrange(5)}, shared]",
}
BINARY = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".ico", ".woff", ".woff2", ".pdf")


def build(bengal, site, out, cache, threads):
    args = [bengal, "build", site, "-o", out, "--threads", str(threads)]
    if not cache:
        args.append("--no-cache")
    p = subprocess.run(args, capture_output=True, text=True)
    lines = (p.stdout + p.stderr).splitlines()
    # A build that runs past two seconds prints progress lines to a log (progress_printer.hpp):
    # a matter of the machine's load, not of the build's output.
    return p.returncode, [l for l in lines
                          if not l.startswith(("Built ", "cache:")) and not PROGRESS.match(l)]


def files(site, keep):
    out = []
    for root, dirs, names in os.walk(site):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        out += [os.path.join(root, n) for n in sorted(names) if keep(os.path.join(root, n))]
    return out


def set_front_matter(path, key, value):
    """Sets `key` in a page's YAML front matter; False when the page has none."""
    text = open(path, encoding="utf-8", errors="surrogateescape").read()
    end = text.find("\n---", 4)
    if not text.startswith("---\n") or end < 0:
        return False
    head = text[4:end]
    line = f"{key}: {value}"
    if re.search(rf"^{key}:.*$", head, re.M):
        head = re.sub(rf"^{key}:.*$", line, head, count=1, flags=re.M)
    else:
        head = f"{head}\n{line}" if head else line
    with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
        f.write("---\n" + head + text[end:])
    return True


def edit(site, r):
    """One random edit of the site's files; returns what it did."""
    pages = files(site, lambda p: p.endswith(".md") and f"{os.sep}content{os.sep}" in p)
    page = r.choice(pages)
    kind = r.choice(["body", "body", "body", "heading", "anchor", "other", "add", "delete",
                     "touch"] + list(FRONT_MATTER_EDITS))
    rel = os.path.relpath(page, site)
    if kind in ("body", "heading", "anchor"):
        if kind == "body":
            text = f"\n\nEdited paragraph {r.randrange(10**6)} with word zq{r.randrange(1000)}.\n"
        elif kind == "heading":
            text = f"\n\n## New heading {r.randrange(1000)}\n\nText.\n"
        else:  # links to spots that may not be there yet, on this page and another
            other = os.path.relpath(r.choice(pages), os.path.dirname(page))
            text = (f'\n\n<a name="spot-{r.randrange(4)}"></a>Spot [near](#spot-{r.randrange(4)}) '
                    f'[far]({other}#spot-{r.randrange(4)}).\n')
        with open(page, "a", encoding="utf-8") as f:
            f.write(text)
    elif kind in FRONT_MATTER_EDITS:
        if not set_front_matter(page, kind, FRONT_MATTER_EDITS[kind](r)):
            kind += " (no front matter)"
    elif kind == "other":
        others = files(site, lambda p: not p.endswith((".md", ".toml") + BINARY) and any(
            f"{os.sep}{d}{os.sep}" in p for d in ("content", "data", "templates", "static")))
        if others:
            path = r.choice(others)
            rel = os.path.relpath(path, site)
            comment = "#" if path.endswith((".yaml", ".yml", ".py")) else ""
            if not path.endswith(".json"):
                with open(path, "a", encoding="utf-8") as f:
                    f.write(f"\n{comment} appended {r.randrange(1000)}\n")
    elif kind == "add":
        path = os.path.join(os.path.dirname(page), f"added-{r.randrange(10**6)}.md")
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"---\ntitle: Added {r.randrange(1000)}\n---\n\n"
                    f"A new page linking [its neighbour]({os.path.basename(page)}).\n")
        rel = os.path.relpath(path, site)
    elif kind == "delete":
        if os.path.basename(page) in ("_index.md", "index.md"):
            kind += " (a section's page: kept)"
        elif len(pages) <= 2:
            kind += " (one of the last pages: kept)"
        else:
            os.remove(page)
    else:
        os.utime(page, None)
    return f"{kind} {rel}"


def differences(cold, warm):
    out = []

    def walk(d, prefix):
        out.extend(f"only in the cold build: {prefix}{f}" for f in d.left_only)
        out.extend(f"only in the warm build: {prefix}{f}" for f in d.right_only)
        for f in d.common_files:
            if not filecmp.cmp(os.path.join(d.left, f), os.path.join(d.right, f), shallow=False):
                out.append(f"differs: {prefix}{f}")
        for name, sub in sorted(d.subdirs.items()):
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(cold, warm), "")
    return sorted(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("bengal", help="the bengal binary")
    ap.add_argument("site", help="a site folder (copied; the original is never edited)")
    ap.add_argument("--steps", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    r = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="bengal-warm-cold-")
    site, warm, cold = (os.path.join(work, n) for n in ("site", "warm", "cold"))
    shutil.copytree(args.site, site, symlinks=True,
                    ignore=shutil.ignore_patterns(".bengal", "public"))
    bengal = os.path.abspath(args.bengal)
    build(bengal, site, warm, True, 2)
    for step in range(1, args.steps + 1):
        what = [edit(site, r) for _ in range(1 if r.random() < 0.7 else 2)]
        warm_code, warm_lines = build(bengal, site, warm, True, r.choice([1, 2]))
        shutil.rmtree(cold, ignore_errors=True)
        cold_code, cold_lines = build(bengal, site, cold, False, 1)
        found = differences(cold, warm)
        same = not found and warm_code == cold_code and warm_lines == cold_lines
        print(f"step {step}: {'; '.join(what)}: {'same' if same else 'DIFFERENT'}", flush=True)
        if not same:
            print(f"  exit codes: warm {warm_code}, cold {cold_code}")
            for line in found[:10]:
                print("  " + line)
            if warm_lines != cold_lines:
                print("  messages, cold:\n    " + "\n    ".join(cold_lines))
                print("  messages, warm:\n    " + "\n    ".join(warm_lines))
            print(f"the site and both outputs are in {work}")
            sys.exit(1)
    shutil.rmtree(work)
    print(f"{args.steps} steps: every warm build wrote the cold build's files and messages")


if __name__ == "__main__":
    main()
