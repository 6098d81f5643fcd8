"""Reading a checklist file: YAML → `Checklist`, every structural problem an issue with its line."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from handbook.core.checklist.model import (
    ACTION_FIELDS,
    ANSWER_FIELDS,
    ANSWER_TAGS,
    END_TAGS,
    MAX_ANSWERS,
    REQUIRED_FIELDS,
    STEP_FIELDS,
    STEP_TYPES,
    TOP_FIELDS,
    Action,
    Answer,
    Checklist,
    Step,
)
from handbook.core.content import Handbook
from handbook.core.limits import read_bounded_text
from handbook.core.schema import ID_PATTERN, FieldReader
from handbook.core.schema import string_list as _strs
from handbook.core.schema import text_value as _text
from handbook.core.yamlfile import parse_document, read_reason, yaml_error_line, yaml_problem
from handbook.errors import Issue


class _Reader(FieldReader):
    """The checklist's schema: turns parsed YAML into a `Checklist`, recording every problem with its line."""

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
        self.unknown_fields(data, ACTION_FIELDS, "an action", *where)
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
        self.unknown_fields(data, STEP_FIELDS[kind], f"{kind} step '{step_id}'", *where)
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
                self.unknown_fields(item, ANSWER_FIELDS, f"an answer of '{step_id}'", *at)
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
        self.unknown_fields(data, TOP_FIELDS, "the checklist")
        self.required(data, REQUIRED_FIELDS)
        checklist_id = _text(data.get("id")) or self.path.stem
        self.identity(checklist_id, "id" in data)
        reviewed = self.reviewed(data)
        audience = self.audience(data)
        sources = self.sources(data)
        owner = self.owner(data)
        raw_steps = data.get("steps")
        steps: list[Step] = []
        if raw_steps not in (None, "", {}) and not isinstance(raw_steps, dict):
            self.error("steps must be a mapping of step id → step", "steps")
        elif isinstance(raw_steps, dict):
            for key, value in raw_steps.items():
                step = self.step(str(key), value)
                if step is not None:
                    steps.append(step)
        self.duplicates("steps", "step id")
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
            field_lines=tuple(self.lines.top_level().items()),
        )


def parse_checklist(text: str, path: Path, pack: str = "") -> tuple[Checklist | None, list[Issue]]:
    """Parse checklist YAML; return the checklist (None when unusable) and its structural issues."""
    try:
        document = parse_document(text)  # one parse: the data and the lines of its keys
    except yaml.YAMLError as exc:
        return None, [Issue(path, yaml_error_line(exc), "error", f"invalid YAML: {yaml_problem(exc)}")]
    reader = _Reader(path, document.lines)
    checklist = reader.checklist(document.data, pack)
    return checklist, reader.issues


def load_checklist(path: Path, pack: str = "") -> tuple[Checklist | None, list[Issue]]:
    """Read one checklist file; problems come back as issues with path and line, never raised."""
    try:
        text = read_bounded_text(path)
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Issue(path, 1, "error", f"cannot read checklist: {read_reason(exc)}")]
    return parse_checklist(text, path, pack)


def pack_of(handbook: Handbook, path: Path) -> str:
    """The id of the pack (base or overlay) a file belongs to ("" when none)."""
    for info in handbook.packs:
        if info.path in path.parents:
            return info.id
    return ""


def load_checklists(handbook: Handbook) -> tuple[dict[str, Checklist], list[Issue]]:
    """Every checklist the municipality reads (local ones replace the base's), and the reading issues."""
    found: dict[str, Checklist] = {}
    issues: list[Issue] = []
    for checklist_id, path in sorted(handbook.checklist_paths.items()):
        checklist, problems = load_checklist(path, pack_of(handbook, path))
        issues += problems
        if checklist is not None:
            found[checklist_id] = checklist
    return found, issues


