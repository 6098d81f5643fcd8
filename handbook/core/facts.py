"""The register of verified facts (phone numbers, law sections) that content is checked against."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from handbook.core.yamlfile import read_yaml
from handbook.errors import Issue

if TYPE_CHECKING:  # content reads the facts when it loads a handbook
    from handbook.core.content import Contact

# Phone numbers as they are written in Norway and Sweden: 22 40 00 40, 800 57 000, 116 117, 114 14,
# 02800, +47 78 41 20 00, 020-50 50 50, 010-223 57 60.
PHONE_PATTERN = re.compile(
    r"(?<![\d§.,/-])(?:\+47\s?)?"
    r"(?:\d{2}(?: \d{2}){3}"
    r"|\d{3} \d{2} \d{3}"
    r"|11\d \d{3}"
    r"|1\d{2} \d{2}"
    r"|0\d{4}"
    r"|0\d{1,3}-\d{2,3}(?: \d{2,3}){1,3})"
    r"(?![\d])(?! ?\d{2,}\b)"
)
# "§ 13-2", "§ 3-3 a", "§§ 274, 275 og 282", "§ 13 b"
_NORWEGIAN_SECTIONS = re.compile(
    r"§§?\s*((?:\d+(?:-\d+)?(?:\s?[a-z](?![a-zæøå]))?)(?:\s*(?:,|og|eller|–|-)\s*\d+(?:-\d+)?(?:\s?[a-z](?![a-zæøå]))?)*)"
)
_ONE_SECTION = re.compile(r"\d+(?:-\d+)?(?:\s?[a-z](?![a-zæøå]))?")
# "14 kap. 1 §"
_SWEDISH_SECTIONS = re.compile(r"(\d+)\s*kap\.\s*(\d+(?:\s?[a-z](?![a-zåäö]))?)\s*§")
# The project's own files and words, which a reader must never see as a source: «content/facts/numbers.yaml»,
# «faktaregisteret», «plassholder» (Swedish «faktaregister», «platshållare»).
INTERNAL_WORDS = re.compile(r"content/facts|\b[\w-]+\.ya?ml\b|faktaregist|plassholder|platshållare", re.IGNORECASE)
INTERNAL_WORDS_MESSAGE = ("'{word}' is an internal file or word that readers see: say where the fact comes from "
                          "in words a reader understands (e.g. «politiet.no, sjekket november 2026»)")


def normalize_phone(text: str) -> str:
    """Digits only, without the Norwegian country code."""
    digits = re.sub(r"\D", "", text)
    if len(digits) == 10 and digits.startswith("47"):
        digits = digits[2:]
    return digits


def normalize_section(text: str) -> str:
    """`3-3 a` → `3-3a`; `14 kap. 1` → `14kap1`."""
    return re.sub(r"[\s.]", "", text.lower())


def phones_in(text: str) -> Iterator[str]:
    """Phone-number-like strings in a text."""
    for match in PHONE_PATTERN.finditer(text):
        yield match.group(0)


def internal_words_in(text: str) -> list[str]:
    """The project's internal file names and words in a text meant for readers (none in good content)."""
    return sorted({match.group(0) for match in INTERNAL_WORDS.finditer(text)})


def sections_in(text: str) -> Iterator[str]:
    """Law sections cited in a text, as written (`13-2`, `3-3 a`, `14 kap. 1`)."""
    for match in _NORWEGIAN_SECTIONS.finditer(text):
        for one in _ONE_SECTION.finditer(match.group(1)):
            yield one.group(0)
    for match in _SWEDISH_SECTIONS.finditer(text):
        yield f"{match.group(1)} kap. {match.group(2)}"


@dataclass(frozen=True)
class Facts:
    """Known phone numbers and law sections, from content/facts."""

    phones: frozenset[str]
    sections: frozenset[str]
    issues: tuple[Issue, ...] = ()

    def knows_phone(self, number: str) -> bool:
        return normalize_phone(number) in self.phones

    def problems_in(self, text: str) -> Iterator[str]:
        """A message for every law section and phone number in `text` that the register does not hold."""
        for section in sections_in(text):
            if not self.knows_section(section):
                yield f"§ {section} is not in the legal register (content/facts/laws.yaml)"
        for number in phones_in(text):
            if not self.knows_phone(number):
                yield f"phone number '{number}' is not in the facts register (content/facts)"
        for word in internal_words_in(text):
            yield INTERNAL_WORDS_MESSAGE.format(word=word)

    def knows_section(self, section: str) -> bool:
        """True when the section (or, for `13 i`-like text, its number alone) is in the register."""
        norm = normalize_section(section)
        if norm in self.sections:
            return True
        bare = re.sub(r"[a-z]$", "", norm)
        return bare != norm and bare in self.sections and not re.search(r"[a-h]$", norm)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def load_facts(content: Path) -> Facts:
    """Read content/facts/{numbers,local,laws}.yaml into a register."""
    folder = content / "facts"
    issues: list[Issue] = []
    phones: set[str] = set()
    for name in ("numbers.yaml", "local.yaml"):
        path = folder / name
        if not path.is_file():
            issues.append(Issue(path, 1, "error", "missing facts file"))
            continue
        data = read_yaml(path, issues)
        for text in _strings(data):
            phones.update(normalize_phone(p) for p in phones_in(text))
            if re.fullmatch(r"\+?[\d -]{3,}", text.strip()):
                phones.add(normalize_phone(text))
    sections: set[str] = set()
    laws_path = folder / "laws.yaml"
    if not laws_path.is_file():
        issues.append(Issue(laws_path, 1, "error", "missing facts file"))
    else:
        data = read_yaml(laws_path, issues) or {}
        for country in ("norway", "sweden"):
            for entry in data.get(country) or []:
                if isinstance(entry, dict) and entry.get("section"):
                    sections.add(normalize_section(str(entry["section"])))
    return Facts(frozenset(phones), frozenset(sections), tuple(issues))


def confirmed_only(contacts: dict[str, Contact], facts: Facts) -> dict[str, Contact]:
    """The contacts with `verified` kept only where every number is in the register.

    An editor's `verified: true` on a number that no source backs is never shown as confirmed – in the reader,
    the summaries or the exports – whatever the file says; `lint` reports it as an error."""
    def confirmed(contact: Contact) -> bool:
        numbers = [n for n in (contact.phone, contact.direct) if n]
        return contact.verified and all(facts.knows_phone(n) for n in numbers)

    return {cid: c if confirmed(c) else replace(c, verified=False) for cid, c in contacts.items()}
