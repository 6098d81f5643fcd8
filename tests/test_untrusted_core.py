"""The allow-list of links and the bounded reading of content, without Qt (issue 12)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml

from handbook.core import limits
from handbook.core.content import load_yaml_text, read_yaml
from handbook.core.links import classify_image, classify_link, inline_html, inline_plain, safe_external_url
from handbook.core.render import render_markdown
from handbook.errors import Issue


@pytest.mark.parametrize("href, kind", [
    ("https://www.bufdir.no/vold/", "external"),
    ("http://lovdata.no", "external"),
    ("www.nav.no", "external"),
    ("mailto:post@asker.kommune.no", "external"),
    ("tel:+4722000000", "external"),
    ("tel:+47 22 00 00 00", "blocked"),  # a Markdown link target holds no spaces
    ("opplysningsplikt-barnevern", "page"),
    ("page:taushetsplikt", "page"),
    ("contact:politi-112", "contact"),
    ("checklist:akutt-fare", "checklist"),
    ("#hva-gjor-du", "anchor"),
    ("javascript:alert(1)", "blocked"),
    ("JaVaScRiPt:alert(1)", "blocked"),
    ("java\tscript:alert(1)", "blocked"),
    ("data:text/html,<script>", "blocked"),
    ("file:///etc/passwd", "blocked"),
    ("smb://server/share", "blocked"),
    ("ms-settings:privacy", "blocked"),
    ("vbscript:msgbox", "blocked"),
    ("../../etc/passwd", "blocked"),
    ("/etc/passwd", "blocked"),
    ("C:\\Windows\\system32", "blocked"),
    ("\\\\server\\share", "blocked"),
    ("//evil.example/x", "blocked"),
    ("https://www.nav.no@evil.example/", "blocked"),
    ("https://", "blocked"),
    ("mailto:", "blocked"),
    ("tel:javascript", "blocked"),
    ("contact:../x", "blocked"),
    ("", "blocked"),
])
def test_one_allow_list_for_every_link(href: str, kind: str) -> None:
    link = classify_link(href)
    assert link.kind == kind, link
    assert link.allowed is (kind != "blocked")
    if kind == "blocked":
        assert link.reason


def test_only_the_outside_world_reaches_the_system() -> None:
    assert safe_external_url("www.nav.no").target == "https://www.nav.no"
    assert not safe_external_url("page:taushetsplikt").allowed  # internal links never go to the system
    assert not safe_external_url("file:///etc/passwd").allowed


@pytest.mark.parametrize("src, ok", [
    ("bilder/kart.png", True),
    ("kart.JPG", True),
    ("http://tracker.example/p.png", False),
    ("//tracker.example/p.png", False),
    ("file:///etc/x.png", False),
    ("data:image/png;base64,AAAA", False),
    ("../../../x.png", False),
    ("bilder/../../x.png", False),
    ("/etc/x.png", False),
    ("bilder/tegning.svg", False),
    ("bilder\\kart.png", False),
])
def test_pictures_only_from_the_pack(src: str, ok: bool) -> None:
    assert classify_image(src).ok is ok


def test_rendering_never_makes_a_forbidden_link_picture_or_handler() -> None:
    body = (
        "[a](javascript:alert(1)) [b](file:///x) [c](https://nav.no) ![d](http://t.example/p.png)\n\n"
        "[e][r] <ftp://files.example/x>\n\n[r]: vbscript:msgbox\n\n"
        'Avsnitt\n{: onclick="alert(1)" style="background:url(http://t.example/x)" }\n\n'
        "[f](psykisk-vold){: href=\"javascript:alert(2)\" onmouseover=\"alert(3)\" }\n\n<script>alert(1)</script>"
    )
    out = render_markdown(body)
    assert 'href="https://nav.no"' in out
    assert 'Lenken virker ikke">f</span>' in out  # `{: href=… }` cannot smuggle a target past the allow-list
    tags = " ".join(re.findall(r"<[^>]*>", out))
    for bad in ("javascript:", "file:", "vbscript:", "ftp:", "<img", "onclick", "onmouseover", "url(", "<script"):
        assert bad not in tags, bad
    assert "<p>Avsnitt</p>" in out and "&lt;script&gt;" in out


@pytest.mark.parametrize("body", [
    "".join("  " * n + "- x\n" for n in range(1000)),
    "".join("\t" * n + "- x\n" for n in range(5000)),
    "- " * 5000 + "x\n",
    ">" * 4000 + " x\n",
    "*a " * 1000 + "x" + " a*" * 1000 + "\n",
    "".join(f"*a{n}\n" for n in range(3000)),
    "[" * 3000 + "x" + "](y)" * 3000 + "\n",
    "| a |\n|---|\n" + "| b |\n" * 5000,
])
def test_deep_or_huge_markdown_renders_as_text_without_recursion(body: str) -> None:
    assert list(limits.markdown_problems(body))  # lint and the loader refuse such a page …
    out = render_markdown(body)  # … and unchecked text still renders, as plain paragraphs
    assert out.startswith("<p>") and "<ul>" not in out and "<table>" not in out


def test_a_fifo_and_a_device_are_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "side.md"
    os.mkfifo(fifo)
    zero = tmp_path / "null.yaml"
    zero.symlink_to("/dev/zero")
    for path in (fifo, zero, tmp_path):
        with pytest.raises(limits.RefusedFileError, match="not a regular file"):
            limits.read_bounded_text(path)
    issues: list[Issue] = []
    assert read_yaml(zero, issues) is None
    assert issues[0].line == 1 and "not a regular file (a device)" in issues[0].message


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "stor.yaml"
    big.write_bytes(b"a: b\n" * (limits.MAX_FILE_BYTES // 5 + 1))
    with pytest.raises(limits.RefusedFileError, match="limit"):
        limits.read_bounded_text(big)


def test_yaml_alias_bombs_and_deep_nesting_are_refused_with_a_line() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 9)}]\n" for n in range(8)
    )
    with pytest.raises(yaml.YAMLError, match="aliases") as caught:
        load_yaml_text(bomb)
    assert caught.value.problem_mark is not None and caught.value.problem_mark.line == 2  # third line
    with pytest.raises(yaml.YAMLError, match="nested more than"):
        load_yaml_text("x: " + "[" * 20_000 + "]" * 20_000)
    with pytest.raises(yaml.YAMLError, match="nested more than"):
        load_yaml_text("x:\n" + "".join("  " * n + f"k{n}:\n" for n in range(1, 60)))
    assert load_yaml_text("a: &a [1, 2]\nb: *a\n") == {"a": [1, 2], "b": [1, 2]}  # a few aliases are fine


def test_short_texts_are_escaped_with_only_allowed_links() -> None:
    href = {"page": lambda t: f"page:{t}", "external": lambda t: t}

    def resolve(link: object) -> str | None:
        kind, target = getattr(link, "kind"), getattr(link, "target")  # noqa: B009
        return href[kind](target) if kind in href else None

    out = inline_html('<img src=x onerror=alert(1)> [side](taushetsplikt) [js](javascript:alert(1)) '
                      '[nav](https://nav.no) & "sitat"', resolve)
    assert out.startswith("&lt;img src=x onerror=alert(1)&gt;")
    assert '<a href="page:taushetsplikt">side</a>' in out and '<a href="https://nav.no">nav</a>' in out
    assert "javascript" not in out and " js " in out
    assert "&amp; &quot;sitat&quot;" in out
    assert inline_plain("Se [siden](x) nå") == "Se siden nå"


def test_problem_messages_never_carry_control_characters_to_a_terminal() -> None:
    issue = Issue(Path("sider/x.md"), 3, "error", "unknown audience 'voksne\u202e\x1b[2J'")
    assert str(issue) == "sider/x.md:3: error: unknown audience 'voksne\ufffd\ufffd[2J'"


def test_invisible_characters_in_a_page_are_reported_and_removed(tmp_path: Path) -> None:
    from handbook.core.content import read_page
    from tests.conftest import page_text, write

    path = write(tmp_path / "pages" / "x.md", page_text("x", "X", "# X\n\nRing \u202e211\u202c nå.\n"))
    issues: list[Issue] = []
    page = read_page(path, "no", issues)
    assert page is not None and "\u202e" not in page.body and "Ring 211 nå." in page.body
    assert [(i.line, "U+202E" in i.message) for i in issues] == [(13, True)]
