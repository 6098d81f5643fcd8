#!/usr/bin/env bash
# Install the Debian packages listed in a requirements file (one a line, # for comments), only those missing.
#   scripts/install-debian-packages.sh requirements-system.txt        # what Qt needs (make run, make test)
#   scripts/install-debian-packages.sh requirements-test-system.txt   # Chromium, poppler-utils (export tests)
# Needs root or sudo; without either it says what to install and carries on.
set -u
list=${1:?usage: install-debian-packages.sh REQUIREMENTS_FILE}
cd "$(dirname "$0")/.."
name="install-debian-packages ($list)"
command -v dpkg-query >/dev/null 2>&1 || { echo "$name: not a Debian system, skipping"; exit 0; }
missing=()
while read -r pkg; do
  case "$pkg" in ''|'#'*) continue ;; esac
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done < "$list"
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
  echo "$name: please install as root: apt-get install ${missing[*]}"; exit 0
fi
echo "$name: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null && $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
  || { echo "$name: apt-get failed; Qt may not show a window, and the export tests skip (or fail under CI)"; exit 0; }
