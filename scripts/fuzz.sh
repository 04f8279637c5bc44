#!/usr/bin/env bash
# Builds the libFuzzer targets in fuzz/ with clang (ASan + UBSan) and runs each for SECONDS
# (default 60), starting from its seed corpus in fuzz/corpus/<target>/.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     e.g. scripts/fuzz.sh 5, scripts/fuzz.sh 600 markdown
#
# The repository is never modified: seeds are copied into build-fuzz/corpus/<target>/, where
# inputs the fuzzer finds accumulate from run to run. An input that crashes, leaks, times out
# (10 s) or exceeds 2 GB is kept in build-fuzz/crashes/; reproduce it with
# `build-fuzz/fuzz/fuzz_<target> FILE`. Exits 1 when any target failed. FUZZ_FLAGS adds
# libFuzzer flags to every run. FUZZ_BUILD names another build folder configured with
# -DBENGAL_FUZZ=ON (the test command passes its sanitizer build, which holds the targets too).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="$(realpath -m "${FUZZ_BUILD:-$ROOT/build-fuzz}")"
ALL_TARGETS=(front_matter config markdown template_parse template_render date url page_record
  cache_record kept_record)

SECONDS_PER_TARGET=60
if [ $# -gt 0 ] && [[ "$1" =~ ^[0-9]+$ ]]; then
  SECONDS_PER_TARGET="$1"
  shift
fi
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then TARGETS=("${ALL_TARGETS[@]}"); fi
for t in "${TARGETS[@]}"; do
  if [[ ! " ${ALL_TARGETS[*]} " =~ " $t " ]]; then
    echo "usage: $0 [SECONDS] [TARGET...]; targets: ${ALL_TARGETS[*]}" >&2
    exit 2
  fi
done

# Longest input per target: long enough for any construct, short enough that every
# execution stays in microseconds. Dictionaries give the fuzzer each grammar's tokens.
max_len() {
  case "$1" in
    date) echo 128 ;;
    url) echo 512 ;;
    markdown) echo 8192 ;;
    *) echo 4096 ;;
  esac
}
dict() {
  case "$1" in
    front_matter | config | page_record) echo "$ROOT/fuzz/dict/yaml_toml.dict" ;;
    markdown) echo "$ROOT/fuzz/dict/markdown.dict" ;;
    template_parse | template_render) echo "$ROOT/fuzz/dict/template.dict" ;;
  esac
}

"$ROOT/scripts/install-deps.sh"

launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
if [ ! -f "$BUILD/build.ninja" ]; then
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ -DBENGAL_FUZZ=ON -DBENGAL_TESTS=OFF -DBENGAL_BENCH=OFF \
    "${launcher[@]}" >/dev/null
fi
if ! ninja -C "$BUILD" "${TARGETS[@]/#/fuzz_}" >"$BUILD/fuzz-build.log" 2>&1; then
  cat "$BUILD/fuzz-build.log" >&2
  exit 1
fi

mkdir -p "$BUILD/crashes"
# One target's run; its result line goes to $BUILD/fuzz-$t.result.
fuzz_target() {
  local t=$1
  local corpus="$BUILD/corpus/$t"
  mkdir -p "$corpus"
  cp -n "$ROOT/fuzz/corpus/$t/"* "$corpus/"
  local log="$BUILD/fuzz-$t.log"
  local args=(-max_total_time="$SECONDS_PER_TARGET" -max_len="$(max_len "$t")" -rss_limit_mb=2048
    -timeout=10 -print_final_stats=1 -artifact_prefix="$BUILD/crashes/$t-")
  if [ -n "$(dict "$t")" ]; then args+=(-dict="$(dict "$t")"); fi
  # Extra libFuzzer flags for one run, e.g. FUZZ_FLAGS="-detect_leaks=0 -seed=1".
  local extra
  read -r -a extra <<<"${FUZZ_FLAGS:-}"
  args+=("${extra[@]}")
  local status=0
  "$BUILD/fuzz/fuzz_$t" "${args[@]}" "$corpus" >"$log" 2>&1 || status=$?
  local runs rate size result
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  size=$(find "$corpus" -type f | wc -l)
  if [ "$status" -eq 0 ]; then
    result="ok"
  else
    local artifact kind
    artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
    kind=$(grep -m1 -oE 'ERROR: (AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|libFuzzer): [a-z-]+' "$log" ||
      grep -m1 -oE 'runtime error: .*' "$log" || echo "exit $status")
    result="FAILED (${kind#ERROR: }): ${artifact:-see $log}"
  fi
  printf 'fuzz %-16s %10s runs %7s/s  corpus %5s  %s\n' "$t" "${runs:-0}" "${rate:-0}" "$size" \
    "$result" >"$BUILD/fuzz-$t.result"
}

# As many targets at once as there are cores (each is one process): the same fuzzing time per
# target in a fraction of the wall time. Results print in target order.
parallel=$(nproc)
for t in "${TARGETS[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$parallel" ]; do wait -n || true; done
  fuzz_target "$t" &
done
wait
failed=0
for t in "${TARGETS[@]}"; do
  cat "$BUILD/fuzz-$t.result"
  if ! grep -q ' ok$' "$BUILD/fuzz-$t.result"; then failed=1; fi
done
exit "$failed"
