"""Snippets: the passage of a page with the most matches, with `<b>…</b>` around the matched words."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from handbook.core.search.analysis import WORD, Analysis

SNIPPET_CHARS = 180
COMPOUND_MIN_PART = 4  # a query stem this long also matches compounds ending in it


@lru_cache(maxsize=2048)
def _stem_spans(analysis: Analysis, text: str) -> dict[str, list[tuple[int, int]]]:
    """Where each term occurs in a text (cached: the same pages come back query after query)."""
    stem = analysis.stem
    found: dict[str, list[tuple[int, int]]] = {}
    for match in WORD.finditer(text):
        found.setdefault(stem(match.group(0).lower()), []).append((match.start(), match.end()))
    return found


def contains_phrase(sequence: Sequence[str], phrase: Sequence[str]) -> bool:
    """True when the stems of `phrase` occur next to each other in `sequence`."""
    n, first, wanted = len(phrase), phrase[0], tuple(phrase)
    return any(stem == first and tuple(sequence[i : i + n]) == wanted for i, stem in enumerate(sequence))


@dataclass(frozen=True)
class Highlight:
    stems: frozenset[str]
    tails: tuple[str, ...]  # a word ending in one of these is a compound of a query word
    memo: dict[str, bool] = field(default_factory=dict, compare=False)

    def matches(self, stem: str) -> bool:
        known = self.memo.get(stem)
        if known is None:
            known = stem in self.stems or (
                bool(self.tails) and len(stem) > COMPOUND_MIN_PART and stem.endswith(self.tails)
            )
            self.memo[stem] = known
        return known


@lru_cache(maxsize=2048)
def _collapse(text: str) -> str:
    return " ".join(text.split())


def make_snippet(
    text: str, analysis: Analysis, highlight: Highlight, width: int = SNIPPET_CHARS, best: bool = True
) -> tuple[str, str]:
    """(HTML with <b> around matched words, plain text) of the passage of `text` with the most matches.

    With `best=False` the snippet is simply the start of the text (cheaper, for lower-ranked hits).
    """
    text = _collapse(text)
    if not text:
        return "", ""
    if best:
        spans = _stem_spans(analysis, text)
        marked = spans.keys() & highlight.stems
        if highlight.tails:
            marked.update(s for s in spans if len(s) > COMPOUND_MIN_PART and s.endswith(highlight.tails))
        matched = sorted((start, end, stem) for stem in marked for start, end in spans[stem])
    else:
        stem_of = analysis.stem
        matched = [
            (m.start(), m.end(), stem_of(m.group(0).lower())) for m in WORD.finditer(text, 0, width + 40)
        ]
        matched = [item for item in matched if highlight.matches(item[2])]
    begin = 0
    if matched and best:
        first, best_count = 0, -1
        for i, (start, _end, _stem) in enumerate(matched):
            window = set()
            for _s, e, stem in matched[i:]:
                if e > start + width:
                    break
                window.add(stem)
            if len(window) > best_count:
                first, best_count = i, len(window)
        begin = max(0, matched[first][0] - width // 4)
    if begin:
        space = text.rfind(" ", 0, begin)
        begin = space + 1 if space >= 0 else 0
    end = min(len(text), begin + width)
    if end < len(text):
        space = text.rfind(" ", begin, end)
        end = space if space > begin else end
    parts_html: list[str] = ["…"] if begin else []
    cursor = begin
    for s, e, _stem in matched:
        if s < begin or e > end:
            continue
        parts_html += [html.escape(text[cursor:s]), "<b>", html.escape(text[s:e]), "</b>"]
        cursor = e
    parts_html.append(html.escape(text[cursor:end]))
    more = "…" if end < len(text) else ""
    return "".join(parts_html) + more, ("…" if begin else "") + text[begin:end] + more
