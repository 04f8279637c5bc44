#!/usr/bin/env bash
# The default theme against a content-only theme (and the default theme without its sidebar)
# on the generated corpus; see theme_cost.py for what it measures and
# `bench/theme_cost.sh --help` for options (sizes, runs, themes, bengal binary).
# Prints a Markdown table for bench/RESULTS.md on stdout.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
# python3 and /usr/bin/time (and cmake/ninja if build/bengal must be built) come from here.
"$repo/scripts/install-deps.sh"
exec python3 "$repo/bench/theme_cost.py" "$@"
