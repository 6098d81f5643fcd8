"""`pack`: build, verify and compare signed content packs (for editors and IT).

    pack keygen --out DIR                                   a private key (publisher.key) and its .pub
    pack build --municipality ID --key PRIVATE --out DIR    a municipality's overlay (`--pack no` for a base)
    pack verify FILE --key PUBLIC [--key PUBLIC …]          exit 0 only when hashes, signature and lint pass
    pack diff OLD NEW                                       what changed between two versions
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from handbook.core.packfile import PackError, build_pack, describe_changes, diff_items, read_pack, verify_pack
from handbook.core.signing import generate_keys, load_public_key
from handbook.errors import Exit

NAME = "pack"
HELP = "build, verify and compare signed content packs"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="pack_command", metavar="keygen|build|verify|diff", required=True)
    keygen = sub.add_parser("keygen", help="write a new publisher key pair")
    keygen.add_argument("--out", type=Path, required=True, help="folder for publisher.key and publisher.pub")
    keygen.add_argument("--name", default="publisher", help="file name of the keys (default: publisher)")
    build = sub.add_parser("build", help="build a signed pack (refused when lint finds errors)")
    which = build.add_mutually_exclusive_group(required=True)
    which.add_argument("--municipality", "-m", help="the municipality whose overlay is packed")
    which.add_argument("--pack", help="a base pack (no, se)")
    build.add_argument("--key", type=Path, required=True, help="the publisher's private key")
    build.add_argument("--out", type=Path, required=True, help="folder the pack file is written to")
    build.add_argument("--previous", type=Path, help="the previous pack file (default: the newest in --out)")
    build.add_argument("--json", action="store_true", help="print the manifest as JSON")
    verify = sub.add_parser("verify", help="check a pack's signature, hashes and content")
    verify.add_argument("file", type=Path)
    verify.add_argument("--key", type=Path, action="append", required=True, help="a trusted public key (.pub)")
    diff = sub.add_parser("diff", help="what changed between two pack files")
    diff.add_argument("old", type=Path)
    diff.add_argument("new", type=Path)
    diff.add_argument("--json", action="store_true")


def _problems(exc: PackError) -> int:
    print(f"feil: {exc}", file=sys.stderr)
    for problem in exc.problems:
        print(f"  {problem}", file=sys.stderr)
    return Exit.CONTENT_ERRORS


def run(args: argparse.Namespace) -> int:
    try:
        if args.pack_command == "keygen":
            private, public = generate_keys(args.out, args.name)
            print(f"privat nøkkel: {private}  (hold den hemmelig; den signerer pakkene)")
            print(f"offentlig nøkkel: {public}  (legg den på hver PC som skal stole på pakkene)")
            return Exit.OK
        if args.pack_command == "build":
            path, manifest = build_pack(args.content, args.pack or args.municipality, args.key, args.out,
                                        previous=args.previous)
            if args.json:
                print(manifest.to_json().decode("utf-8"))
            else:
                print(f"bygget: {path}  ({manifest.label}, {len(manifest.files)} filer)")
                for line in describe_changes(manifest.changes, manifest.items):
                    print(f"  {line}")
            return Exit.OK
        if args.pack_command == "verify":
            keys = [load_public_key(path) for path in args.key]
            pack = verify_pack(args.file, keys, args.content)
            print(f"godkjent: {args.file}  ({pack.manifest.label}, bygget {pack.manifest.built})")
            return Exit.OK
        old, new = read_pack(args.old).manifest, read_pack(args.new).manifest
        changes = diff_items(old.items, new.items)
        if args.json:
            print(json.dumps({"old": old.label, "new": new.label, "changes": changes}, ensure_ascii=False, indent=2))
        else:
            print(f"{old.label} → {new.label}")
            for line in describe_changes(changes, new.items, old.items) or ["ingen endringer"]:
                print(f"  {line}")
        return Exit.OK
    except PackError as exc:
        return _problems(exc)
