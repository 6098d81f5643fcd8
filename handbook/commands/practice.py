"""`practice`: list the practice cases, show one's stages and edges, or walk one with choices."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from handbook.commands.walkable import add_list_show_run, dispatch, print_json
from handbook.core.content import Handbook, load_handbook
from handbook.core.practice import (
    PracticeCase,
    PracticeError,
    PracticeState,
    get_case,
    labels_for,
    load_cases,
    walk_choices,
    walk_text,
)
from handbook.errors import Exit

NAME = "practice"
HELP = "practice cases: list them, show one (stages and edges), run one with choices (prints the walk)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_list_show_run(
        parser, dest="practice_command", things="practice cases", parts="a case's stages, options and edges",
        example="barnehage-koppen", walk_option=("--choices", "-c"),
        run_help="walk a case with the given choices and print each feedback",
        walk_help="the choice at each stage in order, comma-separated: 1-based numbers or labels, e.g. 2,1,3",
    )


def run(args: argparse.Namespace) -> int:
    return dispatch(args, "practice_command", {"list": _list, "show": _show, "run": _run})


def _list(args: argparse.Namespace) -> int:
    handbook = load_handbook(args.content, args.municipality)
    cases, issues = load_cases(handbook)
    errors = [i for i in issues if i.is_error]
    rows = [
        {"id": c.id, "title": c.title, "kind": c.kind, "service": c.service, "version": c.version,
         "reviewed": c.reviewed, "owner": c.owner, "audience": list(c.audience), "pack": c.pack,
         "stages": len(c.stages), "path": str(c.path)}
        for c in cases.values()
    ]
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            print(f"{row['id']:<26} {row['title']}  ({row['service']}, {row['kind']}, {row['pack']})")
    for issue in errors:
        print(issue, file=sys.stderr)
    return Exit.CONTENT_ERRORS if errors else Exit.OK


def _load(args: argparse.Namespace) -> tuple[Handbook, PracticeCase | None]:
    handbook = load_handbook(args.content, args.municipality)
    try:
        return handbook, get_case(handbook, args.id)
    except PracticeError as exc:
        print(f"feil: {exc}", file=sys.stderr)
        return handbook, None


def case_json(case: PracticeCase) -> dict[str, Any]:
    """A case as plain data: fields, stages and the edges between them."""
    stages = []
    edges = []
    for stage in case.stages:
        stages.append({
            "id": stage.id, "text": stage.text, "says": stage.says, "question": stage.question,
            "discuss": list(stage.discuss), "notes": stage.notes, "end": stage.end,
            "links": [str(link) for link in stage.links], "line": stage.line,
            "options": [
                {"label": o.label, "rating": o.rating, "reply": o.reply, "feedback": o.feedback,
                 "links": [str(link) for link in o.links], "next": o.next}
                for o in stage.options
            ],
        })
        for number, option in enumerate(stage.options, 1):
            edges.append({"from": stage.id, "to": option.next, "option": number, "label": option.label})
    return {
        "id": case.id, "title": case.title, "kind": case.kind, "service": case.service, "version": case.version,
        "reviewed": case.reviewed, "owner": case.owner, "audience": list(case.audience),
        "description": case.description, "facilitator": case.facilitator, "sources": list(case.sources),
        "pack": case.pack, "path": str(case.path), "start": case.start, "stages": stages, "edges": edges,
    }


def _show(args: argparse.Namespace) -> int:
    _, case = _load(args)
    if case is None:
        return Exit.CONTENT_ERRORS
    if args.json:
        print_json(case_json(case))
        return Exit.OK
    words = labels_for(case.language)
    print(f"{case.title} ({case.id}, {case.kind}, {words['version']} {case.version})")
    print(f"start: {case.start}\n")
    for stage in case.stages:
        print(f"[{stage.id}]{' (end)' if stage.end else ''} {stage.text}")
        if stage.says:
            print(f"    «{stage.says}»")
        for number, option in enumerate(stage.options, 1):
            print(f"    {number}. {option.label} [{option.rating}] → {option.next}")
    return Exit.OK


def walk_json(state: PracticeState, text: str) -> dict[str, Any]:
    """A walk as plain data: the picks with their feedback, the end and the plain text."""
    return {
        "id": state.case.id,
        "path": [
            {"stage": stage.id, "option": option.label, "rating": option.rating, "reply": option.reply,
             "feedback": option.feedback, "links": [str(link) for link in option.links], "next": option.next}
            for stage, option in state.path()
        ],
        "end": state.current,
        "outcome": state.stage.text,
        "text": text,
    }


def _run(args: argparse.Namespace) -> int:
    handbook, case = _load(args)
    if case is None:
        return Exit.CONTENT_ERRORS
    tokens = [t.strip() for t in args.choices.split(",") if t.strip()]
    try:
        state = walk_choices(case, tokens)
    except PracticeError as exc:
        print(f"feil: {exc}", file=sys.stderr)
        return Exit.USAGE
    text = walk_text(state, handbook)
    if args.json:
        print_json(walk_json(state, text))
    else:
        print(text, end="")
    return Exit.OK
