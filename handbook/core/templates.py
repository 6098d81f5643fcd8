"""The one template set: every piece of HTML the reader, the site, the brochure and the PDFs show.

All markup lives in `resources/templates/` as Jinja2 templates with autoescaping, rendered by `render`; Python
passes data and never assembles tags. Values are escaped unless they are `Html` (markup made by another
template or by the Markdown renderer). Small rules every view shares are macros in `macros.html` (the review
date, the «ikke bekreftet» mark, a contact card, a link) and the link resolver `links.resolve_link`.
"""

from __future__ import annotations

import functools
import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import yaml

from handbook.core.links import (
    KnownTargets,
    LinkTarget,
    checklist_url,
    contact_url,
    page_url,
    resolve_link,
    slug,
)
from handbook.errors import HandbookError, WriteError
from handbook.files import write_bytes_atomic
from handbook.locations import resources_dir


class Html(str):
    """A string that is already markup and must not be escaped again."""

    __slots__ = ()

    def __html__(self) -> str:
        """Jinja2's autoescaping leaves markup alone (the same protocol as markupsafe.Markup)."""
        return str(self)


def escape(value: object) -> Html:
    """Escape text for HTML (markup passes through unchanged). Templates escape every value with it, so quotes
    come out as `&quot;` and `&#x27;` everywhere, as Python's `html.escape` writes them."""
    if hasattr(value, "__html__"):
        return Html(value.__html__())
    return Html(html.escape("" if value is None else str(value), quote=True))


def join(parts: list[Html] | tuple[Html, ...], sep: str = "\n") -> Html:
    """Join pieces of markup."""
    return Html(sep.join(escape(p) for p in parts))


def template_folder() -> Path:
    """The folder with every HTML template (resources/templates)."""
    return resources_dir() / "templates"


def site_resources() -> Path:
    """The folder with the site's style sheets, script and labels."""
    return resources_dir() / "site"


def render(template: str, /, **values: Any) -> Html:
    """Render a template from resources/templates (autoescaped; `Html` values pass as markup)."""
    folder = template_folder()
    try:
        return Html(_jinja(folder).get_template(template).render(**values))
    except jinja2.TemplateNotFound as exc:
        raise HandbookError(f"{folder / template}: cannot read the template") from exc
    except jinja2.TemplateError as exc:
        line = getattr(exc, "lineno", None)
        name = getattr(exc, "filename", None) or str(folder / template)
        raise HandbookError(f"{name}:{line}: template error: {exc}" if line else f"{name}: template error: {exc}") \
            from exc


@dataclass(frozen=True)
class Templates:
    """The exports' other resources: style sheets and the site's script (resources/site by default)."""

    folder: Path

    @classmethod
    def load(cls, folder: Path | None = None) -> Templates:
        return cls(folder or site_resources())

    def text(self, name: str) -> str:
        """A resource file's text (a style sheet or the script)."""
        path = self.folder / name
        try:
            return path.read_text(encoding="utf-8")
        except OSError as exc:
            raise HandbookError(f"{path}: cannot read export resource ({exc.strerror})") from exc


def _href(kind: str, target: str, style: str = "reader", root: str = "") -> str | None:
    """A content link from a template: `href('page', id)` (reader), `href('page', id, 'site', '../')`."""
    if style not in ("reader", "site", "document"):
        raise ValueError(f"unknown link style {style!r}")
    return resolve_link(LinkTarget(kind, target), style, KnownTargets(), root)  # type: ignore[arg-type]


@functools.cache
def _jinja(folder: Path) -> jinja2.Environment:
    """One Jinja2 environment per template folder: autoescaping on, a missing value is an error."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder), autoescape=True, finalize=escape,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    env.filters.update(slug=slug, page_url=page_url, contact_url=contact_url, checklist_url=checklist_url,
                       tel=tel_href)
    env.globals.update(href=_href)
    return env


def tel_href(phone: str) -> str:
    """A `tel:` target: digits and a leading +."""
    return "".join(c for c in phone if c.isdigit() or c == "+")


def load_labels(language: str, folder: Path | None = None) -> dict[str, Any]:
    """The words shown by the exports for a content language (nb, nn, sv)."""
    path = (folder or site_resources()) / "labels.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise HandbookError(f"{path}: cannot read the export labels: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("nb"), dict):
        raise HandbookError(f"{path}: must map each language (nb, nn, sv) to its labels")
    labels = data.get(language) or data["nb"]
    return {**data["nb"], **labels}


def write_text_atomically(path: Path, text: str) -> None:
    """Write a file through a temporary file beside it, so a failed export leaves no half file."""
    try:
        write_bytes_atomic(path, text.encode("utf-8"))
    except OSError as exc:
        raise WriteError(f"{path}: cannot write ({exc.strerror or exc})") from exc

