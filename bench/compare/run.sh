#!/usr/bin/env bash
# Benchmark of bengal against Hugo on the generated corpus; see compare.py for what it does
# and `bench/compare/run.sh --help` for options (sizes, runs, bengal binary).
# Prints a Markdown table for bench/RESULTS.md on stdout.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
# Hugo comes from Debian's hugo package, through the one script that names dependencies.
"$repo/scripts/install-deps.sh" --bench-compare
exec python3 "$repo/bench/compare/compare.py" "$@"
