#!/usr/bin/env bash
# jemalloc (what the bengal binary links) against glibc with and without bengal's release of
# freed memory, in builds of the generated corpus; see allocators.py. Builds build-glibc/bengal
# (-DBENGAL_JEMALLOC=OFF) when it is missing. Prints a Markdown table for bench/RESULTS.md.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
# python3, cc, cmake, ninja, /usr/bin/time and libjemalloc-dev come from here.
"$repo/scripts/install-deps.sh"
if [ ! -x "$repo/build-glibc/bengal" ]; then
  cmake -S "$repo" -B "$repo/build-glibc" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DBENGAL_JEMALLOC=OFF -DBENGAL_TESTS=OFF -DBENGAL_BENCH=OFF >/dev/null
  ninja -C "$repo/build-glibc" bengal >&2
fi
exec python3 "$repo/bench/allocators.py" "$@"
