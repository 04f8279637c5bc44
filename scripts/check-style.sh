#!/usr/bin/env bash
# The code's habits, checked: every C++ file formatted as .clang-format says, and the
# .clang-tidy checks on src/ (warnings are errors; cognitive complexity over 60 is listed as a
# warning). Needs a configured build folder for compile_commands.json: build/ by default or
# the folder given.
#
#   scripts/check-style.sh [BUILD] [--changed [BASE]]
#
# clang-tidy costs as much CPU as compiling src/ (about 600 CPU seconds, 5 minutes on two
# cores; see "Test suite time" in bench/RESULTS.md). With --changed it checks only the .cpp
# files in src/ changed since BASE (default HEAD~1: the commit under test, or all of a merge's
# branch) and the .cpp files that include a changed header directly. The test command uses
# that subset; run without --changed for the whole of src/.
set -euo pipefail
cd "$(dirname "$0")/.."
build=build
if [ $# -gt 0 ] && [ "$1" != --changed ]; then
  build=$1
  shift
fi
changed_since=
if [ "${1:-}" = --changed ]; then changed_since=${2:-HEAD~1}; fi

echo "== clang-format"
git ls-files -z '*.cpp' '*.hpp' | xargs -0 clang-format --dry-run -Werror

if [ ! -f "$build/compile_commands.json" ]; then
  echo "error: $build/compile_commands.json is missing; configure the build first" >&2
  exit 1
fi
# run-clang-tidy takes regular expressions of files: the folder, or each changed file.
targets=("$PWD/src/bengal/")
if [ -n "$changed_since" ]; then
  if ! changed=$(git diff --name-only "$changed_since" -- 'src/bengal/*.cpp' 'src/bengal/*.hpp' \
    2>/dev/null); then
    echo "== clang-tidy (src/: $changed_since is not a commit here, so all of it)"
  else
    files=$(
      for f in $changed; do
        [ -f "$f" ] || continue # deleted
        case "$f" in
          *.cpp) echo "$f" ;;
          *.hpp) grep -rlE --include='*.cpp' "#include \"(.*/)?$(basename "$f")\"" src/bengal || true ;;
        esac
      done | sort -u
    )
    echo "== clang-tidy ($(echo "$files" | grep -c . || true) files of src/ changed since $changed_since)"
    if [ -z "$files" ]; then exit 0; fi
    mapfile -t targets < <(echo "$files" | sed "s|^|$PWD/|")
  fi
else
  echo "== clang-tidy (src/)"
fi
# A unity build's compile_commands.json names its unity files, not the .cpp files that
# clang-tidy checks: configure (no build) a folder without unity files beside it for the
# commands, with the build folder's build type and compiler.
db=$build
if grep -q '/Unity/unity_' "$build/compile_commands.json"; then
  db=$build/compile-db
  cache() { sed -n "s/^$1:[A-Z]*=//p" "$build/CMakeCache.txt"; }
  cmake -S . -B "$db" -G Ninja -DBENGAL_UNITY=OFF -DBENGAL_TESTS=OFF -DBENGAL_BENCH=OFF \
    -DCMAKE_BUILD_TYPE="$(cache CMAKE_BUILD_TYPE)" -DCMAKE_CXX_COMPILER="$(cache CMAKE_CXX_COMPILER)" \
    >/dev/null
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
run-clang-tidy -p "$db" -j "$(nproc)" -quiet "${targets[@]}" >"$log" 2>&1 || status=$?
# The log echoes each clang-tidy command line; show only the findings.
grep -v "^clang-tidy\|^[0-9]* warnings\? generated\|^Suppressed\|^Use -header-filter" "$log" || true
if [ "$status" -ne 0 ]; then
  echo "error: clang-tidy found the problems above (checks in .clang-tidy)" >&2
fi
exit "$status"
