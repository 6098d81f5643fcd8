"""The benchmark runs end to end on a tiny corpus (no timing assertions)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from handbook.cli import main
from handbook.core.bench import _fts5_query, percentile
from handbook.core.content import load_handbook
from handbook.core.corpus import generate_corpus


def test_generated_corpus_is_deterministic_and_loads(mini_content: Path, tmp_path: Path) -> None:
    one = generate_corpus(tmp_path / "one", 6, mini_content)
    two = generate_corpus(tmp_path / "two", 6, mini_content)
    pages = sorted((one / "packs/bench/pages").iterdir())
    assert [p.name for p in pages] == [f"side-{n:05d}.md" for n in range(6)]
    assert [p.read_bytes() for p in pages] == [p.read_bytes() for p in sorted((two / "packs/bench/pages").iterdir())]
    handbook = load_handbook(one, "bench")
    assert len(handbook.pages) == 6 and not handbook.issues
    assert handbook.synonyms  # copied from the base pack


def test_fts5_query() -> None:
    assert _fts5_query("psykisk vold") == ('"psykisk" AND "vold" *', '"psykisk" OR "vold" *')
    assert _fts5_query('"vold i nære" barn ') == ('"vold i nære" AND "barn"', '"vold i nære" OR "barn"')
    assert _fts5_query('" AND * ') == ('"and"', '"and"')


def test_percentile() -> None:
    assert percentile([1, 2, 3, 4, 5], 50) == 3
    assert percentile([1, 2], 95) == pytest.approx(1.95)
    assert percentile([], 95) == 0.0


def test_bench_command_json(mini_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--content", str(mini_content), "bench", "-m", "no", "--pages", "8", "--rounds", "1",
                 "--cold-runs", "1", "--json"])
    result = json.loads(capsys.readouterr().out)
    assert code == 0
    assert [c["name"] for c in result["corpora"]] == ["shipped", "generated-8"]
    assert [c["pages"] for c in result["corpora"]] == [3, 8]
    for corpus in result["corpora"]:
        assert corpus["p95_ms"] >= corpus["p50_ms"] > 0
        assert corpus["fts5_p50_ms"] > 0 and corpus["build_s"] > 0
        assert corpus["cold_start_hits"] > 0  # the CLI in a fresh process found the query's pages
    assert result["peak_rss_mb"] > 0
    assert {"cpu", "cores", "python", "whoosh"} <= set(result["machine"])


def test_bench_command_table(mini_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--content", str(mini_content), "bench", "-m", "no", "--pages", "0", "--rounds", "1",
                 "--cold-runs", "1", "--markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("| corpus | pages |")
    assert "| shipped | 3 |" in out and "FTS5" in out


def test_bench_reports_search_quality_per_language(
    mini_content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from handbook.core.evaluation import node

    eval_set = tmp_path / "set.yaml"
    eval_set.write_text(
        "sets:\n  - language: 'no'\n    municipality: 'no'\n    queries:\n"
        "      - {q: 'hva er psykisk vold', ok: [psykisk-vold]}\n"
        "      - {q: 'trusler og kontroll', ok: [psykisk-vold]}\n"
        "      - {q: 'qqxyzzy', ok: [fysisk-vold]}\n",
        encoding="utf-8",
    )
    code = main(["--content", str(mini_content), "bench", "-m", "no", "--pages", "0", "--rounds", "1",
                 "--cold-runs", "1", "--json", "--eval", str(eval_set)])
    result = json.loads(capsys.readouterr().out)
    assert code == 0
    [quality] = result["quality"]
    assert (quality["language"], quality["queries"]) == ("no", 3)
    assert quality["hit_at_1"] == quality["hit_at_3"] == round(2 / 3, 3)
    assert [q for q, _top in quality["misses"]] == ["qqxyzzy"]
    if node() is not None:
        assert quality["site_agreement"] == 1.0
