"""The portable build: the prebuilt index and its seeding (always), and the real PyInstaller app (opt-in).

The build takes a minute or two, so the tests of the built app run only with VEILEDER_TEST_DIST=1 (build,
then test) or VEILEDER_TEST_DIST=built (test the dist/veileder/ that `make dist` just made).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from handbook.core.prebuilt import DIGEST_FILE, build_prebuilt, content_digest, seed_cache
from tests.conftest import REPO, page_text, write

DIST_MODE = os.environ.get("VEILEDER_TEST_DIST", "")


def test_seed_copies_the_shipped_index_only_for_unchanged_content(mini_content: Path, tmp_path: Path) -> None:
    prebuilt = tmp_path / "prebuilt"
    assert build_prebuilt(mini_content, prebuilt) == ["no", "by"]
    shipped = sorted(p.relative_to(prebuilt / "index").as_posix() for p in (prebuilt / "index").glob("*/*"))
    assert len(shipped) == 2
    cache = tmp_path / "cache"
    assert seed_cache(prebuilt, mini_content, cache) == shipped
    assert seed_cache(prebuilt, mini_content, cache) == [], "what the cache has is not copied again"
    manifest = next((cache / "index" / "by").glob("*/veileder-index.json"))
    assert manifest.read_bytes() == (prebuilt / "index" / "by" / manifest.parent.name / manifest.name).read_bytes()
    assert not list((cache / "index").glob("*/.build-*")), "no staging folders are left"

    write(mini_content / "packs/by/pages/ny.md", page_text("ny", "Ny side", "# Ny side\nTekst.\n"))
    assert seed_cache(prebuilt, mini_content, tmp_path / "cache2") == [], "replaced content: nothing is copied"
    assert not (tmp_path / "cache2").exists()


def test_seed_never_raises(mini_content: Path, tmp_path: Path) -> None:
    assert seed_cache(tmp_path / "missing", mini_content, tmp_path / "cache") == []
    prebuilt = tmp_path / "prebuilt"
    prebuilt.mkdir()
    (prebuilt / DIGEST_FILE).write_text("not json", encoding="utf-8")
    assert seed_cache(prebuilt, mini_content, tmp_path / "cache") == []
    (prebuilt / DIGEST_FILE).write_text(json.dumps({"content_digest": content_digest(mini_content)}),
                                        encoding="utf-8")
    assert seed_cache(prebuilt, mini_content, tmp_path / "cache") == [], "no index folder: nothing to copy"


def test_content_digest_follows_every_file(mini_content: Path) -> None:
    first = content_digest(mini_content)
    assert content_digest(mini_content) == first
    (mini_content / "packs/no/synonyms.yaml").write_text("- [a, b]\n", encoding="utf-8")
    assert content_digest(mini_content) != first


def test_pyinstaller_is_not_a_runtime_dependency() -> None:
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    runtime = text.split("dependencies = [", 1)[1].split("]", 1)[0]
    assert "pyinstaller" not in runtime.lower()
    assert "pyinstaller" in text.split("[project.optional-dependencies]", 1)[1].lower()


# ---------------------------------------------------------------------------- the built app


@pytest.fixture(scope="module")
def dist_app() -> Path:
    if DIST_MODE not in ("1", "built"):
        pytest.skip("set VEILEDER_TEST_DIST=1 to build and test the portable app (or =built after `make dist`)")
    sys.path.insert(0, str(REPO / "packaging"))
    import build_dist

    if DIST_MODE == "1":
        build_dist.prebuild_index()
        build_dist.pyinstaller()
    if not build_dist.EXECUTABLE.is_file():
        pytest.fail(f"{build_dist.EXECUTABLE} is missing: run `make dist`")
    return build_dist.EXECUTABLE


@pytest.mark.slow
def test_built_app_starts_with_the_shipped_index_and_writes_only_to_user_dirs(dist_app: Path, tmp_path: Path) -> None:
    import build_dist

    before = build_dist.snapshot(dist_app.parent)
    result = build_dist.smoke("hammerfest", tmp_path)
    assert result["home"] is True and result["municipality"] == "hammerfest" and result["pages"] > 0
    assert build_dist.snapshot(dist_app.parent) == before, "nothing is written into the app's folder"
    shipped = dist_app.parent / "_internal" / "prebuilt-index" / "index" / "hammerfest"
    cached = tmp_path / "cache" / "index" / "hammerfest"
    folders = [p.name for p in cached.iterdir() if not p.name.startswith(".")]
    assert folders == [p.name for p in shipped.iterdir()], "the shipped index was used, not rebuilt"
    manifest = "veileder-index.json"
    assert (cached / folders[0] / manifest).read_bytes() == (shipped / folders[0] / manifest).read_bytes()
    assert {p.name for p in tmp_path.iterdir()} <= {"cache", "config"}, "only the user's cache and settings"


@pytest.mark.slow
def test_content_beside_the_app_replaces_the_shipped_one(dist_app: Path, tmp_path: Path) -> None:
    import build_dist

    app_dir = tmp_path / "veileder"
    shutil.copytree(dist_app.parent, app_dir, symlinks=True)
    shutil.copytree(REPO / "content", app_dir / "content")
    write(app_dir / "content/packs/asker/pages/lokal-ny.md",
          page_text("lokal-ny", "Ny lokal side", "# Ny lokal side\nOppdatert av kommunen.\n"))
    user = tmp_path / "user"
    user.mkdir()
    shipped = build_dist.smoke("asker", user, dist_app)
    updated = build_dist.smoke("asker", tmp_path / "user", app_dir / dist_app.name)
    assert updated["pages"] == shipped["pages"] + 1, "the app reads the content beside it"
    cached = [p.name for p in (user / "cache" / "index" / "asker").iterdir() if not p.name.startswith(".")]
    bundled = [p.name for p in (app_dir / "_internal" / "prebuilt-index" / "index" / "asker").iterdir()]
    assert cached and cached != bundled, "the index follows the new content (a new fingerprint)"


@pytest.mark.slow
def test_the_built_cli_lints_and_builds_packs_without_python(dist_app: Path, tmp_path: Path) -> None:
    import subprocess

    cli = dist_app.parent / ("veileder-cli.exe" if sys.platform == "win32" else "veileder-cli")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "VEILEDER_CONTENT"))}
    env["PATH"] = str(tmp_path / "no-python-here")  # nothing to find a Python interpreter on

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(cli), *args], cwd=tmp_path, env=env, capture_output=True, text=True,
                              timeout=300, check=False)

    linted = run("lint", "--municipality", "asker")
    assert linted.returncode == 0, linted.stdout + linted.stderr
    assert "0 feil" in linted.stdout
    assert run("pack", "keygen", "--out", "keys").returncode == 0
    built = run("pack", "build", "--municipality", "asker", "--key", "keys/publisher.key", "--out", "out")
    assert built.returncode == 0, built.stderr
    pack = next((tmp_path / "out").glob("asker-*.vpack"))
    verified = run("pack", "verify", str(pack), "--key", "keys/publisher.pub")
    assert verified.returncode == 0, verified.stderr
