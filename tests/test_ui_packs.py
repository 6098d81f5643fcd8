"""Content packs in the reader: the app uses the newest good pack, staff see calm news and never a parser message."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from handbook.core.packfile import build_pack
from handbook.core.signing import generate_keys
from handbook.ui.reader_app import ReaderApp
from handbook.ui.settings import Settings
from tests.conftest import REPO, page_text, write

pytestmark = pytest.mark.gui


def _share(tmp_path: Path, content: Path, minute: int, keys: tuple[Path, Path]) -> Path:
    share = tmp_path / "share"
    build_pack(content, "by", keys[0], share, now=dt.datetime(2026, 12, 1, 12, minute, tzinfo=dt.UTC))
    write(tmp_path / "veileder.ini", f"[packs]\nfolder = {share}\nkeys = {keys[1]}\n")
    return share


def _open(qtbot: QtBot, content: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> ReaderApp:
    monkeypatch.setenv("VEILEDER_SETTINGS", str(tmp_path / "veileder.ini"))
    app = ReaderApp(settings=Settings(tmp_path / "settings.ini"), content=content, index_opener=lambda hb: None)
    assert app.start("by") is None
    assert app.window is not None
    qtbot.addWidget(app.window)
    return app


def test_the_reader_uses_the_installed_pack_and_tells_what_is_new(
    qtbot: QtBot, tmp_path: Path, mini_content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = tmp_path / "shipped"
    import shutil

    shutil.copytree(mini_content, shipped)
    keys = generate_keys(tmp_path / "keys")
    write(mini_content / "packs/by/pages/lokalt.md",
          page_text("lokalt", "Lokale tjenester i Byen", "# Lokale tjenester i Byen\nTekst.\n"))
    _share(tmp_path, mini_content, 1, keys)
    app = _open(qtbot, shipped, monkeypatch, tmp_path)
    window = app.window
    assert window is not None
    assert "lokalt" in window.handbook.pages
    assert window.content_versions and window.content_versions[0].startswith("by ")
    assert "Hva er nytt" in window.status_label.text()
    dialog = window.show_news()
    qtbot.addWidget(dialog)
    assert "Lokale tjenester i Byen" in dialog.text.toPlainText()
    assert window.content_versions[0] in dialog.version_label.text()


def test_a_broken_pack_shows_staff_no_dialog_and_the_last_good_stays(
    qtbot: QtBot, tmp_path: Path, mini_content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = generate_keys(tmp_path / "keys")
    share = _share(tmp_path, mini_content, 1, keys)
    first = _open(qtbot, mini_content, monkeypatch, tmp_path)
    assert first.window is not None and first.window.content_versions
    good = first.window.content_versions
    first.window.close()
    # A newer pack whose contacts file has an indentation slip: signed, but its lint fails.
    pack = next(share.glob("*.vpack"))
    import zipfile

    with zipfile.ZipFile(pack) as archive:
        parts = {i.filename: archive.read(i) for i in archive.infolist()}
    manifest = json.loads(parts["manifest.json"])
    manifest["built"] = "2026-12-01T13:00:00+00:00"
    broken = b"- id: krisesenter\n  name: Byen krisesenter\n   helps_with: feil innrykk\n"
    parts["files/pack/contacts.yaml"] = broken
    import hashlib

    manifest["files"]["pack/contacts.yaml"] = hashlib.sha256(broken).hexdigest()
    from handbook.core.signing import load_private_key

    parts["manifest.json"] = json.dumps(manifest).encode()
    parts["manifest.sig"] = load_private_key(keys[0]).sign(parts["manifest.json"])
    with zipfile.ZipFile(share / "by-broken.vpack", "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)

    second = _open(qtbot, mini_content, monkeypatch, tmp_path)
    window = second.window
    assert window is not None
    assert [r.path.name for r in second.last_refresh.rejected] == ["by-broken.vpack"]
    assert window.content_versions == good
    assert window.handbook.contacts["krisesenter"].name == "Byen krisesenter"
    qtbot.wait(50)
    assert window.issues_dialog is None  # staff never see the parser's words


def test_smoke_reports_the_content_in_use_and_the_log_names_a_refused_pack(tmp_path: Path, mini_content: Path) -> None:
    keys = generate_keys(tmp_path / "keys")
    share = _share(tmp_path, mini_content, 1, keys)
    other = generate_keys(tmp_path / "other")
    build_pack(mini_content, "by", other[0], share / "x", now=dt.datetime(2026, 12, 1, 13, 0, tzinfo=dt.UTC))
    next((share / "x").glob("*.vpack")).rename(share / "by-fremmed.vpack")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "VEILEDER_CACHE_DIR": str(tmp_path / "cache"),
           "VEILEDER_LOG_DIR": str(tmp_path / "log"),
           "VEILEDER_CONFIG_DIR": str(tmp_path / "config"), "VEILEDER_CONTENT": str(mini_content),
           "VEILEDER_SETTINGS": str(tmp_path / "veileder.ini")}
    result = subprocess.run([sys.executable, "main.py", "--smoke", "--municipality", "by"], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["content"] == ["by 2026.12.01"]
    log = (tmp_path / "log" / "veileder.log").read_text(encoding="utf-8")
    assert "by-fremmed.vpack" in log and "signaturen stemmer ikke" in log
