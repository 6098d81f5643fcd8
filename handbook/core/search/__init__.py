"""Full-text search over a municipality's handbook: pages, contacts and checklists. The only package that
imports Whoosh.

How a query is read (never with Whoosh's query language, so no input can raise):

* words are runs of letters and digits; `"…"` marks a phrase; other punctuation, `*`, `?`, `~`, `-`, `+`
  and the operators AND, OR, NOT are ignored; the query is capped at 200 characters and 12 parts;
* a word's term is the Snowball stem of its lemma (simplemma's bokmål, nynorsk and Swedish dictionaries, read
  while building; the index keeps the forms it needs), else its own Snowball stem;
* stop words and a question's filler words («hva», «gjør», «kva», «vad» …) need not match; words that ask for
  a kind of hit («telefon», «sjekkliste») raise that kind instead of being matched;
* a word or phrase from the content's `synonyms.yaml` matches any word or phrase of its group (a synonym
  phrase matches pages with all its words; a quoted phrase must appear word for word);
* a word also matches compounds that end in it (`tjenesten` finds `barnevernstjenesten`) and longer words
  that start with it (`bekymret` finds `bekymring`), once, at half weight;
* the last word also matches as a prefix (search as you type) unless the query ends with a space;
* no part vetoes a page: pages are ranked by how many and how rare of the query's parts they hold, how
  strongly, and whether their title or phrasings hold them (see `index.rank`);
* a word the index does not know is replaced by its nearest spellings when it finds little, and the query
  with every typed word, the unknown ones corrected, is offered as a suggestion («mente du …»).

Hits are ranked in tiers: the title equals the query, the title starts with the query (or is a synonym of
it), a match in the text, a match only through a corrected spelling; within a tier a kind the query asks for
first, then by score – BM25 per field (a word counts 4 times in the title, 3 times in the synonyms and
phrasings, 1.5 times in a heading; see `PostingCache`).

Whoosh stores the index: fields, postings, stored text and the dictionaries; matching and scoring run
over postings read from it once and cached (`PostingCache`), which is what makes 5,000 pages fast enough
in pure Python (docs/benchmarks.md). The static site runs the same ranking in JavaScript
(resources/site/search-engine.js) over the data `export` writes.

Where each idea lives: `analysis` (words, terms, stop and filler words), `lemmas` (the dictionaries),
`query` (reading a query), `lexicon` (prefixes and compounds), `spelling` («mente du …»), `scoring` (BM25
over cached postings), `ranking` (how the parts combine), `snippets`, `index` (searching an open index),
`building` (schema, documents, the cache), `export` (the index for the static site), `results` and
`protocol` (what the UI may rely on).
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
