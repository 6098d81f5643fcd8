"""Walking a practice case: pure functions from an immutable `PracticeState` to the next, like a checklist
walk. Nothing about a walk (who practised, what they chose) is stored anywhere."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from handbook.core.content import Handbook
from handbook.core.practice.model import Option, PracticeCase, PracticeError, Stage
from handbook.core.practice.reading import case_paths, load_case
from handbook.core.practice.rules import graph_issues
from handbook.errors import HandbookError


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


