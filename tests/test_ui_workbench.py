"""The editor's workbench: the preview follows the file as it is saved, the lint panel shows a planted error with
its line in Norwegian, and «Bygg pakke» builds a signed pack (or lists why not)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from handbook.core.packfile import read_pack
from handbook.core.signing import generate_keys
from handbook.ui.workbench import Workbench
from tests.conftest import page_text, write

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")]


def _bench(qtbot: QtBot, content: Path) -> Workbench:
    bench = Workbench(content, "by")
    qtbot.addWidget(bench)
    bench.show()
    return bench


def _select(bench: Workbench, page_id: str) -> None:
    for row in range(bench.pages.count()):
        if bench.pages.item(row).data(256) == page_id:
            bench.pages.setCurrentRow(row)
            return
    raise AssertionError(page_id)


def test_the_preview_follows_the_saved_file_and_the_lint_panel_shows_the_line(
    qtbot: QtBot, mini_content: Path
) -> None:
    bench = _bench(qtbot, mini_content)
    _select(bench, "psykisk-vold")
    assert bench.preview is not None
    assert "Trusler, kontroll" in bench.preview.browser.toPlainText()
    assert "Ingen feil" in bench.problems.item(0).text()

    path = mini_content / "packs/no/pages/psykisk-vold.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Trusler, kontroll og nedverdigelse er psykisk vold.",
                                 "Redigert: trusler og kontroll.\n\nSe [siden](finnes-ikke)."), encoding="utf-8")
    qtbot.waitUntil(lambda: "Redigert: trusler og kontroll." in bench.preview.browser.toPlainText(), timeout=5000)
    line = next(n for n, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "finnes-ikke" in row)
    rows = [bench.problems.item(i).text() for i in range(bench.problems.count())]
    planted = [r for r in rows if "finnes-ikke" in r]
    assert planted and planted[0].startswith(f"{path}:{line}: feil:")
    assert "ikke finnes" in planted[0] and "slik retter du" in planted[0]  # Norwegian, with the fix


def test_build_pack_from_the_workbench(qtbot: QtBot, mini_content: Path, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    private, _public = generate_keys(tmp_path / "keys")
    monkeypatch.setattr(Workbench, "ask_build", classmethod(lambda cls, parent: (private, tmp_path / "out")))
    bench = _bench(qtbot, mini_content)
    built = bench.build()
    assert built is not None and read_pack(built).manifest.pack == "by"
    assert "Pakke bygget" in bench.status.text()

    write(mini_content / "packs/by/pages/feil.md", page_text("feil", "Feil", "# Feil\nSe [noe](borte).\n"))
    bench.reload()
    assert bench.build() is None
    rows = [bench.problems.item(i).text() for i in range(bench.problems.count())]
    assert any("bygges ikke" in r for r in rows) and any("borte" in r for r in rows)


def test_the_editor_sees_why_a_pack_in_the_packs_folder_was_refused(
    qtbot: QtBot, mini_content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt

    from handbook.core import packfile

    private, public = generate_keys(tmp_path / "keys")
    share = tmp_path / "share"
    packfile.build_pack(mini_content, "by", private, share, now=dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC))
    write(tmp_path / "veileder.ini", f"[packs]\nfolder = {share}\nkeys = {public}\n")
    monkeypatch.setenv("VEILEDER_SETTINGS", str(tmp_path / "veileder.ini"))
    # A second pack, signed around the lint, with a broken link on line 7 of its page.
    write(mini_content / "packs/by/pages/ny.md", page_text("ny", "Ny", "# Ny\nSe [dette](borte).\n"))
    monkeypatch.setattr(packfile, "lint", lambda *_a, **_k: type("R", (), {"errors": []})())
    packfile.build_pack(mini_content, "by", private, share / "x", now=dt.datetime(2026, 12, 1, 13, 0, tzinfo=dt.UTC))
    monkeypatch.undo()
    monkeypatch.setenv("VEILEDER_SETTINGS", str(tmp_path / "veileder.ini"))
    next((share / "x").glob("*.vpack")).rename(share / "by-ny.vpack")
    (mini_content / "packs/by/pages/ny.md").unlink()
    bench = _bench(qtbot, mini_content)
    rows = bench.check_packs_folder()
    assert any(r.startswith("godkjent by-2026.12.01.vpack") for r in rows)
    assert any(r.startswith("AVVIST by-ny.vpack") for r in rows)
    assert any("pages/ny.md:" in r and "borte" in r for r in rows), rows
