"""Lemmas from a dictionary, so that inflected forms the Snowball stemmer keeps apart still meet
(«slår»/«slått» → «slå», «spør» → «spørre», «sett» → «se»).

The dictionaries are simplemma's (a maintained, dependency-free lemmatizer with full-form lists for
Norwegian bokmål, nynorsk and Swedish). They are read only while an index is built: the index stores the
forms its own vocabulary needs (`forms_for`), and searching uses those.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from functools import lru_cache

from handbook.core.search.analysis import language_of

log = logging.getLogger(__name__)

# The dictionaries used for a Whoosh language, first one wins (nynorsk after bokmål fills in nynorsk forms).
DICTIONARIES = {"no": ("nb", "nn"), "sv": ("sv",)}


@lru_cache(maxsize=2)  # kept for the next build in this process (about 70 MB a language)
def _dictionaries(code: str) -> list[Mapping[bytes, bytes]]:
    """The raw (UTF-8 bytes) full-form dictionaries of a language: decoding only what is used is what
    keeps building fast (simplemma's public mapping decodes every entry it visits)."""
    try:
        from simplemma.strategies.dictionaries import dictionary_factory
    except ImportError:  # the app still searches, with Snowball stems only
        log.warning("simplemma is not installed: searching without its dictionaries")
        return []
    found: list[Mapping[bytes, bytes]] = []
    for name in DICTIONARIES.get(code, ()):
        try:
            found.append(dictionary_factory._load_dictionary_from_disk(name))
        except (OSError, ValueError, KeyError, AttributeError) as exc:
            log.warning("simplemma dictionary %s cannot be read: %s", name, exc)
    return found


def forms_for(code: str, vocabulary: Iterable[str]) -> dict[str, str]:
    """Word → term for the words whose lemma's stem differs from their own stem, covering every word of
    `vocabulary` and every other form of their lemmas (so a query's «slår» meets a page's «slått»)."""
    dictionaries = _dictionaries(code)
    if not dictionaries:
        return {}
    stem = language_of(code).stem
    lemma_of: dict[bytes, bytes] = {}
    for word in vocabulary:
        key = word.encode("utf-8")
        for dictionary in dictionaries:
            lemma = dictionary.get(key)
            if lemma:
                lemma_of[key] = lemma.lower()
                break
    lemmas = set(lemma_of.values())
    forms: dict[bytes, bytes] = {}
    for dictionary in reversed(dictionaries):  # the first dictionary's reading wins
        forms.update((form, lemma) for form, lemma in dictionary.items() if lemma in lemmas)
    forms.update(lemma_of)
    terms: dict[str, str] = {}
    for raw_form, raw_lemma in forms.items():
        form = raw_form.decode("utf-8")
        if not form.islower():
            continue
        term = stem(raw_lemma.decode("utf-8"))
        if term != stem(form):
            terms[form] = term
    return terms


def release() -> None:
    """Forget the dictionaries (about 70 MB a language): the reader calls this once its index is built."""
    _dictionaries.cache_clear()
