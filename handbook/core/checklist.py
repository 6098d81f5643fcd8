"""Decision checklists: the YAML format, its lint, a pure walk and the summary of a walk.

A checklist is content (`content/packs/<pack>/checklists/<id>.yaml`) with three kinds of steps:
questions (answers lead to next steps), advice (text and actions, then one next step) and ends (an
outcome with at least one action). Walking is pure: an immutable `WalkState` goes in, a new one comes
out, and nothing about a walk is stored anywhere. No Qt here.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from handbook.core.content import (
    AUDIENCES,
    ID_PATTERN,
    ContentLoader,
    Handbook,
    as_date,
    yaml_error_line,
)
from handbook.core.facts import Facts, load_facts
from handbook.core.limits import markdown_problems, read_bounded_text
from handbook.core.links import classify_link, inline_plain, links_in_source
from handbook.core.reader import short_name
from handbook.errors import HandbookError, Issue

STEP_TYPES = ("question", "advice", "end")
MAX_REPORTED = 20  # of one kind of graph problem, so a broken chain of thousands of steps stays readable
MAX_ANSWERS = 9  # number keys 1–9 choose an answer in the wizard
REQUIRED_FIELDS = ("id", "title", "version", "reviewed", "owner", "audience", "sources", "start", "steps")
TOP_FIELDS = (*REQUIRED_FIELDS, "description")
STEP_FIELDS: dict[str, tuple[str, ...]] = {
    "question": ("type", "text", "help", "answers"),
    "advice": ("type", "text", "help", "actions", "next"),
    "end": ("type", "text", "help", "actions", "tags"),
}
ANSWER_FIELDS = ("label", "next", "tags")
# Machine-readable marks that tests and lint check (docs/content-format.md, «Merker»):
# an answer that is a disclosure or violence at home is a concrete ground, and no walk through it may
# end in an end that says there is no duty to report.
ANSWER_TAGS = ("concrete-ground",)
END_TAGS = ("no-duty",)
ACTION_FIELDS = ("text", "basis", "contacts", "pages")


class ChecklistError(HandbookError):
    """A walk went wrong: an answer that does not exist, or a checklist that cannot be walked."""


# ---------------------------------------------------------------------------- the format


@dataclass(frozen=True)
class Answer:
    """One answer to a question and the step it leads to."""

    label: str
    next: str
    line: int = 1
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Action:
    """Something to do, with its legal basis (duty page ids), contacts and further reading."""

    text: str
    basis: tuple[str, ...] = ()
    contacts: tuple[str, ...] = ()
    pages: tuple[str, ...] = ()
    line: int = 1


@dataclass(frozen=True)
class Step:
    """A question, an advice or an end."""

    id: str
    type: str
    text: str
    help: str | None = None
    answers: tuple[Answer, ...] = ()
    actions: tuple[Action, ...] = ()
    next: str | None = None
    line: int = 1
    next_line: int = 1
    tags: tuple[str, ...] = ()

    @property
    def targets(self) -> tuple[str, ...]:
        """The ids of the steps this step leads to."""
        if self.type == "question":
            return tuple(a.next for a in self.answers)
        if self.type == "advice" and self.next:
            return (self.next,)
        return ()


@dataclass(frozen=True)
class Checklist:
    """A loaded checklist. `steps` keeps the file's order."""

    id: str
    title: str
    version: str
    reviewed: dt.date | None
    owner: str
    audience: tuple[str, ...]
    sources: tuple[str, ...]
    start: str
    steps: tuple[Step, ...]
    path: Path = Path()
    pack: str = ""
    description: str | None = None
    field_lines: tuple[tuple[str, int], ...] = field(default=(), compare=False, repr=False)

    @cached_property
    def by_id(self) -> Mapping[str, Step]:
        """The steps by id."""
        return {s.id: s for s in self.steps}

    def step(self, step_id: str) -> Step:
        """The step with this id (ChecklistError when there is none)."""
        try:
            return self.by_id[step_id]
        except KeyError:
            raise ChecklistError(f"checklist '{self.id}' has no step '{step_id}'") from None

    def line_of(self, key: str) -> int:
        """The line of a top-level field (1 when missing)."""
        return dict(self.field_lines).get(key, 1)


# ---------------------------------------------------------------------------- reading


class _Lines:
    """1-based lines of every key and sequence item of a YAML document, by path."""

    def __init__(self, node: yaml.Node | None) -> None:
        self.lines: dict[tuple[Any, ...], int] = {}
        self.duplicates: list[tuple[tuple[Any, ...], int]] = []
        if node is not None:
            self._walk(node, ())

    def _walk(self, node: yaml.Node, path: tuple[Any, ...]) -> None:
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in node.value:
                name = str(key.value) if isinstance(key, yaml.ScalarNode) else "?"
                line = key.start_mark.line + 1
                if name in seen:
                    self.duplicates.append(((*path, name), line))
                seen.add(name)
                self.lines[(*path, name)] = line
                self._walk(value, (*path, name))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                self.lines[(*path, index)] = item.start_mark.line + 1
                self._walk(item, (*path, index))

    def at(self, *path: Any) -> int:
        """The line of `path`, or of its nearest ancestor that has one."""
        for end in range(len(path), 0, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return 1


def _strs(value: Any) -> tuple[str, ...] | None:
    """A list of strings as a tuple (None when it is not a list of scalars)."""
    if value is None:
        return ()
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return tuple(str(v) for v in value)
    return None


def _text(value: Any) -> str | None:
    if isinstance(value, (str, int, float)) and str(value).strip():
        return str(value).strip()
    return None


class _Reader:
    """Turns parsed YAML into a `Checklist`, recording every structural problem with its line."""

    def __init__(self, path: Path, lines: _Lines) -> None:
        self.path = path
        self.lines = lines
        self.issues: list[Issue] = []

    def error(self, message: str, *where: Any) -> None:
        self.issues.append(Issue(self.path, self.lines.at(*where), "error", message))

    def _unknown_fields(self, data: dict[Any, Any], allowed: Sequence[str], what: str, *where: Any) -> None:
        for key in data:
            if str(key) not in allowed:
                self.error(f"unknown field '{key}' in {what} (allowed: {', '.join(allowed)})", *where, str(key))

    def tags(self, data: dict[Any, Any], allowed: Sequence[str], what: str, *where: Any) -> tuple[str, ...]:
        value = _strs(data.get("tags"))
        if value is None:
            self.error(f"'tags' of {what} must be a list, e.g. [{allowed[0]}]", *where, "tags")
            return ()
        for tag in value:
            if tag not in allowed:
                self.error(f"unknown tag '{tag}' on {what} (allowed: {', '.join(allowed)})", *where, "tags")
        return value

    def action(self, data: Any, where: tuple[Any, ...]) -> Action | None:
        if not isinstance(data, dict):
            self.error("an action must be a mapping with text, basis, contacts, pages", *where)
            return None
        self._unknown_fields(data, ACTION_FIELDS, "an action", *where)
        text = _text(data.get("text"))
        if text is None:
            self.error("action lacks 'text'", *where)
        lists: dict[str, tuple[str, ...]] = {}
        for key in ("basis", "contacts", "pages"):
            value = _strs(data.get(key))
            if value is None:
                self.error(f"'{key}' must be a list of ids, e.g. [{key}-id]", *where, key)
                value = ()
            lists[key] = value
        return Action(text or "", lists["basis"], lists["contacts"], lists["pages"], self.lines.at(*where))

    def step(self, step_id: str, data: Any) -> Step | None:
        where = ("steps", step_id)
        if not ID_PATTERN.match(step_id):
            self.error(f"step id '{step_id}' may hold only a-z, 0-9 and '-'", *where)
        if not isinstance(data, dict):
            self.error(f"step '{step_id}' must be a mapping (type, text, …)", *where)
            return None
        kind = _text(data.get("type"))
        if kind is None:
            self.error(f"step '{step_id}' lacks 'type' (one of: {', '.join(STEP_TYPES)})", *where)
            return None
        if kind not in STEP_TYPES:
            self.error(f"step '{step_id}': unknown step type '{kind}' (one of: {', '.join(STEP_TYPES)})",
                       *where, "type")
            return None
        self._unknown_fields(data, STEP_FIELDS[kind], f"{kind} step '{step_id}'", *where)
        text = _text(data.get("text"))
        if text is None:
            self.error(f"step '{step_id}' lacks 'text'", *where)
        help_text = _text(data.get("help"))
        answers: list[Answer] = []
        actions: list[Action] = []
        next_id: str | None = None
        if kind == "question":
            raw = data.get("answers")
            if not isinstance(raw, list) or not raw:
                self.error(f"question '{step_id}' lacks 'answers' (a list of label and next)", *where)
                raw = []
            elif len(raw) < 2:
                self.error(f"question '{step_id}' needs at least two answers (use an advice step for one)",
                           *where, "answers")
            elif len(raw) > MAX_ANSWERS:
                self.error(f"question '{step_id}' has {len(raw)} answers; at most {MAX_ANSWERS}", *where, "answers")
            labels: set[str] = set()
            for index, item in enumerate(raw):
                at = (*where, "answers", index)
                if not isinstance(item, dict):
                    self.error(f"an answer of '{step_id}' must be a mapping with label and next", *at)
                    continue
                self._unknown_fields(item, ANSWER_FIELDS, f"an answer of '{step_id}'", *at)
                label, target = _text(item.get("label")), _text(item.get("next"))
                if label is None:
                    self.error(f"an answer of '{step_id}' lacks 'label'", *at)
                elif label.lower() in labels:
                    self.error(f"question '{step_id}' has the answer '{label}' twice", *at)
                if target is None:
                    self.error(f"answer '{label or index + 1}' of '{step_id}' lacks 'next'", *at)
                if label is not None:
                    labels.add(label.lower())
                tags = self.tags(item, ANSWER_TAGS, f"an answer of '{step_id}'", *at)
                answers.append(Answer(label or "", target or "", self.lines.at(*at), tags))
        else:
            raw_actions = data.get("actions")
            if raw_actions is None:
                raw_actions = []
            if not isinstance(raw_actions, list):
                self.error(f"'actions' of '{step_id}' must be a list", *where, "actions")
                raw_actions = []
            for index, item in enumerate(raw_actions):
                action = self.action(item, (*where, "actions", index))
                if action is not None:
                    actions.append(action)
            if kind == "end" and not raw_actions:
                self.error(f"end '{step_id}' has no action (an end needs at least one)", *where)
            if kind == "advice":
                next_id = _text(data.get("next"))
                if next_id is None:
                    self.error(f"advice '{step_id}' lacks 'next'", *where)
        tags = self.tags(data, END_TAGS, f"end '{step_id}'", *where) if kind == "end" else ()
        return Step(step_id, kind, text or "", help_text, tuple(answers), tuple(actions), next_id,
                    self.lines.at(*where), self.lines.at(*where, "next"), tags)

    def checklist(self, data: Any, pack: str) -> Checklist | None:
        if not isinstance(data, dict):
            self.error("a checklist must be a mapping (id, title, version, …, start, steps)")
            return None
        self._unknown_fields(data, TOP_FIELDS, "the checklist")
        for key in REQUIRED_FIELDS:
            if data.get(key) in (None, "", [], {}):
                self.error(f"missing field '{key}'", key)
        checklist_id = _text(data.get("id")) or self.path.stem
        if "id" in data and checklist_id != self.path.stem:
            self.error(f"id '{checklist_id}' must equal the file name '{self.path.stem}'", "id")
        if not ID_PATTERN.match(checklist_id):
            self.error(f"id '{checklist_id}' may hold only a-z, 0-9 and '-'", "id")
        reviewed = as_date(data.get("reviewed"))
        if data.get("reviewed") and reviewed is None:
            self.error("reviewed must be an ISO date, e.g. 2026-11-23", "reviewed")
        audience = _strs(data.get("audience"))
        if audience is None or ("audience" in data and not isinstance(data.get("audience"), list)):
            self.error("audience must be a list, e.g. [children, adults]", "audience")
            audience = ()
        for value in audience:
            if value not in AUDIENCES:
                self.error(f"unknown audience '{value}' (one of: {', '.join(AUDIENCES)})", "audience")
        sources = _strs(data.get("sources"))
        if sources is None or ("sources" in data and not isinstance(data.get("sources"), list)):
            self.error("sources must be a list", "sources")
            sources = ()
        owner = _text(data.get("owner")) or ""
        if owner and ("@" in owner or any(ch.isdigit() for ch in owner)):
            self.error("owner must be a role, not a person or an address", "owner")
        raw_steps = data.get("steps")
        steps: list[Step] = []
        if raw_steps not in (None, "", {}) and not isinstance(raw_steps, dict):
            self.error("steps must be a mapping of step id → step", "steps")
        elif isinstance(raw_steps, dict):
            for key, value in raw_steps.items():
                step = self.step(str(key), value)
                if step is not None:
                    steps.append(step)
        for (path, line) in self.lines.duplicates:
            what = "step id" if len(path) == 2 and path[0] == "steps" else "key"
            self.issues.append(Issue(self.path, line, "error", f"duplicate {what} '{path[-1]}'"))
        start = _text(data.get("start")) or ""
        return Checklist(
            id=checklist_id,
            title=_text(data.get("title")) or checklist_id,
            version=_text(data.get("version")) or "",
            reviewed=reviewed,
            owner=owner,
            audience=audience,
            sources=sources,
            start=start,
            steps=tuple(steps),
            path=self.path,
            pack=pack,
            description=_text(data.get("description")),
            field_lines=tuple((k[0], v) for k, v in self.lines.lines.items() if len(k) == 1),
        )


def parse_checklist(text: str, path: Path, pack: str = "") -> tuple[Checklist | None, list[Issue]]:
    """Parse checklist YAML; return the checklist (None when unusable) and its structural issues."""
    loader = None
    try:
        loader = ContentLoader(text)  # one parse: the node tree gives the lines, the same tree the data
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        msg = str(getattr(exc, "problem", None) or exc).strip()
        return None, [Issue(path, yaml_error_line(exc), "error", f"invalid YAML: {msg}")]
    finally:
        if loader is not None:
            loader.dispose()
    reader = _Reader(path, _Lines(node))
    checklist = reader.checklist(data, pack)
    return checklist, reader.issues


def load_checklist(path: Path, pack: str = "") -> tuple[Checklist | None, list[Issue]]:
    """Read one checklist file; problems come back as issues with path and line, never raised."""
    try:
        text = read_bounded_text(path)
    except UnicodeDecodeError:
        return None, [Issue(path, 1, "error", "cannot read checklist: not UTF-8 text")]
    except OSError as exc:
        return None, [Issue(path, 1, "error", f"cannot read checklist: {exc.strerror or exc}")]
    return parse_checklist(text, path, pack)


def _pack_of(handbook: Handbook, path: Path) -> str:
    for info in handbook.packs:
        if info.path in path.parents:
            return info.id
    return ""


def load_checklists(handbook: Handbook) -> tuple[dict[str, Checklist], list[Issue]]:
    """Every checklist the municipality reads (local ones replace the base's), and the reading issues."""
    found: dict[str, Checklist] = {}
    issues: list[Issue] = []
    for checklist_id, path in sorted(handbook.checklist_paths.items()):
        checklist, problems = load_checklist(path, _pack_of(handbook, path))
        issues += problems
        if checklist is not None:
            found[checklist_id] = checklist
    return found, issues


# ---------------------------------------------------------------------------- validation


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
    reachable: set[str] = set()
    todo = [checklist.start]
    while todo:
        current = todo.pop()
        if current in reachable or current not in steps:
            continue
        reachable.add(current)
        todo.extend(steps[current].targets)
    for step in checklist.steps:
        if step.id not in reachable:
            err(step.line, f"step '{step.id}' cannot be reached from the start '{checklist.start}'")
    # Loops: a depth-first search with its own stack (a chain of thousands of steps must not recurse);
    # the edge back to a step on the current path closes a cycle.
    state: dict[str, int] = {}  # 1 on the path, 2 done
    for first in checklist.steps:
        if first.id in state or first.id not in reachable:
            continue
        trail: list[str] = [first.id]
        position = {first.id: 0}
        stack = [iter(_edges(steps[first.id]))]
        state[first.id] = 1
        while stack:
            edge = next(stack[-1], None)
            if edge is None:
                stack.pop()
                done = trail.pop()
                del position[done]
                state[done] = 2
                continue
            answer_line, target = edge
            if target not in steps:
                continue
            if state.get(target) == 1:
                cycle = [*trail[position[target]:], target]
                if len(cycle) > 12:
                    cycle = [*cycle[:5], "…", *cycle[-5:]]
                err(answer_line, f"loop: {' → '.join(cycle)} (a checklist must never come back to a step)")
            elif target not in state:
                state[target] = 1
                position[target] = len(trail)
                trail.append(target)
                stack.append(iter(_edges(steps[target])))
    # Dead ends: a step from which no end can be reached.
    # Walk the edges backwards from every end (linear: a chain of thousands of steps stays quick).
    sources: dict[str, list[str]] = {}
    for step in checklist.steps:
        for target in step.targets:
            sources.setdefault(target, []).append(step.id)
    leads_to_end = {s.id for s in checklist.steps if s.type == "end"}
    todo = list(leads_to_end)
    while todo:
        for source in sources.get(todo.pop(), ()):
            if source not in leads_to_end:
                leads_to_end.add(source)
                todo.append(source)
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
    seen: set[str] = set()
    todo = [step_id]
    while todo:
        current = todo.pop()
        if current in seen or current not in checklist.by_id:
            continue
        seen.add(current)
        todo.extend(checklist.by_id[current].targets)
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


REVIEW_DAYS = 365


def review_issues(checklist: Checklist, today: dt.date) -> list[Issue]:
    """A review date in the future is an error; one more than 12 months old is a warning."""
    if checklist.reviewed is None:
        return []
    line = checklist.line_of("reviewed")
    if checklist.reviewed > today:
        return [Issue(checklist.path, line, "error", f"reviewed date {checklist.reviewed} is in the future")]
    if (today - checklist.reviewed).days > REVIEW_DAYS:
        return [Issue(checklist.path, line, "warning",
                      f"last reviewed {checklist.reviewed}: more than 12 months ago, due for the yearly review")]
    return []


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


def get_checklist(handbook: Handbook, checklist_id: str) -> Checklist:
    """A checklist ready to walk. HandbookError when unknown; ChecklistError when its format or graph is broken.

    Unresolved page or contact ids do not stop a walk: the summary shows them as unknown.
    """
    path = handbook.checklist_paths.get(checklist_id)
    if path is None:
        known = ", ".join(sorted(handbook.checklist_paths)) or "ingen"
        raise HandbookError(f"ukjent sjekkliste '{checklist_id}' (finnes: {known})")
    checklist, issues = load_checklist(path, _pack_of(handbook, path))
    if checklist is not None:
        issues += graph_issues(checklist)
    errors = [i for i in issues if i.is_error]
    if checklist is None or errors:
        lines = "\n".join(str(i) for i in errors)
        raise ChecklistError(f"sjekklisten '{checklist_id}' har feil og kan ikke brukes:\n{lines}")
    return checklist


# ---------------------------------------------------------------------------- walking


@dataclass(frozen=True)
class Choice:
    """A step left behind: the answer chosen (0-based), or None for an advice step's «continue»."""

    step_id: str
    index: int | None


@dataclass(frozen=True)
class WalkState:
    """Where a walk is: the current step and the choices that led there. Immutable."""

    checklist: Checklist = field(compare=False, repr=False)
    checklist_id: str
    current: str
    taken: tuple[Choice, ...] = ()

    @property
    def step(self) -> Step:
        return self.checklist.step(self.current)

    @property
    def finished(self) -> bool:
        """True at an end."""
        return self.step.type == "end"

    @property
    def position(self) -> int:
        """The 1-based number of the current step on the path."""
        return len(self.taken) + 1

    @property
    def can_go_back(self) -> bool:
        return bool(self.taken)


def start(checklist: Checklist) -> WalkState:
    """A new walk at the checklist's start."""
    return WalkState(checklist, checklist.id, checklist.start)


def answer(state: WalkState, index: int) -> WalkState:
    """Choose answer `index` (0-based) of the current question, or continue (0) from an advice step."""
    step = state.step
    if step.type == "end":
        raise ChecklistError(f"step '{step.id}' is an end: there is nothing to answer")
    if step.type == "advice":
        if index != 0 or not step.next:
            raise ChecklistError(f"advice '{step.id}' has only one way on (answer 0)")
        target, chosen = step.next, None
    else:
        if not 0 <= index < len(step.answers):
            raise ChecklistError(
                f"step '{step.id}' («{step.text}») has no answer {index + 1}; "
                f"choose 1–{len(step.answers)}: {', '.join(a.label for a in step.answers)}"
            )
        target, chosen = step.answers[index].next, index
    state.checklist.step(target)  # raises for a broken next
    return replace(state, current=target, taken=(*state.taken, Choice(step.id, chosen)))


def proceed(state: WalkState) -> WalkState:
    """Continue from an advice step."""
    return answer(state, 0)


def back(state: WalkState) -> WalkState:
    """The state before the last choice (unchanged at the start)."""
    if not state.taken:
        return state
    last = state.taken[-1]
    return replace(state, current=last.step_id, taken=state.taken[:-1])


def restart(state: WalkState) -> WalkState:
    """A fresh walk of the same checklist."""
    return start(state.checklist)


def resolve_answer(step: Step, token: str) -> int:
    """A 1-based number or an answer label (case-insensitive) → 0-based answer index."""
    text = token.strip()
    if step.type != "question":
        raise ChecklistError(f"step '{step.id}' is not a question")
    if text.isdigit() and 1 <= int(text) <= len(step.answers):
        return int(text) - 1
    for index, option in enumerate(step.answers):
        if option.label.casefold() == text.casefold():
            return index
    options = "; ".join(f"{i + 1} = {a.label}" for i, a in enumerate(step.answers))
    raise ChecklistError(f"ugyldig svar '{text}' på steg '{step.id}' («{step.text}»). Velg {options}")


def skip_advice(state: WalkState) -> WalkState:
    """Continue past advice steps until a question or an end."""
    while state.step.type == "advice":
        state = proceed(state)
    return state


def walk_answers(checklist: Checklist, tokens: Iterable[str]) -> WalkState:
    """Walk with answers to the questions in order (numbers or labels), passing advice steps on the way."""
    state = skip_advice(start(checklist))
    for token in tokens:
        if state.finished:
            raise ChecklistError(f"for mange svar: sjekklisten endte ved steg '{state.current}' før svaret '{token}'")
        state = skip_advice(answer(state, resolve_answer(state.step, token)))
    if not state.finished:
        step = state.step
        options = "; ".join(f"{i + 1} = {a.label}" for i, a in enumerate(step.answers))
        raise ChecklistError(f"svarene sluttet ved steg '{step.id}' («{step.text}»). Svar videre: {options}")
    return state


def every_walk(checklist: Checklist) -> Iterator[WalkState]:
    """Every complete walk from the start to an end (advice steps passed), depth first."""
    todo = [start(checklist)]
    while todo:
        state = skip_advice(todo.pop())
        if state.current in {c.step_id for c in state.taken}:
            raise ChecklistError(f"checklist '{checklist.id}' loops back to step '{state.current}'")
        if state.finished:
            yield state
            continue
        for index in reversed(range(len(state.step.answers))):
            todo.append(answer(state, index))


def steps_left(checklist: Checklist, step_id: str) -> int:
    """The most steps a walk from `step_id` can still show, counting it and the end."""
    steps = checklist.by_id
    memo: dict[str, int] = {}
    on_path: set[str] = set()
    if step_id not in steps:
        return 0
    stack: list[tuple[str, bool]] = [(step_id, False)]  # its own stack: long chains must not recurse
    while stack:
        current, expanded = stack.pop()
        if expanded:
            on_path.discard(current)
            targets = [t for t in steps[current].targets if t in steps]
            memo[current] = 1 + max((memo.get(t, 0) for t in targets), default=0)
            continue
        if current in memo or current in on_path:
            continue  # a step on the current path (a loop) counts as nothing more
        on_path.add(current)
        stack.append((current, True))
        stack.extend((t, False) for t in steps[current].targets if t in steps and t not in memo)
    return memo.get(step_id, 0)


# ---------------------------------------------------------------------------- the summary


@dataclass(frozen=True)
class ContactLine:
    """A contact as the summary shows it."""

    id: str
    name: str
    phone: str | None
    hours: str | None
    verified: bool
    known: bool = True
    note: str | None = None
    fallback: ContactLine | None = None  # a verified national number while this one has none


@dataclass(frozen=True)
class LegalBasis:
    """A duty page, its main law and section (`citation`) and every law-citing source in full (`laws`)."""

    page_id: str
    title: str
    citation: str
    laws: tuple[str, ...]
    known: bool = True


@dataclass(frozen=True)
class PageLink:
    """A page to read, by id and title."""

    id: str
    title: str
    known: bool = True


@dataclass(frozen=True)
class SummaryAction:
    """An action in the order met, with its legal basis, contacts and pages."""

    step_id: str
    text: str
    basis: tuple[LegalBasis, ...]
    contacts: tuple[ContactLine, ...]
    pages: tuple[PageLink, ...]


@dataclass(frozen=True)
class PathEntry:
    """A question and the answer given."""

    step_id: str
    question: str
    answer: str


@dataclass(frozen=True)
class Summary:
    """What a walk amounts to. Holds no personal data: only the checklist's own text."""

    checklist_id: str
    title: str
    version: str
    reviewed: dt.date | None
    date: dt.date
    municipality: str
    language: str
    path: tuple[PathEntry, ...]
    outcome: str | None
    actions: tuple[SummaryAction, ...]

    @property
    def complete(self) -> bool:
        return self.outcome is not None

    @property
    def bases(self) -> tuple[LegalBasis, ...]:
        """Every duty page cited, once each, in the order first met."""
        seen: dict[str, LegalBasis] = {}
        for action in self.actions:
            for item in action.basis:
                seen.setdefault(item.page_id, item)
        return tuple(seen.values())


_LAW_WORD = re.compile(r"§|\bkap\.|\bHSLF-FS\b|\b\w*(?:lov|lova|loven|lag|lagen|balken)\b", re.IGNORECASE)


# A law's name first: «Barnevernsloven § 13-2», «Helse- og omsorgstjenesteloven § 3-3 a», «Socialtjänstlag (…)».
_NAMES_A_LAW = re.compile(r"^(?:\w+- og )?[\w-]*(?:lov|lova|loven|lag|lagen|balken)\b", re.IGNORECASE)


def legal_citations(sources: Iterable[str]) -> tuple[str, ...]:
    """The sources that cite a law or a section (all sources when none does)."""
    items = tuple(sources)
    laws = tuple(s for s in items if _LAW_WORD.search(s.replace("lagen.nu", "")))
    return laws or items


def short_citation(source: str) -> str:
    """A source without its trailing «(where it was found)»: `Barnevernsloven § 13-2 (regjeringen.no …)` →
    `Barnevernsloven § 13-2`."""
    text = source.strip()
    if text.endswith(")"):
        depth = 0
        for index in range(len(text) - 1, -1, -1):
            depth += {")": 1, "(": -1}.get(text[index], 0)
            if depth == 0:
                if text[:index].strip():
                    text = text[:index]
                break
    return text.strip().rstrip(",;:–- ").strip()


_OLD_LAW = re.compile(r"äldre lag(?:en)?|eldre lov(?:en)?|opphevet|upphävd", re.IGNORECASE)


def main_citation(sources: Iterable[str]) -> str:
    """The law and section a duty page rests on: its first source that starts with a law's name,
    preferring a law in force over one marked as the older law."""
    laws = legal_citations(sources)
    named = [s for s in laws if _NAMES_A_LAW.match(s.strip())] or list(laws)
    current = [s for s in named if not _OLD_LAW.search(s)]
    if not named:
        return ""
    chosen = (current or named)[0]
    text = short_citation(chosen)
    marker = _OLD_LAW.search(chosen)
    if marker and not _OLD_LAW.search(text):
        text += f" ({marker.group(0)})"
    return text


def _contact_line(handbook: Handbook, contact_id: str) -> ContactLine:
    contact = handbook.contacts.get(contact_id)
    if contact is None:
        return ContactLine(contact_id, contact_id, None, None, False, known=False)
    national = handbook.fallback_for(contact)
    fallback = None if national is None else ContactLine(
        national.id, short_name(national), national.phone, national.hours, national.verified)
    return ContactLine(contact.id, contact.name, contact.phone, contact.hours, contact.verified,
                       note=None if contact.phone else contact.note, fallback=fallback)


def _basis(handbook: Handbook, page_id: str) -> LegalBasis:
    page = handbook.pages.get(page_id)
    if page is None:
        return LegalBasis(page_id, page_id, "", (), known=False)
    return LegalBasis(page.id, page.title, main_citation(page.sources), legal_citations(page.sources))


def _page(handbook: Handbook, page_id: str) -> PageLink:
    page = handbook.pages.get(page_id)
    return PageLink(page_id, page.title, True) if page else PageLink(page_id, page_id, False)


def step_actions(step: Step, handbook: Handbook) -> tuple[SummaryAction, ...]:
    """A step's actions with their legal basis, contacts and pages looked up in the handbook."""
    return tuple(
        SummaryAction(
            step_id=step.id,
            text=action.text,
            basis=tuple(_basis(handbook, p) for p in action.basis),
            contacts=tuple(_contact_line(handbook, c) for c in action.contacts),
            pages=tuple(_page(handbook, p) for p in action.pages),
        )
        for action in step.actions
    )


def summary(checklist: Checklist, state: WalkState, handbook: Handbook, today: dt.date) -> Summary:
    """The path taken, the actions met in order with their legal basis and contacts, and the date."""
    path: list[PathEntry] = []
    actions: list[SummaryAction] = []
    visited = [c.step_id for c in state.taken] + [state.current]
    for choice in state.taken:
        step = checklist.step(choice.step_id)
        if step.type == "question" and choice.index is not None:
            path.append(PathEntry(step.id, inline_plain(step.text), inline_plain(step.answers[choice.index].label)))
    for step_id in visited:
        actions.extend(step_actions(checklist.step(step_id), handbook))
    end = checklist.step(state.current)
    return Summary(
        checklist_id=checklist.id,
        title=checklist.title,
        version=checklist.version,
        reviewed=checklist.reviewed,
        date=today,
        municipality=handbook.pack.name,
        language=handbook.language,
        path=tuple(path),
        outcome=end.text if end.type == "end" else None,
        actions=tuple(actions),
    )


LABELS: dict[str, dict[str, str]] = {
    "nb": {
        "checklist": "Sjekkliste",
        "version": "versjon",
        "reviewed": "gjennomgått",
        "municipality": "Kommune",
        "date": "Dato",
        "path": "Svarene underveis",
        "outcome": "Resultat",
        "unfinished": "Sjekklisten er ikke gått til ende.",
        "actions": "Dette gjør du, i denne rekkefølgen",
        "basis": "Grunnlag",
        "contacts": "Kontakt",
        "pages": "Les mer",
        "laws": "Lovgrunnlag og kilder",
        "unverified": "ikke bekreftet",
        "no_phone": "nummer mangler",
        "local_missing": "lokalt nummer mangler",
        "national": "Ring nasjonalt",
        "unknown": "finnes ikke i håndboken",
        "privacy": "Oppsummeringen inneholder ingen personopplysninger, og Veileder lagrer ingenting om "
                   "gjennomgangen. Før den inn i tjenestens eget journal- eller saksbehandlingssystem.",
    },
    "sv": {
        "checklist": "Checklista",
        "version": "version",
        "reviewed": "granskad",
        "municipality": "Kommun",
        "date": "Datum",
        "path": "Svaren på vägen",
        "outcome": "Resultat",
        "unfinished": "Checklistan är inte genomgången till slut.",
        "actions": "Det här gör du, i den här ordningen",
        "basis": "Grund",
        "contacts": "Kontakt",
        "pages": "Läs mer",
        "laws": "Lagstöd och källor",
        "unverified": "ej bekräftat",
        "no_phone": "nummer saknas",
        "local_missing": "lokalt nummer saknas",
        "national": "Ring nationellt",
        "unknown": "finns inte i vägledningen",
        "privacy": "Sammanfattningen innehåller inga personuppgifter, och Veileder sparar ingenting om "
                   "genomgången. För in den i verksamhetens eget journal- eller dokumentationssystem.",
    },
    "en": {  # only for the wizard's screen when the reader's UI is English; packs are nb or sv
        "checklist": "Checklist",
        "version": "version",
        "reviewed": "reviewed",
        "municipality": "Municipality",
        "date": "Date",
        "path": "The answers along the way",
        "outcome": "Result",
        "unfinished": "The checklist was not completed.",
        "actions": "What to do, in this order",
        "basis": "Basis",
        "contacts": "Contact",
        "pages": "Read more",
        "laws": "Legal basis and sources",
        "unverified": "not verified",
        "no_phone": "number missing",
        "local_missing": "local number missing",
        "national": "Call the national line",
        "unknown": "not in the handbook",
        "privacy": "The summary holds no personal data, and Veileder stores nothing about the walk-through. "
                   "Enter it in your service's own record or case system.",
    },
}


def labels_for(language: str) -> dict[str, str]:
    """Summary words for a language (nb and nn use bokmål; en for an English UI)."""
    return LABELS.get(language) or LABELS["nb"]


def contact_text(contact: ContactLine, language: str) -> str:
    """`Name: phone (hours)`, with «ikke bekreftet» when the number is not verified."""
    words = labels_for(language)
    if not contact.known:
        return f"{contact.id} ({words['unknown']})"
    if contact.fallback is not None:  # the local number is missing: say so, and give the national one
        national = contact.fallback
        local = f"{contact.phone} – {words['unverified']}" if contact.phone else words["local_missing"]
        text = f"{contact.name}: {local}. {words['national']}: {national.name} {national.phone}"
        return text + (f" ({national.hours})" if national.hours else "")
    text = f"{contact.name}: {contact.phone or words['no_phone']}"
    if contact.hours:
        text += f" ({contact.hours})"
    if not contact.verified:
        text += f" – {words['unverified']}"
    if contact.note:
        text += f". {contact.note}"
    return text


def basis_text(basis: LegalBasis, language: str) -> str:
    """`Title (law § …)`."""
    if not basis.known:
        return f"{basis.page_id} ({labels_for(language)['unknown']})"
    return f"{basis.title} ({basis.citation})" if basis.citation else basis.title


def _heading(s: Summary, language: str | None = None) -> str:
    words = labels_for(language or s.language)
    reviewed = f", {words['reviewed']} {s.reviewed.isoformat()}" if s.reviewed else ""
    return f"{s.checklist_id}, {words['version']} {s.version}{reviewed}"


def _page_titles(action: SummaryAction, words: dict[str, str]) -> str:
    return "; ".join(p.title if p.known else f"{p.id} ({words['unknown']})" for p in action.pages)


def summary_text(s: Summary) -> str:
    """Plain text to paste into a case file."""
    words = labels_for(s.language)
    lines = [
        f"{words['checklist']}: {s.title} ({_heading(s)})",
        f"{words['municipality']}: {s.municipality}",
        f"{words['date']}: {s.date.isoformat()}",
        "",
        f"{words['outcome']}:",
        s.outcome if s.outcome is not None else words["unfinished"],
    ]
    if s.actions:
        lines += ["", f"{words['actions']}:"]
    for n, action in enumerate(s.actions, 1):
        lines.append(f"{n}. {action.text}")
        lines += [f"   {words['basis']}: {basis_text(item, s.language)}" for item in action.basis]
        lines += [f"   {words['contacts']}: {contact_text(c, s.language)}" for c in action.contacts]
        if action.pages:
            lines.append(f"   {words['pages']}: {_page_titles(action, words)}")
    lines += ["", f"{words['path']}:"]
    lines += [f"{n}. {e.question} → {e.answer}" for n, e in enumerate(s.path, 1)]
    if s.bases:
        lines += ["", f"{words['laws']}:"]
        for item in s.bases:
            if item.known:
                lines.append(f"- {item.title}: {'; '.join(item.laws)}")
            else:
                lines.append(f"- {basis_text(item, s.language)}")
    lines += ["", words["privacy"]]
    return "\n".join(lines) + "\n"


def _link(kind: str, target: str, text: str, known: bool, links: bool) -> str:
    if links and known:
        return f'<a href="{kind}:{html.escape(target)}">{html.escape(text)}</a>'
    return html.escape(text)


def actions_html(actions: Sequence[SummaryAction], language: str, links: bool = False) -> str:
    """An ordered list of actions with basis, contacts and pages (`page:id` / `contact:id` links if asked)."""
    words = labels_for(language)
    esc = html.escape
    out = ["<ol>"]
    for action in actions:
        out.append(f"<li><p>{esc(action.text)}</p><ul>")
        for item in action.basis:
            text = basis_text(item, language)
            out.append(f"<li>{esc(words['basis'])}: {_link('page', item.page_id, text, item.known, links)}</li>")
        for contact in action.contacts:
            text = contact_text(contact, language)
            out.append(f"<li>{esc(words['contacts'])}: {_link('contact', contact.id, text, contact.known, links)}</li>")
        if action.pages:
            pages = ", ".join(_link("page", p.id, p.title, p.known, links) for p in action.pages)
            out.append(f"<li>{esc(words['pages'])}: {pages}</li>")
        out.append("</ul></li>")
    out.append("</ol>")
    return "\n".join(out)


def summary_html(s: Summary, links: bool = False, language: str | None = None) -> str:
    """HTML for printing or a PDF; with `links`, contacts and pages are `contact:id` / `page:id` anchors.

    `language` sets the headings and labels (default: the pack's); the checklist's own text is unchanged.
    """
    language = language or s.language
    words = labels_for(language)
    esc = html.escape
    out = [
        f'<html><head><meta charset="utf-8"><title>{esc(s.title)}</title></head><body>',
        f"<h1>{esc(s.title)}</h1>",
        f"<p>{esc(words['checklist'])}: {esc(_heading(s, language))}<br>"
        f"{esc(words['municipality'])}: {esc(s.municipality)}<br>"
        f"{esc(words['date'])}: {esc(s.date.isoformat())}</p>",
        f"<h2>{esc(words['outcome'])}</h2>",
        f"<p><b>{esc(s.outcome if s.outcome is not None else words['unfinished'])}</b></p>",
    ]
    if s.actions:
        out.append(f"<h2>{esc(words['actions'])}</h2>")
        out.append(actions_html(s.actions, language, links))
    out.append(f"<h2>{esc(words['path'])}</h2><ol>")
    out += [f"<li>{esc(e.question)} → <b>{esc(e.answer)}</b></li>" for e in s.path]
    out.append("</ol>")
    if s.bases:
        out.append(f"<h2>{esc(words['laws'])}</h2><ul>")
        for item in s.bases:
            laws = "; ".join(item.laws) if item.known else words["unknown"]
            out.append(f"<li>{_link('page', item.page_id, item.title, item.known, links)}: {esc(laws)}</li>")
        out.append("</ul>")
    out.append(f"<p><small>{esc(words['privacy'])}</small></p></body></html>")
    return "\n".join(out)
