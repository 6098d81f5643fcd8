"""Issue 10 §4: a contact without a verified number gets a verified national fallback (content data), and
`lint` and `review` list the missing emergency and checklist numbers first, per municipality."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from handbook import locations
from handbook.core import reader
from handbook.core.checklist import load_checklists, summary, summary_text, walk_answers
from handbook.core.content import load_handbook
from handbook.core.lint import lint
from handbook.core.review import report_text, review_report
from handbook.core.rollout import missing_numbers
from tests.conftest import REPO, write

CHECKLIST = """\
id: melding
title: Melding
version: "1.0"
reviewed: 2026-11-01
owner: Barnevernleder
audience: [children]
sources: ["Barnevernsloven § 13-2 (regjeringen.no)"]
start: fare
steps:
  fare:
    type: question
    text: Er noen i fare akkurat nå?
    answers:
      - {label: Ja, next: ring}
      - {label: Nei, next: ring}
  ring:
    type: end
    text: Ring barnevernvakten.
    actions:
      - text: Ring barnevernvakten.
        basis: [opplysningsplikt]
        contacts: [barnevernvakt]
"""


def _with_fallbacks(content: Path) -> Path:
    """mini_content plus a national line and a child-welfare contact whose local number is missing."""
    base = content / "packs/no/contacts.yaml"
    base.write_text(base.read_text(encoding="utf-8") + """
- id: alarmtelefonen
  name: Alarmtelefonen for barn og unge 116 111
  helps_with: Barn og unge; voksne som er bekymret for et barn
  phone: "116 111"
  verified: true
- id: barnevernvakt
  name: Barnevernvakten
  helps_with: Akutt bekymring for et barn
  verified: false
  emergency: true
  fallback: alarmtelefonen
- id: vold-og-overgrepslinjen
  name: Vold- og overgrepslinjen 116 006
  helps_with: Voksne utsatt for vold
  phone: "116 006"
  verified: true
""", encoding="utf-8")
    placeholder = "  verified: false\n  emergency: true\n"
    text = base.read_text(encoding="utf-8").replace(
        placeholder, placeholder + "  fallback: vold-og-overgrepslinjen\n", 1)
    base.write_text(text, encoding="utf-8")
    write(content / "packs/no/checklists/melding.yaml", CHECKLIST)
    # the overlay replaces the placeholder without saying `fallback`: it inherits the base's
    overlay = content / "packs/by/contacts.yaml"
    overlay.write_text(overlay.read_text(encoding="utf-8") + """
- id: barnevernvakt
  name: Barnevernvakten i Byen
  helps_with: Akutt bekymring for et barn
  verified: false
  emergency: true
""", encoding="utf-8")
    return content


def test_an_overlay_contact_inherits_the_national_fallback(mini_content: Path) -> None:
    handbook = load_handbook(_with_fallbacks(mini_content), "by")
    local = handbook.contacts["barnevernvakt"]
    assert local.name == "Barnevernvakten i Byen" and local.fallback == "alarmtelefonen"
    national = handbook.fallback_for(local)
    assert national is not None and national.phone == "116 111"
    assert handbook.fallback_for(handbook.contacts["krisesenter"]) is None  # Byen has its own verified number


def test_the_summary_names_the_missing_local_number_and_gives_the_national_one(mini_content: Path) -> None:
    handbook = load_handbook(_with_fallbacks(mini_content), "by")
    checklist = load_checklists(handbook)[0]["melding"]
    text = summary_text(summary(checklist, walk_answers(checklist, ["Ja"]), handbook, dt.date(2026, 12, 1)))
    assert ("Kontakt: Barnevernvakten i Byen: lokalt nummer mangler. "
            "Ring nasjonalt: Alarmtelefonen for barn og unge 116 111") in text
    assert "nummer mangler –" not in text


def test_missing_numbers_list_emergency_and_checklist_contacts(mini_content: Path) -> None:
    handbook = load_handbook(_with_fallbacks(mini_content), "by")
    missing = missing_numbers(handbook, load_checklists(handbook)[0])
    assert [(m.contact_id, m.emergency, m.checklists) for m in missing] == [("barnevernvakt", True, ("melding",))]
    assert missing[0].fallback is not None and missing[0].fallback.id == "alarmtelefonen"


def test_lint_and_review_put_the_missing_numbers_first(mini_content: Path) -> None:
    content = _with_fallbacks(mini_content)
    (content / "packs/no/pages/fysisk-vold.md").write_text("---\nid: fysisk-vold\n---\nUten felt.\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "handbook", "--content", str(content), "lint"],
                          capture_output=True, text=True, cwd=REPO, check=False)
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Før veilederen tas i bruk")
    assert lines[1].startswith("Byen kommune: 1 nummer må fylles inn")
    assert "barnevernvakt – Barnevernvakten i Byen: nummer mangler (brukes i nødlinjen, sjekkliste melding)" in lines[2]
    assert "116 111" in lines[2]
    first_issue = next(i for i, line in enumerate(lines) if ": error: " in line)
    assert first_issue > 2
    data = json.loads(subprocess.run([sys.executable, "-m", "handbook", "--content", str(content), "lint", "--json"],
                                     capture_output=True, text=True, cwd=REPO, check=False).stdout)
    assert [(m["municipality"], m["contact"], m["fallback_phone"]) for m in data["missing"]] == [
        ("by", "barnevernvakt", "116 111")]
    report = review_report(load_handbook(content, "by"), dt.date(2026, 12, 1))
    text = report_text(report).splitlines()
    assert text[2].startswith("Byen kommune: 1 nummer må fylles inn") and "barnevernvakt" in text[3]
    assert report.as_dict()["missing"][0]["contact"] == "barnevernvakt"


def test_lint_rejects_a_fallback_that_is_not_a_verified_contact(mini_content: Path) -> None:
    content = _with_fallbacks(mini_content)
    base = content / "packs/no/contacts.yaml"
    base.write_text(base.read_text(encoding="utf-8").replace("fallback: alarmtelefonen", "fallback: finnes-ikke"),
                    encoding="utf-8")
    messages = [i.message for i in lint(content, "by").errors]
    assert "contact 'barnevernvakt': fallback 'finnes-ikke' is not a contact" in messages
    base.write_text(base.read_text(encoding="utf-8").replace("fallback: finnes-ikke", "fallback: krisesenter"),
                    encoding="utf-8")
    messages = [i.message for i in lint(content, "no").errors]
    assert "contact 'barnevernvakt': fallback 'krisesenter' must be a contact with a verified number" in messages


def test_every_shipped_emergency_slot_has_a_verified_number_or_a_verified_fallback() -> None:
    for municipality in ("asker", "baerum", "hammerfest", "kramfors", "ullensaker"):
        handbook = load_handbook(locations.content_dir(), municipality)
        for contact in reader.emergency_contacts(handbook):
            if not (contact.verified and contact.phone):
                national = handbook.fallback_for(contact)
                assert national is not None and national.verified and national.phone, (municipality, contact.id)


def test_shortcut_rules_are_data(tmp_path: Path) -> None:
    rules, issues = reader.read_shortcut_rules(locations.resources_dir() / reader.SHORTCUTS_FILE)
    assert issues == [] and [r.key for r in rules] == list(reader.SHORTCUT_KEYS)
    acute = next(r for r in rules if r.key == "acute")
    assert "akut-fara" in acute.checklists and str(acute.fallback) == "contacts"
    bad = write(tmp_path / "home.yaml", "- key: nowhere\n- key: acute\n  fallback: elsewhere\n")
    rules, issues = reader.read_shortcut_rules(bad)
    assert rules == () and len(issues) == 2 and all(i.path == bad for i in issues)


def test_a_swedish_pack_with_akut_fara_gets_it_on_the_acute_tile(mini_content: Path) -> None:
    write(mini_content / "packs/se/pack.yaml", "id: se\nname: Nationell vägledning\nlanguage: sv\n")
    write(mini_content / "packs/se/pages/riskbedomning.md", "---\nid: riskbedomning\ntitle: FREDA\n---\nText.\n")
    write(mini_content / "packs/kr/pack.yaml", "id: kr\nname: Kramfors kommun\nlanguage: sv\nbase: se\n")
    found = {s.key: str(s.location) for s in reader.home_shortcuts(load_handbook(mini_content, "kr"))}
    assert found["acute"] == "page:riskbedomning"
    write(mini_content / "packs/se/checklists/akut-fara.yaml", "id: akut-fara\ntitle: Akut fara\n")
    handbook = load_handbook(mini_content, "kr")
    found = {s.key: str(s.location) for s in reader.home_shortcuts(handbook)}
    assert found["acute"] == "checklist:akut-fara"
    assert [(e.id, e.title) for e in reader.checklist_entries(handbook)] == [("akut-fara", "Akut fara")]


def test_the_static_sites_emergency_bar_gives_the_national_number(mini_content: Path, tmp_path: Path) -> None:
    from handbook.core.site import export_site

    export_site(load_handbook(_with_fallbacks(mini_content), "by"), tmp_path / "site", dt.date(2026, 12, 1))
    text = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert ('<span class="name">Barnevernvakten i Byen (lokalt nummer mangler) – nasjonalt: '
            'Alarmtelefonen for barn og unge</span> <span class="phone">116 111</span>') in text
