#!/usr/bin/env bash
# README command 2: install dependencies, build everything, run all tests twice: once in the
# Release build that users run (the folder README command 1 builds, so the two share their
# objects) and once under AddressSanitizer + UndefinedBehaviorSanitizer; check formatting and
# clang-tidy (scripts/check-style.sh); then every libFuzzer target (fuzz/) briefly from its
# seed corpus. The sanitizer suite and the fuzz targets share one clang build (-O2: the
# sanitized tests run about three times faster than at -O0, and one build instead of two
# keeps the suite within its time budget). Its debug information is line tables only: the
# sanitizers' stack traces keep each frame's file:line, and the objects and links are smaller.
#
# The budget is 15 minutes on two cores ("Test suite time" in bench/RESULTS.md), so: every
# test program runs under the sanitizers, and the Release suite builds only the programs that
# run the Release bengal binary end to end (tests/cli: the golden sites, the theme in Chromium,
# hostile files; tests/serve; tests/incremental, whose property test needs Release speed for
# its 200 steps) and the browser tests: compiling every unit test twice, with two compilers,
# was a third of the time. Each program's gtest tests run in groups of 20 per process (a
# sanitized process takes 0.1-0.4 s to start and to check for leaks; cmake/test_groups.cmake);
# the benchmarks are built only in the sanitizer build, so that they keep compiling,
# clang-tidy checks the files of src/ the tested commit changed (scripts/check-style.sh
# without --changed checks all of src/), and the slowest tests start first (cmake/
# test_costs.cmake).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
jobs=$(nproc)
started=$SECONDS
phase() { echo "== $1 (at $((SECONDS - started)) s)"; }

run_suite() {  # build dir, extra cmake args...
  local dir=$1; shift
  cmake -S . -B "$dir" -G Ninja "$@" >/dev/null
  ninja -C "$dir"
  ctest --test-dir "$dir" --output-on-failure -j "$jobs"
}

phase "tests (Release: the end-to-end programs)"
run_suite build -DCMAKE_BUILD_TYPE=Release -DBENGAL_TESTS=ON -DBENGAL_BENCH=OFF \
  "-DBENGAL_TEST_PROGRAMS=cli;serve;incremental" -DBENGAL_TEST_GROUP_SIZE=20
phase "style (clang-format, clang-tidy)"
scripts/check-style.sh build --changed
phase "tests (ASan + UBSan, clang, every program, with the fuzz targets)"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  run_suite build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -gline-tables-only -DNDEBUG" \
  -DBENGAL_FUZZ=ON -DBENGAL_BENCH=ON -DBENGAL_TEST_PROGRAMS= -DBENGAL_TEST_GROUP_SIZE=20
phase "fuzzing (5 s per target; scripts/fuzz.sh 600 for the long runs)"
FUZZ_BUILD=build-asan scripts/fuzz.sh 5
phase "done"
