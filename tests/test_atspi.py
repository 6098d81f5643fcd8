"""A real screen-reader client reads the reader (issue 14): AT-SPI over a private D-Bus session under Xvfb.

The app runs as `main.py --municipality asker` with Qt's AT-SPI bridge on; `tests/atspi_reader.py` (Debian's
python3 with python3-pyatspi) walks the accessible tree as Orca would, presses a tile, answers, and reads the
question with its help, an advice step with its links, the summary and a page. Skipped, with the reason, only
when the Debian packages of requirements-test-system.txt are missing.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from handbook.core.checklist import answer, get_checklist, start, step_actions
from handbook.core.content import load_handbook
from handbook.core.reader import emergency_contacts
from tests.conftest import CONTENT, REPO

pytestmark = [pytest.mark.gui, pytest.mark.slow]  # a real screen reader client under Xvfb
SYSTEM_PYTHON = "/usr/bin/python3"
# Roles a user acts on; every showing one needs a name.
INTERACTIVE = {"push button", "toggle button", "check box", "radio button", "combo box", "entry", "text",
               "list item", "page tab", "page tab list", "menu item", "spin button", "slider", "link", "tree",
               "table cell", "list", "table", "tree table"}


def _missing() -> str | None:
    for tool in ("Xvfb", "dbus-run-session"):
        if shutil.which(tool) is None:
            return f"{tool} is missing (Debian: xvfb, dbus-daemon; scripts/install-debian-packages.sh " \
                   "requirements-test-system.txt)"
    if not Path(SYSTEM_PYTHON).exists():
        return f"{SYSTEM_PYTHON} is missing"
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False)
    if probe.returncode != 0:
        return "python3-pyatspi is missing (Debian: python3-pyatspi, at-spi2-core)"
    if not Path("/usr/libexec/at-spi-bus-launcher").exists():
        return "at-spi2-core is missing (the accessibility bus)"
    return None


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    reason = _missing()
    if reason:
        pytest.skip(reason)
    base = tmp_path_factory.mktemp("atspi")
    out = base / "report.json"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY",
                                                            "DBUS_SESSION_BUS_ADDRESS", "AT_SPI_BUS_ADDRESS")}
    env.update(VEILEDER_CONFIG_DIR=str(base / "config"), VEILEDER_CACHE_DIR=str(base / "cache"),
               VEILEDER_LOG_DIR=str(base / "log"), VEILEDER_SETTINGS=str(base / "none.ini"),
               PYTHONPATH=str(REPO))
    run = subprocess.run(
        ["dbus-run-session", "--", SYSTEM_PYTHON, str(REPO / "tests/atspi_reader.py"), str(out), sys.executable,
         str(REPO / "main.py"), "--municipality", "asker"],
        env=env, capture_output=True, text=True, timeout=300, check=False,
    )
    assert run.returncode == 0 and out.is_file(), run.stderr[-3000:]
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    assert "error" not in data, (data.get("error"), data.get("app_stderr"))
    return data


def _all_text(nodes: list[dict[str, Any]]) -> str:
    return " ".join(" ".join((n["name"], n["description"], n["text"])) for n in nodes).replace("\u2028", " ")


def _squash(text: str) -> str:
    return " ".join(text.split())


def test_every_interactive_element_has_a_role_and_a_name(report: dict[str, Any]) -> None:
    for screen in ("home", "question", "advice", "summary", "page"):
        unnamed = [(n["role"], n["actions"]) for n in report[screen]
                   if (n["role"] in INTERACTIVE or "focusable" in n["states"] or "Press" in n["actions"])
                   and n["role"] not in ("scroll bar",) and not n["name"].strip()]
        assert unnamed == [], (screen, unnamed)
        assert all(n["role"] not in ("unknown", "invalid") for n in report[screen]
                   if n["actions"] and "Press" in n["actions"]), screen


def test_the_home_screen_reads_its_tiles_and_every_emergency_number(report: dict[str, Any]) -> None:
    home = report["home"]
    buttons = [n["name"] for n in home if n["role"] == "push button"]
    for tile in ("Bekymret for et barn", "Bekymret for en voksen", "Akutt fare", "Meldeplikter", "Kontakter"):
        assert any(name.startswith(tile) for name in buttons), (tile, buttons)
    handbook = load_handbook(CONTENT, "asker")
    for contact in emergency_contacts(handbook):
        national = handbook.fallback_for(contact)
        if contact.verified and contact.phone:
            shown, says = contact.phone, ""
        elif national is not None and national.phone:  # a national number stands in; the missing one is named
            shown, says = national.phone, "ikke bekreftet" if contact.phone else "lokalt nummer mangler"
        else:
            shown, says = "ikke bekreftet", ""
        assert any(name.startswith(shown) and contact.name.split()[0] in name and says in name
                   for name in buttons), (contact.id, buttons)
    assert report["window_name"].endswith("Veileder")


def test_a_question_is_read_with_its_help_and_the_focus_is_on_its_first_answer(report: dict[str, Any]) -> None:
    checklist = get_checklist(load_handbook(CONTENT, "asker"), "bekymring-barn")
    first = start(checklist).step
    nodes = report["question"]
    labels = {n["name"] for n in nodes if n["role"] == "label"}
    assert first.text in labels  # the words themselves, not «Spørsmål»
    assert first.help and _squash(first.help) in {_squash(label) for label in labels}
    assert any(n["role"] == "label" and n["name"].startswith("Steg 1 av høyst") for n in nodes)
    focused = [n["name"] for n in nodes if "focused" in n["states"] and n["role"] == "push button"]
    assert focused == ["Svar 1: Ja"]


def test_an_advice_step_is_read_with_its_actions_and_their_links(report: dict[str, Any]) -> None:
    handbook = load_handbook(CONTENT, "asker")
    checklist = get_checklist(handbook, "bekymring-barn")
    state = answer(answer(start(checklist), 1), 0)
    assert state.step.type == "advice"
    text = _squash(_all_text(report["advice"]))
    assert _squash(state.step.text) in text
    actions = step_actions(state.step, handbook)
    assert actions
    for action in actions:
        assert _squash(action.text) in text, action.text
        for link in (*[b.title for b in action.basis], *[c.name for c in action.contacts],
                     *[p.title for p in action.pages]):
            assert _squash(link) in text, link
    advice = next(n for n in report["advice"] if n["name"] == "Råd")
    assert "focusable" in advice["states"]  # its links are reached with Tab


def test_the_summary_is_read_whole(report: dict[str, Any]) -> None:
    handbook = load_handbook(CONTENT, "asker")
    checklist = get_checklist(handbook, "bekymring-barn")
    state = answer(start(checklist), 0)
    from handbook.core.checklist import summary

    result = summary(checklist, state, handbook, dt.date.today())
    node = next(n for n in report["summary"] if n["name"] == "Oppsummering")
    text = _squash(node["text"].replace("\u2028", " "))
    assert result.title in text
    for action in result.actions:
        assert _squash(action.text) in text, action.text
    buttons = {n["name"] for n in report["summary"] if n["role"] == "push button"}
    assert {"Skriv ut", "Lagre som PDF", "Kopier som tekst"} <= buttons


def test_a_page_is_read_with_its_text(report: dict[str, Any]) -> None:
    handbook = load_handbook(CONTENT, "asker")
    page = next(p for p in handbook.pages.values() if p.title == report["duty_link"])
    node = next(n for n in report["page"] if n["name"] == "Sideinnhold")
    text = _squash(node["text"].replace("\u2028", " "))
    assert page.title in text and "Ansvarlig" in text and "Sist gjennomgått" in text
    assert "Tab" in node["description"]  # how to move by link and heading


def test_a_page_s_headings_and_links_are_read_one_by_one_in_its_outline(report: dict[str, Any]) -> None:
    handbook = load_handbook(CONTENT, "asker")
    page = next(p for p in handbook.pages.values() if p.title == report["duty_link"])
    nodes = report["outline"]
    assert nodes[0]["role"] == "dialog" and page.title in nodes[0]["name"]
    items = [n for n in nodes if n["role"] in ("tree item", "table cell", "list item")]
    names = [n["name"].strip() for n in items]
    assert any(name.startswith("Overskrifter (") for name in names), names
    assert any(name.startswith("Lenker (") for name in names), names
    headings = [_squash(re.sub(r"[*_`]", "", h)) for h in re.findall(r"^#{1,6}\s+(.+?)\s*#*$", page.body, re.M)]
    assert headings, "the page read here has headings"
    for heading in headings:
        assert heading in names, (heading, names)
    for text, _target in re.findall(r"\[([^\]]+)\]\(([^)]+)\)", page.body):
        assert _squash(text) in names, (text, names)
    assert all(name for name in names), "every item has a name"
    buttons = {n["name"] for n in nodes if n["role"] == "push button"}
    assert {"Gå til", "Lukk"} <= buttons
    assert any(n["role"] == "text" and n["name"] == "Filtrer overskrifter og lenker" for n in nodes)
