"""Searching an open index: matching a query's parts, ranking in tiers, hits with snippets."""

from __future__ import annotations

import heapq
import threading
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from handbook.core.search.analysis import GAP, language_of, stem_sequence, title_keys
from handbook.core.search.lexicon import Lexicon
from handbook.core.search.query import ParsedQuery, Slot, SynonymTable, parse_query
from handbook.core.search.results import Hit, SearchResults
from handbook.core.search.scoring import PostingCache, Scores, add_scores, all_of, any_of
from handbook.core.search.snippets import COMPOUND_MIN_PART, Highlight, contains_phrase, make_snippet
from handbook.core.search.spelling import Speller

MAX_LIMIT = 500
FEW_HITS = 3  # fewer exact hits than this → also try the nearest spellings of unknown words
PREFIX_EXPANSIONS = 8  # search as you type: the last word matches at most this many indexed stems
COMPOUND_EXPANSIONS = 10  # a word matches at most this many compounds ending in it (the most frequent) …
COMPOUND_BOOST = 0.5  # … which count half as much as the word itself
PHRASE_CANDIDATES = 400  # a quoted phrase is checked word for word on at most this many candidates
BEST_SNIPPETS = 10  # the top hits get their best passage as snippet; the rest the start of the page
VOCABULARY_ID = "\x00vocabulary"  # one extra document: the stem and spelling dictionaries (stored)
TEXT_FIELDS = ("title", "synonyms", "headings", "body")
EXPANSION_FIELDS = ("title", "synonyms", "body")  # the body's text includes the headings


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
        self._lang = language_of(language)
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

    def _search(self, query: str, parsed: ParsedQuery, limit: int, allowed: set[int] | None) -> SearchResults:
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
        text = GAP.join((fields.get("title", ""), fields.get("synonyms", ""), fields.get("body", "")))
        sequence = stem_sequence(self.language, text)
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
            add_scores(total, self._postings.scores(name, stem), factor)
        return total

    def _slot_scores(self, slot: Slot, plan: _Plan, corrections: Sequence[str] = ()) -> Scores:
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

    def _title_matches(self, parsed: ParsedQuery) -> set[int]:
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

    def _fuzzy_slots(self, parsed: ParsedQuery, exact: list[Scores], plan: _Plan) -> list[Scores] | None:
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

    def _suggestion(self, parsed: ParsedQuery, plan: _Plan) -> str | None:
        if not plan.corrections:
            return None
        return " ".join(
            plan.corrections[i][0] if i in plan.corrections else slot.raw for i, slot in enumerate(parsed.slots)
        )

    # -- turning matches into hits

    def _hits(self, parsed: ParsedQuery, found: dict[int, _Found], plan: _Plan, limit: int) -> tuple[Hit, ...]:
        stem = self._lang.stem
        raw_key = " ".join(parsed.raw_words)
        stem_key = " ".join(stem(w) for w in parsed.raw_words)
        raw_prefix, stem_prefix = parsed.title_prefixes(stem)
        whole = {" ".join(a) for a in parsed.slots[0].alternatives} if len(parsed.slots) == 1 else set()
        rows = []
        for docnum, item in found.items():
            fields = self._searcher.stored_fields(docnum)
            title_raw, title_stems = title_keys(fields.get("title", ""), stem)
            tier = item.tier
            if raw_key == title_raw or stem_key == title_stems or title_stems in whole:
                tier = 0
            elif raw_key and (title_raw.startswith(raw_prefix) or title_stems.startswith(stem_prefix)):
                tier = 1
            rows.append((tier, -item.score, fields.get("id", ""), item, fields))
        rows.sort(key=lambda row: row[:3])
        marked = plan.stems - self._stop_stems or plan.stems
        highlight = Highlight(frozenset(marked), tuple(sorted(plan.tails)))
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
