#!/usr/bin/env bash
# Install axe-core (the accessibility rules engine the site and brochure tests run inside headless Chromium)
# from the npm registry into build/axe-core/, pinned. Run by `make test-deps`; without npm it says so and the
# axe tests skip (under CI they fail).
set -u
cd "$(dirname "$0")/.."
version=4.14.1
dest=build/axe-core
installed="$dest/node_modules/axe-core/package.json"
if [ -f "$installed" ] && grep -q "\"version\": \"$version\"" "$installed"; then exit 0; fi
if ! command -v npm >/dev/null 2>&1; then
  echo "install-axe-core: npm is missing (Debian: apt-get install npm); the axe-core tests will skip"; exit 0
fi
mkdir -p "$dest"
npm install --silent --no-audit --no-fund --no-save --prefix "$dest" "axe-core@$version" \
  || { echo "install-axe-core: npm install axe-core@$version failed; the axe-core tests will skip"; exit 0; }
