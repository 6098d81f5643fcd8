"""Hostile content (issue 12): one overlay pack `fiende` on the shipped `no`, full of what an attacker or a
careless editor would put in a shared content folder. Each fault is a `Fault`: the file it lives in, the line
`lint` must name, and words of the message."""

from __future__ import annotations

import os
import shutil
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import CONTENT, page_text, write

PACK = "fiende"
FORBIDDEN_LINKS = ("javascript:", "data:", "file:", "smb:", "ms-settings:", "vbscript:")


@dataclass(frozen=True)
class Fault:
    name: str
    file: str  # relative to the pack folder
    line: int
    words: str  # part of lint's message


def png_bytes() -> bytes:
    """A valid 1×1 PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
            + chunk(b"IEND", b""))


def _page(folder: Path, page_id: str, body: str, **fields: object) -> Path:
    return write(folder / "pages" / f"{page_id}.md", page_text(page_id, page_id.replace("-", " ").title(), body,
                                                                **fields))


def _chain_checklist(steps: int, loop: bool) -> str:
    lines = [
        "id: kjede", "title: Lang kjede", 'version: "1"', "reviewed: 2026-11-01",
        "owner: Koordinator for vold i nære relasjoner", "audience: [children]",
        'sources: ["Barnevernsloven § 13-2 (regjeringen.no)"]', "start: s0", "steps:",
    ]
    for n in range(steps - 1):
        lines += [f"  s{n}:", "    type: advice", f"    text: Steg {n}.", f"    next: s{n + 1}"]
    last = steps - 1
    if loop:
        lines += [f"  s{last}:", "    type: advice", "    text: Tilbake til start.", "    next: s0"]
    else:
        lines += [f"  s{last}:", "    type: end", "    text: Slutt.", "    actions:",
                  "      - text: Meld fra.", "        basis: [opplysningsplikt-barnevern]"]
    return "\n".join(lines) + "\n"


def build(root: Path) -> tuple[Path, list[Fault]]:
    """A content folder with the shipped facts and `no` pack and the hostile overlay; returns it and the faults."""
    content = root / "content"
    shutil.copytree(CONTENT / "facts", content / "facts")
    shutil.copytree(CONTENT / "packs" / "no", content / "packs" / "no")
    pack = content / "packs" / PACK
    write(pack / "pack.yaml", f"id: {PACK}\nname: Fiende kommune\nlanguage: nb\nbase: no\n")
    faults: list[Fault] = []

    # A good page with a good picture: it must still load, and its picture must travel with the site.
    (pack / "bilder").mkdir(parents=True)
    (pack / "bilder" / "kart.png").write_bytes(png_bytes())
    _page(pack, "god-side", """
        # God side
        Her er kartet: ![Kart over kontorene](bilder/kart.png)

        Les mer hos [Bufdir](https://www.bufdir.no/vold/), skriv til [oss](mailto:post@fiende.kommune.no)
        eller ring [sentralbordet](tel:112). Se også [psykisk vold](psykisk-vold).
        """)

    # Links and pictures outside the allow-list: lint errors, never links or fetched pictures anywhere.
    bad_links = [
        ("javascript", "[klikk](javascript:alert(document.cookie))"),
        ("data", "[last ned](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
        ("file", "[passord](file:///etc/passwd)"),
        ("smb", "[delt mappe](smb://server/share)"),
        ("ms-settings", "[innstillinger](ms-settings:privacy)"),
        ("vbscript", "[gammelt](vbscript:msgbox)"),
        ("relative", "[opp og ut](../../../etc/passwd)"),
        ("reference", "[referanse][ref]"),
    ]
    body = ["# Farlige lenker", ""]
    for number, (_name, text) in enumerate(bad_links, 1):
        body += [f"Lenke {number}: {text}", ""]
    body += ["[ref]: javascript:alert(2)", "",
             'Skjult: <javascript:alert(3)> og [stil](psykisk-vold){: onclick="alert(4)" style="background: url(x)" }']
    _page(pack, "farlige-lenker", "\n".join(body))
    body_line = 11  # page_text: '---', eight fields, '---'; the body starts at line 11
    for index, (name, _text) in enumerate(bad_links):
        if name == "reference":
            continue
        faults.append(Fault(f"link-{name}", "pages/farlige-lenker.md", body_line + 2 + 2 * index,
                            "link not allowed"))
    faults.append(Fault("link-reference-definition", "pages/farlige-lenker.md", body_line + 2 + 2 * len(bad_links),
                        "link not allowed"))
    faults.append(Fault("link-autolink", "pages/farlige-lenker.md", body_line + 4 + 2 * len(bad_links),
                        "link not allowed"))

    os.symlink("/etc/hostname", pack / "bilder" / "ut.png")
    bad_images = [
        ("remote", "![sporing](http://tracker.example.com/pixel.png)"),
        ("file", "![passord](file:///etc/passwd)"),
        ("escape", "![opp](../../../../etc/hostname.png)"),
        ("data", "![inline](data:image/png;base64,iVBORw0KGgo=)"),
        ("symlink-out", "![lenket](bilder/ut.png)"),
        ("svg", "![tegning](bilder/tegning.svg)"),
    ]
    body = ["# Farlige bilder", ""]
    for number, (_name, text) in enumerate(bad_images, 1):
        body += [f"Bilde {number}: {text}", ""]
    _page(pack, "farlige-bilder", "\n".join(body))
    for index, (name, _text) in enumerate(bad_images):
        faults.append(Fault(f"image-{name}", "pages/farlige-bilder.md", body_line + 2 + 2 * index, "image not shown"))

    # Files that are not files.
    os.mkfifo(pack / "pages" / "fifo.md")
    faults.append(Fault("fifo", "pages/fifo.md", 1, "not a regular file"))
    os.symlink("/dev/zero", pack / "pages" / "null.md")
    faults.append(Fault("dev-zero", "pages/null.md", 1, "outside the pack"))
    os.symlink(content / "packs" / "no" / "pages" / "taushetsplikt.md", pack / "pages" / "lenket.md")
    faults.append(Fault("symlink-out-of-pack", "pages/lenket.md", 1, "outside the pack"))
    os.symlink("sirkel.md", pack / "pages" / "sirkel.md")
    faults.append(Fault("symlink-loop", "pages/sirkel.md", 1, "outside the pack"))
    (pack / "pages" / "mappe.md").mkdir()
    faults.append(Fault("folder", "pages/mappe.md", 1, "not a regular file"))
    (pack / "checklists").mkdir()
    os.mkfifo(pack / "checklists" / "fifo.yaml")
    faults.append(Fault("fifo-checklist", "checklists/fifo.yaml", 1, "not a regular file"))

    # Too large, too long, too deep.
    big = pack / "pages" / "stor.md"
    big.write_text(page_text("stor", "Stor", "# Stor\n" + ("Tekst om vold. " * 80 + "\n\n") * 9000), encoding="utf-8")
    faults.append(Fault("ten-megabytes", "pages/stor.md", 1, "the limit is"))
    _page(pack, "lang-linje", "# Lang linje\n\n" + "ord " * 30_000 + "\n")
    faults.append(Fault("long-line", "pages/lang-linje.md", body_line + 2, "a line of"))
    table = "| a | b |\n|---|---|\n" + "".join(f"| rad {n} | tekst |\n" for n in range(5000))
    _page(pack, "tabell", "# Tabell\n\n" + table)
    faults.append(Fault("table-5000-rows", "pages/tabell.md", body_line + 2 + 301, "more than 300 rows"))
    lists = "".join("  " * n + f"- nivå {n}\n" for n in range(1000))  # 1,000 levels, two spaces each
    _page(pack, "liste-1000", f"# Liste\n\n{lists}")
    faults.append(Fault("lists-1000", "pages/liste-1000.md", 1, "the limit is"))  # 1 MB: the file limit
    lists = "".join("  " * n + f"- nivå {n}\n" for n in range(200))
    _page(pack, "liste-200", f"# Liste\n\n{lists}")
    faults.append(Fault("lists-200", "pages/liste-200.md", body_line + 2 + 16, "nested more than"))
    _page(pack, "liste-5000", "# Liste\n\n" + "- " * 5000 + "nivå\n")  # 5,000 markers on one line
    faults.append(Fault("lists-5000", "pages/liste-5000.md", body_line + 2, "a line of"))
    _page(pack, "liste-tab", "# Liste\n\n" + "".join("\t" * n + f"- nivå {n}\n" for n in range(1000)))
    faults.append(Fault("lists-tabs", "pages/liste-tab.md", body_line, "the limit is 200 000"))
    _page(pack, "uthevet", "# Uthevet\n\n" + "*a " * 3000 + "x" + " a*" * 3000 + "\n")
    faults.append(Fault("emphasis-3000", "pages/uthevet.md", body_line + 2, "a line of"))
    _page(pack, "uthevet-linjer", "# Uthevet\n\n" + "".join(f"*a{n}\n" for n in range(3000)))
    faults.append(Fault("emphasis-lines", "pages/uthevet-linjer.md", body_line + 2 + 200, "in one paragraph"))
    _page(pack, "sitat", "# Sitat\n\n" + ">" * 4000 + " dypt\n")
    faults.append(Fault("quotes-4000", "pages/sitat.md", body_line + 2, "nested more than"))
    (pack / "pages" / "latin1.md").write_bytes(page_text("latin1", "Latin", "# Bl\xe5\n").encode("latin-1"))
    faults.append(Fault("not-utf8", "pages/latin1.md", 1, "not UTF-8"))

    _page(pack, "usynlig", "# Usynlig\n\nRing \u202e211\u202c nå.\x1b]0;tittel\x07\n")
    faults.append(Fault("bidi-and-escape", "pages/usynlig.md", body_line + 2, "U+202E"))

    # YAML: an alias bomb and deep nesting, in front matter, a checklist and the synonyms.
    bomb = "\n".join(
        [f"a0: &a0 [{', '.join(['lol'] * 9)}]"]
        + [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]
    )
    write(pack / "pages" / "bombe.md", f"---\n{bomb}\nid: bombe\n---\n# Bombe\n")
    faults.append(Fault("alias-bomb-front-matter", "pages/bombe.md", 4, "aliases"))
    write(pack / "pages" / "dyp.md", "---\nid: dyp\nx: " + "[" * 20_000 + "]" * 20_000 + "\n---\n# Dyp\n")
    faults.append(Fault("deep-front-matter", "pages/dyp.md", 3, "nested more than"))
    write(pack / "checklists" / "dyp.yaml", "id: dyp\nsteps: " + "{a: " * 20_000 + "1" + "}" * 20_000 + "\n")
    faults.append(Fault("deep-checklist", "checklists/dyp.yaml", 2, "nested more than"))
    write(pack / "synonyms.yaml", "- [a, b]\n- &x [c, d]\n" + "".join(f"- [*x, *x, {n}]\n" for n in range(20)))
    faults.append(Fault("alias-synonyms", "synonyms.yaml", 11, "aliases"))

    # Checklists: a chain of 3,000 steps that loops back (lint must walk it without recursion), and one
    # that ends well (the wizard must count its steps without recursion).
    write(pack / "checklists" / "kjede.yaml", _chain_checklist(3000, loop=True))
    faults.append(Fault("chain-3000-loop", "checklists/kjede.yaml", 13 + 4 * 2999, "loop"))
    write(pack / "checklists" / "lang.yaml", _chain_checklist(3000, loop=False).replace("id: kjede", "id: lang"))

    # Contacts with links outside the allow-list.
    write(pack / "contacts.yaml", """
        - id: falsk
          name: Falsk kontakt
          helps_with: Ingenting
          verified: false
          web: "javascript:alert(1)"
        """)
    faults.append(Fault("contact-web", "contacts.yaml", 1, "web must be"))
    return content, faults
