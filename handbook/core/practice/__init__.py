"""Practice cases: the format, reading it, its rules, a pure walk and the printable case sheet. No Qt here.

Where each idea lives:

- `model`: the frozen dataclasses (`PracticeCase`, `Stage`, `Option`, `Link`) and the format's words;
- `reading`: YAML → `PracticeCase`, every structural problem an issue with its line;
- `rules`: the graph (reachable, no loops, no dead ends), links into the handbook, facts, the review date;
- `walking`: a pure walk, an immutable `PracticeState` in and a new one out (nothing is stored);
- `sheet`: the words, link titles, the case sheet for a meeting and a walk as plain text.

The names below are re-exported so `from handbook.core.practice import …` keeps working.
"""

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
    PracticeError,
    Stage,
)
from handbook.core.practice.reading import case_paths, load_case, load_cases, parse_case
from handbook.core.practice.rules import graph_issues, lint_practice, reference_issues, review_issues
from handbook.core.practice.sheet import (
    case_sheet_html,
    chosen_text,
    labels_for,
    link_title,
    links_html,
    question_of,
    walk_text,
)
from handbook.core.practice.walking import (
    Pick,
    PracticeState,
    back,
    choose,
    every_walk,
    get_case,
    proceed,
    resolve_choice,
    restart,
    stages_left,
    start,
    walk_choices,
)

__all__ = [
    "CASE_KINDS", "FOLDER", "LINK_KINDS", "MAX_OPTIONS", "OPTION_FIELDS", "RATINGS", "REQUIRED_FIELDS",
    "STAGE_FIELDS", "TOP_FIELDS",
    "Link", "Option", "Pick", "PracticeCase", "PracticeError", "PracticeState", "Stage",
    "back", "case_paths", "case_sheet_html", "choose", "chosen_text", "every_walk", "get_case", "graph_issues",
    "labels_for", "link_title", "links_html", "lint_practice", "load_case", "load_cases", "parse_case", "proceed",
    "question_of", "reference_issues", "resolve_choice", "restart", "review_issues", "stages_left", "start",
    "walk_choices", "walk_text",
]
