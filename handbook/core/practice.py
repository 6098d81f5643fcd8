"""Practice cases: the YAML format, its lint, a pure walk and the printable case sheet.

A practice case is content (`content/packs/<pack>/practice/<id>.yaml`): a fictional case told in stages.
At each stage the learner (or a group in a meeting) chooses among a few options; every option has feedback
that explains why, links into the handbook (pages, contacts, checklists) and a next stage; an end stage
tells how the case ended. In a case of kind `conversation` the options are things one could say, and each
carries the person's `reply`: the effect of saying it.

Walking is pure, like a checklist walk: an immutable `PracticeState` goes in, a new one comes out, and
nothing about a walk (who practised, what they chose) is stored anywhere. No Qt here.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from handbook.core.checklist import REVIEW_DAYS, _Lines, _strs, _text
from handbook.core.content import AUDIENCES, ID_PATTERN, ContentLoader, Handbook, as_date, yaml_error_line
from handbook.core.facts import Facts, load_facts
from handbook.core.limits import read_bounded_text
from handbook.errors import HandbookError, Issue

FOLDER = "practice"
CASE_KINDS = ("decision", "conversation")
RATINGS = ("good", "mixed", "poor")
LINK_KINDS = ("page", "contact", "checklist")
MAX_OPTIONS = 9  # number keys 1–9 choose an option in the app
REQUIRED_FIELDS = ("id", "title", "kind", "version", "reviewed", "owner", "audience", "service", "sources",
                   "start", "stages")
TOP_FIELDS = (*REQUIRED_FIELDS, "description", "facilitator")
STAGE_FIELDS = ("text", "says", "question", "discuss", "notes", "options", "links", "end")
OPTION_FIELDS = ("label", "rating", "reply", "feedback", "links", "next")


class PracticeError(HandbookError):
    """A walk went wrong: a choice that does not exist, or a case that cannot be walked."""


# ---------------------------------------------------------------------------- the format


@dataclass(frozen=True)
class Link:
    """A link into the handbook: `page:<id>`, `contact:<id>` or `checklist:<id>`."""

    kind: str
    target: str

    def __str__(self) -> str:
        return f"{self.kind}:{self.target}"


@dataclass(frozen=True)
class Option:
    """Something one could do (or, in a conversation, say), its feedback and the stage it leads to."""

    label: str
    rating: str
    feedback: str
    next: str
    reply: str | None = None
    links: tuple[Link, ...] = ()
    line: int = 1


@dataclass(frozen=True)
class Stage:
    """What you see or hear, the question to the learner, and the options; or, at an end, how it ended."""

    id: str
    text: str
    says: str | None = None
    question: str | None = None
    discuss: tuple[str, ...] = ()
    notes: str | None = None
    options: tuple[Option, ...] = ()
    links: tuple[Link, ...] = ()
    end: bool = False
    line: int = 1

    @property
    def targets(self) -> tuple[str, ...]:
        return tuple(o.next for o in self.options)


@dataclass(frozen=True)
class PracticeCase:
    """A loaded practice case. `stages` keeps the file's order."""

    id: str
    title: str
    kind: str
    version: str
    reviewed: dt.date | None
    owner: str
    audience: tuple[str, ...]
    service: str
    sources: tuple[str, ...]
    start: str
    stages: tuple[Stage, ...]
    path: Path = Path()
    pack: str = ""
    language: str = "nb"
    description: str | None = None
    facilitator: str | None = None
    field_lines: tuple[tuple[str, int], ...] = field(default=(), compare=False, repr=False)

    @cached_property
    def by_id(self) -> Mapping[str, Stage]:
        return {s.id: s for s in self.stages}

    def stage(self, stage_id: str) -> Stage:
        try:
            return self.by_id[stage_id]
        except KeyError:
            raise PracticeError(f"practice case '{self.id}' has no stage '{stage_id}'") from None

    def line_of(self, key: str) -> int:
        return dict(self.field_lines).get(key, 1)

    def number_of(self, stage_id: str) -> int:
        """The stage's 1-based number in the file (for the case sheet)."""
        return next((n for n, s in enumerate(self.stages, 1) if s.id == stage_id), 0)


# ---------------------------------------------------------------------------- reading


class _Reader:
    """Turns parsed YAML into a `PracticeCase`, recording every structural problem with its line."""

    def __init__(self, path: Path, lines: _Lines) -> None:
        self.path = path
        self.lines = lines
        self.issues: list[Issue] = []

    def error(self, message: str, *where: Any) -> None:
        self.issues.append(Issue(self.path, self.lines.at(*where), "error", message))

    def _unknown(self, data: dict[Any, Any], allowed: Sequence[str], what: str, *where: Any) -> None:
        for key in data:
            if str(key) not in allowed:
                self.error(f"unknown field '{key}' in {what} (allowed: {', '.join(allowed)})", *where, str(key))

    def links(self, value: Any, *where: Any) -> tuple[Link, ...]:
        items = _strs(value)
        if items is None:
            self.error("'links' must be a list such as [page:id, contact:id, checklist:id]", *where)
            return ()
        found: list[Link] = []
        for item in items:
            kind, sep, target = item.partition(":")
            if not sep or kind not in LINK_KINDS or not target:
                self.error(f"link '{item}' must be page:<id>, contact:<id> or checklist:<id>", *where)
                continue
            found.append(Link(kind, target.strip()))
        return tuple(found)

    def option(self, data: Any, stage_id: str, index: int, conversation: bool) -> Option | None:
        where = ("stages", stage_id, "options", index)
        if not isinstance(data, dict):
            self.error(f"an option of '{stage_id}' must be a mapping (label, rating, feedback, links, next)", *where)
            return None
        self._unknown(data, OPTION_FIELDS, f"an option of '{stage_id}'", *where)
        label = _text(data.get("label"))
        name = label or str(index + 1)
        if label is None:
            self.error(f"an option of '{stage_id}' lacks 'label'", *where)
        rating = _text(data.get("rating"))
        if rating not in RATINGS:
            self.error(f"option '{name}' of '{stage_id}' needs 'rating' (one of: {', '.join(RATINGS)})",
                       *where, "rating")
        feedback = _text(data.get("feedback"))
        if feedback is None:
            self.error(f"option '{name}' of '{stage_id}' lacks 'feedback' (why this is a good or poor choice)",
                       *where)
        target = _text(data.get("next"))
        if target is None:
            self.error(f"option '{name}' of '{stage_id}' lacks 'next' (the stage it leads to)", *where)
        reply = _text(data.get("reply"))
        if conversation and reply is None:
            self.error(f"option '{name}' of '{stage_id}' lacks 'reply' (in a conversation: what the person "
                       "answers, the effect of what was said)", *where)
        links = self.links(data.get("links"), *where, "links")
        if not links:
            self.error(f"option '{name}' of '{stage_id}' has no links (link its feedback to the handbook)", *where)
        return Option(label or "", rating or "", feedback or "", target or "", reply, links, self.lines.at(*where))

    def stage(self, stage_id: str, data: Any, conversation: bool) -> Stage | None:
        where = ("stages", stage_id)
        if not ID_PATTERN.match(stage_id):
            self.error(f"stage id '{stage_id}' may hold only a-z, 0-9 and '-'", *where)
        if not isinstance(data, dict):
            self.error(f"stage '{stage_id}' must be a mapping (text, options, …)", *where)
            return None
        self._unknown(data, STAGE_FIELDS, f"stage '{stage_id}'", *where)
        text = _text(data.get("text"))
        if text is None:
            self.error(f"stage '{stage_id}' lacks 'text' (what you see or hear)", *where)
        discuss = _strs(data.get("discuss"))
        if discuss is None:
            self.error(f"'discuss' of '{stage_id}' must be a list of questions", *where, "discuss")
            discuss = ()
        end = data.get("end", False)
        if not isinstance(end, bool):
            self.error(f"'end' of '{stage_id}' must be true or false", *where, "end")
            end = False
        raw = data.get("options")
        options: list[Option] = []
        if end and raw:
            self.error(f"stage '{stage_id}' is an end and cannot have options", *where, "options")
        elif not end:
            if not isinstance(raw, list) or not raw:
                self.error(f"dead end: stage '{stage_id}' has no options and is not marked 'end: true'", *where)
                raw = []
            elif len(raw) < 2:
                self.error(f"stage '{stage_id}' needs at least two options (a choice)", *where, "options")
            elif len(raw) > MAX_OPTIONS:
                self.error(f"stage '{stage_id}' has {len(raw)} options; at most {MAX_OPTIONS}", *where, "options")
            labels: set[str] = set()
            for index, item in enumerate(raw):
                option = self.option(item, stage_id, index, conversation)
                if option is None:
                    continue
                if option.label and option.label.casefold() in labels:
                    self.error(f"stage '{stage_id}' has the option '{option.label}' twice", *where, "options", index)
                labels.add(option.label.casefold())
                options.append(option)
        return Stage(
            id=stage_id,
            text=text or "",
            says=_text(data.get("says")),
            question=_text(data.get("question")),
            discuss=discuss,
            notes=_text(data.get("notes")),
            options=tuple(options),
            links=self.links(data.get("links"), *where, "links"),
            end=end,
            line=self.lines.at(*where),
        )

    def case(self, data: Any, pack: str, language: str) -> PracticeCase | None:
        if not isinstance(data, dict):
            self.error("a practice case must be a mapping (id, title, kind, …, start, stages)")
            return None
        self._unknown(data, TOP_FIELDS, "the practice case")
        for key in REQUIRED_FIELDS:
            if data.get(key) in (None, "", [], {}):
                self.error(f"missing field '{key}'", key)
        case_id = _text(data.get("id")) or self.path.stem
        if "id" in data and case_id != self.path.stem:
            self.error(f"id '{case_id}' must equal the file name '{self.path.stem}'", "id")
        if not ID_PATTERN.match(case_id):
            self.error(f"id '{case_id}' may hold only a-z, 0-9 and '-'", "id")
        kind = _text(data.get("kind")) or ""
        if kind and kind not in CASE_KINDS:
            self.error(f"unknown kind '{kind}' (one of: {', '.join(CASE_KINDS)})", "kind")
        reviewed = as_date(data.get("reviewed"))
        if data.get("reviewed") and reviewed is None:
            self.error("reviewed must be an ISO date, e.g. 2026-12-01", "reviewed")
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
        raw = data.get("stages")
        stages: list[Stage] = []
        if raw not in (None, "", {}) and not isinstance(raw, dict):
            self.error("stages must be a mapping of stage id → stage", "stages")
        elif isinstance(raw, dict):
            for key, value in raw.items():
                stage = self.stage(str(key), value, kind == "conversation")
                if stage is not None:
                    stages.append(stage)
        for (where, line) in self.lines.duplicates:
            what = "stage id" if len(where) == 2 and where[0] == "stages" else "key"
            self.issues.append(Issue(self.path, line, "error", f"duplicate {what} '{where[-1]}'"))
        return PracticeCase(
            id=case_id,
            title=_text(data.get("title")) or case_id,
            kind=kind,
            version=_text(data.get("version")) or "",
            reviewed=reviewed,
            owner=owner,
            audience=audience,
            service=_text(data.get("service")) or "",
            sources=sources,
            start=_text(data.get("start")) or "",
            stages=tuple(stages),
            path=self.path,
            pack=pack,
            language=language,
            description=_text(data.get("description")),
            facilitator=_text(data.get("facilitator")),
            field_lines=tuple((k[0], v) for k, v in self.lines.lines.items() if len(k) == 1),
        )


def parse_case(text: str, path: Path, pack: str = "", language: str = "nb") -> tuple[PracticeCase | None,
                                                                                         list[Issue]]:
    """Parse practice-case YAML; return the case (None when unusable) and its structural issues."""
    loader = None
    try:
        loader = ContentLoader(text)  # checks the text's shape (depth, aliases) before anything is built
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        msg = str(getattr(exc, "problem", None) or exc).strip()
        return None, [Issue(path, yaml_error_line(exc), "error", f"invalid YAML: {msg}")]
    finally:
        if loader is not None:
            loader.dispose()
    reader = _Reader(path, _Lines(node))
    case = reader.case(data, pack, language)
    return case, reader.issues


def load_case(path: Path, pack: str = "", language: str = "nb") -> tuple[PracticeCase | None, list[Issue]]:
    """Read one case file; problems come back as issues with path and line, never raised."""
    try:
        text = read_bounded_text(path)  # only regular files, within the size limit
    except UnicodeDecodeError:
        return None, [Issue(path, 1, "error", "cannot read practice case: not UTF-8 text")]
    except OSError as exc:
        return None, [Issue(path, 1, "error", f"cannot read practice case: {exc.strerror or exc}")]
    return parse_case(text, path, pack, language)


def case_paths(handbook: Handbook) -> dict[str, tuple[Path, str]]:
    """Every case file the municipality reads, by id, with its pack (a local file replaces the base's)."""
    found: dict[str, tuple[Path, str]] = {}
    for info in handbook.packs:
        for path in sorted((info.path / FOLDER).glob("*.yaml")):
            found[path.stem] = (path, info.id)
    return dict(sorted(found.items()))


def load_cases(handbook: Handbook) -> tuple[dict[str, PracticeCase], list[Issue]]:
    """Every case the municipality reads, and the reading issues."""
    found: dict[str, PracticeCase] = {}
    issues: list[Issue] = []
    for case_id, (path, pack) in case_paths(handbook).items():
        case, problems = load_case(path, pack, handbook.language)
        issues += problems
        if case is not None:
            found[case_id] = case
    return found, issues


# ---------------------------------------------------------------------------- validation


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
    reachable: set[str] = set()
    todo = [case.start]
    while todo:
        current = todo.pop()
        if current in reachable or current not in stages:
            continue
        reachable.add(current)
        todo.extend(stages[current].targets)
    for stage in case.stages:
        if stage.id not in reachable:
            err(stage.line, f"stage '{stage.id}' cannot be reached from the start '{case.start}'")
    state: dict[str, int] = {}  # 1 on the path, 2 done

    def visit(stage_id: str, trail: list[str]) -> None:
        state[stage_id] = 1
        for option in stages[stage_id].options:
            target = option.next
            if target not in stages:
                continue
            if state.get(target) == 1:
                cycle = [*trail[trail.index(target):], stage_id, target] if target in trail else [stage_id, target]
                err(option.line, f"loop: {' → '.join(cycle)} (a case must never come back to a stage)")
            elif target not in state:
                visit(target, [*trail, stage_id])
        state[stage_id] = 2

    if case.start in stages:
        visit(case.start, [])
    ends = {s.id for s in case.stages if s.end}
    changed = True
    while changed:
        changed = False
        for stage in case.stages:
            if stage.id not in ends and any(t in ends for t in stage.targets):
                ends.add(stage.id)
                changed = True
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
    if case.reviewed is None:
        return []
    line = case.line_of("reviewed")
    if case.reviewed > today:
        return [Issue(case.path, line, "error", f"reviewed date {case.reviewed} is in the future")]
    if (today - case.reviewed).days > REVIEW_DAYS:
        return [Issue(case.path, line, "warning",
                      f"last reviewed {case.reviewed}: more than 12 months ago, due for the yearly review")]
    return []


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


def get_case(handbook: Handbook, case_id: str) -> PracticeCase:
    """A case ready to walk. HandbookError when unknown; PracticeError when its format or graph is broken."""
    paths = case_paths(handbook)
    if case_id not in paths:
        known = ", ".join(paths) or "ingen"
        raise HandbookError(f"ukjent øvingssak '{case_id}' (finnes: {known})")
    path, pack = paths[case_id]
    case, issues = load_case(path, pack, handbook.language)
    if case is not None:
        issues += graph_issues(case)
    errors = [i for i in issues if i.is_error]
    if case is None or errors:
        lines = "\n".join(str(i) for i in errors)
        raise PracticeError(f"øvingssaken '{case_id}' har feil og kan ikke brukes:\n{lines}")
    return case


# ---------------------------------------------------------------------------- walking


@dataclass(frozen=True)
class Pick:
    """A stage left behind and the option chosen there (0-based)."""

    stage_id: str
    index: int


@dataclass(frozen=True)
class PracticeState:
    """Where a walk is: the current stage, the picks that led there, and whether the feedback on the last
    pick is on screen (it comes before the next stage). Immutable; never stored."""

    case: PracticeCase = field(compare=False, repr=False)
    case_id: str
    current: str
    taken: tuple[Pick, ...] = ()
    feedback: bool = False

    @property
    def stage(self) -> Stage:
        return self.case.stage(self.current)

    @property
    def finished(self) -> bool:
        """True at an end stage (after its feedback)."""
        return self.stage.end and not self.feedback

    @property
    def last_option(self) -> Option | None:
        """The option chosen last (its feedback is shown while `feedback` is true)."""
        if not self.taken:
            return None
        pick = self.taken[-1]
        return self.case.stage(pick.stage_id).options[pick.index]

    @property
    def last_stage(self) -> Stage | None:
        return self.case.stage(self.taken[-1].stage_id) if self.taken else None

    @property
    def position(self) -> int:
        """The 1-based number of the stage on screen on the path."""
        return len(self.taken) + (0 if self.feedback else 1)

    @property
    def can_go_back(self) -> bool:
        return bool(self.taken)

    def path(self) -> tuple[tuple[Stage, Option], ...]:
        """The stages passed and the option chosen at each, in order (shown on screen only)."""
        return tuple((self.case.stage(p.stage_id), self.case.stage(p.stage_id).options[p.index])
                     for p in self.taken)


def start(case: PracticeCase) -> PracticeState:
    return PracticeState(case, case.id, case.start)


def choose(state: PracticeState, index: int) -> PracticeState:
    """Choose option `index` (0-based) at the current stage: the feedback comes next, then the next stage."""
    if state.feedback:
        raise PracticeError("the feedback is on screen: continue first")
    stage = state.stage
    if stage.end:
        raise PracticeError(f"stage '{stage.id}' is an end: there is nothing to choose")
    if not 0 <= index < len(stage.options):
        raise PracticeError(
            f"stage '{stage.id}' has no option {index + 1}; choose 1–{len(stage.options)}: "
            + "; ".join(o.label for o in stage.options)
        )
    target = stage.options[index].next
    state.case.stage(target)  # raises for a broken next
    return replace(state, current=target, taken=(*state.taken, Pick(stage.id, index)), feedback=True)


def proceed(state: PracticeState) -> PracticeState:
    """From the feedback on to the next stage."""
    return replace(state, feedback=False) if state.feedback else state


def back(state: PracticeState) -> PracticeState:
    """Undo the last pick: back to the stage where it was made (unchanged at the start)."""
    if not state.taken:
        return state
    last = state.taken[-1]
    return replace(state, current=last.stage_id, taken=state.taken[:-1], feedback=False)


def restart(state: PracticeState) -> PracticeState:
    return start(state.case)


def resolve_choice(stage: Stage, token: str) -> int:
    """A 1-based number or an option label (case-insensitive) → 0-based index."""
    text = token.strip()
    if text.isdigit() and 1 <= int(text) <= len(stage.options):
        return int(text) - 1
    for index, option in enumerate(stage.options):
        if option.label.casefold() == text.casefold():
            return index
    options = "; ".join(f"{i + 1} = {o.label}" for i, o in enumerate(stage.options))
    raise PracticeError(f"ugyldig valg '{text}' ved del '{stage.id}'. Velg {options}")


def walk_choices(case: PracticeCase, tokens: Iterable[str]) -> PracticeState:
    """Walk with the choices in order (numbers or labels) to an end."""
    state = start(case)
    for token in tokens:
        if state.finished:
            raise PracticeError(f"for mange valg: saken endte ved '{state.current}' før valget '{token}'")
        state = proceed(choose(state, resolve_choice(state.stage, token)))
    if not state.finished:
        options = "; ".join(f"{i + 1} = {o.label}" for i, o in enumerate(state.stage.options))
        raise PracticeError(f"valgene sluttet ved del '{state.current}'. Velg videre: {options}")
    return state


def every_walk(case: PracticeCase) -> Iterator[PracticeState]:
    """Every complete walk from the start to an end, depth first."""
    todo = [start(case)]
    while todo:
        state = todo.pop()
        if state.current in {p.stage_id for p in state.taken}:
            raise PracticeError(f"practice case '{case.id}' loops back to stage '{state.current}'")
        if state.finished:
            yield state
            continue
        for index in reversed(range(len(state.stage.options))):
            todo.append(proceed(choose(state, index)))


def stages_left(case: PracticeCase, stage_id: str) -> int:
    """The most stages a walk from `stage_id` can still show, counting it and the end."""
    memo: dict[str, int] = {}

    def depth(current: str) -> int:
        if current not in memo:
            memo[current] = 0  # guards a loop in broken content
            stage = case.by_id.get(current)
            memo[current] = 0 if stage is None else 1 + max((depth(t) for t in stage.targets), default=0)
        return memo[current]

    return depth(stage_id)


# ---------------------------------------------------------------------------- words and links

LABELS: dict[str, dict[str, str]] = {
    "nb": {
        "good": "Godt valg", "mixed": "Delvis godt valg", "poor": "Ikke et godt valg",
        "question": "Hva gjør du?", "question_conversation": "Hva sier du?",
        "case": "Øvingssak", "fictional": "Saken er oppdiktet. Likhet med virkelige personer er tilfeldig.",
        "version": "versjon", "reviewed": "gjennomgått", "service": "Hvor", "kind": "Type",
        "decision": "Valg underveis", "conversation": "Samtale",
        "stage": "Del {n}", "end": "Slutt", "discuss": "Til diskusjon", "notes": "Til den som leder",
        "options": "Valgene", "leads_to": "videre til", "reply": "Svar", "read": "Les mer",
        "facilitator": "Til den som leder møtet", "sources": "Bygger på", "path": "Veien du valgte",
        "privacy": "Veileder lagrer ingenting om hvem som har øvd eller hva som ble valgt.",
        "unknown": "finnes ikke i håndboken", "you_said": "Du sier", "you_chose": "Du velger",
    },
    "sv": {
        "good": "Bra val", "mixed": "Delvis bra val", "poor": "Inte ett bra val",
        "question": "Vad gör du?", "question_conversation": "Vad säger du?",
        "case": "Övningsfall", "fictional": "Fallet är påhittat. Likheter med verkliga personer är tillfälliga.",
        "version": "version", "reviewed": "granskad", "service": "Var", "kind": "Typ",
        "decision": "Val på vägen", "conversation": "Samtal",
        "stage": "Del {n}", "end": "Slut", "discuss": "Att diskutera", "notes": "Till den som leder",
        "options": "Valen", "leads_to": "vidare till", "reply": "Svar", "read": "Läs mer",
        "facilitator": "Till den som leder mötet", "sources": "Bygger på", "path": "Vägen du valde",
        "privacy": "Veileder sparar ingenting om vem som har övat eller vad som valdes.",
        "unknown": "finns inte i vägledningen", "you_said": "Du säger", "you_chose": "Du väljer",
    },
}


def labels_for(language: str) -> dict[str, str]:
    """Words for a case in its pack's language (nb and nn use bokmål)."""
    return LABELS.get(language) or LABELS["nb"]


def question_of(case: PracticeCase, stage: Stage) -> str:
    """The stage's question, or the default for the case's kind."""
    words = labels_for(case.language)
    return stage.question or words["question_conversation" if case.kind == "conversation" else "question"]


def chosen_text(case: PracticeCase, option: Option) -> str:
    """«Du sier: «…»» in a conversation, «Du velger: …» otherwise."""
    words = labels_for(case.language)
    if case.kind == "conversation":
        return f"{words['you_said']}: «{option.label}»"
    return f"{words['you_chose']}: {option.label}"


def link_title(link: Link, handbook: Handbook) -> str | None:
    """The title a link shows (None when it does not resolve)."""
    if link.kind == "page":
        page = handbook.pages.get(link.target)
        return page.title if page else None
    if link.kind == "contact":
        contact = handbook.contacts.get(link.target)
        return contact.name if contact else None
    path = handbook.checklist_paths.get(link.target)
    if path is None:
        return None
    from handbook.core.checklist import load_checklist

    checklist, _ = load_checklist(path)
    return checklist.title if checklist else link.target


def links_html(links: Sequence[Link], handbook: Handbook, language: str, anchors: bool = True) -> str:
    """`Les mer: <a href="page:id">Title</a>, …` (plain titles when `anchors` is false)."""
    words = labels_for(language)
    parts = []
    for link in links:
        title = link_title(link, handbook)
        if title is None:
            parts.append(html.escape(f"{link} ({words['unknown']})"))
        elif anchors:
            parts.append(f'<a href="{html.escape(str(link))}">{html.escape(title)}</a>')
        else:
            parts.append(html.escape(title))
    return f"{html.escape(words['read'])}: {', '.join(parts)}" if parts else ""


# ---------------------------------------------------------------------------- the case sheet


def case_sheet_html(case: PracticeCase, handbook: Handbook) -> str:
    """The whole case on paper for a meeting: every stage, its discussion questions, every option with its
    rating, reply and feedback, the facilitator's notes and the sources. Links appear as titles."""
    words = labels_for(case.language)
    esc = html.escape
    reviewed = f", {words['reviewed']} {case.reviewed.isoformat()}" if case.reviewed else ""
    out = [
        f'<html><head><meta charset="utf-8"><title>{esc(case.title)}</title></head><body>',
        f"<h1>{esc(case.title)}</h1>",
        f"<p>{esc(words['case'])}: {esc(case.id)}, {esc(words['version'])} {esc(case.version)}{esc(reviewed)}<br>"
        f"{esc(words['service'])}: {esc(case.service)}<br>"
        f"{esc(words['kind'])}: {esc(words.get(case.kind, case.kind))}<br>"
        f"<i>{esc(words['fictional'])}</i></p>",
    ]
    if case.description:
        out.append(f"<p>{esc(case.description)}</p>")
    if case.facilitator:
        out.append(f"<h2>{esc(words['facilitator'])}</h2><p>{esc(case.facilitator)}</p>")
    for number, stage in enumerate(case.stages, 1):
        heading = words["stage"].format(n=number) + (f" – {words['end']}" if stage.end else "")
        out.append(f"<h2>{esc(heading)}</h2><p>{esc(stage.text)}</p>")
        if stage.says:
            out.append(f"<blockquote>«{esc(stage.says)}»</blockquote>")
        if stage.links:
            out.append(f"<p>{links_html(stage.links, handbook, case.language, anchors=False)}</p>")
        if stage.discuss:
            out.append(f"<h3>{esc(words['discuss'])}</h3><ul>")
            out += [f"<li>{esc(q)}</li>" for q in stage.discuss]
            out.append("</ul>")
        if stage.options:
            out.append(f"<h3>{esc(question_of(case, stage))}</h3><ol>")
            for option in stage.options:
                target = case.number_of(option.next)
                out.append(f"<li><p><b>{esc(option.label)}</b> – {esc(words[option.rating])} "
                           f"({esc(words['leads_to'])} {esc(words['stage'].format(n=target))})</p>")
                if option.reply:
                    out.append(f"<p>{esc(words['reply'])}: «{esc(option.reply)}»</p>")
                out.append(f"<p>{esc(option.feedback)}</p>")
                if option.links:
                    out.append(f"<p>{links_html(option.links, handbook, case.language, anchors=False)}</p>")
                out.append("</li>")
            out.append("</ol>")
        if stage.notes:
            out.append(f"<p><b>{esc(words['notes'])}:</b> {esc(stage.notes)}</p>")
    if case.sources:
        out.append(f"<h2>{esc(words['sources'])}</h2><ul>")
        out += [f"<li>{esc(s)}</li>" for s in case.sources]
        out.append("</ul>")
    out.append(f"<p><small>{esc(words['privacy'])}</small></p></body></html>")
    return "\n".join(out)


def walk_text(state: PracticeState, handbook: Handbook) -> str:
    """A walk as plain text: each stage, the choice, the reply and the feedback, and how the case ended."""
    case = state.case
    words = labels_for(case.language)
    lines = [f"{case.title} ({case.id}, {words['version']} {case.version})", words["fictional"], ""]
    for number, (stage, option) in enumerate(state.path(), 1):
        lines.append(f"{words['stage'].format(n=number)}: {stage.text}")
        if stage.says:
            lines.append(f"  «{stage.says}»")
        lines.append(f"  → {option.label} [{words[option.rating]}]")
        if option.reply:
            lines.append(f"  {words['reply']}: «{option.reply}»")
        lines.append(f"  {option.feedback}")
        titles = [link_title(link, handbook) or str(link) for link in option.links]
        if titles:
            lines.append(f"  {words['read']}: {'; '.join(titles)}")
        lines.append("")
    end = state.stage
    lines.append(f"{words['end']}: {end.text}")
    lines += ["", words["privacy"]]
    return "\n".join(lines) + "\n"
