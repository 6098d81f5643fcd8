"""A case in words: the labels, link titles, the printable case sheet and a walk as plain text."""

from __future__ import annotations

import html
from collections.abc import Sequence

from handbook.core.checklist.reading import load_checklist
from handbook.core.content import Handbook
from handbook.core.practice.model import Link, Option, PracticeCase, Stage
from handbook.core.practice.walking import PracticeState
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
    parts = []
    for link in links:
        title = link_title(link, handbook)
        if title is None:
            parts.append(html.escape(f"{link} ({words['unknown']})"))
        elif anchors:
            parts.append(f'<a href="{html.escape(str(link))}">{html.escape(title)}</a>')
        else:
            parts.append(html.escape(title))
    return f"{html.escape(words['read'])}: {', '.join(parts)}" if parts else ""


# ---------------------------------------------------------------------------- the case sheet


def case_sheet_html(case: PracticeCase, handbook: Handbook) -> str:
    """The whole case on paper for a meeting: every stage, its discussion questions, every option with its
    rating, reply and feedback, the facilitator's notes and the sources. Links appear as titles."""
    words = labels_for(case.language)
    esc = html.escape
    reviewed = f", {words['reviewed']} {case.reviewed.isoformat()}" if case.reviewed else ""
    out = [
        f'<html><head><meta charset="utf-8"><title>{esc(case.title)}</title></head><body>',
        f"<h1>{esc(case.title)}</h1>",
        f"<p>{esc(words['case'])}: {esc(case.id)}, {esc(words['version'])} {esc(case.version)}{esc(reviewed)}<br>"
        f"{esc(words['service'])}: {esc(case.service)}<br>"
        f"{esc(words['kind'])}: {esc(words.get(case.kind, case.kind))}<br>"
        f"<i>{esc(words['fictional'])}</i></p>",
    ]
    if case.description:
        out.append(f"<p>{esc(case.description)}</p>")
    if case.facilitator:
        out.append(f"<h2>{esc(words['facilitator'])}</h2><p>{esc(case.facilitator)}</p>")
    for number, stage in enumerate(case.stages, 1):
        heading = words["stage"].format(n=number) + (f" – {words['end']}" if stage.end else "")
        out.append(f"<h2>{esc(heading)}</h2><p>{esc(stage.text)}</p>")
        if stage.says:
            out.append(f"<blockquote>«{esc(stage.says)}»</blockquote>")
        if stage.links:
            out.append(f"<p>{links_html(stage.links, handbook, case.language, anchors=False)}</p>")
        if stage.discuss:
            out.append(f"<h3>{esc(words['discuss'])}</h3><ul>")
            out += [f"<li>{esc(q)}</li>" for q in stage.discuss]
            out.append("</ul>")
        if stage.options:
            out.append(f"<h3>{esc(question_of(case, stage))}</h3><ol>")
            for option in stage.options:
                target = case.number_of(option.next)
                out.append(f"<li><p><b>{esc(option.label)}</b> – {esc(words[option.rating])} "
                           f"({esc(words['leads_to'])} {esc(words['stage'].format(n=target))})</p>")
                if option.reply:
                    out.append(f"<p>{esc(words['reply'])}: «{esc(option.reply)}»</p>")
                out.append(f"<p>{esc(option.feedback)}</p>")
                if option.links:
                    out.append(f"<p>{links_html(option.links, handbook, case.language, anchors=False)}</p>")
                out.append("</li>")
            out.append("</ol>")
        if stage.notes:
            out.append(f"<p><b>{esc(words['notes'])}:</b> {esc(stage.notes)}</p>")
    if case.sources:
        out.append(f"<h2>{esc(words['sources'])}</h2><ul>")
        out += [f"<li>{esc(s)}</li>" for s in case.sources]
        out.append("</ul>")
    out.append(f"<p><small>{esc(words['privacy'])}</small></p></body></html>")
    return "\n".join(out)


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
