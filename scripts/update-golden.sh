#!/usr/bin/env bash
# Refreshes the expected output of the golden sites from the current build of bengal. Run it
# on purpose after a deliberate output change, then review `git diff tests/sites` before
# committing: the golden tests exist to catch changes nobody meant to make.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BENGAL:-build/bengal}
# Must match the cases in tests/cli/golden_site_test.cpp: site expected-name args...
cases=(
  "golden golden"
  "golden golden-drafts --drafts"
  "golden golden-strict --strict"
  "bad-config bad-config"
  "themed themed"
  "structure structure"
)
for c in "${cases[@]}"; do
  read -r site expected args <<<"$c"
  dir=tests/sites/$expected.expected
  rm -rf "$dir"
  mkdir -p "$dir"
  set +e
  # shellcheck disable=SC2086
  "$bin" build "tests/sites/$site" -o "$dir/public" --quiet $args 2>"$dir/stderr.txt" >/dev/null
  echo $? >"$dir/exit_code.txt"
  set -e
  mkdir -p "$dir/public"
  echo "updated $dir"
done
# `bengal graph` of the golden site in its three formats: tests/cli/graph_command_test.cpp.
dir=tests/sites/golden-graph.expected
rm -rf "$dir"
mkdir -p "$dir"
for format in text json dot; do
  "$bin" graph tests/sites/golden --format "$format" --top 5 >"$dir/graph.$format" 2>"$dir/stderr.txt"
done
echo "updated $dir"
