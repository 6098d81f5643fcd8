"""A checker for the machine-checkable part of PDF/UA-1 (ISO 14289-1), built on pikepdf and pypdf.

veraPDF, the reference checker, is a Java program that neither Debian, PyPI nor npm packages, so the tests use
these rules instead (numbers from the Matterhorn Protocol where one applies):

- the catalog: /MarkInfo /Marked true (01-002), /Lang (11-001), /ViewerPreferences /DisplayDocTitle true
  (07-001), XMP metadata with the PDF/UA identifier (pdfuaid:part 1, 06-002) and a dc:title (06-003);
- a structure tree (01-003) whose headings do not skip a level (14-003), whose tables have header cells
  (15-001 for tables with more than one row), whose figures have alternative text (13-004), and whose
  list items hold a label or a body (16-001);
- every piece of text on a page is inside marked content (01-001), and every marked-content id there is
  referred to from the structure tree, otherwise it must be an /Artifact (01-004, 01-005);
- every link annotation is tagged: it has /StructParent and a /Link element refers to it (28-011), and a page
  with annotations has /Tabs /S (09-004); every font is embedded (31-001);
- bookmarks (/Outlines) for navigation, and text that extracts as letters: no ligature glyphs (U+FB00–FB06)
  in pypdf's extracted text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import pikepdf
from pypdf import PdfReader

LIGATURES = re.compile("[\ufb00-\ufb06]")
TEXT_OPERATORS = {"Tj", "TJ", "'", '"'}


@dataclass
class Report:
    """What the checker found: problems (empty when the file passes) and what it saw of the structure."""

    problems: list[str] = field(default_factory=list)
    tags: dict[str, int] = field(default_factory=dict)
    headings: list[int] = field(default_factory=list)
    outlines: list[str] = field(default_factory=list)
    text: str = ""

    def fail(self, message: str) -> None:
        if len(self.problems) < 40:
            self.problems.append(message)


def _outline_titles(node: Any, out: list[str]) -> None:
    item = node.get("/First") if node is not None else None
    while item is not None:
        out.append(str(item.get("/Title", "")))
        _outline_titles(item, out)
        item = item.get("/Next")


def _walk_structure(pdf: pikepdf.Pdf, report: Report) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """Visit the structure tree: count tags, collect headings; return reachable elements and linked annotations."""
    reachable: set[tuple[int, int]] = set()
    linked: set[tuple[int, int]] = set()
    root = pdf.Root.StructTreeRoot
    role_map = root.get("/RoleMap") or {}

    def visit(node: Any) -> None:
        if isinstance(node, pikepdf.Array):
            for child in node:
                visit(child)
            return
        if not isinstance(node, pikepdf.Dictionary):
            return
        if node.get("/Type") == "/OBJR":
            obj = node.get("/Obj")
            if obj is not None and obj.is_indirect:
                linked.add(obj.objgen)
            return
        if "/MCID" in node and "/S" not in node:
            return
        if node.is_indirect:
            if node.objgen in reachable:
                return
            reachable.add(node.objgen)
        tag = str(node.get("/S", ""))
        tag = str(role_map.get(tag, tag))
        report.tags[tag] = report.tags.get(tag, 0) + 1
        if re.fullmatch(r"/H[1-6]", tag):
            report.headings.append(int(tag[2]))
        if tag == "/Figure" and not str(node.get("/Alt", "")).strip() and not str(node.get("/ActualText", "")):
            report.fail("a figure has no alternative text (/Alt)")
        if tag == "/Table":
            _check_table(node, report)
        if tag == "/L":
            items = [k for k in _kids(node) if isinstance(k, pikepdf.Dictionary) and k.get("/S") == "/LI"]
            if not items:
                report.fail("a list (/L) has no list item (/LI)")
        if "/K" in node:
            visit(node.K)

    visit(root.get("/K"))
    return reachable, linked


def _kids(node: Any) -> list[Any]:
    kids = node.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _check_table(table: Any, report: Report) -> None:
    cells: list[str] = []
    rows = 0
    stack = _kids(table)
    while stack:
        node = stack.pop()
        if not isinstance(node, pikepdf.Dictionary):
            continue
        tag = str(node.get("/S", ""))
        if tag == "/TR":
            rows += 1
        if tag in ("/TH", "/TD"):
            cells.append(tag)
        elif tag in ("/THead", "/TBody", "/TFoot", "/TR"):
            stack.extend(_kids(node))
    if rows > 1 and "/TH" not in cells:
        report.fail(f"a table with {rows} rows has no header cell (/TH)")


def check_pdf(path: Path) -> Report:
    """Check `path` against the rules above; `Report.problems` lists every failure."""
    report = Report()
    with pikepdf.open(path) as pdf:
        catalog = pdf.Root
        mark_info = catalog.get("/MarkInfo")
        if mark_info is None or not bool(mark_info.get("/Marked", False)):
            report.fail("the catalog has no /MarkInfo /Marked true (not a tagged PDF)")
        if not str(catalog.get("/Lang", "")).strip():
            report.fail("the catalog has no /Lang (document language)")
        prefs = catalog.get("/ViewerPreferences")
        if prefs is None or not bool(prefs.get("/DisplayDocTitle", False)):
            report.fail("/ViewerPreferences /DisplayDocTitle is not true (the viewer shows the file name)")
        with pdf.open_metadata() as meta:
            if str(meta.get("pdfuaid:part", "")) != "1":
                report.fail("the XMP metadata does not say PDF/UA-1 (pdfuaid:part)")
            if not str(meta.get("dc:title", "")).strip():
                report.fail("the XMP metadata has no dc:title")
        if "/StructTreeRoot" not in catalog:
            report.fail("no structure tree (/StructTreeRoot)")
            return report
        _outline_titles(catalog.get("/Outlines"), report.outlines)
        if not report.outlines:
            report.fail("no bookmarks (/Outlines)")
        reachable, linked = _walk_structure(pdf, report)
        for before, after in pairwise(report.headings):
            if after > before + 1:
                report.fail(f"a heading skips a level: H{before} is followed by H{after}")
                break
        parent_tree = _number_tree(catalog.StructTreeRoot.get("/ParentTree"))
        for number, page in enumerate(pdf.pages, 1):
            _check_page(pdf, page, number, parent_tree, reachable, linked, report)
        fonts_seen: set[tuple[int, int]] = set()
        for page in pdf.pages:
            for font in (page.Resources.get("/Font") or {}).values():
                if font.objgen in fonts_seen:
                    continue
                fonts_seen.add(font.objgen)
                descendants = font.get("/DescendantFonts")
                descriptor = (descendants[0] if descendants else font).get("/FontDescriptor")
                if descriptor is None or not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    report.fail(f"font {font.get('/BaseFont')} is not embedded")
    report.text = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    ligatures = sorted(set(LIGATURES.findall(report.text)))
    if ligatures:
        report.fail(f"the text extracts with ligature glyphs {ligatures} ({len(LIGATURES.findall(report.text))})")
    return report


def _number_tree(node: Any) -> dict[int, Any]:
    found: dict[int, Any] = {}
    stack = [node] if node is not None else []
    while stack:
        item = stack.pop()
        nums = item.get("/Nums")
        if nums is not None:
            for i in range(0, len(nums) - 1, 2):
                found[int(nums[i])] = nums[i + 1]
        stack.extend(item.get("/Kids") or [])
    return found


def _check_page(pdf: pikepdf.Pdf, page: Any, number: int, parent_tree: dict[int, Any],
                reachable: set[tuple[int, int]], linked: set[tuple[int, int]], report: Report) -> None:
    annotations = page.obj.get("/Annots") or []
    if annotations and page.obj.get("/Tabs") != "/S":
        report.fail(f"page {number}: has annotations but no /Tabs /S (tab order by structure)")
    for annotation in annotations:
        if annotation.get("/Subtype") != "/Link":
            continue
        if "/StructParent" not in annotation or annotation.objgen not in linked:
            report.fail(f"page {number}: a link annotation is not tagged (no /Link element refers to it)")
    key = page.obj.get("/StructParents")
    parents = parent_tree.get(int(key)) if key is not None else None
    depth: list[str] = []  # the open marked-content sequences: "artifact", "tagged" or "other"
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op in ("BDC", "BMC"):
            tag = str(operands[0])
            if tag == "/Artifact":
                depth.append("artifact")
                continue
            mcid = None
            if op == "BDC" and isinstance(operands[1], pikepdf.Dictionary):
                mcid = operands[1].get("/MCID")
            if mcid is None:
                depth.append("other")
                continue
            element = parents[int(mcid)] if isinstance(parents, pikepdf.Array) and int(mcid) < len(parents) else None
            if not (isinstance(element, pikepdf.Dictionary) and element.is_indirect and element.objgen in reachable):
                report.fail(f"page {number}: marked content {tag} MCID {int(mcid)} is neither in the structure "
                            "tree nor an artifact")
            depth.append("tagged")
        elif op == "EMC":
            if depth:
                depth.pop()
        elif op in TEXT_OPERATORS and not any(d in ("artifact", "tagged") for d in depth):
            report.fail(f"page {number}: text outside tagged content and outside an artifact")
