"""The shipped handbook holds everything the municipal plans ask for, with facts only from the register."""

from __future__ import annotations

import re

import pytest
import yaml

from handbook.core.content import Handbook, load_handbook
from handbook.core.facts import load_facts, normalize_phone, phones_in
from tests.conftest import CONTENT, SHARED_FACTS

NORWEGIAN = ("no", "asker", "baerum", "hammerfest", "ullensaker")
SWEDISH = ("se", "kramfors")

DEFINITIONS = (
    "vold-i-naere-relasjoner", "fysisk-vold", "psykisk-vold", "seksuell-vold", "materiell-vold", "latent-vold",
    "okonomisk-vold", "digital-vold", "barn-som-er-vitne-til-vold", "aeresrelatert-vold", "tvangsekteskap",
    "kjonnslemlestelse", "oppdragervold", "vold-mot-eldre", "to-voldsmonstre",
)
DUTIES = (
    "avvergeplikt", "opplysningsplikt-barnevern", "opplysningsplikt-helsepersonell", "opplysningsplikt-barnehage",
    "opplysningsplikt-skole", "opplysningsplikt-nav", "taushetsplikt", "kommunens-plikt", "krisesenterlova",
    "anmeldelse-og-samtykke", "beskyttelsestiltak", "dokumentasjonsplikt",
)
ROUTINES = (
    "sporre-om-vold", "mistanke-barn", "mistanke-voksen", "mistanke-eldre", "mistanke-tvangsekteskap",
    "mistanke-kjonnslemlestelse", "akuttfase-og-oppfolging", "bekymringsmelding", "henvisning", "samtale-med-barn",
    "dokumentere", "egen-sikkerhet", "tilbud-til-utover", "risikogrupper",
)
ROLES = (
    "politiet", "barnevernstjenesten", "barnevernvakta", "krisesenteret", "legevakten", "overgrepsmottaket",
    "statens-barnehus", "fastlegen", "helsestasjon-og-skolehelsetjeneste", "barnehagen", "skolen", "nav",
    "familievernkontoret", "alternativ-til-vold", "vern-for-eldre", "psykisk-helse-og-rus", "flyktningtjenesten",
    "rvts", "ressursteam",
)
TOPICS = (
    "oppstartsamtaler-barnehage", "tidlig-innsats", "tema-oppdragervold", "tema-vold-og-seksuelle-overgrep",
    "tema-okonomisk-vold", "tema-vold-mot-eldre", "tema-kjonnslemlestelse-og-tvangsekteskap",
)
# The topics of issue 9 (section 2) and their kinds; `helsepersonell-plikter` is the health personnel's page.
ISSUE9_TOPICS = {
    "oppholdstillatelse-etter-vold": "topic", "helsepersonell-plikter": "duty", "fortrolig-adresse": "topic",
    "rettigheter-for-voldsutsatte": "topic", "sikkerhetsplan": "routine", "samiske-brukere": "topic",
    "utviklingshemming": "topic", "kjaerestevold-og-nettovergrep": "topic", "etterlatt-i-utlandet": "topic",
    "menneskehandel": "topic", "samvaer-og-mekling-etter-brudd": "topic", "barns-vold-mot-foreldre": "topic",
}
SWEDISH_ISSUE9_TOPICS = {"vald-mot-aldre": "definition"}
# Everyday words staff type for those topics (not the page titles), and the page that must come in the top three.
EVERYDAY_WORDS = {
    "miste oppholdstillatelsen": "oppholdstillatelse-etter-vold",
    "familieinnvandring vold": "oppholdstillatelse-etter-vold",
    "taushetsplikt hjemmetjeneste": "helsepersonell-plikter", "pasientens barn journal": "helsepersonell-plikter",
    "kode 6": "fortrolig-adresse", "hemmelig adresse": "fortrolig-adresse",
    "bistandsadvokat": "rettigheter-for-voldsutsatte", "voldserstatning": "rettigheter-for-voldsutsatte",
    "fri rettshjelp": "rettigheter-for-voldsutsatte", "rømningsplan": "sikkerhetsplan",
    "samisk tolk": "samiske-brukere", "SANKS": "samiske-brukere",
    "utviklingshemmet": "utviklingshemming", "avhør sårbare voksne": "utviklingshemming",
    "kjærestevold ungdom": "kjaerestevold-og-nettovergrep", "nakenbilder ungdom": "kjaerestevold-og-nettovergrep",
    "sendt til hjemlandet": "etterlatt-i-utlandet", "ufrivillig utenlandsopphold": "etterlatt-i-utlandet",
    "trafficking": "menneskehandel", "tvangsarbeid": "menneskehandel",
    "samvær voldelig far": "samvaer-og-mekling-etter-brudd", "mekling vold": "samvaer-og-mekling-etter-brudd",
    "ungdom slår foreldrene": "barns-vold-mot-foreldre", "redd for eget barn": "barns-vold-mot-foreldre",
}
SWEDISH_EVERYDAY_WORDS = {
    "våld mot äldre": "vald-mot-aldre", "äldre misshandel": "vald-mot-aldre", "hemtjänst våld": "vald-mot-aldre",
}
NATIONAL_CONTACTS = (
    "politi-112", "amk-113", "brann-110", "politi-02800", "legevakt-116117", "alarmtelefonen",
    "vold-og-overgrepslinjen", "kompetanseteamet", "vern-for-eldre", "krisesenter", "barnevernvakt",
)
LOCAL_PAGES = {
    "asker": ("arlig-gjennomgang",),
    "baerum": ("lokale-tjenester-baerum", "krisesenteret"),
    "hammerfest": ("ressursteam", "beredskapsboliger", "samarbeidsavtaler"),
    "ullensaker": ("samordnede-tjenester",),
    "kramfors": ("lokalt-kramfors",),
}
SWEDISH_PAGES = (
    "vald-i-nara-relationer", "barn-som-bevittnat-vald", "hedersrelaterat-vald", "anmalningsskyldighet",
    "orosanmalan", "skyddat-boende", "socialtjanstens-roll", "polisens-roll", "halso-och-sjukvardens-roll",
    "nationella-stodlinjer", "om-vagledningen",
)
SWEDISH_KINDS = {"definition": 6, "duty": 1, "routine": 2, "role": 3}

# The words a user types for each item of the issue, and the page that must come in the top three.
HEADING_WORDS = {
    "vold i nære relasjoner": "vold-i-naere-relasjoner", "fysisk vold": "fysisk-vold",
    "psykisk vold": "psykisk-vold", "seksuell vold": "seksuell-vold", "materiell vold": "materiell-vold",
    "latent vold": "latent-vold", "økonomisk vold": "okonomisk-vold", "digital vold": "digital-vold",
    "barn som er vitne til vold": "barn-som-er-vitne-til-vold", "æresrelatert vold": "aeresrelatert-vold",
    "negativ sosial kontroll": "aeresrelatert-vold", "tvangsekteskap": "tvangsekteskap",
    "kjønnslemlestelse": "kjonnslemlestelse", "oppdragervold": "oppdragervold", "vold mot eldre": "vold-mot-eldre",
    "avvergeplikt": "avvergeplikt", "opplysningsplikt til barnevernet": "opplysningsplikt-barnevern",
    "opplysningsplikt helsepersonell": "opplysningsplikt-helsepersonell",
    "opplysningsplikt barnehage": "opplysningsplikt-barnehage", "opplysningsplikt skole": "opplysningsplikt-skole",
    "opplysningsplikt NAV": "opplysningsplikt-nav", "taushetsplikt": "taushetsplikt",
    "krisesenterlova": "krisesenterlova", "besøksforbud": "beskyttelsestiltak", "voldsalarm": "beskyttelsestiltak",
    "anmelde til politiet": "anmeldelse-og-samtykke", "spørre om vold": "sporre-om-vold",
    "bekymringsmelding": "bekymringsmelding", "samtale med barn": "samtale-med-barn",
    "egen sikkerhet": "egen-sikkerhet", "risikogrupper": "risikogrupper", "akuttfase": "akuttfase-og-oppfolging",
    "politiet": "politiet", "barnevernstjenesten": "barnevernstjenesten", "barnevernvakta": "barnevernvakta",
    "krisesenteret": "krisesenteret", "legevakten": "legevakten", "overgrepsmottaket": "overgrepsmottaket",
    "Statens barnehus": "statens-barnehus", "fastlegen": "fastlegen", "helsestasjon":
    "helsestasjon-og-skolehelsetjeneste", "familievernkontoret": "familievernkontoret",
    "Alternativ til Vold": "alternativ-til-vold", "Vern for eldre": "vern-for-eldre",
    "flyktningtjenesten": "flyktningtjenesten", "RVTS": "rvts", "ressursteam": "ressursteam",
    "oppstartsamtaler": "oppstartsamtaler-barnehage", "tidlig innsats": "tidlig-innsats",
}


@pytest.fixture(scope="module")
def books() -> dict[str, Handbook]:
    return {m: load_handbook(CONTENT, m) for m in (*NORWEGIAN, *SWEDISH)}


@pytest.mark.parametrize("municipality", NORWEGIAN)
def test_norwegian_items_exist(books: dict[str, Handbook], municipality: str) -> None:
    book = books[municipality]
    expected = {
        "definition": DEFINITIONS, "duty": DUTIES, "routine": ROUTINES, "role": ROLES, "topic": TOPICS,
    }
    for kind, ids in expected.items():
        missing = [i for i in ids if i not in book.pages]
        assert missing == [], f"{municipality}: missing {kind} pages"
        wrong = [i for i in ids if book.pages[i].kind != kind]
        assert wrong == [], f"{municipality}: not of kind {kind}"
    assert book.pages["om-veilederen"].kind == "about"
    assert [c for c in NATIONAL_CONTACTS if c not in book.contacts] == []
    for page_id in LOCAL_PAGES.get(municipality, ()):
        assert book.pages[page_id].pack == municipality


@pytest.mark.parametrize("municipality", ["asker", "baerum", "hammerfest", "ullensaker", "kramfors"])
def test_each_municipality_has_its_own_about_page_and_contacts(books: dict[str, Handbook], municipality: str) -> None:
    book = books[municipality]
    about = "om-vagledningen" if book.pack.is_swedish else "om-veilederen"
    assert book.pages[about].pack == municipality
    assert any(c.pack == municipality for c in book.contacts.values())


@pytest.mark.parametrize("municipality", SWEDISH)
def test_swedish_items_exist(books: dict[str, Handbook], municipality: str) -> None:
    book = books[municipality]
    assert [p for p in SWEDISH_PAGES if p not in book.pages] == []
    for kind, at_least in SWEDISH_KINDS.items():
        assert len(book.pages_of_kind(kind)) >= at_least, kind
    for page_id in LOCAL_PAGES.get(municipality, ()):
        assert book.pages[page_id].pack == municipality


def test_every_page_has_front_matter_a_user_relies_on(books: dict[str, Handbook]) -> None:
    for book in books.values():
        for page in book.pages.values():
            assert page.owner and page.sources and page.reviewed, page.path
            assert page.synonyms, f"{page.path}: no synonyms"


def _register_phones() -> set[str]:
    """Phone numbers in the shared facts when present (the source of truth), else the project's copy."""
    if SHARED_FACTS.is_dir():
        found: set[str] = set()
        for path in SHARED_FACTS.glob("*.yaml"):
            found.update(normalize_phone(p) for p in phones_in(path.read_text(encoding="utf-8")))
            for value in re.findall(r"(?:number|phone|direct): \"([^\"]+)\"", path.read_text(encoding="utf-8")):
                found.add(normalize_phone(value))
        return found
    return set(load_facts(CONTENT).phones)


def test_every_phone_number_is_in_the_facts_or_marked_unverified() -> None:
    known = _register_phones()
    problems = []
    for path in sorted((CONTENT / "packs").rglob("contacts.yaml")):
        for contact in yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or []:
            for key in ("phone", "direct"):
                number = contact.get(key)
                if number and normalize_phone(number) not in known and contact.get("verified") != "false":
                    problems.append(f"{path}: {contact['id']} {number}")
    for path in sorted((CONTENT / "packs").rglob("*.md")):
        for number in phones_in(path.read_text(encoding="utf-8")):
            if normalize_phone(number) not in known:
                problems.append(f"{path}: {number}")
    assert problems == []


def test_project_facts_agree_with_shared_facts() -> None:
    """The project carries its own copy of the facts; where ../shared is present, they must agree."""
    if not SHARED_FACTS.is_dir():
        pytest.skip("../shared/facts is not beside this checkout")
    for name in ("numbers.yaml", "local.yaml"):
        assert (CONTENT / "facts" / name).read_text() == (SHARED_FACTS / name).read_text(), name


@pytest.fixture(scope="module")
def baerum_index(books: dict[str, Handbook], tmp_path_factory: pytest.TempPathFactory):
    from handbook.core.search import open_index

    index = open_index(books["baerum"], cache=tmp_path_factory.mktemp("cache"))
    yield index
    index.close()


@pytest.mark.parametrize("words", sorted(HEADING_WORDS))
def test_heading_word_finds_its_page_in_top_three(baerum_index, words: str) -> None:
    top = [hit.id for hit in baerum_index.search(words, limit=3).hits]
    assert HEADING_WORDS[words] in top, f"{words!r} gave {top}"


def test_every_title_finds_its_page_in_top_three(books: dict[str, Handbook], baerum_index) -> None:
    misses = []
    for page in books["baerum"].pages.values():
        if page.kind in ("definition", "duty", "routine", "role", "topic"):
            top = [hit.id for hit in baerum_index.search(page.title, limit=3).hits]
            if page.id not in top:
                misses.append(f"{page.title!r} -> {top}")
    assert misses == []


@pytest.mark.parametrize("municipality", [*NORWEGIAN, *SWEDISH])
def test_issue9_topics_exist_for_their_pack(books: dict[str, Handbook], municipality: str) -> None:
    book = books[municipality]
    expected = SWEDISH_ISSUE9_TOPICS if municipality in SWEDISH else ISSUE9_TOPICS
    missing = [i for i in expected if i not in book.pages]
    assert missing == [], f"{municipality}: missing {missing}"
    assert {i: book.pages[i].kind for i in expected} == expected
    for page_id in expected:
        assert book.pages[page_id].reviewed and book.pages[page_id].sources, page_id
    other = ISSUE9_TOPICS if municipality in SWEDISH else SWEDISH_ISSUE9_TOPICS
    assert [i for i in other if i in book.pages] == [], "a topic of the other language's pack"


@pytest.mark.parametrize("words", sorted(EVERYDAY_WORDS))
def test_everyday_words_find_issue9_topic_in_top_three(baerum_index, words: str) -> None:
    top = [hit.id for hit in baerum_index.search(words, limit=3).hits]
    assert EVERYDAY_WORDS[words] in top, f"{words!r} gave {top}"


@pytest.fixture(scope="module")
def kramfors_index(books: dict[str, Handbook], tmp_path_factory: pytest.TempPathFactory):
    from handbook.core.search import open_index

    index = open_index(books["kramfors"], cache=tmp_path_factory.mktemp("cache-se"))
    yield index
    index.close()


@pytest.mark.parametrize("words", sorted(SWEDISH_EVERYDAY_WORDS))
def test_swedish_everyday_words_find_issue9_topic_in_top_three(kramfors_index, words: str) -> None:
    top = [hit.id for hit in kramfors_index.search(words, limit=3).hits]
    assert SWEDISH_EVERYDAY_WORDS[words] in top, f"{words!r} gave {top}"
