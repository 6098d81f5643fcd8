"""Checklist lint: one broken fixture per rule, each failing `lint` with the right file and line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from handbook.cli import main
from handbook.core.lint import lint
from tests.checklist_helpers import MINI, line_of, write_checklist
from tests.conftest import write

TODAY = dt.date(2026, 11, 23)


def checklist_issues(content: Path, municipality: str | None = None) -> list[tuple[int, str]]:
    """(line, message) of every error lint reports in checklist files."""
    report = lint(content, municipality, today=TODAY)
    return [(i.line, i.message) for i in report.issues if i.path.suffix == ".yaml" and "checklists" in i.path.parts]


def broken(content: Path, old: str, new: str, occurrence: int = 1) -> tuple[Path, str]:
    """Write the mini checklist with one change; return the file and its text."""
    assert old in MINI, old
    parts = MINI.split(old)
    text = old.join(parts[:occurrence]) + new + old.join(parts[occurrence:])
    return write_checklist(content, text), text


def assert_issue(content: Path, line: int, fragment: str) -> None:
    found = checklist_issues(content)
    assert any(n == line and fragment in m for n, m in found), found


def test_the_valid_fixture_is_clean(mini_content: Path) -> None:
    write_checklist(mini_content)
    assert checklist_issues(mini_content) == []
    assert lint(mini_content, today=TODAY).ok


def test_invalid_yaml_names_the_line(mini_content: Path) -> None:
    _, text = broken(mini_content, "    text: Følg med.\n", "    text: [Følg med.\n")
    ((line, message),) = checklist_issues(mini_content)
    assert "invalid YAML" in message and line >= line_of(text, "[Følg med.")


@pytest.mark.parametrize("field", ["title", "version", "reviewed", "owner", "audience", "sources", "start"])
def test_missing_field(mini_content: Path, field: str) -> None:
    old = next(line for line in MINI.splitlines(keepends=True) if line.startswith(f"{field}:"))
    broken(mini_content, old, "")
    assert (1, f"missing field '{field}'") in checklist_issues(mini_content)


def test_empty_field_points_at_its_line(mini_content: Path) -> None:
    _, text = broken(mini_content, 'sources: ["Barnevernsloven § 13-2 (regjeringen.no)"]', "sources: []")
    assert_issue(mini_content, line_of(text, "sources: []"), "missing field 'sources'")


def test_id_must_equal_the_file_name(mini_content: Path) -> None:
    write_checklist(mini_content, name="annen")
    assert (1, "id 'mini' must equal the file name 'annen'") in checklist_issues(mini_content)


def test_unknown_step_type(mini_content: Path) -> None:
    _, text = broken(mini_content, "    type: advice", "    type: decision")
    assert_issue(mini_content, line_of(text, "type: decision"), "unknown step type 'decision'")


def test_step_without_type(mini_content: Path) -> None:
    _, text = broken(mini_content, "    type: advice\n", "")
    assert_issue(mini_content, line_of(text, "  rad:"), "step 'rad' lacks 'type'")


def test_step_without_text(mini_content: Path) -> None:
    _, text = broken(mini_content, "    text: Følg med.\n", "")
    assert_issue(mini_content, line_of(text, "  folg:"), "step 'folg' lacks 'text'")


def test_unknown_field_catches_a_typo(mini_content: Path) -> None:
    _, text = broken(mini_content, "    next: meld", "    nxt: meld")
    found = checklist_issues(mini_content)
    assert (line_of(text, "nxt: meld"), "unknown field 'nxt' in advice step 'rad' (allowed: type, text, help, "
            "actions, next)") in found
    assert any("advice 'rad' lacks 'next'" in m for _, m in found)


def test_start_must_be_a_step(mini_content: Path) -> None:
    _, text = broken(mini_content, "start: fare", "start: begynn")
    assert_issue(mini_content, line_of(text, "start: begynn"), "start step 'begynn' does not exist")


def test_next_must_be_a_step(mini_content: Path) -> None:
    _, text = broken(mini_content, "next: folg}", "next: borte}")
    assert_issue(mini_content, line_of(text, "next: borte}"), "leads to 'borte', which is not a step")


def test_advice_next_must_be_a_step(mini_content: Path) -> None:
    _, text = broken(mini_content, "    next: meld", "    next: borte")
    assert_issue(mini_content, line_of(text, "next: borte"), "advice 'rad' leads to 'borte'")


def test_every_step_is_reachable(mini_content: Path) -> None:
    _, text = broken(mini_content, "  folg:\n", "  glemt:\n    type: end\n    text: X\n    actions:\n"
                     "      - {text: Y, basis: [opplysningsplikt]}\n  folg:\n")
    assert_issue(mini_content, line_of(text, "  glemt:"), "step 'glemt' cannot be reached from the start 'fare'")


def test_a_loop_is_an_error(mini_content: Path) -> None:
    _, text = broken(mini_content, "    next: meld", "    next: grunn")
    found = checklist_issues(mini_content)
    message = "loop: grunn → rad → grunn (a checklist must never come back to a step)"
    assert (line_of(text, "    next: grunn"), message) in found


def test_a_loop_back_to_the_start(mini_content: Path) -> None:
    _, text = broken(mini_content, "next: folg}", "next: fare}")
    assert_issue(mini_content, line_of(text, "next: fare}"), "loop: fare → grunn → fare")


def test_a_dead_end_question_without_answers(mini_content: Path) -> None:
    _, text = broken(mini_content, """    answers:
      - {label: "Ja", next: rad}
      - {label: "Nei", next: folg}
""", "")
    found = checklist_issues(mini_content)
    line = line_of(text, "  grunn:")
    assert (line, "question 'grunn' lacks 'answers' (a list of label and next)") in found
    assert (line, "dead end: step 'grunn' never leads to an end") in found


def test_a_dead_end_advice_without_next(mini_content: Path) -> None:
    _, text = broken(mini_content, "    next: meld\n", "")
    found = checklist_issues(mini_content)
    line = line_of(text, "  rad:")
    assert (line, "advice 'rad' lacks 'next'") in found
    assert (line, "dead end: step 'rad' never leads to an end") in found


def test_an_end_needs_an_action(mini_content: Path) -> None:
    _, text = broken(mini_content, """    actions:
      - text: Følg med på barnet.
        basis: [opplysningsplikt]
""", "")
    assert_issue(mini_content, line_of(text, "  folg:"), "end 'folg' has no action (an end needs at least one)")


def test_an_action_needs_text(mini_content: Path) -> None:
    _, text = broken(mini_content, "      - text: Ring politiet.\n        basis", "      - basis")
    assert_issue(mini_content, line_of(text, "- basis: [opplysningsplikt]"), "action lacks 'text'")


def test_an_action_needs_a_basis(mini_content: Path) -> None:
    _, text = broken(mini_content, "      - text: Følg med på barnet.\n        basis: [opplysningsplikt]\n",
                     "      - text: Følg med på barnet.\n")
    assert_issue(mini_content, line_of(text, "Følg med på barnet."), "an action of 'folg' has no basis")


def test_basis_must_be_a_page(mini_content: Path) -> None:
    _, text = broken(mini_content, "basis: [opplysningsplikt]\n        contacts: [politi-112]",
                     "basis: [meldeplikt]\n        contacts: [politi-112]")
    assert_issue(mini_content, line_of(text, "- text: Ring politiet."), "basis 'meldeplikt' is not a page")


def test_basis_must_be_a_duty_page(mini_content: Path) -> None:
    _, text = broken(mini_content, "basis: [opplysningsplikt]\n        contacts: [politi-112]",
                     "basis: [psykisk-vold]\n        contacts: [politi-112]")
    assert_issue(mini_content, line_of(text, "- text: Ring politiet."),
                 "basis 'psykisk-vold' is a definition page; the basis must be a duty page")


def test_contacts_must_exist(mini_content: Path) -> None:
    _, text = broken(mini_content, "contacts: [politi-112]\n  grunn", "contacts: [politi-113]\n  grunn")
    assert_issue(mini_content, line_of(text, "- text: Ring politiet."), "contact 'politi-113' does not exist")


def test_pages_must_exist(mini_content: Path) -> None:
    _, text = broken(mini_content, "pages: [psykisk-vold]", "pages: [psykisk]")
    assert_issue(mini_content, line_of(text, "- text: Skriv ned barnets egne ord."), "page 'psykisk' does not exist")


def test_lists_of_ids_must_be_lists(mini_content: Path) -> None:
    _, text = broken(mini_content, "pages: [psykisk-vold]", "pages: {psykisk-vold: 1}")
    assert_issue(mini_content, line_of(text, "pages: {psykisk-vold"), "'pages' must be a list of ids")


def test_duplicate_step_id(mini_content: Path) -> None:
    _, text = broken(mini_content, "  folg:\n", "  meld:\n    type: end\n    text: X\n    actions:\n"
                     "      - {text: Y, basis: [opplysningsplikt]}\n  folg:\n")
    assert_issue(mini_content, line_of(text, "  meld:", 2), "duplicate step id 'meld'")


def test_question_needs_two_answers(mini_content: Path) -> None:
    _, text = broken(mini_content, '      - {label: "Nei", next: folg}\n', "")
    assert_issue(mini_content, line_of(text, "    answers:", 2), "question 'grunn' needs at least two answers")


def test_question_has_at_most_nine_answers(mini_content: Path) -> None:
    extra = "".join(f'      - {{label: "Svar {n}", next: folg}}\n' for n in range(3, 11))
    last = '      - {label: "Nei", next: folg}\n'
    _, text = broken(mini_content, last, last + extra)
    assert_issue(mini_content, line_of(text, "    answers:", 2), "question 'grunn' has 10 answers; at most 9")


def test_answer_labels_are_unique(mini_content: Path) -> None:
    _, text = broken(mini_content, '{label: "Nei", next: folg}', '{label: "ja", next: folg}')
    assert_issue(mini_content, line_of(text, '{label: "ja", next: folg}'), "has the answer 'ja' twice")


def test_answer_needs_label_and_next(mini_content: Path) -> None:
    _, text = broken(mini_content, '{label: "Nei", next: folg}', "{next: folg}")
    assert_issue(mini_content, line_of(text, "{next: folg}"), "an answer of 'grunn' lacks 'label'")


def test_section_must_be_in_the_legal_register(mini_content: Path) -> None:
    _, text = broken(mini_content, "text: Følg med på barnet.", "text: Følg med etter barnevernsloven § 99-9.")
    assert_issue(mini_content, line_of(text, "§ 99-9"), "§ 99-9 is not in the legal register")


def test_phone_number_must_be_in_the_facts(mini_content: Path) -> None:
    _, text = broken(mini_content, "text: Følg med på barnet.", "text: Ring 22 33 44 55.")
    assert_issue(mini_content, line_of(text, "22 33 44 55"), "phone number '22 33 44 55' is not in the facts register")


def test_unknown_audience_and_bad_date(mini_content: Path) -> None:
    text = MINI.replace("audience: [children]", "audience: [barn]").replace("reviewed: 2026-11-01", "reviewed: snart")
    write_checklist(mini_content, text)
    found = checklist_issues(mini_content)
    assert (line_of(text, "audience:"), "unknown audience 'barn' (one of: children, youth, adults, elderly, all)") \
        in found
    assert (line_of(text, "reviewed:"), "reviewed must be an ISO date, e.g. 2026-11-23") in found


def test_owner_is_a_role(mini_content: Path) -> None:
    _, text = broken(mini_content, "owner: Koordinator for vold i nære relasjoner", "owner: kari@kommune.no")
    assert_issue(mini_content, line_of(text, "owner:"), "owner must be a role")


def test_a_municipality_override_is_linted_in_its_own_file(mini_content: Path) -> None:
    write_checklist(mini_content)
    local = write_checklist(mini_content, MINI.replace("next: folg}", "next: borte}"), pack="by")
    report = lint(mini_content, "by", today=TODAY)
    (issue,) = [i for i in report.issues if "'borte'" in i.message]
    assert issue.path == local and issue.line == line_of(MINI, "next: folg}")
    assert {i.path for i in report.issues if "checklists" in i.path.parts} == {local}
    assert lint(mini_content, "no", today=TODAY).ok


def test_lint_cli_prints_path_and_line(mini_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, text = broken(mini_content, "    type: advice", "    type: decision")
    assert main(["--content", str(mini_content), "lint"]) == 1
    out = capsys.readouterr().out
    assert f"{path}:{line_of(text, 'type: decision')}: error: step 'rad': unknown step type 'decision'" in out


def test_a_page_link_to_a_checklist_resolves(mini_content: Path) -> None:
    write_checklist(mini_content)
    write(mini_content / "packs/no/pages/lenke.md", (
        "---\nid: lenke\ntitle: Lenke\nkind: topic\naudience: [all]\nowner: Koordinator\nreviewed: 2026-11-01\n"
        "sources: [\"Straffeloven § 282 (overgrep.no)\"]\n---\n# Lenke\nBruk [sjekklisten](checklist:mini).\n"
    ))
    assert lint(mini_content, today=TODAY).ok


def test_review_date_in_the_future_or_overdue(mini_content: Path) -> None:
    text = MINI.replace("reviewed: 2026-11-01", "reviewed: 2027-01-01")
    write_checklist(mini_content, text)
    assert (line_of(text, "reviewed:"), "reviewed date 2027-01-01 is in the future") in checklist_issues(mini_content)
    write_checklist(mini_content, MINI.replace("reviewed: 2026-11-01", "reviewed: 2025-01-01"))
    report = lint(mini_content, today=TODAY)
    assert report.ok
    (warning,) = [i for i in report.issues if "checklists" in i.path.parts]
    assert (warning.level, warning.line) == ("warning", line_of(MINI, "reviewed:"))
    assert "due for the yearly review" in warning.message


# ---------------------------------------------------------------------------- tags (concrete-ground, no-duty)


def test_tags_on_answers_and_ends_are_clean(mini_content: Path) -> None:
    text = MINI.replace('      - {label: "Ja", next: rad}', '      - {label: "Ja", next: rad, tags: [concrete-ground]}')
    text = text.replace("  folg:\n    type: end\n", "  folg:\n    type: end\n    tags: [no-duty]\n")
    write_checklist(mini_content, text)
    assert checklist_issues(mini_content) == []


def test_a_concrete_ground_that_can_end_in_no_duty(mini_content: Path) -> None:
    text = MINI.replace('      - {label: "Nei", next: grunn}',
                        '      - {label: "Nei", next: grunn, tags: [concrete-ground]}')
    text = text.replace("  folg:\n    type: end\n", "  folg:\n    type: end\n    tags: [no-duty]\n")
    write_checklist(mini_content, text)
    assert checklist_issues(mini_content) == [(
        line_of(text, '{label: "Nei", next: grunn'),
        "answer 'Nei' of 'fare' is a concrete ground (tag concrete-ground) but can lead to 'folg', "
        "an end tagged no-duty",
    )]


def test_an_unknown_tag_names_the_allowed_ones(mini_content: Path) -> None:
    _, text = broken(mini_content, '      - {label: "Ja", next: rad}',
                     '      - {label: "Ja", next: rad, tags: [konkret]}')
    assert_issue(mini_content, line_of(text, "tags: [konkret]"),
                 "unknown tag 'konkret' on an answer of 'grunn' (allowed: concrete-ground)")
    _, text = broken(mini_content, "  folg:\n    type: end\n", "  folg:\n    type: end\n    tags: [no-dutty]\n")
    assert_issue(mini_content, line_of(text, "tags: [no-dutty]"),
                 "unknown tag 'no-dutty' on end 'folg' (allowed: no-duty)")


def test_tags_belong_on_answers_and_ends_only(mini_content: Path) -> None:
    _, text = broken(mini_content, "  rad:\n    type: advice\n", "  rad:\n    type: advice\n    tags: [no-duty]\n")
    assert_issue(mini_content, line_of(text, "tags: [no-duty]"), "unknown field 'tags' in advice step 'rad'")
