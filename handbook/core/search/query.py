"""Reading a user's query into parts (words, quoted phrases, synonym groups); never with Whoosh's query
language, so no input can raise."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from handbook.core.search.analysis import Analysis, normalize, words

MAX_QUERY_CHARS = 200
MAX_QUERY_PARTS = 12
PREFIX_MIN = 3  # search as you type: the last word matches as a prefix from this length
QUOTES = re.compile(r"[\"“”«»„]")
OPERATORS = re.compile(r"(?<![^\W_])(?:AND|OR|NOT)(?![^\W_])")

@dataclass(frozen=True)
class Slot:
    """One part of a query: a word, a quoted phrase, or a synonym group (any of its words or phrases)."""

    raw: str  # as typed (lower case), for the suggestion
    alternatives: tuple[tuple[str, ...], ...]  # stems; more than one stem = a phrase
    quoted: bool = False
    synonym: bool = False
    stop: bool = False
    prefix: str | None = None  # the raw word, when it may match as a prefix
    start: int = 0  # the position of its first word among the query's words

    @property
    def word(self) -> str | None:
        """The stem of a plain typed word (not quoted, not a synonym phrase), else None."""
        if self.quoted or len(self.alternatives[0]) != 1 or " " in self.raw:
            return None
        return self.alternatives[0][0]


@dataclass(frozen=True)
class ParsedQuery:
    raw_words: tuple[str, ...]
    slots: tuple[Slot, ...]
    open_end: bool  # the last word may be unfinished (no space or quote after it)
    title_words: tuple[str, ...] = ()  # the words a title is compared with: without a question's opening
    intents: frozenset[str] = frozenset()  # the kinds of hit the query asks for: "contact", "checklist"

    def __post_init__(self) -> None:
        if not self.title_words:
            object.__setattr__(self, "title_words", self.raw_words)

    def title_prefixes(self, stem: Any) -> tuple[str, str]:
        """What a title must start with to rank as a title prefix: (words, stems)."""
        space = "" if self.open_end else " "
        raw_key = " ".join(self.title_words)
        return raw_key + space, " ".join(stem(w) for w in self.title_words) + space


class SynonymTable:
    """Synonym groups keyed by their stems, matched longest first against a query's words."""

    def __init__(self, groups: Iterable[Sequence[str]], stem: Any) -> None:
        self._by_stems: dict[tuple[str, ...], set[int]] = {}
        self._groups: list[tuple[tuple[str, ...], ...]] = []
        for group in groups:
            members: list[tuple[str, ...]] = []
            for member in group:
                stems = tuple(stem(w) for w in words(str(member)))
                if stems and stems not in members:
                    members.append(stems)
            if len(members) < 2:
                continue
            index = len(self._groups)
            self._groups.append(tuple(members))
            for stems in members:
                self._by_stems.setdefault(stems, set()).add(index)
        self.longest = max((len(s) for s in self._by_stems), default=0)

    def match(self, stems: Sequence[str], start: int) -> tuple[int, tuple[tuple[str, ...], ...]] | None:
        """The longest synonym starting at `start`: (its length in words, every member of its groups)."""
        for length in range(min(self.longest, len(stems) - start), 0, -1):
            key = tuple(stems[start : start + length])
            groups = self._by_stems.get(key)
            if groups:
                alternatives: list[tuple[str, ...]] = [key]
                for index in sorted(groups):
                    alternatives += [m for m in self._groups[index] if m not in alternatives]
                return length, tuple(alternatives)
        return None


def parse_query(text: str, lang: Analysis, synonyms: SynonymTable) -> ParsedQuery:
    """Read a user's query into slots; never raises. Stop words and a question's filler words
    (`Analysis.is_filler`) are dropped unless the query has nothing else."""
    text = normalize(text[:MAX_QUERY_CHARS])
    text = OPERATORS.sub(" ", text)
    pieces = QUOTES.split(text)
    if len(pieces) % 2 == 0:  # an unbalanced quote: the last one is ignored
        pieces[-2:] = [pieces[-2] + " " + pieces[-1]]
    open_end = bool(text) and not text[-1].isspace() and not QUOTES.match(text[-1])
    raw_words: list[str] = []
    slots: list[Slot] = []
    for index, piece in enumerate(pieces):
        piece_words = words(piece)
        first = len(raw_words)
        raw_words += piece_words
        if not piece_words:
            continue
        stems = [lang.stem(w) for w in piece_words]
        if index % 2 == 1:  # inside quotes
            slots.append(Slot(" ".join(piece_words), (tuple(stems),), quoted=True, start=first))
            continue
        last_piece = index == len(pieces) - 1
        position = 0
        while position < len(stems):
            found = synonyms.match(stems, position)
            length = found[0] if found else 1
            raw = " ".join(piece_words[position : position + length])
            is_last = last_piece and position + length == len(stems)
            prefix = raw if is_last and open_end and length == 1 and len(raw) >= PREFIX_MIN else None
            start = first + position
            if found:
                slots.append(Slot(raw, found[1], synonym=True, prefix=prefix, start=start))
            else:
                slots.append(Slot(raw, ((stems[position],),), stop=lang.is_filler(raw), prefix=prefix, start=start))
            position += length
    # «telefon», «nummer», «sjekkliste»: words that ask for a kind of hit, not a subject (see analysis.INTENTS).
    intents: set[str] = set()
    for kind, terms in lang.intents().items():
        for number, slot in enumerate(slots):
            if not slot.synonym and slot.word in terms:
                intents.add(kind)
                slots[number] = replace(slot, stop=True)
    if any(not s.stop for s in slots):
        slots = [s for s in slots if not s.stop]
    unique: dict[tuple[tuple[str, ...], ...], Slot] = {}
    for slot in slots:  # a word typed twice counts once
        unique.setdefault(slot.alternatives, slot)
    slots = list(unique.values())
    # «hva er avvergeplikt», «vad är orosanmälan»: the title is compared without the question around it.
    core = list(raw_words)
    while core and lang.is_filler(core[0]):
        core.pop(0)
    while core and lang.is_filler(core[-1]) and not open_end:
        core.pop()
    return ParsedQuery(tuple(raw_words), tuple(slots[:MAX_QUERY_PARTS]), open_end, tuple(core), frozenset(intents))
