"""Editor-facing words live in resources, read by the core: every shipped table is whole, a broken one is named."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from handbook.core.checklist import labels_for as checklist_labels
from handbook.core.practice import labels_for as practice_labels
from handbook.core.words import read_words
from tests.conftest import REPO

WORDS_FILES = ("checklist-labels", "practice-labels")


@pytest.mark.parametrize("name", WORDS_FILES)
def test_every_language_has_every_word(name: str) -> None:
    path = REPO / "resources" / f"{name}.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    tables, issues = read_words(path)
    assert issues == []
    assert {"nb", "sv"} <= set(raw)
    for language, table in raw.items():
        assert set(table) == set(raw["nb"]), f"{name}.yaml: {language} lacks or adds words"
        assert tables[language] == table


def test_the_core_reads_its_words_from_resources() -> None:
    assert checklist_labels("nb")["unverified"] == "ikke bekreftet"
    assert checklist_labels("sv")["unverified"] == "ej bekräftat"
    assert checklist_labels("nn") == checklist_labels("nb")
    assert practice_labels("sv")["stage"].format(n=2) == "Del 2"


def test_a_broken_words_file_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "labels.yaml"
    path.write_text("nb:\n  date: Dato\nsv:\n  date: [Datum]\n", encoding="utf-8")
    tables, issues = read_words(path)
    assert [(i.line, i.message) for i in issues] == [(4, "'sv.date' must be a text")]
    assert tables["sv"]["date"] == "Dato"  # the bokmål word stands in
    path.write_text("- nb\n", encoding="utf-8")
    assert read_words(path)[1][0].line == 1
