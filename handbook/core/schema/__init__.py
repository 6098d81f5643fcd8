"""One schema per kind of content, with its rules in one place. No Qt here.

- `common`: the words (kinds, audiences, languages, the id pattern), value helpers, and `FieldReader`: the
  rules every kind shares (required fields, id = file name, audience, sources, owner is a role, review date);
- `page`: a page's front matter; `contact`: an entry of contacts.yaml; `pack`: pack.yaml;
- a checklist's and a practice case's format are read in `checklist.reading` and `practice.reading`, both on
  `FieldReader`; their graphs in `checklist.rules` and `practice.rules`.

The review period and the «overdue» rule are `review_policy`. What crosses files (links, facts, overlays,
fallbacks) is `lint`.
"""

from handbook.core.schema.common import (
    AUDIENCES,
    ID_PATTERN,
    KINDS,
    LANGUAGES,
    REVIEWED_FORMAT,
    FieldReader,
    as_date,
    is_role,
    string_list,
    text_value,
)

__all__ = ["AUDIENCES", "ID_PATTERN", "KINDS", "LANGUAGES", "REVIEWED_FORMAT", "FieldReader", "as_date", "is_role",
           "string_list", "text_value"]
