"""`export pdf` and `export brochure`: the handbook PDF and the citizen brochure for every municipality."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import stat
import subprocess
import sys
import unicodedata
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import pytest
from pypdf import PdfReader

from handbook.core.content import list_packs, load_handbook
from handbook.core.pdf import mark_pagination_as_artifacts, render_pdf, write_document_pdf
from handbook.core.printdoc import brochure_document, document_html, handbook_document
from handbook.core.publication import Publication
from handbook.core.templates import load_labels
from tests.conftest import CONTENT, REPO
from tests.pdfua import Report, check_pdf

MUNICIPALITIES = [p.id for p in list_packs(CONTENT)]
TODAY = dt.date(2026, 12, 1)


def _pdf_text(path: Path) -> tuple[int, list[str]]:
    """The page count (pypdf) and each page's text (pdftotext from poppler-utils, much faster than pypdf)."""
    assert path.read_bytes()[:5] == b"%PDF-", f"{path} is not a PDF"
    count = len(PdfReader(path).pages)
    if shutil.which("pdftotext") is None:
        if os.environ.get("CI"):
            pytest.fail("pdftotext is missing: `make test-deps` installs poppler-utils")
        pytest.skip("pdftotext is not installed (`make test-deps` installs poppler-utils)")
    done = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          check=True)
    texts = done.stdout.decode("utf-8").split("\f")
    return count, [_flat(t) for t in texts[:count]]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()  # NFKC: ligatures such as ﬂ


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "handbook", *args], cwd=REPO, capture_output=True, text=True,
                          check=False, env=env)


# ---------------------------------------------------------------------------- the handbook PDF


def _assert_pdf_ua(path: Path, lang: str, title: str) -> Report:
    """The PDF/UA-1 checks of tests/pdfua.py pass; returns what the checker saw (tags, bookmarks, text)."""
    report = check_pdf(path)
    assert report.problems == [], f"{path.name}: " + "; ".join(report.problems)
    for tag in ("/H1", "/H2", "/P", "/L", "/LI", "/Link"):
        assert report.tags.get(tag, 0) > 0, f"{path.name}: the structure tree has no {tag}"
    assert title in report.outlines, f"{path.name}: the bookmarks start with the title"
    reader = PdfReader(path)
    assert reader.trailer["/Root"]["/Lang"] == lang
    assert title in str(reader.metadata.title)
    return report


@pytest.mark.slow
@pytest.mark.parametrize("municipality", MUNICIPALITIES)
def test_handbook_pdf_has_contents_and_page_numbers(municipality: str, tmp_path: Path) -> None:
    pub = Publication.prepare(load_handbook(CONTENT, municipality), TODAY)
    doc = handbook_document(pub)
    result = write_document_pdf(pub, doc, tmp_path / "handbook.pdf")
    pages, texts = _pdf_text(result.path)
    assert pages == result.pages > 1
    labels = load_labels(pub.lang)
    assert _flat(labels["toc_title"]) in texts[1], "the table of contents follows the cover"
    first_page = next(p for p in pub.handbook.pages.values())
    toc = _flat(" ".join(texts[1:4]))
    number = dict(result.section_pages)[f"page-{first_page.id}"]
    assert re.search(re.escape(_flat(first_page.title)[:30]) + r"[^\d]*?\b" + str(number) + r"\b", toc), \
        f"{first_page.title!r} is listed with its page number {number}"
    assert _flat(first_page.title)[:30] in _flat(texts[number - 1]), "the listed page number is right"
    for index in (1, pages - 1):
        label = labels["page_of"].format(page=index + 1, pages=pages)
        assert label in texts[index], f"page {index + 1} is numbered"
    every_title = _flat(" ".join(texts))
    for page in pub.handbook.pages.values():
        assert _flat(page.title)[:25] in every_title, page.id
    assert pub.handbook.pack.name in texts[0]
    report = _assert_pdf_ua(result.path, pub.lang, doc.title)
    for section in doc.sections:
        if section.level == 1:
            assert section.title in report.outlines, f"a bookmark for the chapter {section.title!r}"
    assert report.tags.get("/Table", 0) == 0 or report.tags.get("/TH", 0) > 0
    assert "Straffeloven" in report.text or pub.lang == "sv", "ff is two letters, not a ligature glyph"


def test_pdf_cli_runs_without_a_display(mini_content: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = tmp_path / "ut" / "veileder.pdf"
    done = _cli("--content", str(mini_content), "export", "pdf", "--municipality", "by", "--out", str(out), env=env)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes()[:5] == b"%PDF-"
    assert [p.name for p in out.parent.iterdir()] == ["veileder.pdf"], "no temporary file is left behind"


def test_pdf_cli_rejects_a_wrong_file_name_without_a_traceback(tmp_path: Path) -> None:
    done = _cli("export", "pdf", "--municipality", "no", "--out", str(tmp_path / "veileder.docx"))
    assert done.returncode == 2 and "veileder.docx" in done.stderr and "Traceback" not in done.stderr
    done = _cli("export", "brochure", "--municipality", "no", "--out", str(tmp_path / "brosjyre.txt"))
    assert done.returncode == 2 and "brosjyre.txt" in done.stderr and "Traceback" not in done.stderr
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    done = _cli("export", "brochure", "--municipality", "no", "--out", str(blocker / "b.html"))
    assert done.returncode == 5 and "b.html" in done.stderr and "Traceback" not in done.stderr


# ---------------------------------------------------------------------------- the brochure


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


@pytest.mark.parametrize("municipality", MUNICIPALITIES)
def test_brochure_html_is_the_residents_subset(municipality: str, tmp_path: Path) -> None:
    out = tmp_path / "brosjyre.html"
    done = _cli("export", "brochure", "--municipality", municipality, "--out", str(out))
    assert done.returncode == 0, done.stderr
    handbook = load_handbook(CONTENT, municipality)
    parsed = _Text()
    parsed.feed(out.read_text(encoding="utf-8"))
    text = _flat("".join(parsed.parts))
    residents = [p for p in handbook.pages.values() if p.residents]
    assert residents, "every municipality has pages for residents"
    for page in handbook.pages.values():
        assert (f'id="page-{page.id}"' in out.read_text(encoding="utf-8")) == page.residents, page.id
    html = out.read_text(encoding="utf-8")
    for contact in handbook.contacts.values():
        if not contact.verified:
            assert f'id="contact-{contact.id}"' not in html, f"unverified contact {contact.id} must not reach citizens"
    assert any(c.verified and c.phone and c.phone in text for c in handbook.contacts.values())
    assert ("lang", handbook.language) in [(k, v) for t, a in parsed.tags if t == "html" for k, v in a.items()]
    assert not any(t in ("script", "link", "img") for t, _ in parsed.tags), "one self-contained file"
    assert "@page" in out.read_text(encoding="utf-8"), "print-ready"


@pytest.mark.slow
@pytest.mark.parametrize("municipality", MUNICIPALITIES)
def test_brochure_pdf_for_every_municipality(municipality: str, tmp_path: Path) -> None:
    pub = Publication.prepare(load_handbook(CONTENT, municipality), TODAY)
    doc = brochure_document(pub)
    result = write_document_pdf(pub, doc, tmp_path / "brosjyre.pdf")
    pages, texts = _pdf_text(result.path)
    assert pages == result.pages > 1
    labels = load_labels(pub.lang)
    assert labels["brochure_title"].split(" – ")[0] in _flat(texts[0])
    assert labels["page_of"].format(page=2, pages=pages) in texts[1]
    assert "112" in _flat(" ".join(texts))
    assert document_html(pub, doc).count("<section") == len(doc.sections)
    _assert_pdf_ua(result.path, pub.lang, doc.title)


def test_brochure_leaves_out_unverified_numbers_and_says_so(mini_content: Path, tmp_path: Path) -> None:
    page = mini_content / "packs/no/pages/psykisk-vold.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("title: Psykisk vold", "title: Psykisk vold\nresidents: true"), encoding="utf-8")
    done = _cli("--content", str(mini_content), "export", "brochure", "-m", "no", "--out", str(tmp_path / "b.html"))
    assert done.returncode == 0, done.stderr
    assert "krisesenter" in done.stderr and "not verified" in done.stderr
    text = (tmp_path / "b.html").read_text(encoding="utf-8")
    assert 'id="page-psykisk-vold"' in text and 'id="page-fysisk-vold"' not in text
    assert 'id="contact-politi-112"' in text and 'id="contact-krisesenter"' not in text
    # The link to a page outside the brochure becomes plain text, not a dead link.
    assert "fysisk vold" in text and 'href="#page-fysisk-vold"' not in text


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_pdf_gets_the_users_normal_file_mode(mini_content: Path, tmp_path: Path) -> None:
    """The PDF is written atomically through a private temp file, but ends up readable like any new file."""
    out = tmp_path / "veileder.pdf"
    old = os.umask(0o022)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "handbook", "--content", str(mini_content), "export", "pdf", "-m", "by",
             "--out", str(out)],
            capture_output=True, text=True, check=False, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
    finally:
        os.umask(old)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


# ---------------------------------------------------------------------------- tagged PDF (PDF/UA-1), quick


def _mini_pub(mini_content: Path) -> Publication:
    page = mini_content / "packs/no/pages/psykisk-vold.md"
    text = page.read_text(encoding="utf-8")
    # A table, a list and a word with «ff» and «fi», which fonts like to draw as ligature glyphs.
    page.write_text(text.replace("Barnevernstjenesten kan hjelpe.", "Barnevernstjenesten kan hjelpe.\n\n"
                                 "| Lov | Paragraf |\n|---|---|\n| Straffeloven | § 282 |\n\n"
                                 "- offisielt\n- fiendtlig\n\nStraffeloven gjelder.")
                    .replace("title: Psykisk vold", "title: Psykisk vold\nresidents: true"), encoding="utf-8")
    return Publication.prepare(load_handbook(mini_content, "by"), TODAY)


def test_handbook_pdf_is_tagged_pdf_ua(mini_content: Path, tmp_path: Path) -> None:
    pub = _mini_pub(mini_content)
    doc = handbook_document(pub)
    result = write_document_pdf(pub, doc, tmp_path / "veileder.pdf")
    report = _assert_pdf_ua(result.path, "nb", doc.title)
    text = report.text
    assert report.tags.get("/Table") and report.tags.get("/TH"), "the Markdown table keeps its header cells"
    assert report.headings[0] == 1 and 4 in report.headings, "cover h1, chapters h2, pages h3, their headings h4"
    assert [t for t in report.outlines if t in ("Fysisk vold i Byen", "Psykisk vold")], "pages are bookmarked"
    assert "Straffeloven" in text and "offisielt" in text and "fiendtlig" in text
    # The running header and footer are on every page after the cover, marked as pagination artifacts.
    count, texts = _pdf_text(result.path)
    assert count == result.pages and pub.labels["page_of"].format(page=2, pages=count) in texts[1]
    assert _pagination_artifacts(result.path)[1:] == [3] * (count - 1), "header, footer and page number"


def _pagination_artifacts(path: Path) -> list[int]:
    """How many pieces of pagination (/Artifact <</Type /Pagination>>) each page has."""
    import pikepdf

    counts: list[int] = []
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            counts.append(sum(1 for operands, operator in pikepdf.parse_content_stream(page)
                              if str(operator) == "BDC" and str(operands[0]) == "/Artifact"
                              and operands[1].get("/Type") == "/Pagination"))
    return counts


def test_the_checker_finds_untagged_pagination(mini_content: Path) -> None:
    """Without marking the margin boxes as artifacts, WeasyPrint's output breaks PDF/UA: the checker sees it."""
    pub = _mini_pub(mini_content)
    doc = brochure_document(pub)
    from handbook.core import pdf as pdf_module

    html = document_html(pub, doc, pdf_module.page_css(doc, doc.title))
    original = pdf_module.mark_pagination_as_artifacts
    try:
        pdf_module.mark_pagination_as_artifacts = lambda data: data  # type: ignore[assignment]
        raw, _pages, _anchors = render_pdf(html)
    finally:
        pdf_module.mark_pagination_as_artifacts = original  # type: ignore[assignment]
    raw_path = mini_content.parent / "raw.pdf"
    raw_path.write_bytes(raw)
    assert any("neither in the structure tree nor an artifact" in p for p in check_pdf(raw_path).problems)
    fixed_path = mini_content.parent / "fixed.pdf"
    fixed_path.write_bytes(mark_pagination_as_artifacts(raw))
    assert check_pdf(fixed_path).problems == []


def test_brochure_pdf_and_html_share_one_template(mini_content: Path, tmp_path: Path) -> None:
    pub = _mini_pub(mini_content)
    doc = brochure_document(pub)
    result = write_document_pdf(pub, doc, tmp_path / "brosjyre.pdf")
    _assert_pdf_ua(result.path, "nb", doc.title)
    html = document_html(pub, doc)
    levels = [int(n) for n in re.findall(r"<h([1-6])\b", html)]
    assert levels[0] == 1 and levels.count(1) == 1, "one <h1>: the brochure's title"
    assert all(b <= a + 1 for a, b in pairwise(levels)), f"no heading skips a level: {levels}"


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_brochure_html_gets_the_users_normal_file_mode(mini_content: Path, tmp_path: Path) -> None:
    out = tmp_path / "brosjyre.html"
    old = os.umask(0o022)
    try:
        done = _cli("--content", str(mini_content), "export", "brochure", "-m", "by", "--out", str(out))
    finally:
        os.umask(old)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_checklist_summary_pdf_is_tagged_pdf_ua(tmp_path: Path) -> None:
    from handbook.core.checklist import load_checklists, summary, walk_answers
    from handbook.core.pdf import write_summary_pdf

    handbook = load_handbook(CONTENT, "asker")
    checklist = load_checklists(handbook)[0]["akutt-fare"]
    walked = summary(checklist, walk_answers(checklist, ["1"]), handbook, TODAY)
    result = write_summary_pdf(walked, tmp_path / "oppsummering.pdf")
    report = check_pdf(result.path)
    assert report.problems == [], "; ".join(report.problems)
    assert PdfReader(result.path).trailer["/Root"]["/Lang"] == "nb"
    assert report.tags.get("/H1") == 1 and report.tags.get("/H2") and report.outlines
    count, texts = _pdf_text(result.path)
    footer = f"akutt-fare {checklist.version} · {TODAY.isoformat()}"
    assert footer in texts[0] and f"Side 1 av {count}" in texts[0], "the footer: checklist, page"
    assert _pagination_artifacts(result.path) == [3] * count


def test_without_weasyprint_the_pdf_export_says_what_is_missing(
    mini_content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The portable app does not carry WeasyPrint (packaging/veileder.spec): the export names what it needs."""
    from handbook.errors import HandbookError

    pub = _mini_pub(mini_content)
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint now raises ImportError
    with pytest.raises(HandbookError, match="WeasyPrint and the Pango libraries") as caught:
        write_document_pdf(pub, handbook_document(pub), tmp_path / "ut" / "veileder.pdf")
    assert "README" in str(caught.value) and not (tmp_path / "ut").exists()
    spec = (REPO / "packaging/veileder.spec").read_text(encoding="utf-8")
    assert '"weasyprint"' in spec.split("excludes=", 1)[1].split("]", 1)[0]


@pytest.mark.slow
def test_a_pdf_ua_checker_from_a_package_finds_no_error(tmp_path: Path) -> None:
    """outloud (PyPI; the Matterhorn protocol's machine checks for PDF/UA-1) on the handbook, the brochure and a
    checklist summary: no conformance error. veraPDF itself is packaged in none of our registries."""
    from handbook.core.checklist import load_checklists, summary, walk_answers
    from handbook.core.pdf import write_summary_pdf

    checker = Path(sys.executable).parent / "outloud"
    if not checker.exists():
        pytest.fail("outloud is missing: it is in the test extra (pip install -e '.[test]')")
    for command, name in (("pdf", "veileder.pdf"), ("brochure", "brosjyre.pdf")):
        done = subprocess.run([sys.executable, "-m", "handbook", "export", command, "-m", "hammerfest", "--out",
                               str(tmp_path / name)], cwd=REPO, capture_output=True, text=True, timeout=600,
                              check=False)
        assert done.returncode == 0, done.stderr
    handbook = load_handbook(CONTENT, "hammerfest")
    checklist = load_checklists(handbook)[0]["akutt-fare"]
    write_summary_pdf(summary(checklist, walk_answers(checklist, ["1"]), handbook, TODAY), tmp_path / "summary.pdf")
    pdfs = sorted(str(p) for p in tmp_path.glob("*.pdf"))
    assert len(pdfs) == 3
    report = tmp_path / "outloud.json"
    checked = subprocess.run([str(checker), "--layer", "conformance", "--fail-on", "error", "--json", str(report),
                              "-q", *pdfs], capture_output=True, text=True, timeout=600, check=False)
    import json

    results = json.loads(report.read_text(encoding="utf-8"))["results"]
    errors = [(Path(r["path"]).name, f["rule_id"], f.get("message")) for r in results for f in r["findings"]
              if f.get("severity") == "error"]
    assert checked.returncode == 0 and errors == [], (checked.stdout[-2000:], errors[:10])
    assert {Path(r["path"]).name: r["verdict"] for r in results}.keys() == {"veileder.pdf", "brosjyre.pdf",
                                                                             "summary.pdf"}


def test_a_summary_never_ends_on_a_nearly_empty_page() -> None:
    """When the last page would hold a line or two, the text is set a little smaller to save the sheet (the
    same rule as printing from the reader, core/paper.py)."""
    from handbook.core.paper import NEAR_EMPTY
    from handbook.core.pdf import SUMMARY_CSS, _layout, last_page_fill, render_fitting_pdf

    paragraph = "<p>" + "Skriv ned hva du så og hørte, og hva du gjorde. " * 6 + "</p>"
    for count in range(20, 80):  # find a text whose last page holds only a line or two
        html = f"<html lang='nb'><body><h1>Oppsummering</h1>{paragraph * count}<p>Siste linje.</p></body></html>"
        document = _layout(html, SUMMARY_CSS, "nb")
        if len(document.pages) >= 2 and last_page_fill(document) < NEAR_EMPTY:
            break
    else:
        pytest.fail("no text with a nearly empty last page was found")
    _data, pages, _anchors = render_fitting_pdf(html, SUMMARY_CSS, "nb")
    assert pages == len(document.pages) - 1
