"""Render the application icon (resources/icons/veileder.svg) into veileder.png (Linux, .desktop) and a
multi-size veileder.ico (Windows exe and taskbar). Run from the repository root after changing the SVG:

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py
"""
# ruff: noqa
import struct
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtCore import Qt, QBuffer, QByteArray, QIODevice
app = QGuiApplication([])
r = QSvgRenderer("resources/icons/veileder.svg")
def image(n):
    i = QImage(n, n, QImage.Format.Format_ARGB32); i.fill(Qt.GlobalColor.transparent)
    p = QPainter(i); p.setRenderHint(QPainter.RenderHint.Antialiasing); r.render(p); p.end(); return i
image(256).save("resources/icons/veileder.png")
def png(n):
    i = QImage(n, n, QImage.Format.Format_ARGB32); i.fill(Qt.GlobalColor.transparent)
    p = QPainter(i); p.setRenderHint(QPainter.RenderHint.Antialiasing); r.render(p); p.end()
    ba = QByteArray(); b = QBuffer(ba); b.open(QIODevice.OpenModeFlag.WriteOnly); i.save(b, "PNG"); return bytes(ba)
sizes = [16, 24, 32, 48, 64, 256]
data = [png(n) for n in sizes]
out = struct.pack("<HHH", 0, 1, len(sizes)); offset = 6 + 16 * len(sizes); body = b""
for n, d in zip(sizes, data):
    out += struct.pack("<BBBBHHII", n % 256, n % 256, 0, 0, 1, 32, len(d), offset); offset += len(d); body += d
open("resources/icons/veileder.ico", "wb").write(out + body)
