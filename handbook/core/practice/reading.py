"""Reading a practice-case file: YAML → `PracticeCase`, every structural problem an issue with its line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from handbook.core.content import Handbook
from handbook.core.limits import read_bounded_text
from handbook.core.practice.model import (
    CASE_KINDS,
    FOLDER,
    LINK_KINDS,
    MAX_OPTIONS,
    OPTION_FIELDS,
    RATINGS,
    REQUIRED_FIELDS,
    STAGE_FIELDS,
    TOP_FIELDS,
    Link,
    Option,
    PracticeCase,
    Stage,
)
from handbook.core.schema import ID_PATTERN, FieldReader
from handbook.core.schema import string_list as _strs
from handbook.core.schema import text_value as _text
from handbook.core.yamlfile import parse_document, read_reason, yaml_error_line, yaml_problem
from handbook.errors import Issue


class _Reader(FieldReader):
    """The practice case's schema: turns parsed YAML into a `PracticeCase`, recording every problem with its line."""

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
        self.unknown_fields(data, OPTION_FIELDS, f"an option of '{stage_id}'", *where)
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
        self.unknown_fields(data, STAGE_FIELDS, f"stage '{stage_id}'", *where)
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
        self.unknown_fields(data, TOP_FIELDS, "the practice case")
        self.required(data, REQUIRED_FIELDS)
        case_id = _text(data.get("id")) or self.path.stem
        self.identity(case_id, "id" in data)
        kind = _text(data.get("kind")) or ""
        if kind and kind not in CASE_KINDS:
            self.error(f"unknown kind '{kind}' (one of: {', '.join(CASE_KINDS)})", "kind")
        reviewed = self.reviewed(data)
        audience = self.audience(data)
        sources = self.sources(data)
        owner = self.owner(data)
        raw = data.get("stages")
        stages: list[Stage] = []
        if raw not in (None, "", {}) and not isinstance(raw, dict):
            self.error("stages must be a mapping of stage id → stage", "stages")
        elif isinstance(raw, dict):
            for key, value in raw.items():
                stage = self.stage(str(key), value, kind == "conversation")
                if stage is not None:
                    stages.append(stage)
        self.duplicates("stages", "stage id")
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
            field_lines=tuple(self.lines.top_level().items()),
        )


def parse_case(text: str, path: Path, pack: str = "", language: str = "nb") -> tuple[PracticeCase | None,
                                                                                         list[Issue]]:
    """Parse practice-case YAML; return the case (None when unusable) and its structural issues."""
    try:
        document = parse_document(text)  # checks the text's shape (depth, aliases) before anything is built
    except yaml.YAMLError as exc:
        return None, [Issue(path, yaml_error_line(exc), "error", f"invalid YAML: {yaml_problem(exc)}")]
    reader = _Reader(path, document.lines)
    case = reader.case(document.data, pack, language)
    return case, reader.issues


def load_case(path: Path, pack: str = "", language: str = "nb") -> tuple[PracticeCase | None, list[Issue]]:
    """Read one case file; problems come back as issues with path and line, never raised."""
    try:
        text = read_bounded_text(path)  # only regular files, within the size limit
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Issue(path, 1, "error", f"cannot read practice case: {read_reason(exc)}")]
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


