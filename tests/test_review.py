"""`review`: the yearly review report, by owner, overdue first, as text, JSON and CSV."""

from __future__ import annotations

import csv
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from handbook.core.content import list_packs, load_handbook
from handbook.core.review import CSV_COLUMNS, checked_date, report_csv, review_report
from tests.conftest import CONTENT, REPO, page_text, write

MUNICIPALITIES = [p.id for p in list_packs(CONTENT)]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "handbook", *args], cwd=REPO, capture_output=True, text=True,
                          check=False)


@pytest.fixture
def dated_content(mini_content: Path) -> Path:
    """The mini content with review dates a year apart and two owners."""
    write(mini_content / "packs/no/pages/gammel.md", page_text(
        "gammel", "Gammel rutine", "# Gammel rutine\nTekst.\n", kind="routine", reviewed="2024-01-15",
        owner="Kommunalsjef for helse",
    ))
    write(mini_content / "packs/no/pages/nesten.md", page_text(
        "nesten", "Nesten forfalt", "# Nesten forfalt\nTekst.\n", reviewed="2025-12-05",
        owner="Kommunalsjef for helse",
    ))
    contacts = mini_content / "packs/by/contacts.yaml"
    contacts.write_text(contacts.read_text(encoding="utf-8") + "  checked: 2024-03\n", encoding="utf-8")
    return mini_content


def test_groups_by_owner_with_overdue_first(dated_content: Path) -> None:
    report = review_report(load_handbook(dated_content, "by"), dt.date(2026, 12, 1))
    owners = [g.owner for g in report.groups]
    assert owners[0] == "Kommunalsjef for helse", "the group with overdue items comes first"
    health = report.groups[0]
    assert [i.id for i in health.items] == ["gammel", "nesten"]
    due = dt.date(2024, 1, 15) + dt.timedelta(days=365)
    assert health.items[0].overdue and health.items[0].days_overdue == (dt.date(2026, 12, 1) - due).days
    assert not health.items[1].overdue and health.items[1].days_overdue == 0, "361 days is not yet a year"
    assert health.items[1].due == dt.date(2026, 12, 5)
    coordinator = next(g for g in report.groups if g.owner == "Koordinator for vold i nære relasjoner")
    assert coordinator.overdue == 0 and {i.id for i in coordinator.items} == {"psykisk-vold", "fysisk-vold",
                                                                              "opplysningsplikt"}
    fysisk = next(i for i in coordinator.items if i.id == "fysisk-vold")
    assert fysisk.pack == "by", "the overlay's page replaces the base page"
    assert report.overdue == sum(g.overdue for g in report.groups)


def test_contacts_are_grouped_by_pack_with_their_checked_month(dated_content: Path) -> None:
    report = review_report(load_handbook(dated_content, "by"), dt.date(2026, 12, 1))
    contact_groups = [g for g in report.groups if g.owner.startswith("Kontakter")]
    assert [g.owner for g in contact_groups] == ["Kontakter – Byen kommune", "Kontakter – Nasjonal veileder"]
    local = contact_groups[0].items[0]
    assert local.type == "contact" and local.reviewed == dt.date(2024, 3, 1) and local.overdue
    national = {i.id: i for i in contact_groups[1].items}
    assert national["politi-112"].status == "never"
    assert all(g is not contact_groups[0] for g in report.groups[:1]), "pages' owners come before contacts"


def test_checked_dates() -> None:
    assert checked_date("2026-11") == dt.date(2026, 11, 1)
    assert checked_date("2026-11-20") == dt.date(2026, 11, 20)
    assert checked_date("nov 2026") is None
    assert checked_date(None) is None


def test_csv_is_one_row_per_item(dated_content: Path, tmp_path: Path) -> None:
    out = tmp_path / "gjennomgang.csv"
    done = _cli("--content", str(dated_content), "review", "-m", "by", "--today", "2026-12-01", "--csv", str(out))
    assert done.returncode == 0, done.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "a BOM so Excel reads UTF-8 (æ, ø, å)"
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    report = review_report(load_handbook(dated_content, "by"), dt.date(2026, 12, 1))
    assert len(rows) == len(report.items)
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows[0]["id"] == "gammel" and rows[0]["status"] == "overdue" and rows[0]["reviewed"] == "2024-01-15"
    assert rows[0]["path"] == "content/packs/no/pages/gammel.md"
    assert "FORFALT" in done.stdout and "Gammel rutine" in done.stdout and str(out) in done.stdout
    assert report_csv(report).count("\r\n") == len(report.items) + 1


def test_json_report(dated_content: Path) -> None:
    done = _cli("--content", str(dated_content), "review", "-m", "by", "--json", "--today", "2026-12-01")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["municipality"] == "by" and data["today"] == "2026-12-01"
    assert data["groups"][0]["owner"] == "Kommunalsjef for helse"
    first = data["groups"][0]["items"][0]
    assert first["id"] == "gammel" and first["status"] == "overdue" and first["due"] == "2025-01-14"
    assert data["overdue"] == sum(g["overdue"] for g in data["groups"])


def test_bad_input_gives_a_clear_message(dated_content: Path, tmp_path: Path) -> None:
    done = _cli("--content", str(dated_content), "review", "-m", "nowhere")
    assert done.returncode == 3 and "nowhere" in done.stderr and "Traceback" not in done.stderr
    done = _cli("--content", str(dated_content), "review", "-m", "by", "--today", "1.12.2026")
    assert done.returncode == 2 and "ISO date" in done.stderr
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    done = _cli("--content", str(dated_content), "review", "-m", "by", "--csv", str(blocker / "r.csv"))
    assert done.returncode == 5 and "r.csv" in done.stderr and "Traceback" not in done.stderr
    (dated_content / "packs/no/pages/odd.md").write_text("---\nid: [x\n---\n", encoding="utf-8")
    done = _cli("--content", str(dated_content), "review", "-m", "by")
    assert done.returncode == 0 and "odd.md:" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("municipality", MUNICIPALITIES)
def test_report_for_every_municipality(municipality: str, tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    done = _cli("review", "--municipality", municipality, "--json", "--csv", str(out))
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    handbook = load_handbook(CONTENT, municipality)
    items = [i for g in data["groups"] for i in g["items"]]
    assert {i["id"] for i in items if i["type"] == "page"} == set(handbook.pages)
    assert {i["id"] for i in items if i["type"] == "contact"} == set(handbook.contacts)
    assert all(i["owner"] for i in items)
    for group in data["groups"]:
        statuses = [i["status"] != "ok" for i in group["items"]]
        assert statuses == sorted(statuses, reverse=True), f"{group['owner']}: overdue items first"
    assert len(out.read_text(encoding="utf-8-sig").splitlines()) == len(items) + 1
