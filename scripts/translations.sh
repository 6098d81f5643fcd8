#!/usr/bin/env bash
# Update the reader's translation sources from the code, then compile them:
#   resources/translations/veileder_{sv,en}.ts  (edit these: Qt Linguist or any text editor)
#   resources/translations/veileder_{sv,en}.qm  (compiled, loaded at start; commit them too)
# The UI text in the code is Norwegian bokmål; Swedish is used with a Swedish pack, English on request.
set -eu
cd "$(dirname "$0")/.."
bin=${VENV:-.venv}/bin
sources=$(ls handbook/ui/*.py | grep -v -e pdf_export.py)
for lang in sv en; do
  ts=resources/translations/veileder_$lang.ts
  # shellcheck disable=SC2086
  "$bin/pyside6-lupdate" -no-obsolete -locations none -source-language nb_NO -target-language "$lang" \
    $sources -ts "$ts"
  "$bin/pyside6-lrelease" -silent "$ts" -qm "resources/translations/veileder_$lang.qm"
done
# Qt's own dialogs in bokmål (Qt ships no qtbase_nb): edit qtbase_nb.ts by hand, it is compiled here.
"$bin/pyside6-lrelease" -silent resources/translations/qtbase_nb.ts -qm resources/translations/qtbase_nb.qm
