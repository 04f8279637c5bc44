#!/usr/bin/env bash
# README command 1: install dependencies, build bengal, build the bundled example site.
# The website is written to examples/site/public/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DBENGAL_TESTS=OFF -DBENGAL_BENCH=OFF >/dev/null
ninja -C build bengal
./build/bengal build examples/site "$@"
echo "Open examples/site/public/index.html in a browser to see the site."
