"""Search: stemming, compounds, typos, phrases, prefixes, synonyms, tiers, snippets, filters, hostile input."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handbook.core.content import load_handbook
from handbook.core.search import (
    MAX_QUERY_CHARS,
    HandbookIndex,
    SearchResults,
    edit_distance,
    open_index,
    whoosh_language,
)
from tests.conftest import page_text, write

PACKAGE = Path(__file__).resolve().parent.parent / "handbook"

NO_PAGES = {
    "vold": ("Vold", "definition", "[all]", "[]", """
        # Vold
        Vold er handlinger som skader, smerter eller skremmer. Spør alltid om vold.
        """),
    "vold-mot-eldre": ("Vold mot eldre", "topic", "[elderly]", "[]", """
        # Vold mot eldre
        Eldre kan bli utsatt for volden fra sine nærmeste. Hjemmetjenesten ser ofte tegnene.
        """),
    "eldreomsorg": ("Eldreomsorg", "topic", "[elderly]", "[]", """
        # Eldreomsorg
        Fysisk vold rammer også eldre på sykehjem, og pleiere må si fra.
        """),
    "psykisk-vold": ("Psykisk vold", "definition", "[adults]", "[trusler]", """
        # Psykisk vold
        Psykisk vold er trusler, kontroll og nedverdigelse over tid.

        ## Tegn du kan se etter
        Den utsatte virker redd og isolert.
        """),
    "barnevern": ("Barnevernstjenesten", "role", "[children]", "[]", """
        # Barnevernstjenesten
        Barnevernstjenesten tar imot bekymringsmeldinger og undersøker saken.
        """),
    "opplysningsplikt": ("Opplysningsplikt til barnevernet", "duty", "[children, youth]", "[meldeplikt]", """
        # Opplysningsplikt til barnevernet
        Offentlig ansatte skal sende melding til barnevernet når et barn blir mishandlet.
        """),
    "helse": ("Helsesykepleier", "role", "[children, youth]", "[]", """
        # Helsesykepleier
        Helsesykepleier på helsestasjonen snakker med barn og unge.
        """),
    "krisesenter": ("Krisesenteret", "contact", "[adults]", "[]", """
        # Krisesenteret
        Krisesenteret gir råd og et trygt sted å bo. Ring krisesenteret hele døgnet.
        """),
    "taushetsplikt": ("Taushetsplikt", "duty", "[all]", "[]", """
        # Taushetsplikt
        Taushetsplikten gjelder alle ansatte, men opplysningsplikten går foran.
        """),
    "vinr-side": ("Samarbeid i kommunen", "routine", "[all]", "[]", """
        # Samarbeid i kommunen
        Arbeidet mot vold i nære relasjoner krever samarbeid mellom tjenestene.
        """),
    "melding": ("Melding", "about", "[all]", "[]", """
        # Melding
        Kort om ordet.
        """),
    "sende-melding": ("Slik sender du", "routine", "[all]", "[bekymringsmelding, melding, meldingen, meldinger]", """
        # Slik sender du
        En melding skrives kort. Meldingen sendes samme dag. Send meldingen skriftlig, og ta vare på meldingen.

        ## Meldingen
        Meldingen er viktig.

        ## Flere meldinger
        Meldinger om samme barn samles.
        """),
    "html-side": ("Teknisk side", "about", "[all]", "[]", """
        # Teknisk side
        Koden <script>alert(1)</script> & «sitat» vises som tekst.
        """),
}

SV_PAGES = {
    "polis": ("Polisen", "contact", "[all]", "[]", """
        # Polisen
        Ring polisen vid fara. Polisen utreder brott i nära relationer.
        """),
    "vald": ("Fysiskt våld", "definition", "[adults]", "[]", """
        # Fysiskt våld
        Slag och sparkar är våld. Allt våld är allvarligt.
        """),
    "soc": ("Socialtjänsten", "role", "[children]", "[]", """
        # Socialtjänsten
        Socialtjänsten tar emot orosanmälningar om barn.
        """),
}


def _pack(root: Path, pack: str, language: str, pages: dict[str, tuple[str, str, str, str, str]],
          synonyms: str) -> None:
    write(root / f"packs/{pack}/pack.yaml", f"id: {pack}\nname: Test {pack}\nlanguage: {language}\n")
    for page_id, (title, kind, audience, syns, body) in pages.items():
        write(root / f"packs/{pack}/pages/{page_id}.md",
              page_text(page_id, title, body, kind=kind, audience=audience, synonyms=syns))
    write(root / f"packs/{pack}/synonyms.yaml", synonyms)


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> HandbookIndex:
    """A Norwegian test pack, indexed once for the whole module."""
    root = tmp_path_factory.mktemp("search") / "content"
    _pack(root, "no", "nb", NO_PAGES,
          "- [helsesøster, helsesykepleier]\n- [vinr, vold i nære relasjoner]\n"
          "- [bekymringsmelding, melding til barnevernet]\n")
    opened = open_index(load_handbook(root, "no"), cache=root.parent / "cache")
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def sv_index(tmp_path_factory: pytest.TempPathFactory) -> HandbookIndex:
    root = tmp_path_factory.mktemp("search-sv") / "content"
    _pack(root, "se", "sv", SV_PAGES, "- [soc, socialtjänsten]\n")
    opened = open_index(load_handbook(root, "se"), cache=root.parent / "cache")
    yield opened
    opened.close()


def ids(results: SearchResults) -> list[str]:
    return [hit.id for hit in results.hits]


# ---------------------------------------------------------------------------- language and stemming


def test_language_codes_map_to_whoosh() -> None:
    assert [whoosh_language(c) for c in ("nb", "nn", "sv")] == ["no", "no", "sv"]


def test_inflected_word_finds_the_base_form(index: HandbookIndex) -> None:
    found = ids(index.search("volden "))
    assert {"vold", "vold-mot-eldre", "psykisk-vold"} <= set(found)


def test_swedish_stemming(sv_index: HandbookIndex) -> None:
    assert ids(sv_index.search("polis ")) == ["polis"]
    assert ids(sv_index.search("våldet "))[0] == "vald"  # Snowball leaves -et; we strip it


def test_swedish_compound_and_synonym(sv_index: HandbookIndex) -> None:
    assert ids(sv_index.search("tjänsten ")) == ["soc"]
    assert ids(sv_index.search("soc ")) == ["soc"]


# ---------------------------------------------------------------------------- compounds, prefixes, phrases


def test_part_of_a_compound_finds_the_compound(index: HandbookIndex) -> None:
    # No page has the word «tjenesten» on its own: only barnevernstjenesten, hjemmetjenesten.
    assert set(ids(index.search("tjenesten "))) == {"barnevern", "vold-mot-eldre", "vinr-side"}


def test_prefix_of_the_last_word_matches_while_typing(index: HandbookIndex) -> None:
    results = index.search("opplys")
    assert ids(results)[0] == "opplysningsplikt"
    assert results.hits[0].tier == 1
    assert "taushetsplikt" in ids(results)  # «opplysningsplikten» in its text


def test_no_prefix_once_the_word_is_finished(index: HandbookIndex) -> None:
    assert ids(index.search("opplys ")) == []


def test_phrase_needs_the_words_together(index: HandbookIndex) -> None:
    loose = set(ids(index.search("vold eldre ")))
    phrase = set(ids(index.search('"vold mot eldre"')))
    assert {"vold-mot-eldre", "eldreomsorg"} <= loose
    assert phrase == {"vold-mot-eldre"}


# ---------------------------------------------------------------------------- typos


def test_typo_is_corrected_and_suggested(index: HandbookIndex) -> None:
    results = index.search("taushetsplkit")
    assert ids(results)[0] == "taushetsplikt"
    assert results.fuzzy
    assert results.suggestion == "taushetsplikt"
    assert {hit.tier for hit in results.hits} == {3}


def test_typo_in_one_of_two_words(index: HandbookIndex) -> None:
    results = index.search("psykisk vlod")
    assert ids(results)[0] == "psykisk-vold"
    assert results.suggestion == "psykisk vold"
    assert not results.any_terms


def test_no_suggestion_when_the_words_are_known(index: HandbookIndex) -> None:
    results = index.search("krisesenteret")
    assert results.suggestion is None
    assert not results.fuzzy


def test_edit_distance_counts_transpositions() -> None:
    assert edit_distance("vold", "vlod", 2) == 1
    assert edit_distance("vold", "vold", 2) == 0
    assert edit_distance("barnevern", "bxrnxvxrn", 2) == 3


# ---------------------------------------------------------------------------- AND, OR, tiers, one hit per page


def test_all_words_must_match(index: HandbookIndex) -> None:
    results = index.search("psykisk trusler")
    assert ids(results) == ["psykisk-vold"]
    assert not results.any_terms


def test_any_word_when_no_page_has_all(index: HandbookIndex) -> None:
    results = index.search("krisesenteret helsestasjonen")
    assert results.any_terms
    assert {"krisesenter", "helse"} <= set(ids(results))


def test_tiers_exact_title_then_prefix_then_text(index: HandbookIndex) -> None:
    results = index.search("vold ")
    tiers = [hit.tier for hit in results.hits]
    assert ids(results)[0] == "vold" and tiers[0] == 0
    assert results.hits[1].id == "vold-mot-eldre" and tiers[1] == 1
    assert tiers == sorted(tiers)
    assert "psykisk-vold" in ids(results)


def test_exact_title_beats_a_higher_scoring_text_match(index: HandbookIndex) -> None:
    results = index.search("melding ")
    assert ids(results)[:2] == ["melding", "sende-melding"]
    assert results.hits[0].score < results.hits[1].score  # ranked by tier, not by score


def test_one_hit_per_page(index: HandbookIndex) -> None:
    found = ids(index.search("vold"))
    assert len(found) == len(set(found))


def test_overlay_page_is_found_once_with_its_local_title(mini_content: Path) -> None:
    with open_index(load_handbook(mini_content, "by")) as by:
        results = by.search("fysisk ")
    assert ids(results).count("fysisk-vold") == 1
    assert results.hits[0].title == "Fysisk vold i Byen"


def test_limit(index: HandbookIndex) -> None:
    assert len(index.search("vold", limit=2).hits) == 2
    assert index.search("vold", limit=0).hits == ()


# ---------------------------------------------------------------------------- synonyms


def test_synonym_word(index: HandbookIndex) -> None:
    assert ids(index.search("helsesøster")) == ["helse"]


def test_synonym_phrase_both_ways(index: HandbookIndex) -> None:
    assert "vinr-side" in ids(index.search("vinr"))
    assert "opplysningsplikt" in ids(index.search("bekymringsmelding"))


def test_editors_add_synonyms_without_code(mini_content: Path) -> None:
    with open_index(load_handbook(mini_content, "no")) as before:
        assert "fysisk-vold" not in ids(before.search("juling"))
    synonyms = mini_content / "packs/no/synonyms.yaml"
    synonyms.write_text(synonyms.read_text(encoding="utf-8") + "- [juling, lugging]\n", encoding="utf-8")
    with open_index(load_handbook(mini_content, "no")) as after:
        assert ids(after.search("juling")) == ["fysisk-vold"]


# ---------------------------------------------------------------------------- snippets


def test_snippet_highlights_matches(index: HandbookIndex) -> None:
    hit = index.search("trusler")
    snippet = next(h for h in hit.hits if h.id == "psykisk-vold")
    assert "<b>trusler</b>" in snippet.snippet
    assert "<b>" not in snippet.snippet_text and "trusler" in snippet.snippet_text


def test_snippet_highlights_inflections_and_compounds(index: HandbookIndex) -> None:
    hit = index.search("tjeneste ").hits
    barnevern = next(h for h in hit if h.id == "barnevern")
    assert "<b>Barnevernstjenesten</b>" in barnevern.snippet


def test_snippet_escapes_html(index: HandbookIndex) -> None:
    hit = index.search("alert").hits[0]
    assert hit.id == "html-side"
    assert "&lt;script" in hit.snippet and "<script" not in hit.snippet
    assert "&amp;" in hit.snippet
    assert "<script" in hit.snippet_text


def test_snippet_leaves_out_the_title_heading(index: HandbookIndex) -> None:
    hit = index.search("krisesenteret").hits[0]
    assert hit.snippet_text.startswith("Krisesenteret gir råd")


# ---------------------------------------------------------------------------- filters


def test_kind_filter(index: HandbookIndex) -> None:
    results = index.search("vold", kinds={"topic"})
    assert set(ids(results)) == {"vold-mot-eldre", "eldreomsorg"}
    assert index.search("vold", kinds=()).hits == ()


def test_audience_filter_keeps_pages_for_everyone(index: HandbookIndex) -> None:
    results = index.search("vold", audiences=["elderly"])
    assert {"vold-mot-eldre", "eldreomsorg", "vold"} <= set(ids(results))
    assert "psykisk-vold" not in ids(results)
    assert all(set(h.audience) & {"elderly", "all"} for h in results.hits)


def test_hit_fields(index: HandbookIndex) -> None:
    hit = index.search("psykisk vold").hits[0]
    assert (hit.id, hit.title, hit.kind, hit.audience, hit.tier) == (
        "psykisk-vold", "Psykisk vold", "definition", ("adults",), 0)
    assert hit.path.endswith("psykisk-vold.md") and hit.score > 0


# ---------------------------------------------------------------------------- hostile queries


HOSTILE = [
    "", "   ", '"', '""', '"vold', 'vold"', '"vold" "', "AND", "OR", "NOT", "vold AND", "OR vold", "NOT NOT",
    "-", "+", "-vold", "+vold +", "*", "?", "~", "vold~2", "vo*d", "v?ld", "title:vold", "(vold", "vold)",
    "[", "]", "{", "}", "^", "\\", "/", "'", "«", "»", "vold^3", "\x00", "\x1e", "_", "__init__",
    "a" * 5000, "vold " * 500, "æøå ÆØÅ", "🙂", "ｖｏｌｄ", "٣", "§ 13-2", "13-2", "112",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_raise(index: HandbookIndex, query: str) -> None:
    results = index.search(query)
    assert isinstance(results, SearchResults)
    assert len(set(ids(results))) == len(results.hits) <= 20


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
       | st.lists(st.sampled_from(['"', "AND", "OR", "NOT", "-", "+", "*", "?", "~", "(", ")", ":", "vold",
                                   "volden", "vinr", "opplys", "melding til", " ", "æ", "\\"]),
                  max_size=30).map("".join))
def test_any_query_returns_results_or_nothing(index: HandbookIndex, query: str) -> None:
    results = index.search(query, limit=5)
    assert len(results.hits) <= 5
    assert all(h.tier in (0, 1, 2, 3) for h in results.hits)
    assert [h.tier for h in results.hits] == sorted(h.tier for h in results.hits)


def test_very_long_query_is_capped(index: HandbookIndex) -> None:
    tail = " krisesenteret"
    results = index.search("x" * (MAX_QUERY_CHARS + 10) + tail)
    assert "krisesenter" not in ids(results)


def test_search_from_several_threads(index: HandbookIndex) -> None:
    expected = ids(index.search("vold"))
    seen: list[list[str]] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            for _ in range(5):
                seen.append(ids(index.search("vold")))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert seen == [expected] * 20


def test_closed_index_returns_nothing(mini_content: Path) -> None:
    opened = open_index(load_handbook(mini_content, "no"))
    opened.close()
    opened.close()
    assert opened.search("vold").hits == ()


# ---------------------------------------------------------------------------- one door to Whoosh


def test_only_the_search_package_imports_whoosh() -> None:
    pattern = re.compile(r"^\s*(?:import\s+whoosh|from\s+whoosh[\s.])", re.MULTILINE)
    offenders = [
        str(path.relative_to(PACKAGE.parent))
        for path in PACKAGE.rglob("*.py")
        if pattern.search(path.read_text(encoding="utf-8")) and (PACKAGE / "core" / "search") not in path.parents
    ]
    assert offenders == []


# ---------------------------------------------------------------------------- questions, situations, answers


def test_filler_words_of_a_question_need_not_match(index: HandbookIndex) -> None:
    results = index.search("hva gjør jeg med psykisk vold?")
    assert ids(results)[0] == "psykisk-vold"
    assert index.search("hva gjør jeg").hits == ()  # only filler words: nothing to find, nothing crashes


def test_no_word_vetoes_the_answer(index: HandbookIndex) -> None:
    # No page has «kollega»: the pages with the other words are still found, most and rarest first.
    results = index.search("kollega mistenker psykisk vold med trusler")
    assert ids(results)[0] == "psykisk-vold"
    assert results.any_terms
    # A page with more of the query's words ranks above one with fewer.
    found = ids(index.search("krisesenteret trygt sted å bo hele døgnet"))
    assert found[0] == "krisesenter"


def test_a_page_is_ranked_by_how_many_and_how_rare_of_the_words_it_holds(index: HandbookIndex) -> None:
    found = ids(index.search("eldre hjemmetjenesten volden"))
    assert found[0] == "vold-mot-eldre"  # all three words
    assert "eldreomsorg" in found  # «eldre» and «vold», not «hjemmetjenesten»
    assert found.index("vold-mot-eldre") < found.index("eldreomsorg")


def test_the_suggestion_keeps_every_typed_word(index: HandbookIndex) -> None:
    results = index.search("vold i nære relasjner")
    assert results.suggestion == "vold i nære relasjoner"
    assert index.search("hva er taushetsplkit for meg").suggestion == "hva er taushetsplikt for meg"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["vold", "i", "nære", "relasjner", "psyksik", "og", "taushetsplkit", "hva", "gjør",
                                 "jeg", "krisesenteret", "barnevernstjensten", "mot", "eldre"]),
                min_size=1, max_size=7))
def test_a_suggestion_never_drops_a_typed_word(index: HandbookIndex, typed: list[str]) -> None:
    query = " ".join(typed)
    suggestion = index.search(query).suggestion
    if suggestion is None:
        return
    suggested = suggestion.split()
    assert len(suggested) == len(typed)
    known = {"vold", "i", "nære", "og", "hva", "gjør", "jeg", "krisesenteret", "mot", "eldre"}
    assert all(s == t for s, t in zip(suggested, typed, strict=True) if t in known)


def test_lemmas_join_forms_snowball_keeps_apart() -> None:
    from handbook.core.search.analysis import Analysis
    from handbook.core.search.lemmas import forms_for

    forms = forms_for("no", ["slått", "spørre"])
    analysis = Analysis("no", forms)
    assert analysis.stem("slår") == analysis.stem("slått") == analysis.stem("slå")
    assert analysis.stem("spør") == analysis.stem("spørre")
    swedish = Analysis("sv", forms_for("sv", ["sett"]))
    assert swedish.stem("sett") == swedish.stem("se")


def _phrasing_pack(root: Path) -> Path:
    write(root / "packs/no/pack.yaml", "id: no\nname: Test\nlanguage: nb\n")
    write(root / "packs/no/pages/krisesenter.md", page_text(
        "krisesenter", "Krisesenteret", "# Krisesenteret\nEt tilbud til den som er utsatt for vold.\n",
        kind="role", audience="[adults]", synonyms="[krisesenter]",
        questions='["Hvor kan hun sove i natt når hun ikke tør å reise hjem?"]'))
    write(root / "packs/no/pages/natt.md", page_text(
        "natt", "Barnevernvakta", "# Barnevernvakta\nBarnevernvakta svarer om natten og i helgen.\n",
        kind="role", audience="[children]"))
    write(root / "packs/no/contacts.yaml", """
- id: barnevernvakt
  name: Barnevernvakten
  helps_with: Akutt bekymring for et barn utenom kontortid
  phone: "112"
  hours: hele døgnet
  checked: 2026-11
  verified: true
  source: test
""")
    return root


def test_questions_in_front_matter_count_like_synonyms(tmp_path: Path) -> None:
    root = _phrasing_pack(tmp_path / "content")
    with open_index(load_handbook(root, "no"), cache=tmp_path / "cache") as opened:
        assert ids(opened.search("hun tør ikke reise hjem i natt"))[0] == "krisesenter"
        contact = opened.search("barnevernvakten telefon").hits[0]
        assert opened.doc_count == 2  # pages only
    assert (contact.type, contact.id, contact.key, contact.phone, contact.hours) == (
        "contact", "barnevernvakt", "contact:barnevernvakt", "112", "hele døgnet")
    assert contact.location == "contact:barnevernvakt"


def test_questions_must_be_a_list_of_text(tmp_path: Path) -> None:
    from handbook.core.lint import lint

    root = _phrasing_pack(tmp_path / "content")
    page = root / "packs/no/pages/natt.md"
    page.write_text(page.read_text(encoding="utf-8").replace("kind: role", "kind: role\nquestions: hvor er de"),
                    encoding="utf-8")
    issues = [i for i in lint(root, "no").issues if "questions" in i.message]
    assert issues and issues[0].path == page and issues[0].line > 1


def test_checklists_and_contacts_are_hits_of_their_own_in_the_shipped_content(tmp_path: Path) -> None:
    content = PACKAGE.parent / "content"
    with open_index(load_handbook(content, "baerum"), cache=tmp_path / "cache") as opened:
        checklist = opened.search("sjekkliste akutt fare").hits[0]
        assert (checklist.type, checklist.id, checklist.kind) == ("checklist", "akutt-fare", "checklist")
        contacts = [h for h in opened.search("barnevernvakta telefon").hits[:3] if h.type == "contact"]
        assert contacts and contacts[0].id == "barnevernvakt" and contacts[0].phone
        assert opened.search("vold", kinds={"duty"}).hits and all(
            h.type == "page" for h in opened.search("vold", kinds={"duty"}).hits)
