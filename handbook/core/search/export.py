"""The app's search index as data for the static site, so the site's search (resources/site/search-engine.js)
ranks exactly as the app does: the same terms, BM25 scores, dictionaries and constants."""

from __future__ import annotations

from typing import Any

from handbook.core.search import index as searching
from handbook.core.search import lexicon, query, ranking, spelling
from handbook.core.search.analysis import words
from handbook.core.search.index import TEXT_FIELDS, HandbookIndex
from handbook.core.search.snippets import COMPOUND_MIN_PART

SCORE_DIGITS = 6  # scores are rounded for the file; ties between documents stay ties


def constants() -> dict[str, Any]:
    """The numbers the ranking uses, by the names search-engine.js reads."""
    return {
        "MAX_QUERY_CHARS": query.MAX_QUERY_CHARS,
        "MAX_QUERY_PARTS": query.MAX_QUERY_PARTS,
        "PREFIX_MIN": query.PREFIX_MIN,
        "MAX_LIMIT": searching.MAX_LIMIT,
        "FEW_HITS": searching.FEW_HITS,
        "PREFIX_EXPANSIONS": searching.PREFIX_EXPANSIONS,
        "COMPOUND_EXPANSIONS": searching.COMPOUND_EXPANSIONS,
        "COMPOUND_BOOST": searching.COMPOUND_BOOST,
        "COMPOUND_MIN_PART": COMPOUND_MIN_PART,
        "COMPOUND_MIN_HEAD": lexicon.COMPOUND_MIN_HEAD,
        "STEM_FAMILY_MIN": searching.STEM_FAMILY_MIN,
        "STEM_FAMILY_BOOST": searching.STEM_FAMILY_BOOST,
        "SYNONYM_FACTOR": searching.SYNONYM_FACTOR,
        "COORDINATION": ranking.COORDINATION,
        "STRENGTH": ranking.STRENGTH,
        "RARITY": ranking.RARITY,
        "TITLE_WEIGHT": ranking.TITLE_WEIGHT,
        "TYPE_BOOST": dict(searching.TYPE_BOOST),
        "INTENT_COVERAGE": searching.INTENT_COVERAGE,
        "PHRASE_CANDIDATES": searching.PHRASE_CANDIDATES,
        "FUZZY_MIN": spelling.FUZZY_MIN,
        "FUZZY_CANDIDATES": spelling.FUZZY_CANDIDATES,
        "SPELLING_KEY": spelling.Speller.KEY,
        "TEXT_FIELDS": list(TEXT_FIELDS),
        "EXPANSION_FIELDS": list(searching.EXPANSION_FIELDS),
    }


def engine_data(index: HandbookIndex, urls: dict[str, str], labels: dict[str, str]) -> dict[str, Any]:
    """Everything search-engine.js needs. `urls` and `labels` map a document's stored id to its link and its
    kind's label; documents without a link (none expected) are left out of the hits."""
    analysis = index.analysis
    stored = index.stored_dictionaries()
    docs: list[dict[str, Any] | None] = []
    for fields in index.stored_documents():
        if fields is None:
            docs.append(None)
            continue
        doc_id = str(fields.get("id", ""))
        docs.append({
            "id": doc_id,
            "type": fields.get("type") or "page",
            "u": urls.get(doc_id, ""),
            "k": labels.get(doc_id, ""),
            "t": fields.get("title", ""),
            "s": fields.get("synonyms", ""),
            "x": fields.get("body", ""),
            "phone": fields.get("phone") or "",
            "hours": fields.get("hours") or "",
            "verified": fields.get("verified", True) is not False,
            "tk": " ".join(words(fields.get("title", ""))),
            "ts": " ".join(analysis.stem(w) for w in words(fields.get("title", ""))),
        })
    postings: dict[str, dict[str, list[float]]] = {}
    for field in TEXT_FIELDS:
        table: dict[str, list[float]] = {}
        for term in index.field_terms(field):
            flat: list[float] = []
            for doc, score in sorted(index.field_scores(field, term).items()):
                flat += [doc, round(score, SCORE_DIGITS)]
            if flat:
                table[term] = flat
        postings[field] = table
    return {
        "language": index.language,
        "documents": index.documents,
        "constants": constants(),
        "fillers": sorted(analysis.stopwords | analysis.fillers),
        "intents": {kind: sorted(terms) for kind, terms in analysis.intents().items()},
        "forms": stored.get("forms") or {},
        "stems": stored.get("stems") or {},
        "words": stored.get("words") or {},
        "synonyms": [list(group) for group in index.synonym_groups],
        "docs": docs,
        "postings": postings,
    }

