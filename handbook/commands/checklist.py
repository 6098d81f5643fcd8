"""`checklist`: list the decision checklists, show one's steps and edges, or run one with answers."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
from typing import Any

from handbook.commands.walkable import add_list_show_run, dispatch, print_json
from handbook.core.checklist import (
    Checklist,
    ChecklistError,
    Summary,
    get_checklist,
    load_checklists,
    summary,
    summary_text,
    walk_answers,
)
from handbook.core.content import Handbook, load_handbook
from handbook.errors import Exit

NAME = "checklist"
HELP = "decision checklists: list them, show one (steps and edges), run one with answers (prints the summary)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_list_show_run(
        parser, dest="checklist_command", things="checklists", parts="a checklist's steps and edges",
        example="bekymring-barn", walk_option=("--answers", "-a"),
        run_help="walk a checklist with the given answers and print the summary",
        walk_help="answers to the questions in order, comma-separated: 1-based numbers or labels "
                  "(advice steps are passed on their own), e.g. 2,1,Ja",
    )


def run(args: argparse.Namespace) -> int:
    return dispatch(args, "checklist_command", {"list": _list, "show": _show, "run": _run})


def _list(args: argparse.Namespace) -> int:
    handbook = load_handbook(args.content, args.municipality)
    checklists, issues = load_checklists(handbook)
    errors = [i for i in issues if i.is_error]
    rows: list[dict[str, Any]] = [
        {
            "id": c.id,
            "title": c.title,
            "version": c.version,
            "reviewed": c.reviewed,
            "owner": c.owner,
            "audience": list(c.audience),
            "pack": c.pack,
            "steps": len(c.steps),
            "path": str(c.path),
        }
        for c in checklists.values()
    ]
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            reviewed = row["reviewed"].isoformat() if row["reviewed"] else "–"
            print(f"{row['id']:<22} {row['title']}  (versjon {row['version']}, gjennomgått {reviewed}, "
                  f"{row['pack']})")
    for issue in errors:
        print(issue, file=sys.stderr)
    return Exit.CONTENT_ERRORS if errors else Exit.OK


def _load(args: argparse.Namespace) -> tuple[Handbook, Checklist | None]:
    handbook = load_handbook(args.content, args.municipality)
    try:
        return handbook, get_checklist(handbook, args.id)
    except ChecklistError as exc:
        print(f"feil: {exc}", file=sys.stderr)
        return handbook, None


def checklist_json(checklist: Checklist) -> dict[str, Any]:
    """A checklist as plain data: fields, steps and the edges between them."""
    steps = []
    edges = []
    for step in checklist.steps:
        steps.append({
            "id": step.id,
            "type": step.type,
            "text": step.text,
            "help": step.help,
            "answers": [{"label": a.label, "next": a.next, "tags": list(a.tags)} for a in step.answers],
            "actions": [
                {"text": a.text, "basis": list(a.basis), "contacts": list(a.contacts), "pages": list(a.pages)}
                for a in step.actions
            ],
            "next": step.next,
            "tags": list(step.tags),
            "line": step.line,
        })
        for number, answer in enumerate(step.answers, 1):
            edges.append({"from": step.id, "to": answer.next, "answer": number, "label": answer.label})
        if step.type == "advice" and step.next:
            edges.append({"from": step.id, "to": step.next, "answer": None, "label": None})
    return {
        "id": checklist.id,
        "title": checklist.title,
        "version": checklist.version,
        "reviewed": checklist.reviewed,
        "owner": checklist.owner,
        "audience": list(checklist.audience),
        "description": checklist.description,
        "sources": list(checklist.sources),
        "pack": checklist.pack,
        "path": str(checklist.path),
        "start": checklist.start,
        "steps": steps,
        "edges": edges,
    }


def _show(args: argparse.Namespace) -> int:
    _, checklist = _load(args)
    if checklist is None:
        return Exit.CONTENT_ERRORS
    if args.json:
        print_json(checklist_json(checklist))
        return Exit.OK
    reviewed = checklist.reviewed.isoformat() if checklist.reviewed else "–"
    print(f"{checklist.title} ({checklist.id}, versjon {checklist.version}, gjennomgått {reviewed})")
    print(f"start: {checklist.start}\n")
    for step in checklist.steps:
        tags = f" ({', '.join(step.tags)})" if step.tags else ""
        print(f"[{step.id}] {step.type}{tags}: {step.text}")
        for number, answer in enumerate(step.answers, 1):
            tags = f" ({', '.join(answer.tags)})" if answer.tags else ""
            print(f"    {number}. {answer.label} → {answer.next}{tags}")
        for action in step.actions:
            print(f"    - {action.text}")
        if step.next:
            print(f"    → {step.next}")
    return Exit.OK


def summary_json(s: Summary) -> dict[str, Any]:
    """A summary as plain data, with its plain text."""
    data = dataclasses.asdict(s)
    data["complete"] = s.complete
    data["text"] = summary_text(s)
    return data


def _run(args: argparse.Namespace) -> int:
    handbook, checklist = _load(args)
    if checklist is None:
        return Exit.CONTENT_ERRORS
    tokens = [t.strip() for t in args.answers.split(",") if t.strip()]
    try:
        state = walk_answers(checklist, tokens)
    except ChecklistError as exc:
        print(f"feil: {exc}", file=sys.stderr)
        return Exit.USAGE
    result = summary(checklist, state, handbook, dt.date.today())
    if args.json:
        print_json(summary_json(result))
    else:
        print(summary_text(result), end="")
    return Exit.OK
