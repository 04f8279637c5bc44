#!/usr/bin/env bash
# Refreshes the default theme's screenshots that the docs keep (docs/content/images/theme/,
# shown in README.md and docs/content/reference/default-theme.md) after a deliberate change to
# the theme's look. They come from the browser test's screenshot step (tests/browser), taken
# of examples/site with the bengal in BUILD_DIR (default build/); review them before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
shots="$build/browser-screenshots"
node tests/browser/theme.test.mjs --bengal "$build/bengal" --only screenshots \
  --screenshots "$shots" --tmp "$build/test-tmp"
mkdir -p docs/content/images/theme
for name in page-1280x900-light page-1280x900-dark page-390x844-light page-390x844-dark \
            list-1280x900-light home-1280x900-dark; do
  cp "$shots/$name.png" docs/content/images/theme/
done
echo "Updated docs/content/images/theme/ from $shots"
