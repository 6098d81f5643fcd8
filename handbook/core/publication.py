"""What every export shares: the handbook with its checklists, words, templates and date, and the markup
for pages, contacts and checklists. No Qt here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from handbook.core.checklist.model import Action, Checklist, Step
from handbook.core.checklist.reading import load_checklists
from handbook.core.checklist.summarize import legal_citations
from handbook.core.content import ID_PATTERN, Contact, Handbook, Page
from handbook.core.render import ImageSrc, LinkTarget, render_markdown
from handbook.core.review_policy import is_overdue
from handbook.core.templates import Html, Templates, escape, join, load_labels
from handbook.errors import Issue

_PARENS = re.compile(r"\s*\([^()]*\)")


def slug(item_id: str) -> str:
    """A safe file name for a content id (ids are a-z, 0-9 and '-'; anything else is replaced)."""
    if ID_PATTERN.match(item_id):
        return item_id
    cleaned = re.sub(r"[^a-z0-9-]+", "-", item_id.lower()).strip("-") or "side"
    return f"{cleaned}-{hashlib.sha1(item_id.encode('utf-8')).hexdigest()[:6]}"


def page_url(page_id: str) -> str:
    return f"pages/{slug(page_id)}.html"


def checklist_url(checklist_id: str) -> str:
    return f"checklists/{slug(checklist_id)}.html"


def contact_url(contact_id: str) -> str:
    return f"contacts.html#contact-{slug(contact_id)}"


def tel_href(phone: str) -> str:
    """A `tel:` target: digits and a leading +."""
    return re.sub(r"[^\d+]", "", phone)


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

    def fill(self, template: str, /, **values: Any) -> Html:
        return self.templates.fill(template, **values)

    def kind_label(self, kind: str) -> str:
        return str(self.labels["kinds"].get(kind, kind))

    def audience_text(self, page: Page) -> str:
        names = self.labels["audiences"]
        return ", ".join(str(names.get(a, a)) for a in page.audience) or "–"

    # ------------------------------------------------------------------ links

    def href_for(self, root: str, pages: set[str] | None = None,
                 contacts: set[str] | None = None, anchors: bool = False) -> Callable[[LinkTarget], str | None]:
        """Resolve content links to relative URLs (or to `#` anchors in a one-file document)."""
        known_pages = set(self.handbook.pages) if pages is None else pages
        known_contacts = set(self.handbook.contacts) if contacts is None else contacts

        def href(link: LinkTarget) -> str | None:
            if link.kind == "external":
                return link.target
            if link.kind == "anchor":
                return "#" + link.target
            if link.kind == "page":
                if link.target not in known_pages:
                    return None
                return f"#page-{slug(link.target)}" if anchors else root + page_url(link.target)
            if link.kind == "contact":
                if link.target not in known_contacts:
                    return None
                return f"#contact-{slug(link.target)}" if anchors else root + contact_url(link.target)
            if link.kind == "checklist" and link.target in self.checklists and not anchors:
                return root + checklist_url(link.target)
            return None

        return href

    # ------------------------------------------------------------------ pieces shared by the exports

    def page_body(self, page: Page, href: Callable[[LinkTarget], str | None],
                  image_src: ImageSrc | None = None) -> Html:
        """The page's Markdown as HTML, with an <h1> title when the body has none (images only via `image_src`)."""
        body = render_markdown(page.body, href, image_src)
        if not body.lstrip().startswith("<h1"):
            body = self.fill("page-title", title=page.title) + "\n" + body
        return Html(body)

    def reviewed_html(self, reviewed: dt.date | None) -> Html:
        if reviewed is None:
            return escape("–")
        if is_overdue(reviewed, self.today):
            return self.fill("overdue", date=reviewed.isoformat(), text=self.labels["review_overdue"])
        return self.fill("date", date=reviewed.isoformat())

    def contact_card(self, contact: Contact, root: str = "", *, with_source: bool = True) -> Html:
        """One contact as a list item; an unverified one is plainly marked."""
        labels = self.labels
        fields: list[Html] = []
        if contact.phone:
            phone = self.fill("phone", tel=tel_href(contact.phone), phone=contact.phone)
            fields.append(self.fill("field", label=labels["phone"], value=phone))
        if contact.direct:
            direct = self.fill("phone", tel=tel_href(contact.direct), phone=contact.direct)
            fields.append(self.fill("field", label=labels["direct"], value=direct))
        if contact.hours:
            hours = contact.hours + (f" ({labels['checked']} {contact.checked})" if contact.checked else "")
            fields.append(self.fill("field", label=labels["hours"], value=hours))
        if contact.web:
            fields.append(self.fill("field", label=labels["web"], value=contact.web))
        if contact.email:
            fields.append(self.fill("field", label=labels["email"], value=contact.email))
        if contact.note:
            fields.append(self.fill("field", label=labels["note"], value=contact.note))
        if not contact.verified:
            fields.append(self.fill("field", label=labels["unverified"], value=labels["unverified_note"]))
        if with_source and contact.source:
            fields.append(self.fill("field", label=labels["sources"], value=contact.source))
        badge = Html("") if contact.verified else self.fill("unverified-badge", text=labels["unverified"])
        return self.fill(
            "contact",
            id=slug(contact.id),
            extra_class="" if contact.verified else " is-unverified",
            name=contact.name,
            badge=badge,
            helps_with=contact.helps_with,
            fields=join(fields),
        )

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

    def checklist_html(self, checklist: Checklist, root: str, href: Callable[[LinkTarget], str | None]) -> Html:
        """A checklist as a readable list of numbered steps; answers link to the step they lead to."""
        labels = self.labels
        steps = self.checklist_steps(checklist)
        number = {s.id: n for n, s in enumerate(steps, 1)}

        def step_ref(step_id: str) -> str:
            return f"{labels['answer_goes_to']} {labels['step'].lower()} {number.get(step_id, '?')}"

        items: list[Html] = []
        for step in steps:
            kind_word = labels.get(f"step_{step.type}", step.type)
            heading = f"{labels['step']} {number[step.id]} · {kind_word}:"
            text_html = Html(render_markdown(step.text, href))
            question: Html | str = ""
            if step.type == "question" and "\n" not in step.text.strip():
                question, text_html = step.text.strip(), Html("")
            answers: list[Html] = []
            for answer in step.answers:
                if answer.next in number:
                    answers.append(self.fill("answer", label=answer.label, target=slug(answer.next),
                                             goes_to=step_ref(answer.next)))
                else:
                    answers.append(self.fill("answer-plain", label=answer.label))
            if step.type == "advice" and step.next and step.next in number:
                answers.append(self.fill("answer", label=labels["next_step"], target=slug(step.next),
                                         goes_to=step_ref(step.next)))
            actions = Html("")
            if step.actions:
                actions = self.fill(
                    "actions", label=labels["actions"],
                    items=join([self._action_html(a, root) for a in step.actions]),
                )
            items.append(self.fill(
                "step",
                kind=step.type,
                id=slug(step.id),
                heading=heading,
                question=question,
                text=text_html,
                help=self.fill("help", text=step.help) if step.help else Html(""),
                actions=actions,
                answers=self.fill("answers", items=join(answers)) if answers else Html(""),
            ))
        meta = f"{labels['version']} {checklist.version}"
        if checklist.reviewed:
            meta += f" · {labels['reviewed']} {checklist.reviewed.isoformat()}"
        if checklist.owner:
            meta += f" · {labels['owner']}: {checklist.owner}"
        intro = Html(render_markdown(checklist.description, href)) if checklist.description else Html("")
        return self.fill("checklist", id=slug(checklist.id), title=checklist.title, intro=intro, meta=meta,
                         steps=join(items))

    def _action_html(self, action: Action, root: str) -> Html:
        labels = self.labels
        details: list[Html] = []
        for page_id in action.basis:
            page = self.handbook.pages.get(page_id)
            if page is None:
                continue
            laws = "; ".join(dict.fromkeys(_PARENS.sub("", s).strip() for s in legal_citations(page.sources)))
            link = self.fill("link", href=root + page_url(page_id), text=page.title)
            content = Html(link + escape(f" ({laws})" if laws else ""))
            details.append(self.fill("labelled-item", label=labels["legal_basis"], content=content))
        for contact_id in action.contacts:
            contact = self.handbook.contacts.get(contact_id)
            if contact is None:
                continue
            text = contact.name + (f": {contact.phone}" if contact.phone else "")
            content = self.fill("link", href=root + contact_url(contact_id), text=text)
            if not contact.verified:
                content = Html(content + self.fill("unverified-badge", text=labels["unverified"]))
            details.append(self.fill("labelled-item", label=labels["contact_label"], content=content))
        for page_id in action.pages:
            page = self.handbook.pages.get(page_id)
            if page is None:
                continue
            link = self.fill("link", href=root + page_url(page_id), text=page.title)
            details.append(self.fill("labelled-item", label=labels["read_more"], content=link))
        detail_html = self.fill("action-details", items=join(details)) if details else Html("")
        return self.fill("action", text=action.text, details=detail_html)
