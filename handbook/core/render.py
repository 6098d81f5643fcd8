"""Markdown to HTML for the reader and the exports, with internal links resolved per municipality."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from xml.etree import ElementTree

import markdown
from markdown.extensions import Extension
from markdown.extensions.toc import slugify
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from handbook.core.limits import MAX_PAGE_CHARS, markdown_problems
from handbook.core.links import ImageTarget, LinkTarget, classify_image, classify_link, links_in_source

__all__ = ["HrefFor", "ImageSrc", "LinkTarget", "classify_link", "links_in_markdown", "render_markdown"]

EXTENSIONS = ("tables", "toc", "attr_list", "sane_lists")
_NORDIC_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ä": "a", "ö": "o",
                                 "Æ": "Ae", "Ø": "O", "Å": "A", "Ä": "A", "Ö": "O"})
_LINK_IN_SOURCE = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d+\.)[ \t]+\S")
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)")
_MARKER = re.compile(r"(?:[-*+]|\d+\.)[ \t]+")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")

_SAFE_ATTRIBUTES = {"id", "class", "title", "alt", "colspan", "rowspan", "align"}
_SAFE_STYLE = re.compile(r"^text-align:\s*(?:left|right|center);?$")  # table column alignment


def links_in_markdown(body: str, first_line: int = 1) -> Iterator[tuple[int, LinkTarget]]:
    """Every link target (not images) written in a body, with its 1-based line in the file."""
    for found in links_in_source(body, first_line):
        if not found.image:
            yield found.line, classify_link(found.raw)


HrefFor = Callable[[LinkTarget], "str | None"]
ImageSrc = Callable[[ImageTarget], "str | None"]


def default_href(link: LinkTarget) -> str | None:
    """Links for the Qt reader: `page:id`, `contact:id`, `checklist:id`; others unchanged."""
    if link.kind == "anchor":
        return "#" + link.target
    if link.kind == "external":
        return link.target
    if link.kind == "blocked":
        return None
    return f"{link.kind}:{link.target}"


def separate_lists(lines: list[str]) -> list[str]:
    """Make lists written the way editors write them into the lists Python-Markdown understands.

    - A list right after a paragraph line («Tegn du kan se etter:» and `- …` on the next line) gets the blank
      line Python-Markdown needs before it; without it the items run into the paragraph.
    - A sub-list indented under its item's text (`2. Spør:` and `   - «…»` below it) is indented to the four
      spaces Python-Markdown needs to nest it; with fewer it runs into the item's text.

    Lines inside a list, fenced code and other indented lines are left as they are.
    """
    out: list[str] = []
    in_list = in_fence = False
    item_text_column = 0  # where the text of the last top-level item starts (0: no list above)
    for line in lines:
        if _FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and not line.strip():
            in_list = False
        elif not in_fence and LIST_ITEM.match(line) and not _RULE.match(line):
            indent = len(line) - len(line.lstrip(" "))
            if 0 < indent < 4 and item_text_column and indent >= item_text_column:
                line = "    " + line.lstrip(" ")  # a sub-list under the item above
            elif indent == 0:
                marker = _MARKER.match(line)
                item_text_column = len(marker.group(0)) if marker else 0
            if out and out[-1].strip() and not in_list:
                out.append("")
            in_list = True
        elif not in_fence and not in_list and not line.startswith((" ", "\t")):
            item_text_column = 0  # a paragraph after the list has ended it
        out.append(line)
    return out


class _ListsAfterParagraphs(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return separate_lists(lines)


class _LinkRewriter(Treeprocessor):
    """Every link and image through the allow-list (`handbook.core.links`); only safe attributes stay."""

    def __init__(self, md: markdown.Markdown, href_for: HrefFor, image_src: ImageSrc | None) -> None:
        super().__init__(md)
        self.href_for = href_for
        self.image_src = image_src

    def run(self, root: ElementTree.Element) -> None:
        for parent in list(root.iter()):  # ElementTree.iter walks without recursion
            for index, child in enumerate(list(parent)):
                _clean_attributes(child)
                if child.tag == "a":
                    self._link(parent, index, child)
                elif child.tag == "img":
                    self._image(parent, index, child)

    def _link(self, parent: ElementTree.Element, index: int, child: ElementTree.Element) -> None:
        link = classify_link(child.get("href", ""))
        href = self.href_for(link) if link.allowed else None  # a blocked link never becomes a link
        if href is None:
            span = ElementTree.Element("span", {"class": "broken-link", "title": "Lenken virker ikke"})
            span.text, span.tail = child.text, child.tail
            for grandchild in list(child):
                span.append(grandchild)
            parent.remove(child)
            parent.insert(index, span)
            return
        child.set("href", href)
        child.set("class", f"{link.kind}-link")

    def _image(self, parent: ElementTree.Element, index: int, child: ElementTree.Element) -> None:
        image = classify_image(child.get("src", ""))
        src = self.image_src(image) if (image.ok and self.image_src is not None) else None
        if src is None:
            span = ElementTree.Element("span", {"class": "missing-image"})
            span.text = f"[{child.get('alt') or 'bilde'}]"
            span.tail = child.tail
            parent.remove(child)
            parent.insert(index, span)
            return
        child.set("src", src)


def _clean_attributes(element: ElementTree.Element) -> None:
    """Drop every attribute content could use to run code or fetch something (`{: onclick=… }`)."""
    for name in list(element.attrib):
        lowered = name.lower()
        if lowered in _SAFE_ATTRIBUTES or (lowered == "href" and element.tag == "a") or (
            lowered == "src" and element.tag == "img"
        ):
            continue
        if lowered == "style" and _SAFE_STYLE.match(element.attrib[name].strip()):
            continue
        del element.attrib[name]


class _SafeLinks(Extension):
    def __init__(self, href_for: HrefFor, image_src: ImageSrc | None) -> None:
        super().__init__()
        self.href_for = href_for
        self.image_src = image_src

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API name)
        # Raw HTML in content is shown as text, never interpreted.
        md.preprocessors.deregister("html_block")
        md.preprocessors.register(_ListsAfterParagraphs(md), "veileder_lists", 25)
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_LinkRewriter(md, self.href_for, self.image_src), "veileder_links", 1)


def heading_id(text: str, separator: str = "-") -> str:
    """A heading's anchor id, with Norwegian and Swedish letters spelt out (`Hva gjør du?` → `hva-gjor-du`)."""
    return slugify(text.translate(_NORDIC_LETTERS), separator)


def render_markdown(body: str, href_for: HrefFor = default_href, image_src: ImageSrc | None = None) -> str:
    """Render a page body to HTML; raw HTML is escaped and internal links resolved by `href_for`.

    Links outside the allow-list are shown as text; an image is shown only when `image_src` gives it a
    source (the reader and the site: files in the pack), otherwise its alt text. Text over the limits in
    `handbook.core.limits` (checked pages never are) is shown as plain paragraphs, in bounded time.
    """
    if next(markdown_problems(body), None) is not None:
        return _plain_paragraphs(body)  # over a limit: shown as text, never handed to the Markdown library
    md = markdown.Markdown(
        extensions=[*EXTENSIONS, _SafeLinks(href_for, image_src)],
        extension_configs={"toc": {"slugify": heading_id}},
        output_format="html",
    )
    try:
        return str(md.convert(body))
    except RecursionError:
        return _plain_paragraphs(body)


def _plain_paragraphs(body: str) -> str:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", body[:MAX_PAGE_CHARS]) if p.strip()]
    return "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)


def plain_text(body: str) -> str:
    """The readable text of a Markdown body (for the search index and snippets)."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", body)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\{:[^}]*\}", " ", text)
    text = re.sub(r"^\s{0,3}#{1,6}\s*", "", text, flags=re.MULTILINE)
    text = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", text, flags=re.MULTILINE)
    text = re.sub(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|?)+\s*$", " ", text, flags=re.MULTILINE)  # table rules
    text = re.sub(r"(?<![^\W_])[*_]+|[*_]+(?![^\W_])|`+", "", text)  # emphasis and code marks
    text = re.sub(r"[>|]+", " ", text)
    return re.sub(r"[ \t]+", " ", text).strip()


def headings(body: str) -> list[str]:
    """The Markdown headings of a body, in order."""
    return [m.group(1).strip() for m in re.finditer(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$", body, re.MULTILINE)]
