"""The benchmark's large corpus: pages generated deterministically from the shipped pages' own sentences and
words, so the index and the queries meet text that reads like the handbook."""

from __future__ import annotations

import random
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from handbook.core.content import AUDIENCES, KINDS, list_packs, load_handbook
from handbook.core.render import headings, plain_text

SEED = 20261101
GENERATED_PACK = "bench"


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class Vocabulary:
    """What the generated pages are made from: the shipped pages' sentences, headings, titles and words."""

    sentences: tuple[str, ...]
    headings: tuple[str, ...]
    titles: tuple[str, ...]
    words: tuple[str, ...]
    synonyms_file: Path | None


def vocabulary(content: Path) -> Vocabulary:
    """Collect sentences and words from every Norwegian pack."""
    sentences: set[str] = set()
    heads: set[str] = set()
    titles: set[str] = set()
    vocab: set[str] = set()
    synonyms_file: Path | None = None
    for info in list_packs(content):
        if info.language == "sv":
            continue
        if info.base is None and (info.path / "synonyms.yaml").is_file():
            synonyms_file = info.path / "synonyms.yaml"
        for page in load_handbook(content, info.id).pages.values():
            titles.add(page.title)
            heads.update(h for h in headings(page.body) if len(h) < 60)
            for line in plain_text(page.body).splitlines():
                for sentence in _SENTENCE_END.split(line.strip()):
                    if len(sentence.split()) >= 4:
                        sentences.add(sentence)
            vocab.update(w for w in re.findall(r"[^\W\d_]{4,}", page.body.lower()))
    if not sentences:
        sentences = {"Vold i nære relasjoner er et alvorlig samfunnsproblem som rammer mange."}
        vocab = {"vold", "barnevernet", "krisesenter", "opplysningsplikt", "melding", "tjenesten"}
        titles = heads = {"Vold i nære relasjoner"}
    return Vocabulary(
        tuple(sorted(sentences)), tuple(sorted(heads)), tuple(sorted(titles)), tuple(sorted(vocab)), synonyms_file
    )


def _mutate(sentence: str, rng: random.Random, words: Sequence[str]) -> str:
    """Swap a word or two for other handbook words, sometimes a fresh compound, so pages differ."""
    tokens = sentence.split()
    for _ in range(rng.randint(0, 2)):
        i = rng.randrange(len(tokens))
        new = rng.choice(words)
        if rng.random() < 0.15:
            new = new + rng.choice(("s", "", "")) + rng.choice(words)
        tokens[i] = new
    return " ".join(tokens)


def generate_corpus(root: Path, pages: int, content: Path, seed: int = SEED) -> Path:
    """Write a content tree with one Norwegian pack of `pages` generated pages; return the content folder."""
    rng = random.Random(seed)
    vocab = vocabulary(content)
    folder = root / "packs" / GENERATED_PACK
    (folder / "pages").mkdir(parents=True, exist_ok=True)
    (folder / "pack.yaml").write_text(
        f"id: {GENERATED_PACK}\nname: Generert testkommune\nlanguage: nb\n", encoding="utf-8"
    )
    if vocab.synonyms_file is not None:
        (folder / "synonyms.yaml").write_bytes(vocab.synonyms_file.read_bytes())
    for n in range(pages):
        title = rng.choice(vocab.titles if rng.random() < 0.3 else vocab.headings)
        if rng.random() < 0.6:
            title = f"{title} {rng.choice(vocab.words)}"
        sections = []
        for _ in range(rng.randint(3, 5)):
            paragraphs = [
                " ".join(_mutate(rng.choice(vocab.sentences), rng, vocab.words) for _ in range(rng.randint(2, 4)))
                for _ in range(rng.randint(1, 3))
            ]
            sections.append(f"## {rng.choice(vocab.headings)}\n\n" + "\n\n".join(paragraphs))
        synonyms = ", ".join(rng.sample(vocab.words, k=min(len(vocab.words), rng.randint(0, 4))))
        audience = ", ".join(rng.sample(AUDIENCES, k=rng.randint(1, 2)))
        front = textwrap.dedent(f"""\
            ---
            id: side-{n:05d}
            title: "{title.replace('"', "'")}"
            kind: {rng.choice(KINDS)}
            audience: [{audience}]
            synonyms: [{synonyms}]
            owner: Koordinator for vold i nære relasjoner
            reviewed: 2026-11-01
            sources: ["Generert side for ytelsestest"]
            ---
            """)
        body = f"# {title}\n\n" + "\n\n".join(sections) + "\n"
        (folder / "pages" / f"side-{n:05d}.md").write_text(front + body, encoding="utf-8")
    return root


# ---------------------------------------------------------------------------- measuring
