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

  python3 bench/serve_latency.py --bengal build/bengal --site examples/site [--page PATH]
"""
import argparse
import http.client
import os
import pathlib
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


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bengal", required=True)
    ap.add_argument("--site", required=True)
    ap.add_argument("--page", default="_index.md",
                    help="content file to edit, relative to content/ (default: the home page)")
    ap.add_argument("--url", default="/", help="URL path of that page (default: /)")
    ap.add_argument("--edits", type=int, default=5)
    args = ap.parse_args()

    scratch = pathlib.Path(tempfile.mkdtemp(prefix="bengal-serve-bench-"))
    site = scratch / "site"
    shutil.copytree(args.site, site, symlinks=True)
    content = site / "content"
    page = content / args.page
    rel = args.page
    url_path = args.url

    env = dict(os.environ, TMPDIR=str(scratch))
    started = time.monotonic()
    proc = subprocess.Popen([args.bengal, "serve", str(site), "--port", "0"],
                            stderr=subprocess.PIPE, text=True, env=env)
    line = proc.stderr.readline()
    m = re.search(r"at (http://127\.0\.0\.1:(\d+))/ \((.*?) in", line)
    if not m:
        raise SystemExit(f"unexpected first line: {line!r}")
    origin, port = m.group(1), int(m.group(2))
    first_page(origin, started + 600)
    start_to_first = time.monotonic() - started
    threading.Thread(target=lambda: [None for _ in proc.stderr], daemon=True).start()

    # One event stream for all edits; each edit waits for the next "event: reload".
    events = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    events.request("GET", "/__bengal/events")
    stream = events.getresponse()
    stream.readline()  # retry: 1000
    reloads = []
    for i in range(args.edits):
        marker = f"Serve benchmark edit {i}."
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
    t0 = time.monotonic()
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=600)
    stop = time.monotonic() - t0
    left = list(scratch.glob("bengal-serve-*"))
    shutil.rmtree(scratch)
    print(f"site {args.site} ({m.group(3)}): start-to-first-page {start_to_first:.2f} s, "
          f"edit-to-reload median {statistics.median(reloads):.2f} s "
          f"(min {min(reloads):.2f}, max {max(reloads):.2f}, {len(reloads)} edits of content/{rel}); "
          f"Ctrl-C to exit {stop:.2f} s, work folder removed: {'no' if left else 'yes'}")


if __name__ == "__main__":
    main()
