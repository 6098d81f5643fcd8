"""Loading packs: front matter, overlays, contacts, synonyms, and tolerance of broken files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from handbook.core.content import list_packs, load_handbook
from handbook.errors import HandbookError
from tests.conftest import write


def test_base_pack_alone(mini_content: Path) -> None:
    book = load_handbook(mini_content, "no")
    assert set(book.pages) == {"psykisk-vold", "fysisk-vold", "opplysningsplikt"}
    page = book.pages["opplysningsplikt"]
    assert page.kind == "duty"
    assert page.audience == ("children",)
    assert page.reviewed == dt.date(2026, 11, 1)
    assert "bekymringsmelding" in page.synonyms
    assert page.body.startswith("# Opplysningsplikt")


def test_overlay_replaces_page_and_contact_with_same_id(mini_content: Path) -> None:
    book = load_handbook(mini_content, "by")
    assert book.pages["fysisk-vold"].title == "Fysisk vold i Byen"
    assert book.pages["fysisk-vold"].pack == "by"
    assert book.pages["psykisk-vold"].pack == "no"
    assert book.contacts["krisesenter"].name == "Byen krisesenter"
    assert book.contacts["krisesenter"].verified is True
    assert book.contacts["politi-112"].pack == "no"
    assert book.base is not None and book.base.id == "no"


def test_synonyms_are_read_in_lower_case(mini_content: Path) -> None:
    book = load_handbook(mini_content, "by")
    assert ("vinr", "vold i nære relasjoner") in book.synonyms


def test_unknown_municipality_names_the_known_ones(mini_content: Path) -> None:
    with pytest.raises(HandbookError, match="known: no, by"):
        load_handbook(mini_content, "oslo")


def test_list_packs_puts_bases_first(mini_content: Path) -> None:
    assert [p.id for p in list_packs(mini_content)] == ["no", "by"]


def test_broken_page_is_reported_with_line_and_left_out(mini_content: Path) -> None:
    write(mini_content / "packs/no/pages/odelagt.md", "---\nid: odelagt\ntitle: [uten slutt\n---\nTekst\n")
    book = load_handbook(mini_content, "no")
    assert "odelagt" not in book.pages
    assert "psykisk-vold" in book.pages
    (issue,) = [i for i in book.issues if i.path.name == "odelagt.md"]
    assert issue.level == "error" and "invalid YAML" in issue.message
    assert issue.line >= 3


def test_page_without_front_matter_is_an_issue(mini_content: Path) -> None:
    write(mini_content / "packs/no/pages/naken.md", "# Bare tekst\n")
    book = load_handbook(mini_content, "no")
    assert any(i.path.name == "naken.md" and i.line == 1 for i in book.issues)


def test_shipped_packs_exist() -> None:
    from tests.conftest import CONTENT

    ids = {p.id for p in list_packs(CONTENT)}
    assert {"no", "se", "asker", "baerum", "hammerfest", "ullensaker", "kramfors"} <= ids
