"""The rules a checklist keeps beyond its format: its graph (start, next, reachable, no loops, no dead
ends), its references into the handbook (basis, contacts, pages, facts, links) and its review date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from handbook.core.checklist.model import MAX_REPORTED, Checklist, Step
from handbook.core.checklist.reading import load_checklists
from handbook.core.content import Handbook
from handbook.core.facts import Facts, load_facts
from handbook.core.graph import leading_to_an_end, loops, reachable_from
from handbook.core.limits import markdown_problems
from handbook.core.links import classify_link, links_in_source
from handbook.core.review_policy import review_issues as _review_issues
from handbook.errors import Issue


def graph_issues(checklist: Checklist) -> list[Issue]:
    """Start, next ids, reachability, dead ends and loops."""
    path, steps = checklist.path, checklist.by_id
    found: list[Issue] = []

    def err(line: int, message: str) -> None:
        found.append(Issue(path, line, "error", message))

    if checklist.start and checklist.start not in steps:
        err(checklist.line_of("start"), f"start step '{checklist.start}' does not exist")
    for step in checklist.steps:
        if step.type == "question":
            for answer in step.answers:
                if answer.next and answer.next not in steps:
                    err(answer.line, f"answer '{answer.label}' of '{step.id}' leads to '{answer.next}', "
                                     "which is not a step")
        elif step.type == "advice" and step.next and step.next not in steps:
            err(step.next_line, f"advice '{step.id}' leads to '{step.next}', which is not a step")
    if checklist.start not in steps:
        return found
    def edges(step_id: str) -> list[tuple[int, str]]:
        return _edges(steps[step_id])

    reachable = reachable_from(checklist.start, edges, steps)
    for step in checklist.steps:
        if step.id not in reachable:
            err(step.line, f"step '{step.id}' cannot be reached from the start '{checklist.start}'")
    for line, cycle in loops((s.id for s in checklist.steps), edges, steps, reachable):
        err(line, f"loop: {' → '.join(cycle)} (a checklist must never come back to a step)")
    leads_to_end = leading_to_an_end((s.id for s in checklist.steps), edges,
                                     (s.id for s in checklist.steps if s.type == "end"))
    dead = [step for step in checklist.steps if step.id in reachable and step.id not in leads_to_end]
    for step in dead[:MAX_REPORTED]:
        err(step.line, f"dead end: step '{step.id}' never leads to an end")
    if len(dead) > MAX_REPORTED:
        err(dead[MAX_REPORTED].line, f"… and {len(dead) - MAX_REPORTED} more steps that never lead to an end")
    # A concrete ground (a disclosure, violence at home) never ends in «no duty to report».
    for step in checklist.steps:
        for answer in step.answers:
            if "concrete-ground" in answer.tags:
                for end_id in _ends_from(checklist, answer.next):
                    if "no-duty" in steps[end_id].tags:
                        err(answer.line, f"answer '{answer.label}' of '{step.id}' is a concrete ground "
                                         f"(tag concrete-ground) but can lead to '{end_id}', an end tagged no-duty")
    return found


def _ends_from(checklist: Checklist, step_id: str) -> list[str]:
    """The ends reachable from a step, in file order."""
    seen = reachable_from(step_id, lambda s: _edges(checklist.by_id[s]), checklist.by_id)
    return [s.id for s in checklist.steps if s.id in seen and s.type == "end"]


def _edges(step: Step) -> list[tuple[int, str]]:
    if step.type == "question":
        return [(a.line, a.next) for a in step.answers]
    if step.type == "advice" and step.next:
        return [(step.next_line, step.next)]
    return []


def reference_issues(checklist: Checklist, handbook: Handbook, facts: Facts | None = None) -> list[Issue]:
    """Basis, contact and page ids resolve (basis on duty pages); § and phone numbers are in the facts."""
    found: list[Issue] = []
    path = checklist.path
    for step in checklist.steps:
        for action in step.actions:
            line = action.line
            if not action.basis:
                found.append(Issue(path, line, "error",
                                   f"an action of '{step.id}' has no basis (cite at least one duty page)"))
            for page_id in action.basis:
                page = handbook.pages.get(page_id)
                if page is None:
                    found.append(Issue(path, line, "error", f"basis '{page_id}' is not a page"))
                elif page.kind != "duty":
                    found.append(Issue(path, line, "error",
                                       f"basis '{page_id}' is a {page.kind or 'page without kind'} page; "
                                       "the basis must be a duty page"))
            for contact_id in action.contacts:
                if contact_id not in handbook.contacts:
                    found.append(Issue(path, line, "error", f"contact '{contact_id}' does not exist"))
            for page_id in action.pages:
                if page_id not in handbook.pages:
                    found.append(Issue(path, line, "error", f"page '{page_id}' does not exist"))
    if facts is not None:
        for line, text in _texts(checklist):
            found += [Issue(path, line, "error", message) for message in facts.problems_in(text)]
    texts = [*_texts(checklist)]
    if checklist.description:
        texts.append((checklist.line_of("description"), checklist.description))
    for line, text in texts:
        for offset, message in markdown_problems(text):
            found.append(Issue(path, line + offset - 1, "error", f"text not shown as written: {message}"))
        for written in links_in_source(text, line):
            if written.image:
                found.append(Issue(path, written.line, "error", "images are not shown in checklists"))
                continue
            link = classify_link(written.raw)
            if not link.allowed:
                found.append(Issue(path, written.line, "error",
                                   f"link not allowed: {link.reason} (shown as plain text)"))
    return found


def _texts(checklist: Checklist) -> Iterator[tuple[int, str]]:
    for step in checklist.steps:
        yield step.line, step.text
        if step.help:
            yield step.line, step.help
        for answer in step.answers:
            yield answer.line, answer.label
        for action in step.actions:
            yield action.line, action.text


def review_issues(checklist: Checklist, today: dt.date) -> list[Issue]:
    """A review date in the future is an error; one more than 12 months old is a warning."""
    return _review_issues(checklist.path, checklist.line_of("reviewed"), checklist.reviewed, today)


def lint_checklists(handbook: Handbook, facts: Facts | None = None, today: dt.date | None = None) -> list[Issue]:
    """Problems in the handbook's checklists: format, graph, references, facts and review date, with path:line."""
    if facts is None:
        facts = load_facts(handbook.pack.path.parent.parent)
    today = today or dt.date.today()
    checklists, found = load_checklists(handbook)
    for checklist in checklists.values():
        found += graph_issues(checklist)
        found += reference_issues(checklist, handbook, facts)
        found += review_issues(checklist, today)
    return found

