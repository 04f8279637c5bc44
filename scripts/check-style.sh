#!/usr/bin/env bash
# The code's habits, checked: every C++ file formatted as .clang-format says, and the
# .clang-tidy checks on src/ (warnings are errors; cognitive complexity over 60 is listed as a
# warning). Needs a configured build folder for compile_commands.json: build/ by default or
# the folder given.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}

echo "== clang-format"
git ls-files -z '*.cpp' '*.hpp' | xargs -0 clang-format --dry-run -Werror

echo "== clang-tidy (src/)"
if [ ! -f "$build/compile_commands.json" ]; then
  echo "error: $build/compile_commands.json is missing; configure the build first" >&2
  exit 1
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
run-clang-tidy -p "$build" -j "$(nproc)" -quiet "$PWD/src/bengal/" >"$log" 2>&1 || status=$?
# The log echoes each clang-tidy command line; show only the findings.
grep -v "^clang-tidy\|^[0-9]* warnings\? generated\|^Suppressed\|^Use -header-filter" "$log" || true
if [ "$status" -ne 0 ]; then
  echo "error: clang-tidy found the problems above (checks in .clang-tidy)" >&2
fi
exit "$status"
