"""Editor-facing words live in resources, read by the core: every shipped table is whole, a broken one is named."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from handbook.core.checklist import labels_for as checklist_labels
from handbook.core.practice import labels_for as practice_labels
from handbook.core.words import read_words
from tests.conftest import REPO

# Each words file and the languages it must have (the editors' reports are in bokmål only).
WORDS_FILES = {"checklist-labels": {"nb", "sv", "en"}, "practice-labels": {"nb", "sv"}, "editor-words": {"nb"}}


def test_every_words_file_in_resources_is_checked() -> None:
    assert {p.stem for p in (REPO / "resources").glob("*-labels.yaml")} | {"editor-words"} == set(WORDS_FILES)


@pytest.mark.parametrize("name", sorted(WORDS_FILES))
def test_every_language_has_every_word(name: str) -> None:
    path = REPO / "resources" / f"{name}.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    tables, issues = read_words(path)
    assert issues == []
    assert set(raw) == WORDS_FILES[name]
    for language, table in raw.items():
        assert set(table) == set(raw["nb"]), f"{name}.yaml: {language} lacks or adds words"
        assert tables[language] == table


def test_the_core_reads_its_words_from_resources() -> None:
    assert checklist_labels("nb")["unverified"] == "ikke bekreftet"
    assert checklist_labels("sv")["unverified"] == "ej bekräftat"
    assert checklist_labels("nn") == checklist_labels("nb")
    assert practice_labels("sv")["stage"].format(n=2) == "Del 2"


def test_the_editors_reports_use_the_editor_words() -> None:
    from handbook.core.lint_help import Explained
    from handbook.core.packfile import describe_changes
    from handbook.errors import Issue

    issue = Issue(Path("x.md"), 3, "warning", "something")
    explained = str(Explained(issue, "Noe er galt", "Gjør dette"))
    assert explained == "x.md:3: advarsel: Noe er galt – slik retter du: Gjør dette"
    changes = {"pages": {"added": ["ny-side"]}}
    assert describe_changes(changes, {"pages": {"ny-side": ["", "En ny side"]}}) == ["Ny (sider): En ny side [ny-side]"]


def test_a_broken_words_file_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "labels.yaml"
    path.write_text("nb:\n  date: Dato\nsv:\n  date: [Datum]\n", encoding="utf-8")
    tables, issues = read_words(path)
    assert [(i.line, i.message) for i in issues] == [(4, "'sv.date' must be a text")]
    assert tables["sv"]["date"] == "Dato"  # the bokmål word stands in
    path.write_text("- nb\n", encoding="utf-8")
    assert read_words(path)[1][0].line == 1
