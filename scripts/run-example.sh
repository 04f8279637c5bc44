#!/usr/bin/env bash
# README command 1: install dependencies, build bengal, build the bundled example site.
# The website is written to examples/site/public/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DBENGAL_TESTS=OFF -DBENGAL_BENCH=OFF >/dev/null
ninja -C build bengal
./build/bengal build examples/site "$@"
# The site links its assets from the root (/assets/bengal.css), as it will be served; opened
# from disk it would lose its styles and scripts.
echo "To see the site: python3 -m http.server -d examples/site/public 8000, then open"
echo "http://localhost:8000/ (the rich-content page: http://localhost:8000/docs/writing-rich-content/)."
