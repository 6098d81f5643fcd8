"""Searching an open index: reading the query, matching its parts, ranking (`ranking`), tiers, hits with
snippets. Stop words and a question's filler words are dropped before (see `query`); a quoted phrase must
appear word for word."""

from __future__ import annotations

import heapq
import threading
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from handbook.core.search.analysis import GAP, Analysis, stem_sequence, title_keys
from handbook.core.search.lexicon import Lexicon
from handbook.core.search.query import ParsedQuery, Slot, SynonymTable, parse_query
from handbook.core.search.ranking import Part, Ranked, rank
from handbook.core.search.results import Hit, SearchResults
from handbook.core.search.scoring import PostingCache, Scores, add_scores, all_of, any_of, best_of
from handbook.core.search.snippets import COMPOUND_MIN_PART, Highlight, contains_phrase, make_snippet
from handbook.core.search.spelling import Speller

MAX_LIMIT = 500
FEW_HITS = 3  # a word the index does not know, found in fewer documents than this, is also corrected
PREFIX_EXPANSIONS = 8  # search as you type: the last word matches at most this many indexed stems
COMPOUND_EXPANSIONS = 10  # a word matches at most this many compounds ending in it (the most frequent) …
COMPOUND_BOOST = 0.5  # … which count half as much as the word itself
SYNONYM_FACTOR = 0.7  # a synonym of a typed word counts this much of the word itself; the best one counts
STEM_FAMILY_MIN = 5  # a known word's stem this long also matches longer stems that start with it …
STEM_FAMILY_BOOST = 0.5  # … (bekymret → bekymring, anmeld → anmeldelse) at this weight
TYPE_BOOST = {"checklist": 1.25}  # a checklist that fits the situation is the most direct help: a little ahead
INTENT_COVERAGE = 0.5  # a kind of hit the query asks for («… telefon», «sjekkliste …») comes first when it
# covers this share of the rest of the query
PHRASE_CANDIDATES = 400  # a quoted phrase is checked word for word on at most this many candidates
WORD_CACHE = 20_000  # terms whose combined scores are kept (the postings themselves are cached too)
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
    preferred: bool = False  # of a kind the query asks for


@dataclass
class _Plan:
    """What a search matched with: for highlighting, checking phrases and the suggestion."""

    stems: set[str] = field(default_factory=set)
    tails: set[str] = field(default_factory=set)
    phrases: list[tuple[str, ...]] = field(default_factory=list)
    corrections: dict[int, list[str]] = field(default_factory=dict)  # word position → corrected words


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
        self._documents: int = max(1, int(self._searcher.reader().doc_count_all()))
        self._lock = threading.Lock()
        self._groups = [tuple(str(m) for m in group) for group in synonyms]
        self._analysis: Analysis | None = None
        self._synonyms: SynonymTable | None = None
        self._lexicon: Lexicon | None = None
        self._speller: Speller | None = None
        self._stored: dict[str, Any] | None = None
        self._stored_fields: dict[int, dict[str, Any]] = {}
        self._word_cache: dict[tuple[str, float, tuple[str, ...]], Scores] = {}
        self._stop_stems: frozenset[str] = frozenset()
        self.language = language
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
        """The number of pages in the index (contacts and checklists not counted)."""
        with self._lock:
            return len(self._postings.documents("type", "page")) if self._searcher is not None else 0

    def warm_up(self) -> None:
        """Build the lazily built tables now (the analysis, the stem dictionary and the spelling table), e.g.
        in a worker thread right after opening, so the first searches are as fast as later ones."""
        with self._lock:
            if self._searcher is not None:
                self._analysed()
                self._lexicon_of_stems()
                self._spelling()

    @property
    def analysis(self) -> Analysis:
        """The analysis the index was built with (its lemma forms are stored in the index)."""
        with self._lock:
            if self._searcher is None:
                return self._analysis or Analysis(self.language)
            return self._analysed()

    @property
    def synonyms(self) -> SynonymTable:
        with self._lock:
            if self._searcher is None:
                return self._synonyms or SynonymTable(self._groups, Analysis(self.language).stem)
            self._analysed()
            assert self._synonyms is not None
            return self._synonyms

    def field_terms(self, fieldname: str) -> list[str]:
        """Every term of a field (for exporting the index with the static site)."""
        with self._lock:
            if self._searcher is None:
                return []
            return [_text(t) for t in self._searcher.reader().lexicon(fieldname)]

    def field_scores(self, fieldname: str, term: str) -> Scores:
        """A term's BM25 score in every document of a field, as searching uses them."""
        with self._lock:
            return dict(self._postings.scores(fieldname, term)) if self._searcher is not None else {}

    def stored_documents(self) -> list[dict[str, Any] | None]:
        """Every document's stored fields by document number (None for the vocabulary document)."""
        with self._lock:
            if self._searcher is None:
                return []
            found: list[dict[str, Any] | None] = []
            for doc in range(self._documents):
                fields = dict(self._searcher.stored_fields(doc))
                found.append(None if fields.get("id") == VOCABULARY_ID else fields)
            return found

    @property
    def synonym_groups(self) -> list[tuple[str, ...]]:
        """The synonym groups the index searches with, as the content gives them."""
        return list(self._groups)

    @property
    def documents(self) -> int:
        """The number of Whoosh documents, the vocabulary document included (the N of idf)."""
        return self._documents

    def stored_dictionaries(self) -> dict[str, Any]:
        """The stored dictionaries (terms with document frequencies, spellings, lemma forms)."""
        with self._lock:
            return dict(self._dictionaries()) if self._searcher is not None else {}

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
        limit = max(0, min(int(limit), MAX_LIMIT))
        if limit == 0 or (kinds is not None and not kinds) or (audiences is not None and not audiences):
            return empty
        with self._lock:
            if self._searcher is None:
                return empty
            analysis = self._analysed()
            assert self._synonyms is not None
            parsed = parse_query(query, analysis, self._synonyms)
            if not parsed.slots:
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
        parts: list[Part] = []
        for slot in parsed.slots:
            scores = self._slot_scores(slot, plan)
            corrections = self._corrections(slot, scores)
            if corrections:
                plan.corrections[slot.start] = corrections
                scores = self._slot_scores(slot, plan, corrections)
            parts.append(Part(scores, self._titled(slot, corrections), bool(corrections)))
        ranked = rank(parts, self._documents)
        for kind, boost in TYPE_BOOST.items():
            for doc in self._postings.documents("type", kind) & ranked.scores.keys():
                ranked.scores[doc] *= boost
        preferred = self._asked_for(parsed, ranked)
        required = [part.scores for slot, part in zip(parsed.slots, parts, strict=True) if slot.quoted]
        candidates: Iterable[tuple[int, float]] = ranked.scores.items()
        if allowed is not None or required:
            candidates = (
                (doc, score) for doc, score in ranked.scores.items()
                if (allowed is None or doc in allowed) and all(doc in r for r in required)
            )
        want = limit if not plan.phrases else PHRASE_CANDIDATES
        exact = ranked.exact
        best = heapq.nsmallest(
            want, candidates, key=lambda item: (item[0] not in exact, item[0] not in preferred, -item[1], item[0])
        )
        found: dict[int, _Found] = {}
        for doc, score in best:
            if plan.phrases and not self._has_phrases(doc, plan.phrases):
                continue
            found[doc] = _Found(score, 2 if doc in exact else 3, doc in preferred)
            if len(found) >= limit:
                break
        for doc in self._title_matches(parsed):
            if allowed is None or doc in allowed:
                found.setdefault(doc, _Found(ranked.scores.get(doc, 0.0), 2, doc in preferred))
        hits = self._hits(parsed, found, plan, limit)
        any_terms = len(parts) > 1 and not any(doc in ranked.complete for doc in found)
        fuzzy = any(doc in ranked.corrected for doc in found)
        return SearchResults(query, hits, self._suggestion(parsed, plan), fuzzy, any_terms)

    def _asked_for(self, parsed: ParsedQuery, ranked: Ranked) -> set[int]:
        """The hits of a kind the query asks for («barnevernvakta telefon»: contacts) that cover at least
        `INTENT_COVERAGE` of the rest of the query: they come first within their tier."""
        preferred: set[int] = set()
        for kind in parsed.intents:
            preferred |= {
                doc for doc in self._postings.documents("type", kind)
                if ranked.coverage.get(doc, 0.0) >= INTENT_COVERAGE
            }
        return preferred

    def _has_phrases(self, docnum: int, phrases: list[tuple[str, ...]]) -> bool:
        fields = self._fields(docnum)
        text = GAP.join((fields.get("title", ""), fields.get("synonyms", ""), fields.get("body", "")))
        sequence = stem_sequence(self._analysed(), text)
        return all(contains_phrase(sequence, phrase) for phrase in phrases)

    # -- the stored tables

    def _fields(self, docnum: int) -> dict[str, Any]:
        """A document's stored fields (read once: the index never changes while open)."""
        fields = self._stored_fields.get(docnum)
        if fields is None:
            fields = self._stored_fields[docnum] = dict(self._searcher.stored_fields(docnum))
        return fields

    def _dictionaries(self) -> dict[str, Any]:
        if self._stored is None:
            stored = self._searcher.document(id=VOCABULARY_ID) or {}
            self._stored = stored.get("dictionaries") or {"stems": {}, "words": {}, "forms": {}}
        return self._stored

    def _analysed(self) -> Analysis:
        if self._analysis is None:
            analysis = Analysis(self.language, self._dictionaries().get("forms") or {})
            self._stop_stems = frozenset(analysis.stem(w) for w in analysis.stopwords | analysis.fillers)
            self._synonyms = SynonymTable(self._groups, analysis.stem)
            self._analysis = analysis
        return self._analysis

    def _lexicon_of_stems(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = Lexicon(self._dictionaries()["stems"])
        return self._lexicon

    def _spelling(self) -> Speller:
        if self._speller is None:
            self._speller = Speller(self._dictionaries()["words"])
        return self._speller

    # -- matching a query's parts

    def _word_scores(self, stem: str, factor: float = 1.0, fields: Sequence[str] = TEXT_FIELDS) -> Scores:
        """A term's score per document over `fields`, times `factor` (kept: never change the result)."""
        key = (stem, factor, tuple(fields))
        total = self._word_cache.get(key)
        if total is None:
            total = {}
            for name in fields:
                add_scores(total, self._postings.scores(name, stem), factor)
            if len(self._word_cache) >= WORD_CACHE:
                self._word_cache.clear()
            self._word_cache[key] = total
        return total

    def _slot_scores(self, slot: Slot, plan: _Plan, corrections: Sequence[str] = ()) -> Scores:
        """Any alternative of the slot: its words, synonyms, prefix and compound expansions, corrections."""
        parts: list[Scores] = []
        widened: list[Scores] = []
        for number, alternative in enumerate(slot.alternatives):
            plan.stems.update(alternative)
            factor = 1.0 if number == 0 else SYNONYM_FACTOR
            if len(alternative) == 1:
                parts.append(self._word_scores(alternative[0], factor))
            else:
                # A phrase: all its words (stop words too when it has nothing else); quoted ones are
                # then checked word for word on the candidates.
                content = [s for s in alternative if s not in self._stop_stems] or list(alternative)
                found = all_of([self._word_scores(s) for s in content])
                parts.append(found if factor == 1.0 else {d: v * factor for d, v in found.items()})
                if slot.quoted and alternative not in plan.phrases:
                    plan.phrases.append(alternative)
        stem = slot.word
        if stem is not None and not slot.quoted:
            lexicon = self._lexicon_of_stems()
            expansions: list[tuple[str, float]] = []
            if slot.prefix:
                expansions += [(s, 1.0) for s in lexicon.starting_with(slot.prefix, PREFIX_EXPANSIONS)]
            if len(stem) >= STEM_FAMILY_MIN and stem in lexicon:  # a known word, not a fragment
                family = [s for s in lexicon.starting_with(stem, PREFIX_EXPANSIONS + 1) if s != stem]
                expansions += [(s, STEM_FAMILY_BOOST) for s in family[:PREFIX_EXPANSIONS]]
            if len(stem) >= COMPOUND_MIN_PART:
                plan.tails.add(stem)
                expansions += [(s, COMPOUND_BOOST) for s in lexicon.compounds_of(stem, COMPOUND_EXPANSIONS)]
            seen = {a[0] for a in slot.alternatives if len(a) == 1}
            for expansion, factor in expansions:
                if expansion not in seen:
                    seen.add(expansion)
                    plan.stems.add(expansion)
                    widened.append(self._word_scores(expansion, factor, EXPANSION_FIELDS))
        analysis = self._analysed()
        for word in corrections:
            corrected = analysis.stem(word)
            plan.stems.add(corrected)
            parts.append(self._word_scores(corrected, 1.0, EXPANSION_FIELDS))
        # The word (or its best synonym or correction) counts once, and its compounds and derived words
        # once more at most: a page full of different compounds of «barn» is not worth more than one.
        best = parts[0] if len(parts) == 1 else best_of(parts)
        return any_of([best, best_of(widened)]) if widened else best

    def _titled(self, slot: Slot, corrections: Sequence[str]) -> set[int]:
        """The documents whose title or phrasings hold the slot (any of its words, or all of a phrase's)."""
        analysis = self._analysed()
        alternatives = [*slot.alternatives, *((analysis.stem(w),) for w in corrections)]
        docs: set[int] = set()
        for alternative in alternatives:
            content = [s for s in alternative if s not in self._stop_stems] or list(alternative)
            found: set[int] | None = None
            for stem in content:
                here = self._postings.documents("title", stem) | self._postings.documents("synonyms", stem)
                found = here if found is None else found & here
            docs |= found or set()
        return docs

    def _corrections(self, slot: Slot, scores: Scores) -> list[str]:
        """The nearest known spellings of a typed word the index does not know (and finds little with)."""
        stem = slot.word
        if stem is None or slot.synonym or len(scores) >= FEW_HITS:
            return []
        lexicon = self._lexicon_of_stems()
        if stem in lexicon or (slot.prefix and lexicon.starting_with(slot.prefix, 1)):
            return []
        return self._spelling().candidates(slot.raw)

    def _title_matches(self, parsed: ParsedQuery) -> set[int]:
        """Pages whose title is, or starts with, the query (so they are ranked first even when weak)."""
        raw_key = " ".join(parsed.title_words)
        if len(raw_key) < 2:
            return set()
        stem = self._analysed().stem
        stem_key = " ".join(stem(w) for w in parsed.title_words)
        reader = self._searcher.reader()
        keys = {("title_key", raw_key), ("title_stems", stem_key)}
        raw_prefix, stem_prefix = parsed.title_prefixes(stem)
        for name, prefix in (("title_key", raw_prefix), ("title_stems", stem_prefix)):
            for count, term in enumerate(reader.expand_prefix(name, prefix)):
                if count >= 50:
                    break
                keys.add((name, _text(term)))
        if len(parsed.slots) == 1 and not parsed.intents:  # the title is a synonym of the query
            keys |= {("title_stems", " ".join(a)) for a in parsed.slots[0].alternatives}
        docs: set[int] = set()
        for name, value in keys:
            docs |= self._postings.documents(name, value)
        return docs

    def _suggestion(self, parsed: ParsedQuery, plan: _Plan) -> str | None:
        """The query as typed – every word of it, stop words too – with the unknown words corrected."""
        if not plan.corrections:
            return None
        typed = list(parsed.raw_words)
        for position, corrections in plan.corrections.items():
            if 0 <= position < len(typed):
                typed[position] = corrections[0]
        return " ".join(typed)

    # -- turning matches into hits

    def _hits(self, parsed: ParsedQuery, found: dict[int, _Found], plan: _Plan, limit: int) -> tuple[Hit, ...]:
        analysis = self._analysed()
        stem = analysis.stem
        raw_key = " ".join(parsed.title_words)
        stem_key = " ".join(stem(w) for w in parsed.title_words)
        raw_prefix, stem_prefix = parsed.title_prefixes(stem)
        single = len(parsed.slots) == 1 and not parsed.intents
        whole = {" ".join(a) for a in parsed.slots[0].alternatives} if single else set()
        rows = []
        for docnum, item in found.items():
            fields = self._fields(docnum)
            title_raw, title_stems = title_keys(fields.get("title", ""), stem)
            tier = item.tier
            if raw_key == title_raw or stem_key == title_stems:
                tier = 0
            elif title_stems in whole or (
                raw_key and (title_raw.startswith(raw_prefix) or title_stems.startswith(stem_prefix))
            ):
                tier = 1  # the title is a synonym of the query, or starts with the query
            rows.append((tier, not item.preferred, -item.score, fields.get("id", ""), item, fields))
        rows.sort(key=lambda row: row[:4])
        marked = plan.stems - self._stop_stems or plan.stems
        highlight = Highlight(frozenset(marked), tuple(sorted(plan.tails)))
        hits = []
        for position, (tier, _other, _score, doc_id, item, fields) in enumerate(rows[:limit]):
            snippet, snippet_text = make_snippet(
                fields.get("body", ""), analysis, highlight, best=position < BEST_SNIPPETS
            )
            hits.append(
                Hit(
                    id=fields.get("target") or doc_id,
                    title=fields.get("title", doc_id),
                    kind=fields.get("kind", ""),
                    audience=tuple(str(fields.get("audience", "")).split()),
                    score=round(float(item.score), 4),
                    snippet=snippet,
                    snippet_text=snippet_text,
                    path=str(fields.get("path", "")),
                    tier=tier,
                    type=fields.get("type") or "page",
                    phone=fields.get("phone") or "",
                    hours=fields.get("hours") or "",
                    verified=fields.get("verified", True) is not False,
                )
            )
        return tuple(hits)
