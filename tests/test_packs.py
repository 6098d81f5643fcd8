"""Signed content packs: build, verify, install from a packs folder, refuse what is broken, keep the last good."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from handbook.core.content import load_handbook
from handbook.core.packfile import PackError, build_pack, read_pack, verify_pack
from handbook.core.signing import generate_keys, load_public_key
from handbook.core.updates import (
    effective_content,
    installed_in_use,
    latest_news,
    refresh,
    updates_config,
)
from tests.conftest import REPO, page_text, write


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "handbook", *args], capture_output=True, text=True, cwd=cwd or REPO,
                          env={**__import__("os").environ, "PYTHONPATH": str(REPO)}, timeout=120)


@pytest.fixture
def keys(tmp_path: Path) -> tuple[Path, Path]:
    return generate_keys(tmp_path / "keys")


def _settings(tmp_path: Path, folder: Path, public: Path) -> Path:
    return write(tmp_path / "veileder.ini", f"[packs]\nfolder = {folder}\nkeys = {public}\n")


def _build(content: Path, pack: str, key: Path, out: Path, minute: int) -> Path:
    now = dt.datetime(2026, 12, 1, 12, minute, tzinfo=dt.UTC)
    path, _manifest = build_pack(content, pack, key, out, now=now)
    return path


def test_build_verify_and_diff_through_the_cli(tmp_path: Path, mini_content: Path) -> None:
    assert _cli("pack", "keygen", "--out", str(tmp_path / "k")).returncode == 0
    private, public = tmp_path / "k" / "publisher.key", tmp_path / "k" / "publisher.pub"
    assert private.stat().st_mode & 0o077 == 0  # the private key is the owner's alone
    built = _cli("--content", str(mini_content), "pack", "build", "-m", "by", "--key", str(private),
                 "--out", str(tmp_path / "out"))
    assert built.returncode == 0, built.stderr
    first = next((tmp_path / "out").glob("by-*.vpack"))
    ok = _cli("--content", str(mini_content), "pack", "verify", str(first), "--key", str(public))
    assert ok.returncode == 0, ok.stderr
    assert "godkjent" in ok.stdout
    # A new version with a changed page and a new one: diff names them in words.
    write(mini_content / "packs/by/pages/fysisk-vold.md",
          page_text("fysisk-vold", "Fysisk vold i Byen", "# Fysisk vold i Byen\nNy lokal rutine.\n"))
    write(mini_content / "packs/by/pages/lokalt.md",
          page_text("lokalt", "Lokale tjenester", "# Lokale tjenester\nTekst.\n"))
    (mini_content / "packs/by/pack.yaml").write_text("id: by\nname: Byen kommune\nlanguage: nb\nbase: no\n"
                                                     "version: '2'\n", encoding="utf-8")
    assert _cli("--content", str(mini_content), "pack", "build", "-m", "by", "--key", str(private),
                "--out", str(tmp_path / "out")).returncode == 0
    second = tmp_path / "out" / "by-2.vpack"
    diff = _cli("pack", "diff", str(first), str(second), "--json")
    changes = json.loads(diff.stdout)["changes"]["pages"]
    assert changes == {"added": ["lokalt"], "changed": ["fysisk-vold"], "removed": []}
    assert read_pack(second).manifest.changes["pages"]["added"] == ["lokalt"]  # generated at build time too


def test_a_pack_with_lint_errors_is_not_built(tmp_path: Path, mini_content: Path, keys: tuple[Path, Path]) -> None:
    write(mini_content / "packs/by/pages/feil.md", page_text("feil", "Feil", "# Feil\nSe [noe](finnes-ikke).\n"))
    with pytest.raises(PackError) as caught:
        build_pack(mini_content, "by", keys[0], tmp_path / "out")
    assert any("feil.md" in p and "finnes-ikke" in p for p in caught.value.problems)
    assert not list((tmp_path / "out").glob("*.vpack"))


def _tamper_one_byte(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        parts = {i.filename: archive.read(i) for i in archive.infolist()}
    name = next(n for n in parts if n.endswith("fysisk-vold.md"))
    parts[name] = parts[name].replace(b"Lokal", b"LokaL", 1)
    with zipfile.ZipFile(path, "w") as archive:
        for key, value in parts.items():
            archive.writestr(key, value)


@pytest.mark.parametrize("fault", ["one byte", "wrong key", "truncated", "lint error"])
def test_a_bad_pack_is_refused_and_the_last_good_stays(fault: str, tmp_path: Path, mini_content: Path,
                                                       keys: tuple[Path, Path]) -> None:
    share, cache = tmp_path / "share", tmp_path / "cache"
    good_built = read_pack(_build(mini_content, "by", keys[0], share, minute=1)).manifest.built
    config = updates_config([_settings(tmp_path, share, keys[1])])
    first = refresh(mini_content, cache, "by", config)
    assert [m.pack for m in first.installed] == ["by"] and not first.rejected

    # A newer pack arrives on the share, broken in one way.
    write(mini_content / "packs/by/pages/fysisk-vold.md",
          page_text("fysisk-vold", "Fysisk vold i Byen", "# Fysisk vold i Byen\nLokal rutine, versjon to.\n"))
    if fault == "wrong key":
        other = generate_keys(tmp_path / "other")
        bad = _build(mini_content, "by", other[0], share / "new", minute=2)
    else:
        bad = _build(mini_content, "by", keys[0], share / "new", minute=2)
    if fault == "one byte":
        _tamper_one_byte(bad)
    elif fault == "truncated":
        bad.write_bytes(bad.read_bytes()[: bad.stat().st_size // 2])
    elif fault == "lint error":
        # A signed pack whose content breaks a rule (a link to a page that does not exist).
        shutil.rmtree(share / "new")
        write(mini_content / "packs/by/pages/fysisk-vold.md",
              page_text("fysisk-vold", "Fysisk vold i Byen", "# Fysisk vold i Byen\nSe [dette](finnes-ikke).\n"))
        bad = _sign_without_lint(mini_content, keys[0], share / "new")
    target = share / f"new-{bad.name}"
    if fault == "truncated":
        target.write_bytes(bad.read_bytes())  # a truncated file has no readable manifest: it is never a candidate
    else:
        shutil.copy(bad, target)

    expected = {"one byte": "kontrollsummen", "wrong key": "signaturen", "lint error": "finnes-ikke",
                "truncated": "kan ikke leses"}[fault]
    with pytest.raises(PackError) as caught:
        verify_pack(target, list(config.keys), mini_content)
    assert expected in " ".join((str(caught.value), *caught.value.problems))
    second = refresh(mini_content, cache, "by", config)
    assert not second.installed
    assert [m.built for m in second.in_use] == [good_built]  # the last good pack stays
    used = effective_content(mini_content, cache, "by")
    assert "Lokal rutine: ring" in load_handbook(used, "by").pages["fysisk-vold"].body


def _sign_without_lint(content: Path, key: Path, out: Path) -> Path:
    """A validly signed pack built around the lint (as a careless or hostile publisher could)."""
    from handbook.core import packfile

    original = packfile.lint
    try:
        packfile.lint = lambda *_a, **_k: type("R", (), {"errors": []})()  # type: ignore[assignment]
        path, _ = build_pack(content, "by", key, out, now=dt.datetime(2026, 12, 1, 12, 2, tzinfo=dt.UTC))
    finally:
        packfile.lint = original
    return path


def test_install_makes_the_new_content_the_one_in_use_with_news(tmp_path: Path, mini_content: Path,
                                                                keys: tuple[Path, Path]) -> None:
    shipped = tmp_path / "shipped"
    shutil.copytree(mini_content, shipped)
    share, cache = tmp_path / "share", tmp_path / "cache"
    write(mini_content / "packs/by/pages/lokalt.md",
          page_text("lokalt", "Lokale tjenester", "# Lokale tjenester\nT.\n"))
    _build(mini_content, "by", keys[0], share, minute=1)
    _build(mini_content, "no", keys[0], share, minute=1)
    config = updates_config([_settings(tmp_path, share, keys[1])])
    result = refresh(shipped, cache, "by", config)
    assert sorted(m.pack for m in result.installed) == ["by", "no"]
    assert [m.pack for m in installed_in_use(cache, shipped, "by")] == ["no", "by"]
    used = effective_content(shipped, cache, "by")
    assert used != shipped and "lokalt" in load_handbook(used, "by").pages
    assert "lokalt" not in load_handbook(shipped, "by").pages  # the shipped content is never changed
    versions, lines = latest_news(cache)
    assert any("Lokale tjenester" in line and line.startswith("Ny") for line in lines)
    assert versions


def test_an_unreachable_folder_keeps_what_is_installed(tmp_path: Path, mini_content: Path,
                                                        keys: tuple[Path, Path]) -> None:
    config = updates_config([_settings(tmp_path, tmp_path / "offline-share", keys[1])])
    result = refresh(mini_content, tmp_path / "cache", "by", config)
    assert result.folder_missing and not result.installed
    assert effective_content(mini_content, tmp_path / "cache", "by") == mini_content


def test_a_number_outside_the_facts_register_is_never_confirmed(mini_content: Path) -> None:
    write(mini_content / "packs/by/contacts.yaml", """
        - id: krisesenter
          name: Byen krisesenter
          helps_with: Råd og trygt sted å bo
          phone: "55 55 12 34"
          verified: true
          emergency: true
        """)
    handbook = load_handbook(mini_content, "by")
    assert handbook.contacts["krisesenter"].verified is False
    from handbook.core.lint import lint

    assert any("55 55 12 34" in i.message for i in lint(mini_content, "by").errors)


def test_keys_are_never_overwritten(tmp_path: Path) -> None:
    generate_keys(tmp_path)
    with pytest.raises(Exception, match="finnes allerede"):
        generate_keys(tmp_path)
    assert load_public_key(tmp_path / "publisher.pub").key_id
