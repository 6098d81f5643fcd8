"""The search index's life: where it lives, when it is rebuilt, atomic builds, corrupt and read-only cases."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from handbook.core import index_store
from handbook.core.content import load_handbook
from handbook.core.search import content_fingerprint, open_index, open_municipality_index
from handbook.locations import cache_dir


def _index_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.name != index_store.MANIFEST)


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p): (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*")}


# ---------------------------------------------------------------------------- fingerprint


def test_fingerprint_is_stable_and_changes_on_edit(mini_content: Path) -> None:
    first = content_fingerprint(load_handbook(mini_content, "no"))
    assert first == content_fingerprint(load_handbook(mini_content, "no"))
    page = mini_content / "packs/no/pages/fysisk-vold.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nEn ny setning.\n", encoding="utf-8")
    assert content_fingerprint(load_handbook(mini_content, "no")) != first


def test_fingerprint_covers_synonyms_and_overlays(mini_content: Path) -> None:
    base, overlay = (content_fingerprint(load_handbook(mini_content, m)) for m in ("no", "by"))
    assert base != overlay
    synonyms = mini_content / "packs/no/synonyms.yaml"
    synonyms.write_text(synonyms.read_text(encoding="utf-8") + "- [a, b]\n", encoding="utf-8")
    assert content_fingerprint(load_handbook(mini_content, "by")) != overlay


def test_fingerprint_changes_with_the_schema(mini_content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from handbook.core.search import building

    before = content_fingerprint(load_handbook(mini_content, "no"))
    monkeypatch.setattr(building, "SCHEMA_VERSION", building.SCHEMA_VERSION + 1)
    assert content_fingerprint(load_handbook(mini_content, "no")) != before


# ---------------------------------------------------------------------------- where and when


def test_index_lives_in_the_user_cache_not_in_the_content(mini_content: Path) -> None:
    before = _snapshot(mini_content)
    with open_index(load_handbook(mini_content, "by")) as index:
        assert index.path is not None
        assert index.path.parent == cache_dir() / "index" / "by"
        assert index.path.name == index.fingerprint
        assert index.doc_count == 3
    assert _snapshot(mini_content) == before


def test_unchanged_content_reuses_the_index(mini_content: Path) -> None:
    handbook = load_handbook(mini_content, "no")
    with open_index(handbook) as first:
        assert first.built
        files = {p: p.stat().st_mtime_ns for p in _index_files(first.path)}
    with open_index(load_handbook(mini_content, "no")) as second:
        assert not second.built
        assert second.path == first.path
        assert {p: p.stat().st_mtime_ns for p in _index_files(second.path)} == files
        assert second.search("psykisk").hits[0].id == "psykisk-vold"


def test_changed_content_rebuilds_and_removes_the_old_index(mini_content: Path) -> None:
    with open_index(load_handbook(mini_content, "no")) as first:
        old = first.path
    page = mini_content / "packs/no/pages/psykisk-vold.md"
    page.write_text(page.read_text(encoding="utf-8").replace("nedverdigelse", "sjikane"), encoding="utf-8")
    with open_index(load_handbook(mini_content, "no")) as second:
        assert second.built and second.path != old
        assert second.search("sjikane").hits[0].id == "psykisk-vold"
        assert second.search("nedverdigelse").hits == ()
    assert not old.exists()
    assert [p.name for p in old.parent.iterdir()] == [second.path.name]


def test_rebuild_on_request(mini_content: Path) -> None:
    with open_index(load_handbook(mini_content, "no")):
        pass
    with open_index(load_handbook(mini_content, "no"), rebuild=True) as again:
        assert again.built


def test_explicit_cache_folder(mini_content: Path, tmp_path: Path) -> None:
    with open_index(load_handbook(mini_content, "no"), cache=tmp_path / "elsewhere") as index:
        assert index.path.parent == tmp_path / "elsewhere" / "index" / "no"


def test_fast_open_without_reading_pages_gives_the_same_index(mini_content: Path) -> None:
    with open_index(load_handbook(mini_content, "by")) as full:
        expected = full.search("vold").ids
        path = full.path
    with open_municipality_index(mini_content, "by") as fast:
        assert not fast.built and fast.path == path
        assert fast.search("vold").ids == expected
        assert fast.search("vinr").ids == full_vinr(mini_content)


def full_vinr(content: Path) -> list[str]:
    with open_index(load_handbook(content, "by")) as index:
        return index.search("vinr").ids


def test_fast_open_builds_when_missing(mini_content: Path) -> None:
    with open_municipality_index(mini_content, "no") as index:
        assert index.built
        assert index.search("fysisk").ids[0] == "fysisk-vold"


# ---------------------------------------------------------------------------- damage


@pytest.mark.parametrize("damage", ["truncate", "garbage", "delete", "manifest", "extra"])
def test_corrupt_index_is_rebuilt(mini_content: Path, damage: str) -> None:
    with open_index(load_handbook(mini_content, "no")) as first:
        folder = first.path
    victim = max(_index_files(folder), key=lambda p: p.stat().st_size)
    if damage == "truncate":
        victim.write_bytes(victim.read_bytes()[: victim.stat().st_size // 2])
    elif damage == "garbage":
        victim.write_bytes(os.urandom(victim.stat().st_size))
    elif damage == "delete":
        victim.unlink()
    elif damage == "manifest":
        (folder / index_store.MANIFEST).write_text("{not json", encoding="utf-8")
    else:
        (folder / "stray.seg").write_bytes(b"x")
    with open_index(load_handbook(mini_content, "no")) as second:
        assert second.built
        assert second.search("psykisk").hits[0].id == "psykisk-vold"
    assert index_store.is_valid(second.path, second.fingerprint)


def test_index_whoosh_cannot_read_is_rebuilt(mini_content: Path) -> None:
    """Files that match their manifest but are not an index (e.g. a bug): rebuilt, not a crash."""
    handbook = load_handbook(mini_content, "no")
    with open_index(handbook) as first:
        folder, fingerprint = first.path, first.fingerprint
    for path in _index_files(folder):
        path.write_bytes(b"garbage " * 10)
    index_store.write_manifest(folder, fingerprint, {"pages": 3})
    with open_index(handbook) as second:
        assert second.built
        assert second.search("fysisk").ids[0] == "fysisk-vold"
    with open_municipality_index(mini_content, "no") as third:
        assert third.search("fysisk").ids[0] == "fysisk-vold"


# ---------------------------------------------------------------------------- atomic builds


def test_failed_build_leaves_nothing_and_keeps_the_old_index(tmp_path: Path) -> None:
    root = tmp_path / "index" / "x"

    def good(folder: Path) -> dict[str, object]:
        (folder / "data").write_bytes(b"index")
        return {"pages": 1}

    def bad(folder: Path) -> dict[str, object]:
        (folder / "data").write_bytes(b"half")
        raise RuntimeError("disk full")

    kept = index_store.build_atomically(root, "old", good)
    with pytest.raises(RuntimeError):
        index_store.build_atomically(root, "new", bad)
    assert sorted(p.name for p in root.iterdir()) == ["old"]
    assert index_store.ready_index(root, "old") == kept
    assert index_store.ready_index(root, "new") is None


def test_build_beside_then_rename(tmp_path: Path) -> None:
    root = tmp_path / "index" / "x"
    seen: list[Path] = []

    def build(folder: Path) -> None:
        seen.append(folder)
        assert folder.parent == root and folder.name.startswith(".build-")
        assert not (root / "fp").exists()  # invisible until complete
        (folder / "data").write_bytes(b"index")

    final = index_store.build_atomically(root, "fp", build)
    assert final == root / "fp" and not seen[0].exists()
    assert index_store.is_valid(final, "fp") and not index_store.is_valid(final, "other")


def test_stale_temporary_builds_are_cleaned_but_fresh_ones_kept(tmp_path: Path) -> None:
    root = tmp_path / "index" / "x"
    keep = index_store.build_atomically(root, "fp", lambda f: (f / "data").write_bytes(b"i") and None)
    stale, fresh, old = root / ".build-stale", root / ".build-fresh", root / "0ld"
    for folder in (stale, fresh, old):
        folder.mkdir()
    an_hour_ago = time.time() - 2 * 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    index_store.remove_others(root, keep)
    assert sorted(p.name for p in root.iterdir()) == [".build-fresh", "fp"]


# ---------------------------------------------------------------------------- read-only places


@pytest.fixture
def read_only_content(mini_content: Path) -> Path:
    modes = {}
    for path in [mini_content, *mini_content.rglob("*")]:
        modes[path] = path.stat().st_mode
        path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    yield mini_content
    for path, mode in modes.items():
        path.chmod(mode)


def test_read_only_content_folder(read_only_content: Path) -> None:
    before = _snapshot(read_only_content)
    with open_index(load_handbook(read_only_content, "by")) as index:
        assert index.path is not None and read_only_content not in index.path.parents
        assert index.search("fysisk").hits[0].title == "Fysisk vold i Byen"
    assert _snapshot(read_only_content) == before


def test_unwritable_cache_falls_back_to_memory(mini_content: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    with open_index(load_handbook(mini_content, "no"), cache=blocker) as index:
        assert index.path is None and index.built
        assert index.search("psykisk").hits[0].id == "psykisk-vold"
