"""Rules for paper that both printers keep (Qt's for printing from the reader, WeasyPrint's for the PDFs)."""

from __future__ import annotations

BODY_POINTS = 10.5
SMALLER_POINTS = (10.0, 9.5, 9.0)  # tried, in order, when the last page would be nearly empty
NEAR_EMPTY = 0.2  # a last page filled less than this is "nearly empty": a line or two, not worth a sheet
