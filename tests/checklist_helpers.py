"""A small valid checklist on top of the `mini_content` fixture, and helpers to break it one rule at a time."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write

# Resolves against mini_content: duty page `opplysningsplikt`, pages `psykisk-vold` and `fysisk-vold`,
# contacts `politi-112` (verified) and `krisesenter` (unverified in `no`, verified in `by`).
MINI = """\
id: mini
title: Mini-sjekkliste
version: "1"
reviewed: 2026-11-01
owner: Koordinator for vold i nære relasjoner
audience: [children]
sources: ["Barnevernsloven § 13-2 (regjeringen.no)"]
start: fare
steps:
  fare:
    type: question
    text: Er noen i fare akkurat nå?
    answers:
      - {label: "Ja", next: akutt}
      - {label: "Nei", next: grunn}
  akutt:
    type: end
    text: Ring 112 nå.
    actions:
      - text: Ring politiet.
        basis: [opplysningsplikt]
        contacts: [politi-112]
  grunn:
    type: question
    text: Har du grunn til å tro at barnet er utsatt?
    help: Du trenger ikke bevis.
    answers:
      - {label: "Ja", next: rad}
      - {label: "Nei", next: folg}
  rad:
    type: advice
    text: Skriv ned det du har sett.
    actions:
      - text: Skriv ned barnets egne ord.
        basis: [opplysningsplikt]
        pages: [psykisk-vold]
    next: meld
  meld:
    type: end
    text: Meld til barnevernet i dag.
    actions:
      - text: Send bekymringsmelding <i>samme dag</i>.
        basis: [opplysningsplikt]
        contacts: [krisesenter, politi-112]
        pages: [fysisk-vold]
  folg:
    type: end
    text: Følg med.
    actions:
      - text: Følg med på barnet.
        basis: [opplysningsplikt]
"""


def write_checklist(content: Path, text: str = MINI, pack: str = "no", name: str = "mini") -> Path:
    """Write a checklist file into a pack of a content tree."""
    return write(content / "packs" / pack / "checklists" / f"{name}.yaml", text)


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """The 1-based line of the n-th line containing `needle`."""
    seen = 0
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{needle!r} not in the text")
