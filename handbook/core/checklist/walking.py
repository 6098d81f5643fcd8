"""Walking a checklist: pure functions from an immutable `WalkState` to the next. Nothing about a walk is
stored anywhere."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from handbook.core.checklist.model import Checklist, ChecklistError, Step
from handbook.core.checklist.reading import load_checklist, pack_of
from handbook.core.checklist.rules import graph_issues
from handbook.core.content import Handbook
from handbook.errors import HandbookError


def get_checklist(handbook: Handbook, checklist_id: str) -> Checklist:
    """A checklist ready to walk. HandbookError when unknown; ChecklistError when its format or graph is broken.

    Unresolved page or contact ids do not stop a walk: the summary shows them as unknown.
    """
    path = handbook.checklist_paths.get(checklist_id)
    if path is None:
        known = ", ".join(sorted(handbook.checklist_paths)) or "ingen"
        raise HandbookError(f"ukjent sjekkliste '{checklist_id}' (finnes: {known})")
    checklist, issues = load_checklist(path, pack_of(handbook, path))
    if checklist is not None:
        issues += graph_issues(checklist)
    errors = [i for i in issues if i.is_error]
    if checklist is None or errors:
        lines = "\n".join(str(i) for i in errors)
        raise ChecklistError(f"sjekklisten '{checklist_id}' har feil og kan ikke brukes:\n{lines}")
    return checklist


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


