"""Text analysis shared by the index, the query and the static site: words, Unicode normalisation, terms
(a word's lemma from a dictionary, then its Snowball stem), stop words and the filler words of questions."""

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
    return str(whoosh.versionstring())


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
            stem = str(snowball(word))
            return stem[:-2] if stem.endswith("et") and len(stem) >= 5 else stem
    else:
        raw_stem = snowball

    return Language(code, frozenset(stopwords_for_language(code)), lru_cache(maxsize=200_000)(raw_stem))


# Words that carry no meaning in a question or a situation (beside Snowball's stop words, which already hold
# hva/hvordan/jeg/kva/korleis/eg/vad/hur/jag …): they never need to match. Bokmål and nynorsk, then Swedish.
FILLERS: dict[str, frozenset[str]] = {
    "no": frozenset(re.findall(
        r"\S+",
        "gjør gjøre gjorde gjort bør burde må måtte får få fikk går gå gikk gjer gjere gjorde gjeld gjelder "
        "kanskje egentlig liksom altså noe nokon noko slik sånn hei takk lurer lurte "
        "ein eit ei eg kva korleis kven kvifor ikkje ikke bare veldig mye mykje litt",
    )),
    "sv": frozenset(re.findall(
        r"\S+",
        "gör göra gjorde gjort bör borde måste får få fick går gå gick ska skall kanske egentligen typ "
        "liksom alltså sådär hej tack undrar undrade bara väldigt mycket lite",
    )),
}


# Words that ask for a kind of answer: a contact's number, a checklist. They are indexed with every contact
# (emergency ones also as emergency numbers) and every checklist, so «barnevernvakta telefon» or «sjekkliste
# akutt fare» bring the contact or the checklist itself; a query with an `INTENTS` word ranks that kind first.
TYPE_WORDS = {
    "no": {"contact": "telefon telefonnummer nummer ring ringe kontakt kontaktinformasjon",
           "emergency": "nødnummer nødtelefon akutt", "checklist": "sjekkliste sjekklister"},
    "sv": {"contact": "telefon telefonnummer nummer ring ringa kontakt kontaktuppgifter",
           "emergency": "nödnummer larmnummer akut", "checklist": "checklista checklistor"},
}
INTENTS = {
    "no": {"contact": "telefon telefonnummer nummer ring ringe nødnummer nødtelefon", "checklist": "sjekkliste"},
    "sv": {"contact": "telefon telefonnummer nummer ring ringa nödnummer larmnummer", "checklist": "checklista"},
}


class Analysis:
    """How a word becomes an index term: the Snowball stem of its lemma where the dictionary knows the word
    (`forms`: word → term, only where that differs from the word's own stem), else its own Snowball stem.

    The index is built with the full dictionary (`handbook.core.search.lemmas`) and stores the forms its
    vocabulary needs, so searching, snippets and the static site use exactly the same terms without loading
    the dictionary.
    """

    def __init__(self, code: str, forms: dict[str, str] | None = None) -> None:
        self.code = code
        self.language = language_of(code)
        self.forms = forms or {}
        self.stopwords = self.language.stopwords
        self.fillers = FILLERS.get(code, frozenset())
        snowball = self.language.stem
        get = self.forms.get

        def term(word: str) -> str:
            return get(word) or snowball(word)

        self.stem = lru_cache(maxsize=200_000)(term)

    def intents(self) -> dict[str, frozenset[str]]:
        """The terms that ask for a kind of hit: {"contact": …, "checklist": …}."""
        return {kind: frozenset(self.terms(text)) for kind, text in INTENTS.get(self.code, INTENTS["no"]).items()}

    def is_filler(self, word: str) -> bool:
        """True for a stop word or a question's filler word (need not match)."""
        return word in self.stopwords or word in self.fillers

    def terms(self, text: str) -> list[str]:
        """The terms of a text, in order."""
        stem = self.stem
        return [stem(w) for w in words(text)]


def normalize(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def words(text: str) -> list[str]:
    """The lower-case words of a text, as the index sees them (before stemming)."""
    return [m.group(0) for m in WORD.finditer(normalize(text).lower())]


class VeilederAnalyzer(Tokenizer):  # type: ignore[misc]  # Whoosh has no type information
    """Whoosh analyzer: text → lower-case words (`words`) → terms (`Analysis`).

    The query is analysed by the same functions, so index and query always agree. Opening an index for
    searching passes no `analysis` (Whoosh never analyses text then).
    """

    def __init__(self, language: str, analysis: Analysis | None = None) -> None:
        self.language = language
        self.analysis = analysis

    def __getstate__(self) -> dict[str, object]:  # the schema is pickled: keep only the language
        return {"language": self.language, "analysis": None}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.language = state["language"]
        self.analysis = None

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
        stem = (self.analysis or Analysis(self.language)).stem
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
def stem_sequence(analysis: Analysis, text: str) -> tuple[str, ...]:
    """The terms of a text in order, with `GAP` where list items meet."""
    stem = analysis.stem
    return tuple(t if t == GAP else stem(t.lower()) for t in TOKEN.findall(normalize(text)))


def title_keys(title: str, stem: Any) -> tuple[str, str]:
    """A title's words and its stems, each joined by spaces (for exact and prefix title matches)."""
    raw = words(title)
    return " ".join(raw), " ".join(stem(w) for w in raw)
