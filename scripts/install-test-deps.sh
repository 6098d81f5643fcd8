#!/usr/bin/env bash
# Install the Debian packages the export tests use (requirements-test-system.txt): headless Chromium to
# check the exported site, poppler-utils (pdftotext, pdftoppm) to read the PDFs. Only those missing.
# Needs root or sudo; without either it says what to install and carries on (the tests then skip, or fail
# under CI=true).
set -u
cd "$(dirname "$0")/.."
command -v dpkg-query >/dev/null 2>&1 || { echo "install-test-deps: not a Debian system, skipping"; exit 0; }
missing=()
while read -r pkg; do
  case "$pkg" in ''|'#'*) continue ;; esac
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done < requirements-test-system.txt
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
  echo "install-test-deps: please install as root: apt-get install ${missing[*]}"; exit 0
fi
echo "install-test-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null && $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
  || { echo "install-test-deps: apt-get failed; the export tests will skip or fail"; exit 0; }
