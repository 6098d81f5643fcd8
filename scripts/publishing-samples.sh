#!/usr/bin/env bash
# Make the README's samples of the published outputs (docs/screenshots/):
#   site.png, site-search.png   – the static site in headless Chromium (offline, no network)
#   brochure.png                – the first pages of the citizen brochure PDF (pdftoppm)
#   handbook-pdf.png            – the table of contents of the handbook PDF (pdftoppm)
# Needs chromium and poppler-utils (`make test-deps`). Usage: scripts/publishing-samples.sh [MUNICIPALITY]
set -euo pipefail
cd "$(dirname "$0")/.."
m="${1:-asker}"
py=.venv/bin/python
out=docs/screenshots
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
$py -m handbook export html --municipality "$m" --out "$work/site" >/dev/null
$py -m handbook export brochure --municipality "$m" --out "$work/brosjyre.pdf" >/dev/null 2>&1
$py -m handbook export pdf --municipality "$m" --out "$work/veileder.pdf" >/dev/null
shot() {  # URL FILE HEIGHT
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --user-data-dir="$work/profile" --proxy-server=127.0.0.1:9 \
    --hide-scrollbars --window-size="1100,$3" --screenshot="$2" "$1" >/dev/null 2>&1
}
page=$(ls "$work/site/pages" | grep -m1 '^opplysningsplikt' || ls "$work/site/pages" | head -1)
shot "file://$work/site/pages/$page" "$out/site.png" 1300
shot "file://$work/site/search.html?q=vold%20barn" "$out/site-search.png" 1000
pdftoppm -r 45 -png -f 1 -l 2 "$work/brosjyre.pdf" "$work/b"
pdftoppm -r 45 -png -f 2 -l 2 "$work/veileder.pdf" "$work/h"
$py - "$work" "$out" <<'PYEOF'
import sys
from pathlib import Path
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QColor
app = QGuiApplication([])
work, out = Path(sys.argv[1]), Path(sys.argv[2])
def side_by_side(files, target):
    images = [QImage(str(f)) for f in files]
    gap = 16
    width = sum(i.width() for i in images) + gap * (len(images) + 1)
    height = max(i.height() for i in images) + 2 * gap
    canvas = QImage(width, height, QImage.Format.Format_RGB32)
    canvas.fill(QColor("#d8d8d8"))
    painter = QPainter(canvas)
    x = gap
    for image in images:
        painter.drawImage(x, gap, image)
        x += image.width() + gap
    painter.end()
    canvas.save(str(target))
side_by_side(sorted(work.glob("b-*.png")), out / "brochure.png")
side_by_side(sorted(work.glob("h-*.png")), out / "handbook-pdf.png")
PYEOF
echo "publishing-samples: wrote $out/site.png, site-search.png, brochure.png, handbook-pdf.png ($m)"
