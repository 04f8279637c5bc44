#!/usr/bin/env bash
# bengal's streaming (--memory-optimized) against its full (--no-memory-optimized) memory
# policy on the generated corpus; see streaming.py for what it measures and
# `bench/streaming.sh --help` for options (sizes, runs, bengal binary, --dry-run).
# Prints a Markdown table for bench/RESULTS.md on stdout.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
# python3 and /usr/bin/time (and cmake/ninja if build/bengal must be built) come from here.
"$repo/scripts/install-deps.sh"
exec python3 "$repo/bench/streaming.py" "$@"
