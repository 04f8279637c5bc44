#!/usr/bin/env bash
# What the incremental cache costs a cold build: the 10K corpus built cold with the cache on
# (no .bengal/, an empty output folder) and with --no-cache, interleaved, RUNS of each.
# Prints one line per build: mode, wall s, user s, sys s, peak RSS KB.
#
#   bench/cold_cache.sh BENGAL CORPUS_DIR [RUNS]   (CORPUS_DIR: e.g. the corpus-10K that
#                                                  bench/incremental.py generates)
set -euo pipefail
bengal=$1
corpus=$2
runs=${3:-5}
work=$(mktemp -d)
out=$(mktemp -d /dev/shm/bengal-cold-cache.XXXXXX)
trap 'rm -rf "$work" "$out"' EXIT
cp -a "$corpus" "$work/site"
for _ in $(seq "$runs"); do
  for mode in cache no-cache; do
    rm -rf "$out" "$work/site/.bengal"
    flags=()
    if [ "$mode" = no-cache ]; then flags=(--no-cache); fi
    /usr/bin/time -f "$mode %e %U %S %M" "$bengal" build "$work/site" -o "$out" -q "${flags[@]}" 2>&1 |
      tail -1
  done
done
