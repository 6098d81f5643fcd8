"""What every export shares: the handbook with its checklists, words and date, the links between them, and
the checklists as data for the templates (resources/templates/). No Qt and no markup here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from handbook.core.checklist.model import Action, Checklist, Step
from handbook.core.checklist.reading import load_checklists
from handbook.core.checklist.summarize import legal_citations
from handbook.core.content import Contact, Handbook, Page
from handbook.core.links import KnownTargets, LinkStyle, link_resolver, resolve_link
from handbook.core.links import checklist_url as checklist_url
from handbook.core.links import contact_url as contact_url
from handbook.core.links import page_url as page_url
from handbook.core.links import slug as slug
from handbook.core.render import HrefFor, ImageSrc, LinkTarget, RenderedBody, render_body
from handbook.core.review_policy import is_overdue
from handbook.core.templates import Html, Templates, load_labels
from handbook.core.templates import tel_href as tel_href
from handbook.errors import Issue

_PARENS = re.compile(r"\s*\([^()]*\)")


@dataclass(frozen=True)
class AnswerView:
    """An answer: its label, and the step it leads to (None: the walk ends or the step is unknown)."""

    label: str
    target: str | None = None
    goes_to: str = ""


@dataclass(frozen=True)
class DetailView:
    """A line under an action: «Rettslig grunnlag: <link> (laws)», a contact (maybe unverified), a page."""

    label: str
    text: str
    href: str | None
    after: str = ""
    unverified: bool = False


@dataclass(frozen=True)
class ActionView:
    text: str
    details: tuple[DetailView, ...]


@dataclass(frozen=True)
class StepView:
    id: str
    kind: str
    heading: str
    question: str
    text: Html
    help: str
    actions: tuple[ActionView, ...]
    answers: tuple[AnswerView, ...]


@dataclass(frozen=True)
class ChecklistView:
    """A checklist ready for `checklist-article.html`: words and links resolved, Markdown rendered."""

    id: str
    title: str
    intro: Html
    meta: str
    steps: tuple[StepView, ...]


@dataclass
class Publication:
    """What every export needs: the handbook, its checklists, the words and templates, and the date."""

    handbook: Handbook
    today: dt.date
    templates: Templates
    labels: dict[str, Any]
    checklists: dict[str, Checklist]
    issues: list[Issue] = field(default_factory=list)

    @classmethod
    def prepare(cls, handbook: Handbook, today: dt.date | None = None, resources: Path | None = None) -> Publication:
        """Load templates, labels and checklists; reading problems are collected in `issues`."""
        checklists, problems = load_checklists(handbook)
        return cls(
            handbook=handbook,
            today=today or dt.date.today(),
            templates=Templates.load(resources),
            labels=load_labels(handbook.language, resources),
            checklists=checklists,
            issues=[*handbook.issues, *problems],
        )

    @property
    def lang(self) -> str:
        return self.handbook.language

    def kind_label(self, kind: str) -> str:
        return str(self.labels["kinds"].get(kind, kind))

    def audience_text(self, page: Page) -> str:
        names = self.labels["audiences"]
        return ", ".join(str(names.get(a, a)) for a in page.audience) or "–"

    # ------------------------------------------------------------------ links

    def known(self, style: LinkStyle, pages: set[str] | None = None, contacts: set[str] | None = None) -> KnownTargets:
        """What a link may reach in an export (a document has no checklist targets)."""
        return KnownTargets(set(self.handbook.pages) if pages is None else pages,
                            set(self.handbook.contacts) if contacts is None else contacts,
                            set(self.checklists) if style == "site" else set())

    def href_for(self, style: LinkStyle, root: str = "", pages: set[str] | None = None,
                 contacts: set[str] | None = None) -> HrefFor:
        """Content links for the site (relative to `root`) or a one-file document (anchors)."""
        return link_resolver(style, self.known(style, pages, contacts), root)

    # ------------------------------------------------------------------ pieces shared by the exports

    def page_body(self, page: Page, href: HrefFor, image_src: ImageSrc | None = None, *, shift: int = 0,
                  paper: bool = False) -> RenderedBody:
        """The page's Markdown as HTML (images only via `image_src`); on paper without its title, headings
        demoted by `shift`, and a link that goes nowhere as plain text."""
        return render_body(page.body, href, image_src, shift=shift, drop_title=paper, plain_unresolved=paper)

    def overdue(self, reviewed: dt.date | None) -> bool:
        return reviewed is not None and is_overdue(reviewed, self.today)

    def ordered_contacts(self) -> list[Contact]:
        """Emergency contacts first, then the rest in the content's order."""
        contacts = list(self.handbook.contacts.values())
        return [c for c in contacts if c.emergency] + [c for c in contacts if not c.emergency]

    def checklist_steps(self, checklist: Checklist) -> list[Step]:
        """The steps in reading order: breadth-first from the start, then any others in file order."""
        order: list[str] = []
        queue = deque([checklist.start])
        while queue:
            step_id = queue.popleft()
            if step_id in order or step_id not in checklist.by_id:
                continue
            order.append(step_id)
            queue.extend(checklist.by_id[step_id].targets)
        order += [s.id for s in checklist.steps if s.id not in order]
        return [checklist.by_id[s] for s in order]

    def checklist_view(self, checklist: Checklist, style: LinkStyle, root: str = "", shift: int = 0) -> ChecklistView:
        """A checklist as data for `checklist-article.html`: numbered steps, answers pointing at step numbers,
        actions with their legal basis, contacts and pages; Markdown rendered with headings demoted by `shift`."""
        labels = self.labels
        # In a document a step's own text links nowhere (shown as text); its actions link to pages and contacts.
        href = self.href_for(style, root, pages=set(), contacts=set()) if style == "document" else self.href_for(
            style, root)
        steps = self.checklist_steps(checklist)
        number = {s.id: n for n, s in enumerate(steps, 1)}

        def step_ref(step_id: str) -> str:
            return f"{labels['answer_goes_to']} {labels['step'].lower()} {number.get(step_id, '?')}"

        def markdown(text: str) -> Html:
            return render_body(text, href, shift=shift).html

        views: list[StepView] = []
        for step in steps:
            kind_word = labels.get(f"step_{step.type}", step.type)
            question, text_html = "", markdown(step.text)
            if step.type == "question" and "\n" not in step.text.strip():
                question, text_html = step.text.strip(), Html("")
            answers = [AnswerView(a.label, a.next, step_ref(a.next)) if a.next in number else AnswerView(a.label)
                       for a in step.answers]
            if step.type == "advice" and step.next and step.next in number:
                answers.append(AnswerView(labels["next_step"], step.next, step_ref(step.next)))
            views.append(StepView(
                id=step.id, kind=step.type, heading=f"{labels['step']} {number[step.id]} · {kind_word}:",
                question=question, text=text_html, help=step.help or "",
                actions=tuple(self._action_view(a, style, root) for a in step.actions), answers=tuple(answers),
            ))
        meta = f"{labels['version']} {checklist.version}"
        if checklist.reviewed:
            meta += f" · {labels['reviewed']} {checklist.reviewed.isoformat()}"
        if checklist.owner:
            meta += f" · {labels['owner']}: {checklist.owner}"
        intro = markdown(checklist.description) if checklist.description else Html("")
        return ChecklistView(checklist.id, checklist.title, intro, meta, tuple(views))

    def _action_view(self, action: Action, style: LinkStyle, root: str) -> ActionView:
        labels = self.labels
        known = self.known(style)

        def href(kind: str, target: str) -> str | None:
            return resolve_link(LinkTarget(kind, target), style, known, root)

        details: list[DetailView] = []
        for page_id in action.basis:
            page = self.handbook.pages.get(page_id)
            if page is None:
                continue
            laws = "; ".join(dict.fromkeys(_PARENS.sub("", s).strip() for s in legal_citations(page.sources)))
            details.append(DetailView(labels["legal_basis"], page.title, href("page", page_id),
                                      f" ({laws})" if laws else ""))
        for contact_id in action.contacts:
            contact = self.handbook.contacts.get(contact_id)
            if contact is None:
                continue
            text = contact.name + (f": {contact.phone}" if contact.phone else "")
            details.append(DetailView(labels["contact_label"], text, href("contact", contact_id),
                                      unverified=not contact.verified))
        for page_id in action.pages:
            page = self.handbook.pages.get(page_id)
            if page is not None:
                details.append(DetailView(labels["read_more"], page.title, href("page", page_id)))
        return ActionView(action.text, tuple(details))
