"""The exporters' templates, labels and small helpers: markup lives in resources/site/, not in Python.

The site's small parts use `string.Template` placeholders (`${name}`); whole documents (the brochure and the
PDFs) are Jinja2 templates with autoescaping (`Templates.render`). Either way values are HTML-escaped, unless
they are `Html` (markup made by another template or the Markdown renderer).
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass
from pathlib import Path
from string import Template
from typing import Any

import jinja2
import yaml

from handbook.errors import HandbookError, WriteError
from handbook.files import write_bytes_atomic
from handbook.locations import resources_dir

_PART = re.compile(r"^@@ ([a-z0-9-]+)\s*$", re.MULTILINE)


class Html(str):
    """A string that is already markup and must not be escaped again."""

    __slots__ = ()

    def __html__(self) -> str:
        """Jinja2's autoescaping leaves markup alone (the same protocol as markupsafe.Markup)."""
        return str(self)


def escape(value: object) -> Html:
    """Escape text for HTML (markup passes through unchanged)."""
    if isinstance(value, Html):
        return value
    return Html(html.escape("" if value is None else str(value), quote=True))


def join(parts: list[Html] | tuple[Html, ...], sep: str = "\n") -> Html:
    """Join pieces of markup."""
    return Html(sep.join(escape(p) for p in parts))


def site_resources() -> Path:
    """The folder with the site's templates, style sheet, script and labels."""
    return resources_dir() / "site"


@dataclass(frozen=True)
class Templates:
    """Named templates read from a resources folder: whole files and the small parts in parts.html."""

    folder: Path
    parts: dict[str, str]

    @classmethod
    def load(cls, folder: Path | None = None) -> Templates:
        """Read parts.html from `folder` (default: resources/site)."""
        folder = folder or site_resources()
        path = folder / "parts.html"
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise HandbookError(f"{path}: cannot read the export templates ({exc.strerror})") from exc
        pieces = _PART.split(text)
        parts = {pieces[i]: pieces[i + 1].strip("\n") for i in range(1, len(pieces) - 1, 2)}
        return cls(folder, parts)

    def text(self, name: str) -> str:
        """A resource file's text (a whole template, the CSS or the script)."""
        path = self.folder / name
        try:
            return path.read_text(encoding="utf-8")
        except OSError as exc:
            raise HandbookError(f"{path}: cannot read export resource ({exc.strerror})") from exc

    def render(self, template: str, /, **values: Any) -> Html:
        """Render a Jinja2 template file (autoescaped; `Html` values pass as markup)."""
        try:
            return Html(_jinja(self.folder).get_template(template).render(**values))
        except jinja2.TemplateNotFound as exc:
            raise HandbookError(f"{self.folder / template}: cannot read export template") from exc
        except jinja2.TemplateError as exc:
            line = getattr(exc, "lineno", None)
            where = f"{self.folder / template}:{line}" if line else str(self.folder / template)
            raise HandbookError(f"{where}: template error: {exc}") from exc

    def fill(self, template: str, /, **values: Any) -> Html:
        """Fill a part (from parts.html) or a file (name with a dot) with escaped values."""
        source = self.text(template) if "." in template else self.parts.get(template)
        if source is None:
            raise HandbookError(f"{self.folder / 'parts.html'}: no part named '{template}'")
        try:
            return Html(Template(source).substitute({k: escape(v) for k, v in values.items()}))
        except (KeyError, ValueError) as exc:
            raise HandbookError(f"{self.folder}: template '{template}' needs a value for {exc}") from exc


@functools.cache
def _jinja(folder: Path) -> jinja2.Environment:
    """One Jinja2 environment per template folder: autoescaping on, a missing value is an error."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(folder), autoescape=True,
                              undefined=jinja2.StrictUndefined, keep_trailing_newline=True)


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

