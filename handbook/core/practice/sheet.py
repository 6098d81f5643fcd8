"""A case in words: the labels, link titles, the printable case sheet and a walk as plain text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from handbook.core.checklist.reading import load_checklist
from handbook.core.content import Handbook
from handbook.core.links import LinkTarget, resolve_link
from handbook.core.practice.model import Link, Option, PracticeCase, Stage
from handbook.core.practice.walking import PracticeState
from handbook.core.templates import Html, render
from handbook.core.words import words_for


def labels_for(language: str) -> dict[str, str]:
    """Words for a case in its pack's language (nb and nn use bokmål), from `resources/practice-labels.yaml`."""
    return words_for("practice-labels", language)


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
    checklist, _ = load_checklist(path)
    return checklist.title if checklist else link.target


def links_html(links: Sequence[Link], handbook: Handbook, language: str, anchors: bool = True) -> str:
    """`Les mer: <a href="page:id">Title</a>, …` (plain titles when `anchors` is false)."""
    words = labels_for(language)
    shown: list[tuple[str | None, str]] = []
    for link in links:
        title = link_title(link, handbook)
        if title is None:
            shown.append((None, f"{link} ({words['unknown']})"))
        else:
            shown.append((resolve_link(LinkTarget(link.kind, link.target), "reader") if anchors else None, title))
    return render("practice/links.html", links=shown, words=words)


# ---------------------------------------------------------------------------- the case sheet


def case_sheet_html(case: PracticeCase, handbook: Handbook) -> str:
    """The whole case on paper for a meeting: every stage, its discussion questions, every option with its
    rating, reply and feedback, the facilitator's notes and the sources. Links appear as titles."""
    words = labels_for(case.language)
    reviewed = f", {words['reviewed']} {case.reviewed.isoformat()}" if case.reviewed else ""

    def titles(links: Sequence[Link]) -> Html:
        return Html(links_html(links, handbook, case.language, anchors=False))

    stages: list[dict[str, Any]] = []
    for number, stage in enumerate(case.stages, 1):
        options = [(option, words["stage"].format(n=case.number_of(option.next)), titles(option.links))
                   for option in stage.options]
        stages.append({
            "stage": stage,
            "heading": words["stage"].format(n=number) + (f" – {words['end']}" if stage.end else ""),
            "links": titles(stage.links),
            "question": question_of(case, stage) if stage.options else "",
            "options": options,
        })
    return render("practice/sheet.html", case=case, words=words, reviewed=reviewed, stages=stages)


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
