"""Full-text search over a municipality's handbook. The only package that imports Whoosh.

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

Where each idea lives: `analysis` (words, stems, stop words), `query` (reading a query), `lexicon` (prefixes
and compounds), `spelling` («mente du …»), `scoring` (BM25 over cached postings), `snippets`, `index`
(searching an open index), `building` (schema, documents, the cache), `results` and `protocol` (what the UI
may rely on).
"""

from __future__ import annotations

from handbook.core.search.analysis import VeilederAnalyzer, engine_version, whoosh_language, words
from handbook.core.search.building import (
    SCHEMA_VERSION,
    build_schema,
    content_fingerprint,
    open_index,
    open_municipality_index,
    page_document,
)
from handbook.core.search.index import MAX_LIMIT, HandbookIndex
from handbook.core.search.protocol import SearchIndex
from handbook.core.search.query import MAX_QUERY_CHARS, MAX_QUERY_PARTS, SynonymTable, parse_query
from handbook.core.search.results import Hit, SearchResults
from handbook.core.search.snippets import contains_phrase, make_snippet
from handbook.core.search.spelling import Speller, edit_distance

__all__ = [
    "MAX_LIMIT",
    "MAX_QUERY_CHARS",
    "MAX_QUERY_PARTS",
    "SCHEMA_VERSION",
    "HandbookIndex",
    "Hit",
    "SearchIndex",
    "SearchResults",
    "Speller",
    "SynonymTable",
    "VeilederAnalyzer",
    "build_schema",
    "contains_phrase",
    "content_fingerprint",
    "edit_distance",
    "engine_version",
    "make_snippet",
    "open_index",
    "open_municipality_index",
    "page_document",
    "parse_query",
    "whoosh_language",
    "words",
]
