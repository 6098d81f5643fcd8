"""The summary as words: plain text to paste into a case file, and HTML for the screen, printing and PDFs."""

from __future__ import annotations

import html
from collections.abc import Sequence

from handbook.core.checklist.summarize import ContactLine, LegalBasis, Summary, SummaryAction
from handbook.core.words import words_for


def labels_for(language: str) -> dict[str, str]:
    """Summary words for a language (nb and nn use bokmål; en for an English UI).

    They live in `resources/checklist-labels.yaml`, where editors change them.
    """
    return words_for("checklist-labels", language)


def contact_text(contact: ContactLine, language: str) -> str:
    """`Name: phone (hours)`, with «ikke bekreftet» when the number is not verified."""
    words = labels_for(language)
    if not contact.known:
        return f"{contact.id} ({words['unknown']})"
    if contact.fallback is not None:  # the local number is missing: say so, and give the national one
        national = contact.fallback
        local = f"{contact.phone} – {words['unverified']}" if contact.phone else words["local_missing"]
        text = f"{contact.name}: {local}. {words['national']}: {national.name} {national.phone}"
        return text + (f" ({national.hours})" if national.hours else "")
    text = f"{contact.name}: {contact.phone or words['no_phone']}"
    if contact.hours:
        text += f" ({contact.hours})"
    if not contact.verified:
        text += f" – {words['unverified']}"
    if contact.note:
        text += f". {contact.note}"
    return text


def basis_text(basis: LegalBasis, language: str) -> str:
    """`Title (law § …)`."""
    if not basis.known:
        return f"{basis.page_id} ({labels_for(language)['unknown']})"
    return f"{basis.title} ({basis.citation})" if basis.citation else basis.title


def _heading(s: Summary, language: str | None = None) -> str:
    words = labels_for(language or s.language)
    reviewed = f", {words['reviewed']} {s.reviewed.isoformat()}" if s.reviewed else ""
    return f"{s.checklist_id}, {words['version']} {s.version}{reviewed}"


def _page_titles(action: SummaryAction, words: dict[str, str]) -> str:
    return "; ".join(p.title if p.known else f"{p.id} ({words['unknown']})" for p in action.pages)


def summary_text(s: Summary) -> str:
    """Plain text to paste into a case file."""
    words = labels_for(s.language)
    lines = [
        f"{words['checklist']}: {s.title} ({_heading(s)})",
        f"{words['municipality']}: {s.municipality}",
        f"{words['date']}: {s.date.isoformat()}",
        "",
        f"{words['outcome']}:",
        s.outcome if s.outcome is not None else words["unfinished"],
    ]
    if s.actions:
        lines += ["", f"{words['actions']}:"]
    for n, action in enumerate(s.actions, 1):
        lines.append(f"{n}. {action.text}")
        lines += [f"   {words['basis']}: {basis_text(item, s.language)}" for item in action.basis]
        lines += [f"   {words['contacts']}: {contact_text(c, s.language)}" for c in action.contacts]
        if action.pages:
            lines.append(f"   {words['pages']}: {_page_titles(action, words)}")
    lines += ["", f"{words['path']}:"]
    lines += [f"{n}. {e.question} → {e.answer}" for n, e in enumerate(s.path, 1)]
    if s.bases:
        lines += ["", f"{words['laws']}:"]
        for item in s.bases:
            if item.known:
                lines.append(f"- {item.title}: {'; '.join(item.laws)}")
            else:
                lines.append(f"- {basis_text(item, s.language)}")
    lines += ["", words["privacy"]]
    return "\n".join(lines) + "\n"


def _link(kind: str, target: str, text: str, known: bool, links: bool) -> str:
    if links and known:
        return f'<a href="{kind}:{html.escape(target)}">{html.escape(text)}</a>'
    return html.escape(text)


def actions_html(actions: Sequence[SummaryAction], language: str, links: bool = False) -> str:
    """An ordered list of actions with basis, contacts and pages (`page:id` / `contact:id` links if asked)."""
    words = labels_for(language)
    esc = html.escape
    out = ["<ol>"]
    for action in actions:
        out.append(f"<li><p>{esc(action.text)}</p><ul>")
        for item in action.basis:
            text = basis_text(item, language)
            out.append(f"<li>{esc(words['basis'])}: {_link('page', item.page_id, text, item.known, links)}</li>")
        for contact in action.contacts:
            text = contact_text(contact, language)
            out.append(f"<li>{esc(words['contacts'])}: {_link('contact', contact.id, text, contact.known, links)}</li>")
        if action.pages:
            pages = ", ".join(_link("page", p.id, p.title, p.known, links) for p in action.pages)
            out.append(f"<li>{esc(words['pages'])}: {pages}</li>")
        out.append("</ul></li>")
    out.append("</ol>")
    return "\n".join(out)


def summary_html(s: Summary, links: bool = False, language: str | None = None) -> str:
    """HTML for printing or a PDF; with `links`, contacts and pages are `contact:id` / `page:id` anchors.

    `language` sets the headings and labels (default: the pack's); the checklist's own text is unchanged.
    """
    language = language or s.language
    words = labels_for(language)
    esc = html.escape
    out = [
        f'<html><head><meta charset="utf-8"><title>{esc(s.title)}</title></head><body>',
        f"<h1>{esc(s.title)}</h1>",
        f"<p>{esc(words['checklist'])}: {esc(_heading(s, language))}<br>"
        f"{esc(words['municipality'])}: {esc(s.municipality)}<br>"
        f"{esc(words['date'])}: {esc(s.date.isoformat())}</p>",
        f"<h2>{esc(words['outcome'])}</h2>",
        f"<p><b>{esc(s.outcome if s.outcome is not None else words['unfinished'])}</b></p>",
    ]
    if s.actions:
        out.append(f"<h2>{esc(words['actions'])}</h2>")
        out.append(actions_html(s.actions, language, links))
    out.append(f"<h2>{esc(words['path'])}</h2><ol>")
    out += [f"<li>{esc(e.question)} → <b>{esc(e.answer)}</b></li>" for e in s.path]
    out.append("</ol>")
    if s.bases:
        out.append(f"<h2>{esc(words['laws'])}</h2><ul>")
        for item in s.bases:
            laws = "; ".join(item.laws) if item.known else words["unknown"]
            out.append(f"<li>{_link('page', item.page_id, item.title, item.known, links)}: {esc(laws)}</li>")
        out.append("</ul>")
    out.append(f"<p><small>{esc(words['privacy'])}</small></p></body></html>")
    return "\n".join(out)
