"""Every lint rule, each with a broken fixture that must fail with the right file and line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from handbook.core.lint import lint
from tests.conftest import page_text, write

TODAY = dt.date(2026, 11, 23)


def issues_for(content: Path, name: str, municipality: str | None = None) -> list[tuple[int, str, str]]:
    report = lint(content, municipality, today=TODAY)
    return [(i.line, i.level, i.message) for i in report.issues if i.path.name == name]


def test_valid_fixture_has_no_errors(mini_content: Path) -> None:
    report = lint(mini_content, today=TODAY)
    assert report.errors == []
    assert report.ok


def test_invalid_yaml_names_the_line(mini_content: Path) -> None:
    write(mini_content / "packs/no/pages/x.md", "---\nid: x\ntitle: X\nkind: [definition\n---\n# X\n")
    ((line, level, message),) = issues_for(mini_content, "x.md")
    assert level == "error" and "invalid YAML" in message
    assert line in (4, 5)


@pytest.mark.parametrize("field", ["title", "kind", "audience", "owner", "reviewed", "sources"])
def test_missing_field(mini_content: Path, field: str) -> None:
    write(mini_content / "packs/no/pages/x.md", page_text("x", "X", "# X\nTekst.\n", **{field: None}))
    found = issues_for(mini_content, "x.md")
    assert (1, "error", f"missing field '{field}'") in found


def test_empty_sources_list_is_missing(mini_content: Path) -> None:
    write(mini_content / "packs/no/pages/x.md", page_text("x", "X", "# X\nTekst.\n", sources="[]"))
    assert any(m == "missing field 'sources'" and line == 9 for line, _, m in issues_for(mini_content, "x.md"))


def test_unknown_kind_points_at_its_line(mini_content: Path) -> None:
    write(mini_content / "packs/no/pages/x.md", page_text("x", "X", "# X\nTekst.\n", kind="essay"))
    found = issues_for(mini_content, "x.md")
    assert any(line == 4 and "unknown kind 'essay'" in m for line, _, m in found)


def test_unknown_audience(mini_content: Path) -> None:
    write(mini_content / "packs/no/pages/x.md", page_text("x", "X", "# X\nTekst.\n", audience="[voksne]"))
    assert any(line == 5 and "unknown audience 'voksne'" in m for line, _, m in issues_for(mini_content, "x.md"))


def test_id_must_match_file_name(mini_content: Path) -> None:
    write(mini_content / "packs/no/pages/x.md", page_text("y", "X", "# X\nTekst.\n"))
    assert any(line == 2 and "must equal the file name" in m for line, _, m in issues_for(mini_content, "x.md"))


def test_duplicate_id_in_one_pack(mini_content: Path) -> None:
    write(mini_content / "packs/no/pages/zz-copy.md", page_text("fysisk-vold", "Kopi", "# Kopi\nTekst.\n"))
    found = issues_for(mini_content, "zz-copy.md")
    assert any("duplicate page id 'fysisk-vold'" in m and line == 2 for line, _, m in found)


def test_broken_internal_links_with_lines(mini_content: Path) -> None:
    body = "# X\nSe [denne](finnes-ikke).\n\nRing [dem](contact:ingen).\nBruk [listen](checklist:ingen).\n"
    write(mini_content / "packs/no/pages/x.md", page_text("x", "X", body))
    found = issues_for(mini_content, "x.md")
    assert (12, "error", "broken link: no page 'finnes-ikke'") in found
    assert (14, "error", "broken link: no contact 'ingen'") in found
    assert (15, "error", "broken link: no checklist 'ingen'") in found


def test_link_into_another_page_is_refused(mini_content: Path) -> None:
    write(mini_content / "packs/no/pages/x.md", page_text("x", "X", "# X\nSe [tegn](psykisk-vold#tegn).\n"))
    assert issues_for(mini_content, "x.md") == [
        (12, "error", "a link to a place inside another page is not supported: link to 'psykisk-vold'")
    ]


def test_link_resolves_per_municipality(mini_content: Path) -> None:
    write(mini_content / "packs/by/pages/lokal.md", page_text("lokal", "Lokal", "# Lokal\nTekst.\n"))
    write(mini_content / "packs/no/pages/x.md", page_text("x", "X", "# X\nSe [lokal](lokal).\n"))
    assert issues_for(mini_content, "x.md", "by") == []
    assert any("no page 'lokal'" in m for _, _, m in issues_for(mini_content, "x.md", "no"))


def test_related_must_exist(mini_content: Path) -> None:
    write(mini_content / "packs/no/pages/x.md", page_text("x", "X", "# X\nTekst.\n", related="[borte]"))
    assert any(line == 10 and "related page 'borte'" in m for line, _, m in issues_for(mini_content, "x.md"))


def test_old_review_is_a_warning_listed_at_the_end(mini_content: Path) -> None:
    write(mini_content / "packs/no/pages/x.md", page_text("x", "X", "# X\nTekst.\n", reviewed="2024-01-02"))
    report = lint(mini_content, today=TODAY)
    found = [(i.line, i.level) for i in report.issues if i.path.name == "x.md"]
    assert found == [(8, "warning")]
    assert report.ok
    assert [o.page_id for o in report.overdue] == ["x"]


def test_bad_and_future_review_dates(mini_content: Path) -> None:
    write(mini_content / "packs/no/pages/x.md", page_text("x", "X", "# X\nTekst.\n", reviewed="i fjor"))
    write(mini_content / "packs/no/pages/y.md", page_text("y", "Y", "# Y\nTekst.\n", reviewed="2030-01-01"))
    assert any("ISO date" in m for _, _, m in issues_for(mini_content, "x.md"))
    assert any("in the future" in m for _, _, m in issues_for(mini_content, "y.md"))


def test_owner_must_be_a_role(mini_content: Path) -> None:
    write(mini_content / "packs/no/pages/x.md", page_text("x", "X", "# X\nTekst.\n", owner="kari@kommune.no"))
    assert any(line == 7 and "role" in m for line, _, m in issues_for(mini_content, "x.md"))


def test_section_not_in_legal_register(mini_content: Path) -> None:
    body = "# X\nEtter straffeloven § 282 og § 999 må du …\nSe også 99 kap. 3 § i lagen.\n"
    write(mini_content / "packs/no/pages/x.md", page_text("x", "X", body))
    found = issues_for(mini_content, "x.md")
    assert (12, "error", "§ 999 is not in the legal register (content/facts/laws.yaml)") in found
    assert (13, "error", "§ 99 kap. 3 is not in the legal register (content/facts/laws.yaml)") in found
    assert not any("282" in m for _, _, m in found)


def test_known_sections_pass(mini_content: Path) -> None:
    body = ("# X\nForvaltningsloven § 13 b første ledd nr. 7, § 13 a, hol. § 3-3 a, §§ 274, 275 og 282.\n"
            "Forvaltningsloven § 13 i praksis. Socialtjänstlagen 14 kap. 1 §.\n")
    write(mini_content / "packs/no/pages/x.md", page_text("x", "X", body))
    assert issues_for(mini_content, "x.md") == []


def test_unknown_phone_number_in_page(mini_content: Path) -> None:
    body = "# X\nRing 116 117 eller 22 40 00 40. Ikke ring 12 34 56 78.\n"
    write(mini_content / "packs/no/pages/x.md", page_text("x", "X", body))
    found = issues_for(mini_content, "x.md")
    assert found == [(12, "error", "phone number '12 34 56 78' is not in the facts register (content/facts)")]


def test_statistics_are_not_phone_numbers(mini_content: Path) -> None:
    body = "# X\nMellom 75 000 og 150 000 blir utsatt hvert år; 2026-11-23; 15 prosent.\n"
    write(mini_content / "packs/no/pages/x.md", page_text("x", "X", body))
    assert issues_for(mini_content, "x.md") == []


def test_contact_lacking_verified(mini_content: Path) -> None:
    write(mini_content / "packs/by/contacts.yaml", """
        - id: ok
          name: OK
          helps_with: Noe
          verified: false
        - id: uten
          name: Uten
          helps_with: Noe
        """)
    found = issues_for(mini_content, "contacts.yaml", "by")
    assert (5, "error", "contact 'uten' lacks 'verified: true|false'") in found


def test_verified_contact_with_unknown_number(mini_content: Path) -> None:
    write(mini_content / "packs/by/contacts.yaml", """
        - id: krisesenter
          name: Krisesenter
          helps_with: Noe
          phone: "99 99 99 99"
          verified: true
        - id: ukjent
          name: Ukjent
          helps_with: Noe
          phone: "98 98 98 98"
          verified: false
        """)
    found = issues_for(mini_content, "contacts.yaml", "by")
    assert len([f for f in found if f[1] == "error"]) == 1
    assert found[0][0] == 1 and "'99 99 99 99' is not in the facts register" in found[0][2]


def test_hours_without_checked_is_a_warning(mini_content: Path) -> None:
    write(mini_content / "packs/by/contacts.yaml", """
        - id: krisesenter
          name: Krisesenter
          helps_with: Noe
          hours: døgnet rundt
          verified: false
        """)
    assert issues_for(mini_content, "contacts.yaml", "by") == [
        (1, "warning", "contact 'krisesenter' has hours without 'checked' (when seen)")
    ]


def test_pack_without_language_and_missing_pack_file(mini_content: Path) -> None:
    write(mini_content / "packs/by/pack.yaml", "id: by\nname: By\nlanguage: tysk\nbase: no\n")
    (mini_content / "packs/tom").mkdir()
    report = lint(mini_content, today=TODAY)
    messages = {(i.path.parent.name, i.line, i.message) for i in report.issues}
    assert ("by", 3, "language must be one of nb, nn, sv") in messages
    assert ("tom", 1, "missing pack.yaml") in messages


def test_bad_synonyms_file(mini_content: Path) -> None:
    write(mini_content / "packs/no/synonyms.yaml", "- [a, b]\n- ensom\n")
    assert issues_for(mini_content, "synonyms.yaml") == [
        (2, "error", "a synonym group must list at least two words")
    ]


def test_shipped_content_has_no_lint_errors() -> None:
    """The real content/ for every municipality must lint clean (warnings allowed)."""
    from tests.conftest import CONTENT

    report = lint(CONTENT)
    assert [str(i) for i in report.errors] == []


def test_internal_file_or_register_word_shown_to_readers_is_an_error(mini_content: Path) -> None:
    write(mini_content / "packs/no/pages/x.md", page_text(
        "x", "X", "# X\nNummeret står ikke i faktaregisteret.\n",
        sources='["Legevakt 116 117 (content/facts/numbers.yaml)"]'))
    write(mini_content / "packs/by/contacts.yaml", """
        - id: legevakt
          name: Legevakten
          helps_with: Skader
          verified: false
          source: plassholder – nummeret er ikke i faktaregisteret
        """)
    page = issues_for(mini_content, "x.md")
    assert any(line == 9 and "'content/facts'" in m and "words a reader understands" in m for line, _, m in page)
    assert any(line == 9 and "'numbers.yaml'" in m for line, _, m in page)
    assert any(line == 12 and "'faktaregist'" in m for line, _, m in page)
    contact = issues_for(mini_content, "contacts.yaml", "by")
    assert {m.split(":")[0] for _, level, m in contact if level == "error"} == {"contact 'legevakt', source"}
    assert sum("'plassholder'" in m or "'faktaregist'" in m for _, _, m in contact) == 2
