"""The static intranet site: every page, a table of contents, contacts, checklists and an offline search.

The site works from the file system (file://) and from any web server, with no internet: one style sheet,
one hand-written script and the search index as a script file (`assets/search-index.js`), so no JSON is
fetched. Markup comes from the templates in resources/templates/site/, the style sheet, script and labels from
resources/site/; nothing here imports Qt.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from handbook.core.content import KINDS, Contact, Handbook, Page
from handbook.core.limits import read_bounded_bytes
from handbook.core.links import MAX_IMAGE_BYTES, ImageTarget, pack_image_file
from handbook.core.publication import Publication, checklist_url, contact_url, page_url, slug
from handbook.core.reader import short_name
from handbook.core.render import ImageSrc
from handbook.core.templates import render
from handbook.errors import HandbookError, Issue, WriteError
from handbook.files import default_mode

MARKER = ".veileder-site"
ASSETS = ("style.css", "search-engine.js", "search.js")


# ---------------------------------------------------------------------------- the site


@dataclass(frozen=True)
class SiteResult:
    """Where the site was written and what it holds."""

    out: Path
    pages: int
    checklists: int
    contacts: int
    issues: tuple[Issue, ...]


class _SiteWriter:
    def __init__(self, pub: Publication, folder: Path) -> None:
        self.pub = pub
        self.folder = folder

    def write(self, relative: str, text: str) -> None:
        path = self.folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def image_src(self, page: Page, root: str) -> ImageSrc:
        """Images of a page: a file in its pack is copied into `images/<pack>/…`; nothing else is shown."""
        folders = [info.path for info in self.pub.handbook.packs if info.id == page.pack]

        def src(image: ImageTarget) -> str | None:
            for folder in folders:
                found = pack_image_file(image, folder)
                if found is None:
                    continue
                relative = f"images/{slug(page.pack)}/{image.path}"
                target = self.folder / relative
                if not target.exists():
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(read_bounded_bytes(found, MAX_IMAGE_BYTES))
                return root + relative
            return None

        return src

    def write_page(self, relative: str, template: str, *, root: str, title: str, current: str = "",
                   crumbs: list[tuple[str, str | None]] | None = None, scripts: bool = False, **values: object) -> None:
        """Render one page of the site (a template in resources/templates/site/ that extends layout.html)."""
        pub, labels = self.pub, self.pub.labels
        emergency = [
            (root + contact_url(c.id), name, phone)
            for c in pub.handbook.contacts.values() if c.emergency
            for name, phone in [self._emergency_slot(c)]
        ]
        self.write(relative, render(
            f"site/{template}",
            current=current,
            lang=pub.lang,
            title=title,
            site_name=labels["site_title"],
            municipality=pub.handbook.pack.name,
            root=root,
            body_class="",
            skip=labels["skip"],
            search_label=labels["search_label"],
            search_placeholder=labels["search_placeholder"],
            search=labels["search"],
            main_nav=labels["main_nav"],
            contents=labels["contents"],
            contacts=labels["contacts"],
            checklists=labels["checklists"],
            emergency=labels["emergency"],
            emergency_contacts=emergency,
            breadcrumb=labels["breadcrumb"],
            crumbs=crumbs or [],
            from_content=labels["from_content"],
            exported=labels["exported"],
            today=pub.today.isoformat(),
            scripts=scripts,
            labels=labels,
            **values,
        ))

    def _emergency_slot(self, contact: Contact) -> tuple[str, str]:
        """Name and number for the emergency bar: a contact without a verified number shows its verified
        national fallback, labelled as national, and says that the local number is missing."""
        labels = self.pub.labels
        national = self.pub.handbook.fallback_for(contact)
        if national is not None and national.phone:
            return (f"{contact.name} ({labels['local_missing']}) – {labels['national']}: {short_name(national)}",
                    national.phone)
        return contact.name, contact.phone or f"({labels['unverified']})"

    def home(self) -> None:
        pub, labels = self.pub, self.pub.labels
        kinds = [k for k in KINDS if pub.handbook.pages_of_kind(k)]
        kinds += sorted({p.kind for p in pub.handbook.pages.values()} - set(KINDS))
        sections = [(kind, pub.kind_label(kind), [(page_url(p.id), p.title) for p in pub.handbook.pages_of_kind(kind)])
                    for kind in kinds]
        if pub.checklists:
            sections.append(("checklists", labels["checklists"],
                             [(checklist_url(c.id), c.title) for c in pub.checklists.values()]))
        self.write_page("index.html", "home.html", root="", title=labels["contents"], current="home",
                        heading=f"{labels['site_title']} – {pub.handbook.pack.name}", sections=sections)

    def page(self, page: Page) -> None:
        pub, labels = self.pub, self.pub.labels
        root = "../"
        related = [(root + page_url(r), pub.handbook.pages[r].title) for r in page.related if r in pub.handbook.pages]
        crumbs = [(labels["home"], "index.html"), (pub.kind_label(page.kind), f"index.html#kind-{slug(page.kind)}"),
                  (page.title, None)]
        self.write_page(page_url(page.id), "page.html", root=root, title=page.title, crumbs=crumbs, page=page,
                        body=pub.page_body(page, pub.href_for("site", root), self.image_src(page, root)),
                        kind_label=pub.kind_label(page.kind), related=related, overdue=pub.overdue(page.reviewed),
                        audience=pub.audience_text(page))

    def contacts(self) -> None:
        pub, labels = self.pub, self.pub.labels
        crumbs = [(labels["home"], "index.html"), (labels["contacts"], None)]
        self.write_page("contacts.html", "contacts.html", root="", title=labels["contacts"], current="contacts",
                        crumbs=crumbs, cards=pub.ordered_contacts())

    def checklists(self) -> None:
        pub, labels = self.pub, self.pub.labels
        links = [(checklist_url(c.id), c.title) for c in pub.checklists.values()]
        crumbs = [(labels["home"], "index.html"), (labels["checklists"], None)]
        self.write_page("checklists.html", "checklists.html", root="", title=labels["checklists"],
                        current="checklists", crumbs=crumbs, links=links)
        root = "../"
        for checklist in pub.checklists.values():
            crumbs = [(labels["home"], "index.html"), (labels["checklists"], "checklists.html"),
                      (checklist.title, None)]
            self.write_page(checklist_url(checklist.id), "checklist.html", root=root, title=checklist.title,
                            crumbs=crumbs, checklist=pub.checklist_view(checklist, "site", root))

    def search(self) -> None:
        labels = self.pub.labels
        crumbs = [(labels["home"], "index.html"), (labels["search"], None)]
        self.write_page("search.html", "search.html", root="", title=labels["search"], current="search",
                        crumbs=crumbs, scripts=True)
        self.write("assets/search-index.js", search_index_js(self.pub))

    def assets(self) -> None:
        for name in ASSETS:
            self.write(f"assets/{name}", self.pub.templates.text(name))
        self.write(MARKER, f"Veileder export of {self.pub.handbook.pack.id} on {self.pub.today.isoformat()}\n")


def search_links(pub: Publication) -> tuple[dict[str, str], dict[str, str]]:
    """Each search document's link from the site root and its kind's label, by the index's document id."""
    labels = pub.labels
    urls: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for page in pub.handbook.pages.values():
        urls[page.id] = page_url(page.id)
        kinds[page.id] = pub.kind_label(page.kind)
    for contact in pub.handbook.contacts.values():
        urls[f"contact:{contact.id}"] = contact_url(contact.id)
        kinds[f"contact:{contact.id}"] = labels["contact_label"]
    for checklist in pub.checklists.values():
        urls[f"checklist:{checklist.id}"] = checklist_url(checklist.id)
        kinds[f"checklist:{checklist.id}"] = labels["checklist_label"]
    return urls, kinds


def search_index_js(pub: Publication, cache: Path | None = None) -> str:
    """The app's search index as a script that sets `window.VEILEDER_SEARCH` (loadable from file://): the
    site's search (search-engine.js) ranks with it exactly as the app does."""
    from handbook.core.search import open_index  # Whoosh loads only when a site is written
    from handbook.core.search.export import engine_data

    labels = pub.labels
    urls, kinds = search_links(pub)
    with open_index(pub.handbook, cache=cache) as index:
        engine = engine_data(index, urls, kinds)
    data = {
        "language": pub.lang,
        "labels": {
            "count": labels["search_count"],
            "none": labels["search_none"],
            "any": labels["search_any"],
            "did_you_mean": labels["did_you_mean"],
            "unverified": labels["unverified"],
        },
        "engine": engine,
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("</", "<\\/")
    return f"/* Veileder search index for {pub.handbook.pack.id}; generated, do not edit. */\n" \
           f"window.VEILEDER_SEARCH = {text};\n"


def _prepare_out(out: Path) -> Path:
    """Check the target folder and return a fresh build folder beside it."""
    if out.exists() and not out.is_dir():
        raise HandbookError(f"{out}: exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise HandbookError(f"{out}: folder is not empty and holds no earlier export; choose a new or empty folder")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=f".{out.name}.build-", dir=out.parent))
    except OSError as exc:
        raise WriteError(f"{out.parent}: cannot write here ({exc.strerror})") from exc


def _swap_in(build: Path, out: Path) -> None:
    """Replace `out` with the finished build (the old export is removed only after the new one is in place)."""
    build.chmod(default_mode(directory=True))
    trash = None
    if out.exists():
        trash = out.with_name(f".{out.name}.old-{build.name.rsplit('-', 1)[-1]}")
        out.rename(trash)
    build.rename(out)
    if trash is not None:
        shutil.rmtree(trash, ignore_errors=True)


def export_site(handbook: Handbook, out: Path, today: dt.date | None = None,
                resources: Path | None = None) -> SiteResult:
    """Write the municipality's whole handbook as a static site into `out` (replacing an earlier export)."""
    pub = Publication.prepare(handbook, today, resources)
    build = _prepare_out(out)
    try:
        writer = _SiteWriter(pub, build)
        writer.assets()
        writer.home()
        for page in handbook.pages.values():
            writer.page(page)
        writer.contacts()
        writer.checklists()
        writer.search()
        _swap_in(build, out)
    except OSError as exc:
        shutil.rmtree(build, ignore_errors=True)
        raise WriteError(f"{out}: cannot write the site ({exc.strerror or exc})") from exc
    except BaseException:
        shutil.rmtree(build, ignore_errors=True)
        raise
    return SiteResult(out, len(handbook.pages), len(pub.checklists), len(handbook.contacts), tuple(pub.issues))
