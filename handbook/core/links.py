"""The one allow-list of link and image targets in content, used by lint, the reader and every export.

Content is untrusted until it has passed `lint`: a link may only point at

- a page, contact or checklist of the handbook (`page-id`, `page:id`, `contact:id`, `checklist:id`),
- a place on the same page (`#sted`),
- the outside world over `https:` or `http:` (the reader opens it only after the user agrees),
- `mailto:` and `tel:`.

Anything else (`javascript:`, `data:`, `file:`, `smb:`, `ms-settings:`, `vbscript:`, a path such as
`../../x` or `C:\\x`, a web address with a user name in it …) is `blocked`: `lint` reports it with
path:line and every view shows the link's text without a link. Images come only from the pack itself:
a relative path inside the pack folder (`bilder/kart.png`), never a web address, `data:` or `file:`.
"""

from __future__ import annotations

import html
import re
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

WEB_SCHEMES = ("https", "http")
OTHER_SCHEMES = ("mailto", "tel")
INTERNAL_KINDS = ("page", "contact", "checklist")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp")  # no SVG: it can hold scripts
MAX_IMAGE_BYTES = 2 * 1024 * 1024
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\s]")
_PHONE = re.compile(r"^\+?[0-9 ()./-]{2,30}$")
_EMAIL = re.compile(r"^[^@\s/\\:]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?:\?[^\s]*)?$")


@dataclass(frozen=True)
class LinkTarget:
    """What a link in content points at.

    kind: page | contact | checklist | anchor | external (https/http/mailto/tel) | blocked.
    For `external`, `target` is the URL to open (`www.x.no` becomes `https://www.x.no`); for `blocked`,
    `reason` says why in words an editor understands.
    """

    kind: str
    target: str
    fragment: str = ""  # `#place` after a page id (not supported across pages: lint reports it)
    scheme: str = ""  # https, http, mailto or tel for an external link
    reason: str = ""

    @property
    def internal(self) -> bool:
        return self.kind in INTERNAL_KINDS

    @property
    def allowed(self) -> bool:
        return self.kind != "blocked"


def _blocked(href: str, reason: str) -> LinkTarget:
    return LinkTarget("blocked", href, reason=reason)


def _web(url: str, scheme: str) -> LinkTarget:
    try:
        parts = urlsplit(url)
    except ValueError:
        return _blocked(url, "not a valid web address")
    if not parts.hostname:
        return _blocked(url, "a web address needs a host name (https://eksempel.no/…)")
    if "@" in parts.netloc:
        return _blocked(url, "a web address with a user name or '@' before the host is not allowed")
    return LinkTarget("external", url, scheme=scheme)


def classify_link(href: str) -> LinkTarget:
    """Tell what a link in content points at, and whether it is allowed."""
    href = href.strip()
    if not href:
        return _blocked(href, "empty link")
    if _CONTROL.search(href):
        return _blocked(href, "a link may not contain spaces or control characters")
    if href.startswith("#"):
        return LinkTarget("anchor", href[1:])
    lowered = href.lower()
    if lowered.startswith("www."):
        return _web("https://" + href, "https")
    match = _SCHEME.match(href)
    if match:
        scheme = match.group(1).lower()
        rest = href[match.end():]
        if scheme in WEB_SCHEMES:
            return _web(href, scheme)
        if scheme == "mailto":
            if not _EMAIL.match(rest):
                return _blocked(href, "mailto: needs one e-mail address (mailto:post@kommune.no)")
            return LinkTarget("external", href, scheme=scheme)
        if scheme == "tel":
            if not _PHONE.match(rest):
                return _blocked(href, "tel: needs a phone number (tel:+4722000000)")
            return LinkTarget("external", href, scheme=scheme)
        if scheme in INTERNAL_KINDS:
            target, _, fragment = rest.partition("#")
            if not _ID.match(target):
                return _blocked(href, f"'{target}' is not an id (a-z, 0-9 and '-')")
            return LinkTarget(scheme, target, fragment if scheme == "page" else "")
        return _blocked(href, f"the link kind '{scheme}:' is not allowed "
                              "(allowed: page ids, contact:, checklist:, https:, http:, mailto:, tel:)")
    page, _, fragment = href.partition("#")
    if not _ID.match(page):
        return _blocked(href, f"'{page}' is not a page id; links to files or folders are not allowed")
    return LinkTarget("page", page, fragment)


def safe_external_url(url: str) -> LinkTarget:
    """The check the reader makes before anything reaches the system (the browser, mail or phone app)."""
    link = classify_link(url)
    if link.kind == "external":
        return link
    if link.allowed:
        return _blocked(url, "not a link to the outside world")
    return link


def destination(link: LinkTarget) -> str:
    """Where an external link goes, for the question the user answers before it opens."""
    if link.scheme in WEB_SCHEMES:
        return urlsplit(link.target).hostname or link.target
    return link.target.split(":", 1)[1]


# ---------------------------------------------------------------------------- images


@dataclass(frozen=True)
class ImageTarget:
    """An image in content: a path inside the pack (`ok`), or refused with a reason."""

    src: str
    path: str = ""  # the normalised path relative to the pack folder
    reason: str = ""

    @property
    def ok(self) -> bool:
        return not self.reason


def classify_image(src: str) -> ImageTarget:
    """Images only from the pack itself: a relative path with a picture suffix, not leaving the pack."""
    src = src.strip()
    if not src:
        return ImageTarget(src, reason="an image needs a file name")
    if _CONTROL.search(src) or "\\" in src:
        return ImageTarget(src, reason="an image path may not contain spaces, backslashes or control characters")
    if _SCHEME.match(src) or src.startswith("//"):
        return ImageTarget(src, reason="images must be files in the pack (no web address, data: or file:)")
    relative = PurePosixPath(src)
    if relative.is_absolute() or ".." in relative.parts:
        return ImageTarget(src, reason="an image path must stay inside the pack (no '/' at the start, no '..')")
    if relative.suffix.lower() not in IMAGE_SUFFIXES:
        return ImageTarget(src, reason=f"images must be {', '.join(IMAGE_SUFFIXES)}")
    return ImageTarget(src, path=relative.as_posix())


def pack_image_file(image: ImageTarget, pack_folder: Path) -> Path | None:
    """The image's file when it is a regular file inside the pack folder (symlinks out of it refused)."""
    if not image.ok:
        return None
    try:
        root = pack_folder.resolve(strict=True)
        candidate = (pack_folder / image.path).resolve(strict=True)
        info = candidate.stat()
    except (OSError, RuntimeError):
        return None
    if root not in candidate.parents or not stat.S_ISREG(info.st_mode) or info.st_size > MAX_IMAGE_BYTES:
        return None
    return candidate


def image_problem(image: ImageTarget, pack_folders: tuple[Path, ...]) -> str | None:
    """Why an image cannot be shown (None when it is a file in one of the packs)."""
    if not image.ok:
        return image.reason
    if any(pack_image_file(image, folder) is not None for folder in pack_folders):
        return None
    return (f"image '{image.path}' is not a file in the pack (or is larger than "
            f"{MAX_IMAGE_BYTES // (1024 * 1024)} MB, or a link out of the pack)")


# ---------------------------------------------------------------------------- finding links in source

# `[text](target)` and `![alt](src)`; the text may hold one level of brackets.
_TARGET = r"((?:[^()\s<>]|\([^()\s]*\))*)"  # a target may hold one level of parentheses: alert(1)
_INLINE = re.compile(r"(!?)\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\(\s*<?" + _TARGET + r">?(?:\s+\"[^\"\n]*\")?\s*\)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s.*)?$")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^<>\s]*)>")


@dataclass(frozen=True)
class FoundLink:
    """A link or image written in a Markdown body, with its 1-based line in the file."""

    line: int
    image: bool
    raw: str


def links_in_source(body: str, first_line: int = 1) -> Iterator[FoundLink]:
    """Every inline link and image, reference definition and `<scheme:…>` autolink, with its line."""
    for offset, line in enumerate(body.splitlines()):
        number = first_line + offset
        for match in _INLINE.finditer(line):
            yield FoundLink(number, bool(match.group(1)), match.group(2))
        reference = _REFERENCE.match(line)
        if reference:
            yield FoundLink(number, False, reference.group(1))
        for match in _AUTOLINK.finditer(line):
            yield FoundLink(number, False, match.group(1))


def link_problems(body: str, first_line: int, pack_folders: tuple[Path, ...]) -> Iterator[tuple[int, str]]:
    """Links outside the allow-list and images that are not files of the pack: (line, message)."""
    for written in links_in_source(body, first_line):
        if written.image:
            problem = image_problem(classify_image(written.raw), pack_folders)
            if problem:
                yield written.line, f"image not shown: {problem}"
            continue
        link = classify_link(written.raw)
        if not link.allowed:
            yield written.line, f"link not allowed: {link.reason} (shown as plain text)"


# ---------------------------------------------------------------------------- short texts with links


_TEXT_LINK = re.compile(r"\[([^\[\]\n]+)\]\(\s*" + _TARGET + r"\s*\)")

TextHref = Callable[[LinkTarget], "str | None"]


def inline_html(text: str, href_for: TextHref | None = None) -> str:
    """A short text from content (a checklist question, help, answer) as safe HTML.

    Everything is escaped; only `[text](target)` links allowed by the allow-list become links, through
    `href_for` (which may return None for an unknown target). Anything else is shown as its text.
    """
    out: list[str] = []
    last = 0
    for match in _TEXT_LINK.finditer(text):
        out.append(html.escape(text[last:match.start()]))
        label, target = match.group(1), match.group(2)
        link = classify_link(target)
        href = href_for(link) if (href_for is not None and link.allowed) else None
        if href is None:
            out.append(html.escape(label))
        else:
            out.append(f'<a href="{html.escape(href, quote=True)}">{html.escape(label)}</a>')
        last = match.end()
    out.append(html.escape(text[last:]))
    return "".join(out).replace("\n", "<br>")


def inline_plain(text: str) -> str:
    """The same short text without link targets (`[text](target)` → `text`)."""
    return _TEXT_LINK.sub(lambda m: m.group(1), text)
