"""Decision checklists: the format, reading it, its rules, a pure walk and the summary of a walk. No Qt here.

Where each idea lives:

- `model`: the frozen dataclasses (`Checklist`, `Step`, `Answer`, `Action`) and the format's words;
- `reading`: YAML → `Checklist`, every structural problem an issue with its line;
- `rules`: the graph (reachable, no loops, no dead ends), references into the handbook, the review date;
- `walking`: a pure walk, an immutable `WalkState` in and a new one out (nothing about a walk is stored);
- `summarize`: the `Summary` of a walk with legal basis and contacts looked up;
- `printed`: the summary as plain text and HTML, in the words of `resources/checklist-labels.yaml`.

The names below are re-exported so `from handbook.core.checklist import …` keeps working.
"""

from handbook.core.checklist.model import (
    ACTION_FIELDS,
    ANSWER_FIELDS,
    ANSWER_TAGS,
    END_TAGS,
    MAX_ANSWERS,
    MAX_REPORTED,
    REQUIRED_FIELDS,
    STEP_FIELDS,
    STEP_TYPES,
    TOP_FIELDS,
    Action,
    Answer,
    Checklist,
    ChecklistError,
    Step,
)
from handbook.core.checklist.printed import (
    actions_html,
    basis_text,
    contact_text,
    labels_for,
    summary_html,
    summary_text,
)
from handbook.core.checklist.reading import load_checklist, load_checklists, pack_of, parse_checklist
from handbook.core.checklist.rules import graph_issues, lint_checklists, reference_issues, review_issues
from handbook.core.checklist.summarize import (
    ContactLine,
    LegalBasis,
    PageLink,
    PathEntry,
    Summary,
    SummaryAction,
    legal_citations,
    main_citation,
    short_citation,
    step_actions,
    summary,
)
from handbook.core.checklist.walking import (
    Choice,
    WalkState,
    answer,
    back,
    every_walk,
    get_checklist,
    proceed,
    resolve_answer,
    restart,
    skip_advice,
    start,
    steps_left,
    walk_answers,
)

__all__ = [
    "ACTION_FIELDS", "ANSWER_FIELDS", "ANSWER_TAGS", "END_TAGS", "MAX_ANSWERS", "MAX_REPORTED",
    "REQUIRED_FIELDS", "STEP_FIELDS", "STEP_TYPES", "TOP_FIELDS",
    "Action", "Answer", "Checklist", "ChecklistError", "Choice", "ContactLine", "LegalBasis", "PageLink",
    "PathEntry", "Step", "Summary", "SummaryAction", "WalkState",
    "actions_html", "answer", "back", "basis_text", "contact_text", "every_walk", "get_checklist", "graph_issues",
    "labels_for", "legal_citations", "lint_checklists", "load_checklist", "load_checklists", "main_citation",
    "pack_of", "parse_checklist", "proceed", "reference_issues", "resolve_answer", "restart", "review_issues",
    "short_citation", "skip_advice", "start", "step_actions", "steps_left", "summary", "summary_html",
    "summary_text", "walk_answers",
]
