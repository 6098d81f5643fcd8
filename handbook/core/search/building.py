"""Building and opening the index: the schema, one document per page, the stored dictionaries, the cache."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import whoosh
from whoosh.codec.whoosh3 import W3Codec
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.filedb.filestore import FileStorage, RamStorage

from handbook.core import index_store
from handbook.core.checklist import Checklist, load_checklists
from handbook.core.content import Contact, Handbook, PackInfo, Page, find_pack, load_handbook, pack_files, read_synonyms
from handbook.core.render import headings, plain_text
from handbook.core.search.analysis import (
    GAP,
    TYPE_WORDS,
    Analysis,
    VeilederAnalyzer,
    title_keys,
    whoosh_language,
    words,
)
from handbook.core.search.index import VOCABULARY_ID, HandbookIndex
from handbook.core.search.lemmas import forms_for
from handbook.errors import HandbookError

log = logging.getLogger(__name__)

SCHEMA_VERSION = 9  # raise whenever the fields, the analysis or the stored dictionaries change


def build_schema(language: str, analysis: Analysis | None = None) -> Schema:
    """The index's fields. `language` is Whoosh's code ("no" or "sv"); `analysis` the terms for building.

    Text fields keep frequencies, not positions: quoted phrases are checked on the stored text of the
    best candidates instead, which keeps the index small and fast to build. Pages, contacts and checklists
    are documents of their own `type`; the `synonyms` field also holds a page's `questions`.
    """
    text = VeilederAnalyzer(language, analysis)
    return Schema(
        id=ID(stored=True, unique=True),
        type=ID(stored=True),
        target=STORED(),  # the page, contact or checklist id
        phone=STORED(),
        hours=STORED(),
        verified=STORED(),
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


def _body_text(page: Page) -> str:
    """The page's readable text without its leading `# Title` line."""
    text = plain_text(page.body)
    first, _, rest = text.partition("\n")
    return rest.strip() if words(first) == words(page.title) else text


def _strings(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list | tuple):
        return tuple(str(v) for v in value if v is not None and str(v).strip())
    return ()


def page_document(page: Page, analysis: Analysis) -> dict[str, Any]:
    """The fields indexed for one page: its synonyms and `questions` (the phrasings staff use) count alike."""
    title_key, title_stems = title_keys(page.title, analysis.stem)
    phrasings = (*page.synonyms, *_strings(page.meta.get("questions")))
    return {
        "id": page.id,
        "type": "page",
        "target": page.id,
        "title": page.title,
        "synonyms": GAP.join(phrasings),
        "headings": GAP.join(headings(page.body)),
        "body": _body_text(page),
        "title_key": title_key,
        "title_stems": title_stems,
        "kind": page.kind,
        "audience": " ".join(page.audience),
        "path": str(page.path),
    }


def contact_document(contact: Contact, analysis: Analysis) -> dict[str, Any]:
    """A contact as a hit of its own: found by its name, what it helps with and its number; shown with its
    number and hours."""
    title_key, title_stems = title_keys(contact.name, analysis.stem)
    labels = TYPE_WORDS.get(analysis.code, TYPE_WORDS["no"])
    asks = [labels["contact"], *([labels["emergency"]] if contact.emergency else []), contact.phone or ""]
    return {
        "id": f"contact:{contact.id}",
        "type": "contact",
        "target": contact.id,
        "title": contact.name,
        "synonyms": GAP.join(a for a in (contact.helps_with, *asks) if a),
        "headings": "",
        "body": " ".join(x for x in (contact.helps_with, contact.note) if x),
        "title_key": title_key,
        "title_stems": title_stems,
        "kind": "contact",
        "audience": "all",
        "phone": contact.phone or "",
        "hours": contact.hours or "",
        "verified": bool(contact.verified and contact.phone),
        "path": "",
    }


def checklist_document(checklist: Checklist, analysis: Analysis) -> dict[str, Any]:
    """A checklist as a hit of its own: found by its title, description and the questions it asks."""
    title_key, title_stems = title_keys(checklist.title, analysis.stem)
    questions = [s.text for s in checklist.steps if s.type == "question"]
    label = TYPE_WORDS.get(analysis.code, TYPE_WORDS["no"])["checklist"]
    return {
        "id": f"checklist:{checklist.id}",
        "type": "checklist",
        "target": checklist.id,
        "title": checklist.title,
        "synonyms": checklist.description or "",
        "headings": GAP.join([label, *questions]),
        "body": " ".join([checklist.description or "", *questions, *(s.help for s in checklist.steps if s.help)]),
        "title_key": title_key,
        "title_stems": title_stems,
        "kind": "checklist",
        "audience": " ".join(checklist.audience),
        "path": str(checklist.path),
    }


def documents(handbook: Handbook, analysis: Analysis) -> list[dict[str, Any]]:
    """Every document of the municipality's index: pages, then contacts, then checklists (those that load)."""
    docs = [page_document(page, analysis) for page in handbook.pages.values()]
    docs += [contact_document(contact, analysis) for contact in handbook.contacts.values()]
    try:
        checklists, _issues = load_checklists(handbook)  # lint reports the issues; search shows what loads
    except Exception as exc:  # a broken checklist must not stop the search
        log.warning("checklists are not searchable: %s", exc)
        checklists = {}
    docs += [checklist_document(checklist, analysis) for checklist in checklists.values()]
    return docs


def _fingerprint(pack: PackInfo, base: PackInfo | None, files: Iterable[Path]) -> str:
    salt = (
        f"veileder-index/{SCHEMA_VERSION}/whoosh-{whoosh.versionstring()}/"
        f"{pack.id}/{base.id if base else ''}/{pack.language}"
    )
    return index_store.fingerprint_files(files, salt)


def content_fingerprint(handbook: Handbook) -> str:
    """A hash over the handbook's files' bytes and the index schema: it changes whenever a rebuild is due."""
    return _fingerprint(handbook.pack, handbook.base, handbook.files)


def analysed_documents(handbook: Handbook, language: str) -> tuple[Analysis, list[dict[str, Any]]]:
    """The analysis to build with (the lemma forms the handbook's words need, see `lemmas`) and the
    documents with their title terms in that analysis."""
    docs = documents(handbook, Analysis(language))
    vocabulary: set[str] = set(words(" ".join(g for group in handbook.synonyms for g in group)))
    for doc in docs:
        vocabulary.update(words(" ".join((doc["title"], doc["synonyms"], doc["headings"], doc["body"]))))
    analysis = Analysis(language, forms_for(language, vocabulary))
    for doc in docs:
        doc["title_stems"] = title_keys(doc["title"], analysis.stem)[1]
    return analysis, docs


def _fill(ix: Any, docs: Sequence[dict[str, Any]], analysis: Analysis) -> int:
    # Uncompressed posting blocks: about twice as fast to build and faster to read, a little larger.
    writer = ix.writer(limitmb=64, codec=W3Codec(compression=0))
    stem = analysis.stem
    pages_with: Counter[str] = Counter()  # term → documents containing it
    spellings: Counter[str] = Counter()  # unstemmed word → occurrences
    try:
        for document in docs:
            writer.add_document(**document)
            found = words(GAP.join((document["title"], document["synonyms"], document["body"])))
            spellings.update(found)
            pages_with.update({stem(w) for w in found} | {stem(w) for w in words(document["headings"])})
        # One extra document stores the dictionaries that prefixes, compounds, «did you mean» and the
        # lemma forms need: read back in one go when searching, instead of walking Whoosh's term lists.
        used = set(spellings)
        forms = {w: t for w, t in analysis.forms.items() if t in pages_with or w in used}
        dictionaries = {"stems": dict(pages_with), "words": dict(spellings), "forms": forms}
        writer.add_document(id=VOCABULARY_ID, type="vocabulary", dictionaries=dictionaries)
    except BaseException:
        writer.cancel()
        raise
    writer.commit(optimize=True)
    return len(docs)


def _build_folder(folder: Path, handbook: Handbook, language: str) -> dict[str, object]:
    analysis, docs = analysed_documents(handbook, language)
    ix = FileStorage(str(folder)).create_index(build_schema(language, analysis))
    try:
        entries = _fill(ix, docs, analysis)
    finally:
        ix.close()
    return {"pages": len(handbook.pages), "entries": entries, "municipality": handbook.pack.id,
            "schema": SCHEMA_VERSION}


class _TrackingStorage(FileStorage):  # type: ignore[misc]  # Whoosh has no type information
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
    entries = manifest.get("entries")
    if not isinstance(entries, int) or ix.doc_count() != entries + 1:  # + the vocabulary document
        ix.close()
        raise ValueError(f"{folder}: the number of documents does not match the manifest")
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
        assert folder is not None
        index_store.remove_others(root, folder)
    except OSError as exc:
        log.warning("cannot write the search index under %s (%s); building it in memory", root, exc)
        analysis, docs = analysed_documents(handbook, language)
        ix = RamStorage().create_index(build_schema(language, analysis))
        _fill(ix, docs, analysis)
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
