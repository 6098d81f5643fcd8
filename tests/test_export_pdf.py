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
from pathlib import Path

import pytest
from pypdf import PdfReader

from handbook.core.content import list_packs, load_handbook
from handbook.core.printdoc import brochure_document, document_html, handbook_document
from handbook.core.publication import Publication
from handbook.core.templates import load_labels
from tests.conftest import CONTENT, REPO

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


@pytest.mark.gui
@pytest.mark.parametrize("municipality", MUNICIPALITIES)
def test_handbook_pdf_has_contents_and_page_numbers(municipality: str, tmp_path: Path, qapp: object) -> None:
    from handbook.ui.pdf_export import write_pdf

    pub = Publication.prepare(load_handbook(CONTENT, municipality), TODAY)
    doc = handbook_document(pub)
    result = write_pdf(doc, tmp_path / "handbook.pdf")
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


def test_pdf_cli_runs_offscreen_without_a_display(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = tmp_path / "veileder.pdf"
    done = _cli("export", "pdf", "--municipality", MUNICIPALITIES[0], "--out", str(out), env=env)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes()[:5] == b"%PDF-"
    assert [p.name for p in tmp_path.iterdir()] == ["veileder.pdf"], "no temporary file is left behind"


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


@pytest.mark.gui
@pytest.mark.parametrize("municipality", MUNICIPALITIES)
def test_brochure_pdf_for_every_municipality(municipality: str, tmp_path: Path, qapp: object) -> None:
    from handbook.ui.pdf_export import write_pdf

    pub = Publication.prepare(load_handbook(CONTENT, municipality), TODAY)
    doc = brochure_document(pub)
    result = write_pdf(doc, tmp_path / "brosjyre.pdf")
    pages, texts = _pdf_text(result.path)
    assert pages == result.pages > 1
    labels = load_labels(pub.lang)
    assert labels["brochure_title"].split(" – ")[0] in _flat(texts[0])
    assert labels["page_of"].format(page=2, pages=pages) in texts[1]
    assert "112" in _flat(" ".join(texts))
    assert document_html(pub, doc).count("<section") == len(doc.sections)


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
