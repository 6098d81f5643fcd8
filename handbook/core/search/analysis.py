"""Text analysis shared by the index and the query: words, Unicode normalisation, Snowball stems, stop words."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import whoosh
from whoosh.analysis import Token, Tokenizer
from whoosh.lang import stemmer_for_language, stopwords_for_language

GAP = "\x1e"  # separates list items (synonyms, headings): no phrase matches across it
TOKEN = re.compile(r"[^\W_]+|\x1e")
WORD = re.compile(r"[^\W_]+")


def engine_version() -> str:
    """The version of Whoosh in use (for reports)."""
    return whoosh.versionstring()


def whoosh_language(code: str) -> str:
    """Whoosh's language for a pack language: nb and nn → "no", sv → "sv"."""
    return "sv" if code == "sv" else "no"


@dataclass(frozen=True)
class Language:
    code: str
    stopwords: frozenset[str]
    stem: Any  # a cached str -> str


@cache
def language_of(code: str) -> Language:
    """The stemmer (with a cache) and stop words of a Whoosh language code."""
    snowball = stemmer_for_language(code)

    if code == "sv":
        def raw_stem(word: str) -> str:
            # Snowball's Swedish keeps the neuter definite -et (våldet, hotet, barnet); strip it as well.
            stem = snowball(word)
            return stem[:-2] if stem.endswith("et") and len(stem) >= 5 else stem
    else:
        raw_stem = snowball

    return Language(code, frozenset(stopwords_for_language(code)), lru_cache(maxsize=200_000)(raw_stem))


def normalize(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def words(text: str) -> list[str]:
    """The lower-case words of a text, as the index sees them (before stemming)."""
    return [m.group(0) for m in WORD.finditer(normalize(text).lower())]


class VeilederAnalyzer(Tokenizer):
    """Whoosh analyzer: text → lower-case words (`words`) → Snowball stems of the language.

    The query is analysed by the same functions, so index and query always agree.
    """

    def __init__(self, language: str) -> None:
        self.language = language

    def __eq__(self, other: object) -> bool:
        return isinstance(other, VeilederAnalyzer) and other.language == self.language

    def __hash__(self) -> int:
        return hash(self.language)

    def __call__(  # Whoosh's analyzer protocol
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        stem = language_of(self.language).stem
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for pos, match in enumerate(WORD.finditer(normalize(value))):
            word = match.group(0).lower()
            token.text = stem(word)
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = word
            if positions:
                token.pos = start_pos + pos
            if chars:
                token.startchar = start_char + match.start()
                token.endchar = start_char + match.end()
            yield token


@lru_cache(maxsize=2048)
def stem_sequence(language: str, text: str) -> tuple[str, ...]:
    """The stems of a text in order, with `GAP` where list items meet."""
    stem = language_of(language).stem
    return tuple(t if t == GAP else stem(t.lower()) for t in TOKEN.findall(normalize(text)))


def title_keys(title: str, stem: Any) -> tuple[str, str]:
    """A title's words and its stems, each joined by spaces (for exact and prefix title matches)."""
    raw = words(title)
    return " ".join(raw), " ".join(stem(w) for w in raw)
