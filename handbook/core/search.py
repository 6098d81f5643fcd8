"""Full-text search over a municipality's handbook. The only module that imports Whoosh.

How a query is read (never with Whoosh's query language, so no input can raise):

* words are runs of letters and digits; `"…"` marks a phrase; other punctuation, `*`, `?`, `~`, `-`, `+`
  and the operators AND, OR, NOT are ignored; the query is capped at 200 characters and 12 parts;
* every word is stemmed with the Snowball stemmer of the pack's language (nb/nn → Norwegian, sv → Swedish);
* a word or phrase from the content's `synonyms.yaml` matches any word or phrase of its group (a synonym
  phrase matches pages with all its words; a quoted phrase must appear word for word);
* a word also matches compounds that end in it (`tjenesten` finds `barnevernstjenesten`): the index's
  dictionary of stems is searched for stems ending in the query's stem (decompounding at query time);
* the last word also matches as a prefix (search as you type) unless the query ends with a space;
* all parts must match (AND); only when that finds nothing does any part do (OR);
* a word the index does not know is replaced by its nearest spellings (fuzzy) when the exact query finds
  little, and the corrected query is offered as a suggestion («mente du …»).

Hits are ranked in tiers: the title equals the query, the title starts with the query, a stemmed match
in the text, a fuzzy match; within a tier by score – BM25 without length normalisation, with a word counting
4 times in the title, 3 times in the synonyms and 1.5 times in a heading (see `PostingCache`).

Whoosh stores the index: fields, postings, stored text and the dictionaries; matching and scoring run
over postings read from it once and cached (`PostingCache`), which is what makes 5,000 pages fast enough
in pure Python (docs/benchmarks.md).
"""

from __future__ import annotations

import bisect
import heapq
import html
import logging
import math
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import whoosh
from whoosh.analysis import Token, Tokenizer
from whoosh.codec.whoosh3 import W3Codec
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.filedb.filestore import FileStorage, RamStorage
from whoosh.lang import stemmer_for_language, stopwords_for_language

from handbook.core import index_store
from handbook.core.content import Handbook, PackInfo, Page, find_pack, load_handbook, pack_files, read_synonyms
from handbook.core.render import headings, plain_text
from handbook.errors import HandbookError

log = logging.getLogger(__name__)

SCHEMA_VERSION = 7  # raise whenever the fields, the analysis or the stored dictionaries change
MAX_QUERY_CHARS = 200
MAX_QUERY_PARTS = 12
MAX_LIMIT = 500
FEW_HITS = 3  # fewer exact hits than this → also try the nearest spellings of unknown words
PREFIX_MIN = 3  # search as you type: the last word matches as a prefix from this length …
PREFIX_EXPANSIONS = 8  # … through at most this many indexed stems (the most frequent)
COMPOUND_MIN_PART = 4  # a query stem this long also matches compounds ending in it …
COMPOUND_MIN_HEAD = 3  # … with at least this much in front of it …
COMPOUND_EXPANSIONS = 10  # … through at most this many compounds (the most frequent) …
COMPOUND_BOOST = 0.5  # … which count half as much as the word itself
FUZZY_MIN = 4  # words shorter than this are never corrected
FUZZY_CANDIDATES = 3
PHRASE_CANDIDATES = 400  # a quoted phrase is checked word for word on at most this many candidates
SNIPPET_CHARS = 180
BEST_SNIPPETS = 10  # the top hits get their best passage as snippet; the rest the start of the page
VOCABULARY_ID = "\x00vocabulary"  # one extra document: the stem and spelling dictionaries (stored)

TEXT_FIELDS = ("title", "synonyms", "headings", "body")
EXPANSION_FIELDS = ("title", "synonyms", "body")  # the body's text includes the headings
_GAP = "\x1e"  # separates list items (synonyms, headings): no phrase matches across it
_TOKEN = re.compile(r"[^\W_]+|\x1e")
_WORD = re.compile(r"[^\W_]+")
_QUOTES = re.compile(r"[\"“”«»„]")
_OPERATORS = re.compile(r"(?<![^\W_])(?:AND|OR|NOT)(?![^\W_])")


# ---------------------------------------------------------------------------- language


def engine_version() -> str:
    """The version of Whoosh in use (for reports)."""
    return whoosh.versionstring()


def whoosh_language(code: str) -> str:
    """Whoosh's language for a pack language: nb and nn → "no", sv → "sv"."""
    return "sv" if code == "sv" else "no"


@dataclass(frozen=True)
class _Language:
    code: str
    stopwords: frozenset[str]
    stem: Any  # a cached str -> str


@cache
def _language(code: str) -> _Language:
    """The stemmer (with a cache) and stop words of a Whoosh language code."""
    snowball = stemmer_for_language(code)

    if code == "sv":
        def raw_stem(word: str) -> str:
            # Snowball's Swedish keeps the neuter definite -et (våldet, hotet, barnet); strip it as well.
            stem = snowball(word)
            return stem[:-2] if stem.endswith("et") and len(stem) >= 5 else stem
    else:
        raw_stem = snowball

    return _Language(code, frozenset(stopwords_for_language(code)), lru_cache(maxsize=200_000)(raw_stem))


def _normalize(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def words(text: str) -> list[str]:
    """The lower-case words of a text, as the index sees them (before stemming)."""
    return [m.group(0) for m in _WORD.finditer(_normalize(text).lower())]


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
        stem = _language(self.language).stem
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for pos, match in enumerate(_WORD.finditer(_normalize(value))):
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


def build_schema(language: str) -> Schema:
    """The index's fields. `language` is Whoosh's code ("no" or "sv").

    Text fields keep frequencies, not positions: quoted phrases are checked on the stored text of the
    best candidates instead, which keeps the index small and fast to build.
    """
    text = VeilederAnalyzer(language)
    return Schema(
        id=ID(stored=True, unique=True),
        title=TEXT(analyzer=text, stored=True, phrase=False, field_boost=4.0),
        synonyms=TEXT(analyzer=text, stored=True, phrase=False, field_boost=3.0),
        headings=TEXT(analyzer=text, phrase=False, field_boost=1.5),
        body=TEXT(analyzer=text, stored=True, phrase=False),
        dictionaries=STORED(),  # only in the vocabulary document: see `_fill`
        title_key=ID(),
        title_stems=ID(),
        kind=ID(stored=True),
        audience=KEYWORD(stored=True, scorable=False),
        path=STORED(),
    )


# ---------------------------------------------------------------------------- public results


@dataclass(frozen=True)
class Hit:
    """One page found; `snippet` is HTML-escaped text with `<b>…</b>` around the matches."""

    id: str
    title: str
    kind: str
    audience: tuple[str, ...]
    score: float
    snippet: str
    snippet_text: str
    path: str
    tier: int  # 0 exact title, 1 title prefix, 2 text, 3 fuzzy


@dataclass(frozen=True)
class SearchResults:
    """The hits for a query, best first; `suggestion` is a corrected query («mente du …») or None."""

    query: str
    hits: tuple[Hit, ...]
    suggestion: str | None
    fuzzy: bool  # some hits were found only through corrected spellings
    any_terms: bool  # no page had every word, so pages with any of them are shown

    def __len__(self) -> int:
        return len(self.hits)

    @property
    def ids(self) -> list[str]:
        return [hit.id for hit in self.hits]


# ---------------------------------------------------------------------------- reading a query


@dataclass(frozen=True)
class _Slot:
    """One part of a query: a word, a quoted phrase, or a synonym group (any of its words or phrases)."""

    raw: str  # as typed (lower case), for the suggestion
    alternatives: tuple[tuple[str, ...], ...]  # stems; more than one stem = a phrase
    quoted: bool = False
    synonym: bool = False
    stop: bool = False
    prefix: str | None = None  # the raw word, when it may match as a prefix

    @property
    def word(self) -> str | None:
        """The stem of a plain typed word (not quoted, not a synonym phrase), else None."""
        if self.quoted or len(self.alternatives[0]) != 1 or " " in self.raw:
            return None
        return self.alternatives[0][0]


@dataclass(frozen=True)
class _Parsed:
    raw_words: tuple[str, ...]
    slots: tuple[_Slot, ...]
    open_end: bool  # the last word may be unfinished (no space or quote after it)

    def title_prefixes(self, stem: Any) -> tuple[str, str]:
        """What a title must start with to rank as a title prefix: (words, stems)."""
        space = "" if self.open_end else " "
        raw_key = " ".join(self.raw_words)
        return raw_key + space, " ".join(stem(w) for w in self.raw_words) + space


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


def parse_query(text: str, lang: _Language, synonyms: SynonymTable) -> _Parsed:
    """Read a user's query into slots; never raises."""
    text = _normalize(text[:MAX_QUERY_CHARS])
    text = _OPERATORS.sub(" ", text)
    pieces = _QUOTES.split(text)
    if len(pieces) % 2 == 0:  # an unbalanced quote: the last one is ignored
        pieces[-2:] = [pieces[-2] + " " + pieces[-1]]
    open_end = bool(text) and not text[-1].isspace() and not _QUOTES.match(text[-1])
    raw_words: list[str] = []
    slots: list[_Slot] = []
    for index, piece in enumerate(pieces):
        piece_words = words(piece)
        raw_words += piece_words
        if not piece_words:
            continue
        stems = [lang.stem(w) for w in piece_words]
        if index % 2 == 1:  # inside quotes
            slots.append(_Slot(" ".join(piece_words), (tuple(stems),), quoted=True))
            continue
        last_piece = index == len(pieces) - 1
        position = 0
        while position < len(stems):
            found = synonyms.match(stems, position)
            length = found[0] if found else 1
            raw = " ".join(piece_words[position : position + length])
            is_last = last_piece and position + length == len(stems)
            prefix = raw if is_last and open_end and length == 1 and len(raw) >= PREFIX_MIN else None
            if found:
                slots.append(_Slot(raw, found[1], synonym=True, prefix=prefix))
            else:
                slots.append(_Slot(raw, ((stems[position],),), stop=raw in lang.stopwords, prefix=prefix))
            position += length
    if any(not s.stop for s in slots):
        slots = [s for s in slots if not s.stop]
    return _Parsed(tuple(raw_words), tuple(slots[:MAX_QUERY_PARTS]), open_end)


# ---------------------------------------------------------------------------- the index's dictionary


class Lexicon:
    """Every indexed stem with its document frequency: for prefixes and compounds (built on first use)."""

    def __init__(self, frequencies: dict[str, int]) -> None:
        self.frequencies = frequencies
        self._forward = sorted(frequencies)
        self._backward = sorted(s[::-1] for s in frequencies)

    def __contains__(self, stem: str) -> bool:
        return stem in self.frequencies

    def _top(self, found: Iterable[str], limit: int) -> list[str]:
        return sorted(found, key=lambda s: (-self.frequencies[s], s))[:limit]

    def starting_with(self, prefix: str, limit: int) -> list[str]:
        """The most frequent stems that start with `prefix`."""
        start = bisect.bisect_left(self._forward, prefix)
        found = []
        for stem in self._forward[start : start + 5000]:
            if not stem.startswith(prefix):
                break
            found.append(stem)
        return self._top(found, limit)

    def compounds_of(self, stem: str, limit: int) -> list[str]:
        """The most frequent longer stems that end in `stem` (`tjenest` → `barnevernstjenest`, …)."""
        tail = stem[::-1]
        start = bisect.bisect_left(self._backward, tail)
        found = []
        for backward in self._backward[start : start + 5000]:
            if not backward.startswith(tail):
                break
            if len(backward) >= len(stem) + COMPOUND_MIN_HEAD:
                found.append(backward[::-1])
        return self._top(found, limit)


# ---------------------------------------------------------------------------- spelling


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau–Levenshtein distance (adjacent transpositions count 1), or `limit + 1` when above `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        best = i
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
            best = min(best, value)
        if best > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1] if previous[-1] <= limit else limit + 1


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class Speller:
    """Nearest known spellings of a word.

    Like SymSpell: every word is filed under its first `KEY` letters with one letter deleted; a query
    looks up its own key with up to two letters deleted, and the real edit distance decides.
    """

    KEY = 7

    def __init__(self, frequencies: dict[str, int]) -> None:
        self.frequencies = frequencies
        self._words = sorted(w for w in frequencies if len(w) >= FUZZY_MIN - 1 and not w.isdigit())
        self.keys: dict[str, list[int]] = {}
        for number, word in enumerate(self._words):
            key = word[: self.KEY]
            for variant in {key} | _deletes(key):
                self.keys.setdefault(variant, []).append(number)

    @staticmethod
    def max_distance(word: str) -> int:
        return 0 if len(word) < FUZZY_MIN else 1 if len(word) < 7 else 2

    def candidates(self, word: str, limit: int = FUZZY_CANDIDATES) -> list[str]:
        """Known words near `word`, nearest and most frequent first."""
        maxdist = self.max_distance(word)
        if not maxdist or word.isdigit():
            return []
        key = word[: self.KEY]
        variants = {key} | _deletes(key)
        if maxdist >= 2:
            variants |= {d for v in list(variants) for d in _deletes(v)}
        numbers: set[int] = set()
        for variant in variants:
            numbers.update(self.keys.get(variant, ()))
        scored = []
        for number in numbers:
            candidate = self._words[number]
            if candidate == word:
                continue
            distance = edit_distance(word, candidate, maxdist)
            if distance <= maxdist:
                scored.append((distance, -self.frequencies[candidate], candidate))
        return [c for _, _, c in sorted(scored)[:limit]]


# ---------------------------------------------------------------------------- snippets


@lru_cache(maxsize=2048)
def _stem_spans(language: str, text: str) -> dict[str, list[tuple[int, int]]]:
    """Where each stem occurs in a text (cached: the same pages come back query after query)."""
    stem = _language(language).stem
    found: dict[str, list[tuple[int, int]]] = {}
    for match in _WORD.finditer(text):
        found.setdefault(stem(match.group(0).lower()), []).append((match.start(), match.end()))
    return found


@lru_cache(maxsize=2048)
def _stem_sequence(language: str, text: str) -> tuple[str, ...]:
    """The stems of a text in order, with `_GAP` where list items meet."""
    stem = _language(language).stem
    return tuple(t if t == _GAP else stem(t.lower()) for t in _TOKEN.findall(_normalize(text)))


def contains_phrase(sequence: Sequence[str], phrase: Sequence[str]) -> bool:
    """True when the stems of `phrase` occur next to each other in `sequence`."""
    n, first, wanted = len(phrase), phrase[0], tuple(phrase)
    return any(stem == first and tuple(sequence[i : i + n]) == wanted for i, stem in enumerate(sequence))


@dataclass(frozen=True)
class _Highlight:
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
    text: str, language: str, highlight: _Highlight, width: int = SNIPPET_CHARS, best: bool = True
) -> tuple[str, str]:
    """(HTML with <b> around matched words, plain text) of the passage of `text` with the most matches.

    With `best=False` the snippet is simply the start of the text (cheaper, for lower-ranked hits).
    """
    text = _collapse(text)
    if not text:
        return "", ""
    if best:
        spans = _stem_spans(language, text)
        marked = spans.keys() & highlight.stems
        if highlight.tails:
            marked.update(s for s in spans if len(s) > COMPOUND_MIN_PART and s.endswith(highlight.tails))
        matched = sorted((start, end, stem) for stem in marked for start, end in spans[stem])
    else:
        stem_of = _language(language).stem
        matched = [
            (m.start(), m.end(), stem_of(m.group(0).lower())) for m in _WORD.finditer(text, 0, width + 40)
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


# ---------------------------------------------------------------------------- building the index


def _title_keys(title: str, stem: Any) -> tuple[str, str]:
    raw = words(title)
    return " ".join(raw), " ".join(stem(w) for w in raw)


def _body_text(page: Page) -> str:
    """The page's readable text without its leading `# Title` line."""
    text = plain_text(page.body)
    first, _, rest = text.partition("\n")
    return rest.strip() if words(first) == words(page.title) else text


def page_document(page: Page, language: str) -> dict[str, Any]:
    """The fields indexed for one page."""
    title_key, title_stems = _title_keys(page.title, _language(language).stem)
    return {
        "id": page.id,
        "title": page.title,
        "synonyms": _GAP.join(page.synonyms),
        "headings": _GAP.join(headings(page.body)),
        "body": _body_text(page),
        "title_key": title_key,
        "title_stems": title_stems,
        "kind": page.kind,
        "audience": " ".join(page.audience),
        "path": str(page.path),
    }


def _fingerprint(pack: PackInfo, base: PackInfo | None, files: Iterable[Path]) -> str:
    salt = (
        f"veileder-index/{SCHEMA_VERSION}/whoosh-{whoosh.versionstring()}/"
        f"{pack.id}/{base.id if base else ''}/{pack.language}"
    )
    return index_store.fingerprint_files(files, salt)


def content_fingerprint(handbook: Handbook) -> str:
    """A hash over the handbook's files' bytes and the index schema: it changes whenever a rebuild is due."""
    return _fingerprint(handbook.pack, handbook.base, handbook.files)


def _fill(ix: Any, handbook: Handbook, language: str) -> int:
    # Uncompressed posting blocks: about twice as fast to build and faster to read, a little larger.
    writer = ix.writer(limitmb=64, codec=W3Codec(compression=0))
    stem = _language(language).stem
    pages_with: Counter[str] = Counter()  # stem → pages containing it
    spellings: Counter[str] = Counter()  # unstemmed word → occurrences
    try:
        for page in handbook.pages.values():
            document = page_document(page, language)
            writer.add_document(**document)
            found = words(_GAP.join((document["title"], document["synonyms"], document["body"])))
            spellings.update(found)
            pages_with.update({stem(w) for w in found} | {stem(w) for w in words(document["headings"])})
        # One extra document stores the dictionaries that prefixes, compounds and «did you mean» need:
        # read back in one go when searching, instead of walking Whoosh's term lists (slow in Python).
        dictionaries = {"stems": dict(pages_with), "words": dict(spellings)}
        writer.add_document(id=VOCABULARY_ID, dictionaries=dictionaries)
    except BaseException:
        writer.cancel()
        raise
    writer.commit(optimize=True)
    return len(handbook.pages)


def _build_folder(folder: Path, handbook: Handbook, language: str) -> dict[str, object]:
    ix = FileStorage(str(folder)).create_index(build_schema(language))
    try:
        pages = _fill(ix, handbook, language)
    finally:
        ix.close()
    return {"pages": pages, "municipality": handbook.pack.id, "schema": SCHEMA_VERSION}


class _TrackingStorage(FileStorage):
    """A read-only FileStorage that remembers the files it opens: Whoosh leaves the table of contents
    open when it rejects it, and a failed open must not leak files."""

    def __init__(self, path: str) -> None:
        super().__init__(path, readonly=True)
        self.opened: list[Any] = []

    def open_file(self, name: str, **kwargs: Any) -> Any:
        handle = super().open_file(name, **kwargs)
        self.opened.append(handle)
        return handle


def _open_folder(folder: Path, language: str) -> Any:
    manifest = index_store.read_manifest(folder) or {}
    storage = _TrackingStorage(str(folder))
    try:
        ix = storage.open_index(schema=build_schema(language))
    except Exception as exc:
        for handle in storage.opened:
            handle.close()
        raise ValueError(f"{folder}: Whoosh cannot open the index ({type(exc).__name__}: {exc})") from exc
    finally:
        storage.opened = []
    if ix.doc_count() != manifest.get("pages", -2) + 1:  # + the vocabulary document
        ix.close()
        raise ValueError(f"{folder}: the number of pages does not match the manifest")
    return ix


def open_index(handbook: Handbook, cache: Path | None = None, rebuild: bool = False) -> HandbookIndex:
    """Open the municipality's index from the user's cache, building it first when the content changed.

    `cache` is the cache folder (default `locations.cache_dir()`); the index lives in
    `<cache>/index/<municipality>/<fingerprint>/`. A missing or corrupt index is rebuilt. When the
    cache cannot be written, the index is built in memory instead.
    """
    language = whoosh_language(handbook.language)
    fingerprint = content_fingerprint(handbook)
    root = index_store.index_root(handbook.pack.id, cache)

    def build(folder: Path) -> dict[str, object]:
        return _build_folder(folder, handbook, language)

    folder: Path | None = None
    built = False
    ix: Any = None
    try:
        folder = None if rebuild else index_store.ready_index(root, fingerprint)
        if folder is not None:
            try:
                ix = _open_folder(folder, language)
            except Exception as exc:  # a damaged index makes Whoosh raise many kinds of errors
                log.warning("search index %s is damaged (%s); rebuilding", folder, exc)
                index_store.discard(folder)
                ix = None
        if ix is None:
            folder = index_store.build_atomically(root, fingerprint, build)
            built = True
            ix = _open_folder(folder, language)
        index_store.remove_others(root, folder)
    except OSError as exc:
        log.warning("cannot write the search index under %s (%s); building it in memory", root, exc)
        ix = RamStorage().create_index(build_schema(language))
        _fill(ix, handbook, language)
        folder, built = None, True
    return HandbookIndex(ix, language, handbook.synonyms, fingerprint=fingerprint, path=folder, built=built)


def open_municipality_index(content: Path, municipality: str, cache: Path | None = None) -> HandbookIndex:
    """Like `open_index(load_handbook(content, municipality))`, but without reading the pages when the
    cached index is up to date (the fingerprint needs only the files' bytes): a fast start for the CLI.
    """
    info = find_pack(content, municipality)
    try:
        base = find_pack(content, info.base) if info.base else None
    except HandbookError:
        base = None
    if (base is not None and base.base is None) or info.base is None:
        packs = [p for p in (base, info) if p is not None]
        fingerprint = _fingerprint(info, base, [f for p in packs for f in pack_files(p)])
        folder = index_store.ready_index(index_store.index_root(info.id, cache), fingerprint)
        if folder is not None:
            try:
                ix = _open_folder(folder, whoosh_language(info.language))
            except Exception:  # a damaged index: the full path below rebuilds it
                ix = None
            if ix is not None:
                synonyms = [g for p in packs if (p.path / "synonyms.yaml").is_file()
                            for g in read_synonyms(p.path / "synonyms.yaml", [])]
                return HandbookIndex(ix, whoosh_language(info.language), synonyms, fingerprint, folder)
    return open_index(load_handbook(content, municipality), cache)


# ---------------------------------------------------------------------------- scoring


Scores = dict[int, float]  # document number → score


class PostingCache:
    """Each (field, term)'s postings as document → score, read from Whoosh once and kept (LRU).

    The score is BM25 without length normalisation, idf × tf·(k1+1)/(tf+k1), where tf already carries the
    field's boost (Whoosh multiplies it in at indexing time). Handbook pages are of similar length, so
    length normalisation changes little. Whoosh's own matchers do this work per posting through several
    Python objects; adding up cached dictionaries is an order of magnitude faster, which is what keeps a
    query on 5,000 pages within its budget. The index never changes while open, so the cache stays valid.
    """

    K1 = 1.2

    def __init__(self, reader: Any, max_entries: int = 1_000_000) -> None:
        self._reader = reader
        self._documents = max(1, reader.doc_count_all())
        self._cache: dict[tuple[str, str], Scores] = {}
        self._entries = 0
        self._max_entries = max_entries

    def scores(self, fieldname: str, text: str) -> Scores:
        key = (fieldname, text)
        found = self._cache.pop(key, None)
        if found is None:
            found = self._read(fieldname, text)
            self._entries += len(found)
            while self._cache and self._entries > self._max_entries:
                oldest = next(iter(self._cache))
                self._entries -= len(self._cache.pop(oldest))
        self._cache[key] = found  # most recently used last
        return found

    def documents(self, fieldname: str, text: str) -> set[int]:
        return set(self.scores(fieldname, text))

    def _read(self, fieldname: str, text: str) -> Scores:
        reader = self._reader
        if (fieldname, text) not in reader:
            return {}
        k1 = self.K1
        idf = math.log(self._documents / (reader.doc_frequency(fieldname, text) + 1)) + 1
        matcher = reader.postings(fieldname, text)
        found: Scores = {}
        while matcher.is_active():
            weight = matcher.weight()
            found[matcher.id()] = idf * weight * (k1 + 1) / (weight + k1)
            matcher.next()
        return found


def _add(total: Scores, scores: Scores, factor: float = 1.0) -> None:
    """Add `scores` (times `factor`) into `total`."""
    if not total and factor == 1.0:
        total.update(scores)
        return
    get = total.get
    if factor == 1.0:
        for doc, score in scores.items():
            total[doc] = get(doc, 0.0) + score
    else:
        for doc, score in scores.items():
            total[doc] = get(doc, 0.0) + score * factor


def all_of(parts: Sequence[Scores]) -> Scores:
    """Documents in every part, with the summed score."""
    if not parts:
        return {}
    ordered = sorted(parts, key=len)
    total = dict(ordered[0])
    for scores in ordered[1:]:
        total = {doc: score + scores[doc] for doc, score in total.items() if doc in scores}
        if not total:
            break
    return total


def any_of(parts: Sequence[Scores]) -> Scores:
    """Documents in any part, with the summed score."""
    total: Scores = {}
    for scores in parts:
        _add(total, scores)
    return total


def _text(term: str | bytes) -> str:
    return term.decode("utf-8") if isinstance(term, bytes) else term


@dataclass
class _Found:
    score: float
    tier: int


@dataclass
class _Plan:
    """What a search matched with: for highlighting, checking phrases and the suggestion."""

    stems: set[str] = field(default_factory=set)
    tails: set[str] = field(default_factory=set)
    phrases: list[tuple[str, ...]] = field(default_factory=list)
    corrections: dict[int, list[str]] = field(default_factory=dict)  # slot index → corrected words


# ---------------------------------------------------------------------------- searching


class HandbookIndex:
    """An open index with a warm searcher. `search` is thread-safe (one search at a time)."""

    def __init__(
        self,
        ix: Any,
        language: str,
        synonyms: Iterable[Sequence[str]],
        fingerprint: str = "",
        path: Path | None = None,
        built: bool = False,
    ) -> None:
        self._ix = ix
        self._searcher: Any = ix.searcher()
        self._postings = PostingCache(self._searcher.reader())
        self._lock = threading.Lock()
        self._lang = _language(language)
        self._lexicon: Lexicon | None = None
        self._speller: Speller | None = None
        self._stored: dict[str, Any] | None = None
        self._stop_stems = frozenset(self._lang.stem(w) for w in self._lang.stopwords)
        self.language = language
        self.synonyms = SynonymTable(synonyms, self._lang.stem)
        self.fingerprint = fingerprint
        self.path = path
        self.built = built

    # -- lifecycle

    def close(self) -> None:
        """Release the searcher and the index files (idempotent)."""
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
                self._ix.close()
                self._searcher = None

    def __enter__(self) -> HandbookIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def doc_count(self) -> int:
        """The number of pages in the index."""
        with self._lock:
            return max(0, self._searcher.doc_count() - 1) if self._searcher is not None else 0

    def warm_up(self) -> None:
        """Build the lazily built tables now (the stem dictionary and the spelling table), e.g. in a worker
        thread right after opening, so the first searches are as fast as later ones."""
        with self._lock:
            if self._searcher is not None:
                self._lexicon_of_stems()
                self._spelling()

    # -- search

    def search(
        self,
        query: str,
        limit: int = 20,
        kinds: Collection[str] | None = None,
        audiences: Collection[str] | None = None,
    ) -> SearchResults:
        """Search the handbook; never raises on any query text.

        `kinds`/`audiences` restrict the hits (None: no restriction; empty: nothing). An audience filter
        also keeps the pages meant for `all`.
        """
        query = query if isinstance(query, str) else ""
        empty = SearchResults(query, (), None, False, False)
        parsed = parse_query(query, self._lang, self.synonyms)
        limit = max(0, min(int(limit), MAX_LIMIT))
        if not parsed.slots or limit == 0:
            return empty
        if (kinds is not None and not kinds) or (audiences is not None and not audiences):
            return empty
        with self._lock:
            if self._searcher is None:
                return empty
            return self._search(query, parsed, limit, self._allowed(kinds, audiences))

    def _allowed(self, kinds: Collection[str] | None, audiences: Collection[str] | None) -> set[int] | None:
        """The documents the filters let through (None: all)."""
        allowed: set[int] | None = None
        for name, values in (("kind", kinds), ("audience", {*audiences, "all"} if audiences is not None else None)):
            if values is None:
                continue
            docs: set[int] = set()
            for value in values:
                docs |= self._postings.documents(name, str(value))
            allowed = docs if allowed is None else allowed & docs
        return allowed

    def _search(self, query: str, parsed: _Parsed, limit: int, allowed: set[int] | None) -> SearchResults:
        plan = _Plan()
        exact = [self._slot_scores(slot, plan) for slot in parsed.slots]
        found: dict[int, _Found] = {}
        self._take(all_of(exact), 2, limit, allowed, plan, found)
        for doc in self._title_matches(parsed):
            if allowed is None or doc in allowed:
                found.setdefault(doc, _Found(0.0, 2))
        fuzzy: list[Scores] | None = None
        if len(found) < FEW_HITS:
            fuzzy = self._fuzzy_slots(parsed, exact, plan)
            if fuzzy is not None:
                self._take(all_of(fuzzy), 3, limit, allowed, plan, found)
        any_terms = False
        if not found and len(exact) > 1:
            any_terms = True
            self._take(any_of(exact), 2, limit, allowed, plan, found)
            if fuzzy is not None and len(found) < FEW_HITS:
                self._take(any_of(fuzzy), 3, limit, allowed, plan, found)
        hits = self._hits(parsed, found, plan, limit)
        return SearchResults(query, hits, self._suggestion(parsed, plan), any(h.tier == 3 for h in hits), any_terms)

    def _take(
        self, scores: Scores, tier: int, limit: int, allowed: set[int] | None, plan: _Plan, found: dict[int, _Found]
    ) -> None:
        """Add the best documents not found yet; quoted phrases are checked word for word."""
        candidates = (
            (doc, score) for doc, score in scores.items()
            if doc not in found and (allowed is None or doc in allowed)
        )
        want = limit if not plan.phrases else PHRASE_CANDIDATES
        best = heapq.nsmallest(want, candidates, key=lambda item: (-item[1], item[0]))
        kept = 0
        for doc, score in best:
            if plan.phrases and not self._has_phrases(doc, plan.phrases):
                continue
            found[doc] = _Found(score, tier)
            kept += 1
            if kept >= limit:
                return

    def _has_phrases(self, docnum: int, phrases: list[tuple[str, ...]]) -> bool:
        fields = self._searcher.stored_fields(docnum)
        text = _GAP.join((fields.get("title", ""), fields.get("synonyms", ""), fields.get("body", "")))
        sequence = _stem_sequence(self.language, text)
        return all(contains_phrase(sequence, phrase) for phrase in phrases)

    # -- matching a query's parts

    def _dictionaries(self) -> dict[str, Any]:
        if self._stored is None:
            stored = self._searcher.document(id=VOCABULARY_ID) or {}
            self._stored = stored.get("dictionaries") or {"stems": {}, "words": {}}
        return self._stored

    def _lexicon_of_stems(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = Lexicon(self._dictionaries()["stems"])
        return self._lexicon

    def _spelling(self) -> Speller:
        if self._speller is None:
            self._speller = Speller(self._dictionaries()["words"])
        return self._speller

    def _word_scores(self, stem: str, factor: float = 1.0, fields: Sequence[str] = TEXT_FIELDS) -> Scores:
        total: Scores = {}
        for name in fields:
            _add(total, self._postings.scores(name, stem), factor)
        return total

    def _slot_scores(self, slot: _Slot, plan: _Plan, corrections: Sequence[str] = ()) -> Scores:
        """Any alternative of the slot: its words, synonyms, prefix and compound expansions, corrections."""
        parts: list[Scores] = []
        for alternative in slot.alternatives:
            plan.stems.update(alternative)
            if len(alternative) == 1:
                parts.append(self._word_scores(alternative[0]))
            else:
                # A phrase: all its words (stop words too when it has nothing else); quoted ones are
                # then checked word for word on the candidates.
                content = [s for s in alternative if s not in self._stop_stems] or list(alternative)
                parts.append(all_of([self._word_scores(s) for s in content]))
                if slot.quoted:
                    plan.phrases.append(alternative)
        stem = slot.word
        if stem is not None and not slot.quoted:
            lexicon = self._lexicon_of_stems()
            expansions: list[tuple[str, float]] = []
            if slot.prefix:
                expansions += [(s, 1.0) for s in lexicon.starting_with(slot.prefix, PREFIX_EXPANSIONS)]
            if len(stem) >= COMPOUND_MIN_PART:
                plan.tails.add(stem)
                expansions += [(s, COMPOUND_BOOST) for s in lexicon.compounds_of(stem, COMPOUND_EXPANSIONS)]
            seen = {a[0] for a in slot.alternatives if len(a) == 1}
            for expansion, factor in expansions:
                if expansion not in seen:
                    seen.add(expansion)
                    plan.stems.add(expansion)
                    parts.append(self._word_scores(expansion, factor, EXPANSION_FIELDS))
        for word in corrections:
            corrected = self._lang.stem(word)
            plan.stems.add(corrected)
            parts.append(self._word_scores(corrected, 1.0, EXPANSION_FIELDS))
        return parts[0] if len(parts) == 1 else any_of(parts)

    def _title_matches(self, parsed: _Parsed) -> set[int]:
        """Pages whose title is, or starts with, the query (so they are ranked first even when weak)."""
        raw_key = " ".join(parsed.raw_words)
        if len(raw_key) < 2:
            return set()
        stem_key = " ".join(self._lang.stem(w) for w in parsed.raw_words)
        reader = self._searcher.reader()
        keys = {("title_key", raw_key), ("title_stems", stem_key)}
        raw_prefix, stem_prefix = parsed.title_prefixes(self._lang.stem)
        for name, prefix in (("title_key", raw_prefix), ("title_stems", stem_prefix)):
            for count, term in enumerate(reader.expand_prefix(name, prefix)):
                if count >= 50:
                    break
                keys.add((name, _text(term)))
        if len(parsed.slots) == 1:
            keys |= {("title_stems", " ".join(a)) for a in parsed.slots[0].alternatives}
        docs: set[int] = set()
        for name, value in keys:
            docs |= self._postings.documents(name, value)
        return docs

    def _fuzzy_slots(self, parsed: _Parsed, exact: list[Scores], plan: _Plan) -> list[Scores] | None:
        """The slots whose word the index does not know, widened to its nearest spellings (None: none)."""
        lexicon = self._lexicon_of_stems()
        widened = False
        slots = list(exact)
        for index, slot in enumerate(parsed.slots):
            stem = slot.word
            if stem is None or slot.synonym or stem in lexicon:
                continue
            if slot.prefix and lexicon.starting_with(slot.prefix, 1):
                continue
            corrections = self._spelling().candidates(slot.raw)
            if corrections:
                plan.corrections[index] = corrections
                slots[index] = self._slot_scores(slot, plan, corrections)
                widened = True
        return slots if widened else None

    def _suggestion(self, parsed: _Parsed, plan: _Plan) -> str | None:
        if not plan.corrections:
            return None
        return " ".join(
            plan.corrections[i][0] if i in plan.corrections else slot.raw for i, slot in enumerate(parsed.slots)
        )

    # -- turning matches into hits

    def _hits(self, parsed: _Parsed, found: dict[int, _Found], plan: _Plan, limit: int) -> tuple[Hit, ...]:
        stem = self._lang.stem
        raw_key = " ".join(parsed.raw_words)
        stem_key = " ".join(stem(w) for w in parsed.raw_words)
        raw_prefix, stem_prefix = parsed.title_prefixes(stem)
        whole = {" ".join(a) for a in parsed.slots[0].alternatives} if len(parsed.slots) == 1 else set()
        rows = []
        for docnum, item in found.items():
            fields = self._searcher.stored_fields(docnum)
            title_raw, title_stems = _title_keys(fields.get("title", ""), stem)
            tier = item.tier
            if raw_key == title_raw or stem_key == title_stems or title_stems in whole:
                tier = 0
            elif raw_key and (title_raw.startswith(raw_prefix) or title_stems.startswith(stem_prefix)):
                tier = 1
            rows.append((tier, -item.score, fields.get("id", ""), item, fields))
        rows.sort(key=lambda row: row[:3])
        marked = plan.stems - self._stop_stems or plan.stems
        highlight = _Highlight(frozenset(marked), tuple(sorted(plan.tails)))
        hits = []
        for rank, (tier, _score, page_id, item, fields) in enumerate(rows[:limit]):
            snippet, snippet_text = make_snippet(
                fields.get("body", ""), self.language, highlight, best=rank < BEST_SNIPPETS
            )
            hits.append(
                Hit(
                    id=page_id,
                    title=fields.get("title", page_id),
                    kind=fields.get("kind", ""),
                    audience=tuple(str(fields.get("audience", "")).split()),
                    score=round(float(item.score), 4),
                    snippet=snippet,
                    snippet_text=snippet_text,
                    path=str(fields.get("path", "")),
                    tier=tier,
                )
            )
        return tuple(hits)
