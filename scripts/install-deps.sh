#!/usr/bin/env bash
# Installs every Debian package that bengal's build, tests and benchmarks need, and the browser
# tests' npm packages (tests/browser/package-lock.json). This is the only place dependencies are
# named. Safe to run again: it does nothing when all are present.
# `--bench-compare` also installs what the comparison benchmarks need (Hugo, source-highlight,
# cmark-gfm).
set -euo pipefail

packages=(
  # toolchain
  g++ cmake ninja-build pkg-config git
  lld                  # links the test programs several times faster than GNU ld
  # libraries
  libmd4c-dev          # Markdown parser (we render HTML from its callbacks)
  libmd4c-html0        # md4c's CMake config names this library; not pulled in without recommends
  libtomlplusplus-dev  # TOML config and front matter
  libyaml-cpp-dev      # YAML config and front matter
  libcli11-dev         # command line
  libfmt-dev           # formatting
  libtbb-dev           # parallel discovery and rendering
  libxxhash-dev        # content hashes
  libzstd-dev          # the content store's compressed warm tier
  libsqlite3-dev       # the incremental build cache (SITE/.bengal/cache.db)
  libjemalloc-dev      # the bengal binary's allocator (src/bengal/core/allocator.hpp)
  nlohmann-json3-dev   # JSON outputs and test data
  libcpp-httplib-dev   # `bengal serve`: the HTTP server (and the client in its tests)
  libkf5syntaxhighlighting-dev  # build-time highlighting of fenced code (KDE's, Qt5-based):
                                # 359 languages and faster than source-highlight (bench/RESULTS.md)
  libjs-katex fonts-katex  # math: KaTeX's script, stylesheet and woff2 fonts, embedded in the
                           # binary as default-theme assets (src/bengal/templates/CMakeLists.txt)
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev
  libxml2-utils        # xmllint validates sitemap and feeds in tests
  python3              # golden-site and corpus scripts
  python3-jinja2       # tests/templates/jinja2_diff: the template engine checked against real
                       # Jinja2 (for Debian's /usr/bin/python3, which the test runs)
  time                 # /usr/bin/time -v for peak memory in benchmarks
  bsdutils             # script(1): gives the progress test a terminal
  chromium             # headless check of build-report.html and the theme's browser tests
  clang                # scripts/fuzz.sh: libFuzzer targets need clang (-fsanitize=fuzzer)
  libclang-rt-14-dev   # libFuzzer and the sanitizer runtimes for clang 14
  clang-format         # scripts/check-style.sh: formatting as .clang-format says
  clang-tidy           # scripts/check-style.sh: the .clang-tidy checks
)

# node runs the browser tests (tests/browser: puppeteer-core and axe-core from npm, pinned by
# its package-lock.json). Any node >= 18 does (puppeteer-core 24's range; 25 needs 22): Debian
# 12's nodejs is 18, so it is installed from Debian only when no node is on PATH, which keeps
# a newer one (with its own npm) that a machine already has.
if ! command -v node >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

# Optional groups, asked for by flag, so a plain build or test run never pulls them in.
for arg in "$@"; do
  case "$arg" in
    --bench-compare)
      packages+=(hugo)   # bench/compare/run.sh builds the same corpus with Hugo
      packages+=(libsource-highlight-dev)  # bench_highlight_compare: the highlighter we did not pick
      packages+=(libcmark-gfm-dev libcmark-gfm-extensions-dev)  # bench_markdown_compare: the parser we did not pick
      packages+=(cmark-gfm)  # tests/data/spec/footnotes_examples.py: expected footnote HTML
      ;;
    *)
      echo "usage: $0 [--bench-compare]" >&2
      exit 2
      ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The browser tests' npm packages, exactly as package-lock.json pins them. npm ci runs only when
# node_modules does not match the lock file (its SHA-256 is stamped in node_modules after an
# install; tests/browser/lib/deps.mjs checks the same stamp), so a run with the packages in
# place needs no network. --ignore-scripts: neither package needs an install script, and
# puppeteer's would download a browser (we use Debian's chromium).
browser_dir="$(cd "$(dirname "$0")/.." && pwd)/tests/browser"
lock_sum=$(sha256sum "$browser_dir/package-lock.json" | cut -d' ' -f1)
stamp="$browser_dir/node_modules/.bengal-lock-sha256"
if [ "$(cat "$stamp" 2>/dev/null)" != "$lock_sum" ]; then
  echo "Installing the browser tests' npm packages (tests/browser/package-lock.json)"
  (cd "$browser_dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  echo "$lock_sum" >"$stamp"
fi
