"""Helpers shared by the whole-build benchmark scripts (bench/compare/compare.py and
bench/streaming.py): corpus generation, timed runs, machine description, table formatting.

Python 3 standard library only, so the scripts run on a plain Debian machine.
"""
import argparse
import datetime
import hashlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH_DIR)
GENERATOR = os.path.join(BENCH_DIR, "corpus", "generate.py")
DEFAULT_BENGAL = os.path.join(REPO, "build", "bengal")


def parse_size(text):
    """'1K', '10k', '50000', '1M' -> pages. The K form is what the tables and the brief use."""
    m = re.fullmatch(r"\s*(\d+)\s*([kKmM]?)\s*", text)
    if not m:
        raise ValueError(f"not a page count: {text!r} (use e.g. 1K, 10K, 50000, 1M)")
    return int(m.group(1)) * {"": 1, "k": 1000, "m": 1000000}[m.group(2).lower()]


def parse_sizes(text):
    return [parse_size(t) for t in text.split(",") if t.strip()]


def size_label(pages):
    if pages % 1000000 == 0:
        return f"{pages // 1000000}M"
    return f"{pages // 1000}K" if pages % 1000 == 0 else str(pages)


def log(msg):
    # Progress goes to stderr so stdout is only the Markdown that belongs in RESULTS.md.
    print(msg, file=sys.stderr, flush=True)


def ensure_bengal(path):
    """Returns the absolute path of the bengal binary, building the default one if missing.

    Only the default build/bengal is built: a path the user named that does not exist is a
    mistake to report, not something to guess how to produce."""
    path = os.path.abspath(path)
    if os.access(path, os.X_OK):
        return path
    if path != DEFAULT_BENGAL:
        sys.exit(f"error: no bengal binary at {path}")
    build = os.path.join(REPO, "build")
    if not os.path.exists(os.path.join(build, "CMakeCache.txt")):
        # Same configuration as scripts/run-example.sh: an optimized binary, nothing else.
        subprocess.run(["cmake", "-S", REPO, "-B", build, "-G", "Ninja",
                        "-DCMAKE_BUILD_TYPE=Release", "-DBENGAL_TESTS=OFF", "-DBENGAL_BENCH=OFF"],
                       check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["ninja", "-C", build, "bengal"], check=True)
    return path


def binary_stamp(path):
    """Changes when the binary is rebuilt: a rebuild in the middle of a benchmark would mix
    two versions in one median."""
    st = os.stat(path)
    return (st.st_mtime_ns, st.st_size)


def generate_corpus(directory, pages, seed=1, extra_args=()):
    """Generates the corpus into `directory` unless the same generator and arguments already
    made it (a stamp next to it records both), since a 50K corpus takes a while to write.
    `extra_args` go to generate.py as they are (e.g. ["--code-blocks", "3"])."""
    with open(GENERATOR, "rb") as f:
        stamp = (hashlib.sha256(f.read()).hexdigest() + f" --pages {pages} --seed {seed}" +
                 "".join(f" {a}" for a in extra_args) + "\n")
    stamp_file = directory.rstrip("/") + ".stamp"
    if os.path.isdir(directory) and os.path.exists(stamp_file):
        with open(stamp_file) as f:
            if f.read() == stamp:
                return False
    if os.path.exists(stamp_file):
        os.remove(stamp_file)
    shutil.rmtree(directory, ignore_errors=True)
    log(f"generating {pages} pages into {directory}")
    subprocess.run([sys.executable, GENERATOR, directory, "--pages", str(pages),
                    "--seed", str(seed)] + list(extra_args), check=True)
    with open(stamp_file, "w") as f:
        f.write(stamp)
    return True


class Run:
    def __init__(self, wall, rss_kb, cpu, returncode, output):
        self.wall = wall          # seconds, wall clock
        self.rss_kb = rss_kb      # peak resident set size, KiB, as /usr/bin/time reports it
        self.cpu = cpu            # user + system seconds
        self.returncode = returncode
        self.output = output      # the command's stdout and stderr


def measure(cmd, clean=None, env=None):
    """Runs `cmd` under /usr/bin/time -v after removing the folder `clean` (untimed).

    Wall time is taken here with a monotonic clock: /usr/bin/time prints it only to 10 ms,
    too coarse for a 1K build. Peak RSS and CPU time come from /usr/bin/time (getrusage of the
    child), which is the only portable source of the child's peak RSS."""
    if clean:
        shutil.rmtree(clean, ignore_errors=True)
    # Flush what earlier runs wrote, so their writeback does not land inside this run's time.
    os.sync()
    with tempfile.NamedTemporaryFile("r", suffix=".time") as stats:
        start = time.perf_counter()
        proc = subprocess.run(["/usr/bin/time", "-v", "-o", stats.name] + cmd, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        wall = time.perf_counter() - start
        text = stats.read()
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    user = re.search(r"User time \(seconds\): ([\d.]+)", text)
    system = re.search(r"System time \(seconds\): ([\d.]+)", text)
    return Run(wall, int(rss.group(1)) if rss else 0,
               (float(user.group(1)) if user else 0) + (float(system.group(1)) if system else 0),
               proc.returncode, proc.stdout)


def start(bengal, workdir):
    """Creates `workdir` and logs the machine; returns (bengal's --version line, machine())
    for the table's heading."""
    version = subprocess.run([bengal, "--version"], check=True, capture_output=True,
                             text=True).stdout.strip()
    os.makedirs(workdir, exist_ok=True)
    info = machine()
    log(f"machine: {info['machine']}; load average {info['load']}")
    return version, info


def untimed_builds(names, command, clean):
    """One build of each of `names` before timing: warms the page cache and logs what each
    printed. Exits on the first failure."""
    for name in names:
        cmd = command(name)
        r = measure(cmd, clean=clean(name))
        if r.returncode != 0:
            sys.exit(f"error: {' '.join(cmd)} failed:\n{r.output}")
        if r.output.strip():
            log(f"  {name}: " + r.output.strip().replace("\n", f"\n  {name}: "))


def alternating_runs(label, names, rounds, command, clean, env=None):
    """Builds each of `names` once per round in `rounds` (their numbers, for the log),
    alternating which goes first so a drift in machine load hits all alike. `command`,
    `clean` and `env` map a name to its command line, output folder and environment. Exits on
    the first failure; returns {name: [Run, ...]}."""
    runs = {name: [] for name in names}
    for k, i in enumerate(rounds):
        order = list(names) if k % 2 == 0 else list(reversed(names))
        for name in order:
            cmd = command(name)
            r = measure(cmd, clean=clean(name), env=env(name) if env else None)
            if r.returncode != 0:
                sys.exit(f"error: {name}: {' '.join(cmd)} failed:\n{r.output}")
            runs[name].append(r)
            log(f"{label} run {i} {name}: {r.wall:.3f} s wall, {r.cpu:.2f} s CPU, "
                f"{fmt_mb(r.rss_kb)}")
    return runs


def median(values):
    return statistics.median(values)


def count_files(directory, suffix=".html"):
    n = 0
    for _, _, files in os.walk(directory):
        n += sum(1 for f in files if f.endswith(suffix))
    return n


def relative_files(directory, suffix=".html"):
    out = set()
    for root, _, files in os.walk(directory):
        for f in files:
            if f.endswith(suffix):
                out.add(os.path.relpath(os.path.join(root, f), directory))
    return out


def tree_digest(directory):
    """Hash of every file's path and bytes, to tell whether two builds wrote the same site."""
    h = hashlib.sha256()
    for root, dirs, files in os.walk(directory):
        dirs.sort()
        for f in sorted(files):
            p = os.path.join(root, f)
            h.update(os.path.relpath(p, directory).encode() + b"\0")
            with open(p, "rb") as fh:
                h.update(hashlib.sha256(fh.read()).digest())
    return h.hexdigest()


def differing_files(a, b, limit=5):
    """A few paths whose bytes differ between two output trees (or exist in one only)."""
    fa, fb = relative_files(a, ""), relative_files(b, "")
    out = sorted(fa ^ fb)[:limit]
    for p in sorted(fa & fb):
        if len(out) >= limit:
            break
        with open(os.path.join(a, p), "rb") as x, open(os.path.join(b, p), "rb") as y:
            if x.read() != y.read():
                out.append(p)
    return out


def git_commit():
    """Short commit, with '-dirty' when the working tree has changes (the numbers then belong
    to uncommitted code, which the table should say)."""
    try:
        return subprocess.run(["git", "-C", REPO, "describe", "--always", "--dirty"],
                              check=True, capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def machine():
    cores = len(os.sched_getaffinity(0))
    ram = ""
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB RAM"
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    load = os.getloadavg()[0]
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d"),
        "commit": git_commit(),
        "machine": f"{cores} cores, {ram}" + (f", {cpu}" if cpu else ""),
        "load": f"{load:.2f}",
    }


def fmt_s(seconds):
    return f"{seconds:.2f} s" if seconds < 100 else f"{seconds:.0f} s"


def fmt_mb(kib):
    # MB as in the existing RESULTS.md rows: /usr/bin/time's KiB divided by 1024.
    return f"{kib / 1024:.1f} MB"


def fmt_ratio(x):
    return f"{x:.2f}×"


def table(header, rows):
    """A Markdown table; columns whose header starts with '>' are right-aligned."""
    names = [h.lstrip(">") for h in header]
    rule = ["---:" if h.startswith(">") else "---" for h in header]
    lines = ["| " + " | ".join(names) + " |", "|" + "|".join(rule) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


DEFAULT_OUTDIR = "/dev/shm/bengal-bench" if os.path.isdir("/dev/shm") else "/tmp/bengal-bench-out"


def parser(doc, sizes, runs_of, workdir):
    """The options every benchmark script takes: sizes, runs, bengal binary, workdir, seed."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0].replace("\n", " "))
    ap.add_argument("--sizes", default=sizes,
                    help=f"comma-separated page counts, e.g. 1K,10K,50K (default {sizes})")
    ap.add_argument("--runs", type=int, default=3, help=f"timed runs of each {runs_of} (median)")
    ap.add_argument("--bengal", default=DEFAULT_BENGAL,
                    help="bengal binary (default build/bengal, built if missing)")
    ap.add_argument("--workdir", default=workdir,
                    help="corpora and outputs go here (reused between runs)")
    ap.add_argument("--seed", type=int, default=1, help="corpus seed")
    # ext4 allocates inodes slowly for about half a minute after many files were deleted
    # (find_inode_bit skips "recently deleted" ones): removing the last run's 80,000 files
    # before the next run made a 10K build 3x slower on disk. Outputs go to memory instead,
    # which measures the generators, not the file system; both sides of a comparison alike.
    ap.add_argument("--outdir", default=DEFAULT_OUTDIR,
                    help=f"build outputs go here (default {DEFAULT_OUTDIR}, in memory)")
    return ap


def parse(ap):
    """Parses the command line; returns (args, sizes, bengal binary, its stamp)."""
    args = ap.parse_args()
    try:
        sizes = parse_sizes(args.sizes)
    except ValueError as e:
        ap.error(str(e))
    bengal = ensure_bengal(args.bengal)
    return args, sizes, bengal, binary_stamp(bengal)
