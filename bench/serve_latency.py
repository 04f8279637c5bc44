#!/usr/bin/env python3
"""`bengal serve` latency: start to first page, and edit to reload.

Copies SITE into a scratch folder (the source is never modified), starts
`bengal serve COPY --port 0`, and measures:
  start-to-first-page: from spawning the process to the first 200 response for "/"
    (the server answers only once the first build is done);
  Ctrl-C to exit: from SIGINT to the process's exit (it deletes the preview folder);
  edit-to-reload: from appending a line to a content page to the moment the reload
    event arrives on /__bengal/events and the page, fetched again, holds the new text.
Prints one line of figures (medians over --edits edits) for bench/RESULTS.md.

With --lazy (or --no-lazy) the flag is passed to `bengal serve`, and after the first page
--requests random pages (from content/'s file names) are fetched one after another while the
background fill runs: any-page latency (median, p95, max, and how many came before the fill
ended), the time until the fill ends (the "Rendered the site" line), and the peak RSS (VmHWM).
--runs 2 starts the server twice on the same copy, waiting for the fill each time: the second
start finds the serve cache (SITE/.bengal/serve.db) warm.

  python3 bench/serve_latency.py --bengal build/bengal --site examples/site [--page PATH]
  python3 bench/serve_latency.py --bengal build/bengal --site CORPUS --lazy --requests 200 \
      --edits 0 --runs 2
"""
import argparse
import http.client
import os
import pathlib
import random
import re
import shutil
import signal
import statistics
import subprocess
import tempfile
import threading
import time
import urllib.request


def first_page(origin, deadline):
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(origin + "/", timeout=60) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.005)
    raise SystemExit("no first page before the deadline")


def page_urls(content):
    """The URL paths of content/'s pages as their file names give them (no url or slug)."""
    urls = []
    for f in content.rglob("*.md"):
        rel = f.relative_to(content).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] in ("_index", "index"):
            parts.pop()
        urls.append("/" + "".join(p + "/" for p in parts))
    return sorted(urls)


def fetch(origin, path):
    t0 = time.monotonic()
    try:
        with urllib.request.urlopen(origin + path, timeout=120) as r:
            r.read()
            status = r.status
    except urllib.error.HTTPError as e:
        status = e.code
    return time.monotonic() - t0, status


def peak_rss_mb(pid):
    try:
        for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def serve_once(args, site, scratch, run):
    content = site / "content"
    page = content / args.page
    rel = args.page
    url_path = args.url
    cmd = [args.bengal, "serve", str(site), "--port", "0"]
    if args.lazy is not None:
        cmd.append("--lazy" if args.lazy else "--no-lazy")
    env = dict(os.environ, TMPDIR=str(scratch))
    started = time.monotonic()
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, env=env)
    line = proc.stderr.readline()
    m = re.search(r"at (http://127\.0\.0\.1:(\d+))/ \((.*?) in", line)
    if not m:
        raise SystemExit(f"unexpected first line: {line!r}")
    origin, port = m.group(1), int(m.group(2))
    first_page(origin, started + 600)
    start_to_first = time.monotonic() - started
    filled = {}
    fill_done = threading.Event()

    def drain():
        for text in proc.stderr:
            if text.startswith("Rendered the site") and "at" not in filled:
                filled["at"] = time.monotonic() - started
                fill_done.set()
        fill_done.set()

    threading.Thread(target=drain, daemon=True).start()

    figures = [f"start-to-first-page {start_to_first:.2f} s"]
    if args.requests > 0:
        urls = page_urls(content)
        rng = random.Random(run)
        during, after, statuses = [], [], {}
        for _ in range(args.requests):
            took, status = fetch(origin, rng.choice(urls))
            (after if fill_done.is_set() else during).append(took)
            statuses[status] = statuses.get(status, 0) + 1
        every = sorted(during + after)
        p95 = every[min(len(every) - 1, int(len(every) * 0.95))]
        figures.append(
            f"{len(every)} random pages: median {statistics.median(every) * 1000:.0f} ms, "
            f"p95 {p95 * 1000:.0f} ms, max {every[-1] * 1000:.0f} ms "
            f"({len(during)} before the fill ended; statuses {dict(sorted(statuses.items()))})")
    if "indexed in" in line:  # served lazily: the fill runs behind
        fill_done.wait(timeout=1800)
        if "at" in filled:
            figures.append(f"fill ended {filled['at']:.2f} s after start")

    # A writer reads the page before editing it: meanwhile the server copies the version ahead
    # for the first rebuild (serve/version_folders.hpp).
    time.sleep(args.settle)
    # One event stream for all edits; each edit waits for the next "event: reload".
    reloads = []
    if args.edits > 0:
        events = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        events.request("GET", "/__bengal/events")
        stream = events.getresponse()
        stream.readline()  # retry: 1000
    for i in range(args.edits):
        marker = f"Serve benchmark edit {run}.{i}."
        t0 = time.monotonic()
        with open(page, "a", encoding="utf-8") as f:
            f.write(f"\n{marker}\n")
        while True:
            text = stream.readline().decode()
            if text == "":
                raise SystemExit("the event stream closed")
            if text.startswith("event: reload"):
                break
        with urllib.request.urlopen(origin + url_path, timeout=60) as r:
            body = r.read().decode()
        if marker not in body:
            raise SystemExit(f"{url_path} lacks the edit after the reload event")
        reloads.append(time.monotonic() - t0)
        time.sleep(0.3)
    if reloads:
        figures.append(
            f"edit-to-reload median {statistics.median(reloads):.2f} s "
            f"(min {min(reloads):.2f}, max {max(reloads):.2f}, {len(reloads)} edits of "
            f"content/{rel})")
    figures.append(f"peak RSS {peak_rss_mb(proc.pid):.0f} MB")
    t0 = time.monotonic()
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=600)
    stop = time.monotonic() - t0
    figures.append(f"Ctrl-C to exit {stop:.2f} s")
    # "50445 pages indexed in 2.90 s" (lazy) or "15815 pages in 5.50 s": the server's own figure.
    return re.search(r"/ \(([^;)]*)", line).group(1), figures


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bengal", required=True)
    ap.add_argument("--site", required=True)
    ap.add_argument("--page", default="_index.md",
                    help="content file to edit, relative to content/ (default: the home page)")
    ap.add_argument("--url", default="/", help="URL path of that page (default: /)")
    ap.add_argument("--edits", type=int, default=5)
    ap.add_argument("--settle", type=float, default=0,
                    help="seconds between the end of the fill and the first edit")
    lazy = ap.add_mutually_exclusive_group()
    lazy.add_argument("--lazy", dest="lazy", action="store_true", default=None,
                      help="pass --lazy to bengal serve")
    lazy.add_argument("--no-lazy", dest="lazy", action="store_false",
                      help="pass --no-lazy to bengal serve")
    ap.add_argument("--requests", type=int, default=0,
                    help="random pages to fetch after the first page")
    ap.add_argument("--runs", type=int, default=1,
                    help="servers started one after another on the same copy (2: warm cache)")
    args = ap.parse_args()

    scratch = pathlib.Path(tempfile.mkdtemp(prefix="bengal-serve-bench-"))
    site = scratch / "site"
    shutil.copytree(args.site, site, symlinks=True)
    for run in range(args.runs):
        what, figures = serve_once(args, site, scratch, run)
        cache = "cold" if run == 0 else "warm"
        print(f"site {args.site} ({what}), run {run + 1} ({cache} serve cache): "
              + "; ".join(figures), flush=True)
    left = list(scratch.glob("bengal-serve-*"))
    shutil.rmtree(scratch)
    print(f"work folder removed: {'no' if left else 'yes'}")


if __name__ == "__main__":
    main()
