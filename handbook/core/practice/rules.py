"""The rules a practice case keeps beyond its format: its graph (start, next, reachable, no loops, no dead
ends), its links into the handbook, the facts it cites and its review date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from handbook.core.content import Handbook
from handbook.core.facts import Facts, load_facts
from handbook.core.graph import leading_to_an_end, loops, reachable_from
from handbook.core.practice.model import Link, PracticeCase
from handbook.core.practice.reading import load_cases
from handbook.core.review_policy import review_issues as _review_issues
from handbook.errors import Issue


def graph_issues(case: PracticeCase) -> list[Issue]:
    """Start and next ids, reachability, loops and dead ends."""
    path, stages = case.path, case.by_id
    found: list[Issue] = []

    def err(line: int, message: str) -> None:
        found.append(Issue(path, line, "error", message))

    if case.start and case.start not in stages:
        err(case.line_of("start"), f"start stage '{case.start}' does not exist")
    for stage in case.stages:
        for option in stage.options:
            if option.next and option.next not in stages:
                err(option.line, f"option '{option.label}' of '{stage.id}' leads to '{option.next}', "
                                 "which is not a stage")
    if case.start not in stages:
        return found
    def edges(stage_id: str) -> list[tuple[int, str]]:
        return [(option.line, option.next) for option in stages[stage_id].options if option.next]

    reachable = reachable_from(case.start, edges, stages)
    for stage in case.stages:
        if stage.id not in reachable:
            err(stage.line, f"stage '{stage.id}' cannot be reached from the start '{case.start}'")
    for line, cycle in loops((s.id for s in case.stages), edges, stages, reachable):
        err(line, f"loop: {' → '.join(cycle)} (a case must never come back to a stage)")
    ends = leading_to_an_end((s.id for s in case.stages), edges, (s.id for s in case.stages if s.end))
    for stage in case.stages:
        if stage.id in reachable and stage.id not in ends and stage.options:
            err(stage.line, f"dead end: stage '{stage.id}' never leads to an end")
    return found


def _link_exists(link: Link, handbook: Handbook) -> bool:
    if link.kind == "page":
        return link.target in handbook.pages
    if link.kind == "contact":
        return link.target in handbook.contacts
    return link.target in handbook.checklist_paths


def _texts(case: PracticeCase) -> Iterator[tuple[int, str]]:
    for key, value in (("title", case.title), ("description", case.description),
                       ("facilitator", case.facilitator)):
        if value:
            yield case.line_of(key), value
    for stage in case.stages:
        for text in (stage.text, stage.says, stage.question, stage.notes, *stage.discuss):
            if text:
                yield stage.line, text
        for option in stage.options:
            for text in (option.label, option.feedback, option.reply):
                if text:
                    yield option.line, text


def reference_issues(case: PracticeCase, handbook: Handbook, facts: Facts | None = None) -> list[Issue]:
    """Every link resolves in the municipality's handbook; § and phone numbers are in the facts."""
    found: list[Issue] = []
    for stage in case.stages:
        places = [(stage.line, stage.links)] + [(o.line, o.links) for o in stage.options]
        for line, links in places:
            for link in links:
                if not _link_exists(link, handbook):
                    found.append(Issue(case.path, line, "error", f"broken link: no {link.kind} '{link.target}'"))
    if facts is not None:
        for line, text in _texts(case):
            found += [Issue(case.path, line, "error", message) for message in facts.problems_in(text)]
    return found


def review_issues(case: PracticeCase, today: dt.date) -> list[Issue]:
    """A review date in the future is an error; one more than 12 months old is a warning."""
    return _review_issues(case.path, case.line_of("reviewed"), case.reviewed, today)


def lint_practice(handbook: Handbook, facts: Facts | None = None, today: dt.date | None = None) -> list[Issue]:
    """Problems in the handbook's practice cases: format, graph, links, facts and review date, with path:line."""
    if facts is None:
        facts = load_facts(handbook.pack.path.parent.parent)
    today = today or dt.date.today()
    cases, found = load_cases(handbook)
    for case in cases.values():
        found += graph_issues(case)
        found += reference_issues(case, handbook, facts)
        found += review_issues(case, today)
    return found


