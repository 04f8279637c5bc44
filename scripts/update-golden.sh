#!/usr/bin/env bash
# Refreshes the expected output of the golden sites from the current build of bengal. Run it
# on purpose after a deliberate output change, then review `git diff tests/sites` before
# committing: the golden tests exist to catch changes nobody meant to make.
# The cases are the golden tests' own (tests/cli/golden_site_test.cpp and
# graph_command_test.cpp): run with BENGAL_UPDATE_GOLDEN=1 they write instead of compare.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
nice ninja -C "$build" bengal test_cli
BENGAL_UPDATE_GOLDEN=1 BENGAL_TEST_TMP="$PWD/$build/test-tmp" "$build/tests/cli/test_cli" \
  --gtest_filter='Sites/GoldenSite.*:Formats/GraphCommand.*' --gtest_brief=1
git status --short tests/sites
