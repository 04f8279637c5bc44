#!/usr/bin/env bash
# glibc with and without bengal's malloc_trim, and jemalloc, in streaming builds of the
# generated corpus; see allocators.py. Prints a Markdown table for bench/RESULTS.md on stdout.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
# python3, cc, /usr/bin/time and libjemalloc2 come from here.
"$repo/scripts/install-deps.sh"
exec python3 "$repo/bench/allocators.py" "$@"
