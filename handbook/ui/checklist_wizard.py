"""The checklist wizard: one step per screen over the pure engine in `handbook.core.checklist`.

The widget only presents: every decision (next step, back, summary) comes from the core. Nothing about a
walk is stored; the summary leaves the app only when the user prints, saves or copies it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QResizeEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from handbook.core.checklist import (
    Answer,
    Checklist,
    Summary,
    WalkState,
    actions_html,
    answer,
    back,
    get_checklist,
    proceed,
    restart,
    start,
    step_actions,
    steps_left,
    summary,
    summary_html,
    summary_text,
)
from handbook.core.content import Handbook
from handbook.core.links import KnownTargets, LinkTarget, inline_html, inline_plain, resolve_link
from handbook.core.reader import DEFAULT_TEXT_SIZE
from handbook.errors import HandbookError, WriteError
from handbook.ui import i18n, printing

NUMBER_KEYS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 10)}
# Sizes relative to the reader's text size, so Ctrl+plus/minus keep the wizard's proportions.
TITLE_SCALE = 1.4
QUESTION_SCALE = 1.3
BUTTON_SCALE = 1.2
BUTTON_HEIGHT = 52  # the large buttons' minimum height at the default text size


class FittingBrowser(QTextBrowser):
    """A read-only rich text as tall as its text (no scroll bar of its own), with links reached by Tab."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(lambda _size: self._fit())

    def _fit(self) -> None:
        margins = self.contentsMargins()
        height = int(self.document().size().height()) + margins.top() + margins.bottom() + 2
        if height != self.height():
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.document().setTextWidth(self.viewport().width())
        self._fit()


class ChecklistWizard(QWidget):
    """One checklist, one step per screen, ending in a summary that can be printed, saved or copied.

    `linkActivated` carries "page:<id>" or "contact:<id>" so the main window can open the page beside
    the wizard; the wizard keeps its place.
    """

    linkActivated = Signal(str)  # noqa: N815 (Qt signal naming)
    stepChanged = Signal(str)  # noqa: N815 (Qt signal naming)

    def __init__(
        self,
        handbook: Handbook,
        checklist_id: str,
        parent: QWidget | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        text_size: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.handbook = handbook
        self.checklist_id = checklist_id
        self._today = today
        self._texts = self._words()
        self.ui_language = i18n.current_language()  # headings and labels around the pack's own text
        self.checklist: Checklist | None = None
        self.error: str | None = None
        self._state: WalkState | None = None
        self._summary: Summary | None = None
        self._answer_buttons: list[QPushButton] = []
        self.text_size = text_size or QApplication.font().pointSize() or DEFAULT_TEXT_SIZE
        try:
            self.checklist = get_checklist(handbook, checklist_id)
        except HandbookError as exc:
            self.error = str(exc)
        self._build()
        self.set_text_size(self.text_size)
        if self.checklist is not None:
            self._state = start(self.checklist)
        self._render()

    # ------------------------------------------------------------------ building

    def _words(self) -> dict[str, str]:
        """The wizard's own words in the reader's UI language (Qt translations, like the rest of the window)."""
        return {
            "step": self.tr("Steg {n} av høyst {total}"),
            "done": self.tr("Ferdig – {n} steg"),
            "continue": self.tr("Fortsett"),
            "back": self.tr("Tilbake"),
            "restart": self.tr("Start på nytt"),
            "print": self.tr("Skriv ut"),
            "pdf": self.tr("Lagre som PDF"),
            "preview": self.tr("Forhåndsvis"),
            "preview_title": self.tr("Forhåndsvisning – {title}"),
            "copy": self.tr("Kopier som tekst"),
            "copied": self.tr("Oppsummeringen er kopiert. Lim den inn i tjenestens eget system."),
            "saved": self.tr("Lagret: {path}"),
            "printed": self.tr("Sendt til skriveren."),
            "not_saved": self.tr("Kunne ikke lagre PDF-filen: {path}"),
            "pdf_title": self.tr("Lagre oppsummeringen som PDF"),
            "pdf_filter": self.tr("PDF-filer (*.pdf)"),
            "question": self.tr("Spørsmål"),
            "help": self.tr("Forklaring"),
            "answers": self.tr("Svar"),
            "answer": self.tr("Svar {n}: {label}"),
            "advice": self.tr("Råd"),
            "summary": self.tr("Oppsummering"),
            "progress": self.tr("Framdrift"),
            "step_area": self.tr("Steget i sjekklisten"),
            "links": self.tr("Tab går til lenkene, Enter åpner en lenke."),
            "status": self.tr("Status"),
            "error": self.tr("Sjekklisten kan ikke brukes"),
            "keys": self.tr("Tast 1–{n} for å svare. Backspace eller Alt+Venstre går tilbake."),
            "keys_advice": self.tr("Enter fortsetter. Backspace eller Alt+Venstre går tilbake."),
            "privacy": self.tr("Veileder lagrer ingenting om gjennomgangen."),
        }

    def _build(self) -> None:
        t = self._texts
        self.setObjectName("checklistWizard")
        self.setAccessibleName(self.checklist.title if self.checklist else t["error"])
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.title_label = QLabel(self.checklist.title if self.checklist else t["error"])
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)  # content is text, never markup
        self.title_label.setObjectName("checklistTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setAccessibleName(self.title_label.text())

        self.progress_label = QLabel()
        self.progress_label.setAccessibleName(t["progress"])
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumHeight(8)
        self.progress_bar.setAccessibleName(t["progress"])

        # Question and help are escaped HTML (`links.inline_html`): only allowed `[text](target)` links
        # become links; anything else in the content, markup included, is shown as text.
        self.question_label = QLabel()
        self.question_label.setObjectName("checklistQuestion")
        self.question_label.setWordWrap(True)
        self.question_label.setTextFormat(Qt.TextFormat.RichText)
        self.question_label.setOpenExternalLinks(False)
        self.question_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.question_label.linkActivated.connect(self.linkActivated)

        self.help_label = QLabel()
        self.help_label.setWordWrap(True)
        self.help_label.setTextFormat(Qt.TextFormat.RichText)
        self.help_label.setOpenExternalLinks(False)
        self.help_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.help_label.linkActivated.connect(self.linkActivated)
        self.help_label.setAccessibleName(t["help"])

        # The numbered actions with their Grunnlag/Kontakt links: a read-only text a screen reader can read whole,
        # whose links Tab reaches and Enter opens (a QLabel's links are out of reach of assistive technology).
        self.actions_label = FittingBrowser()
        self.actions_label.setObjectName("checklistActions")
        self.actions_label.anchorClicked.connect(self._anchor_clicked)
        self.actions_label.setAccessibleName(t["advice"])
        self.actions_label.setAccessibleDescription(t["links"])

        self.answers_box = QWidget()
        self.answers_box.setAccessibleName(t["answers"])
        self.answers_layout = QVBoxLayout(self.answers_box)
        self.answers_layout.setContentsMargins(0, 8, 0, 0)
        self.answers_layout.setSpacing(8)

        self.continue_button = self._big_button(t["continue"])
        self.continue_button.clicked.connect(self.proceed)

        self.keys_label = QLabel()
        self.keys_label.setWordWrap(True)

        step_page = QWidget()
        step_layout = QVBoxLayout(step_page)
        step_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.question_label, self.help_label, self.actions_label, self.answers_box,
                       self.continue_button, self.keys_label):
            step_layout.addWidget(widget)
        step_layout.addStretch(1)

        self.summary_view = QTextBrowser()
        self.summary_view.setOpenLinks(False)
        self.summary_view.setOpenExternalLinks(False)
        self.summary_view.anchorClicked.connect(self._anchor_clicked)
        self.summary_view.setAccessibleName(t["summary"])
        self.summary_view.installEventFilter(self)
        self.print_button = QPushButton(t["print"])
        self.print_button.clicked.connect(self.print_summary)
        self.preview_button = QPushButton(t["preview"])
        self.preview_button.clicked.connect(lambda: self.preview_summary())
        self.pdf_button = QPushButton(t["pdf"])
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.copy_button = QPushButton(t["copy"])
        self.copy_button.clicked.connect(self.copy_summary)
        self.preview_dialog: QPrintPreviewDialog | None = None
        summary_buttons = QHBoxLayout()
        for button in (self.print_button, self.preview_button, self.pdf_button, self.copy_button):
            button.setAccessibleName(button.text())
            summary_buttons.addWidget(button)
        summary_buttons.addStretch(1)
        summary_page = QWidget()
        summary_layout = QVBoxLayout(summary_page)
        summary_layout.setContentsMargins(0, 0, 0, 0)
        summary_layout.addWidget(self.summary_view, 1)
        summary_layout.addLayout(summary_buttons)

        self.error_label = QLabel()
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.setAccessibleName(t["error"])

        step_scroll = QScrollArea()
        step_scroll.setWidgetResizable(True)
        step_scroll.setFrameShape(QFrame.Shape.NoFrame)
        step_scroll.setAccessibleName(t["step_area"])
        step_scroll.setWidget(step_page)
        self.pages = QStackedWidget()
        self.pages.addWidget(step_scroll)
        self.pages.addWidget(summary_page)
        self.pages.addWidget(self.error_label)

        self.back_button = QPushButton(t["back"])
        self.back_button.setAccessibleName(t["back"])
        self.back_button.setToolTip("Backspace / Alt+←")
        self.back_button.clicked.connect(self.go_back)
        self.restart_button = QPushButton(t["restart"])
        self.restart_button.setAccessibleName(t["restart"])
        self.restart_button.clicked.connect(self.restart)
        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(t["status"])
        footer = QHBoxLayout()
        footer.addWidget(self.back_button)
        footer.addWidget(self.restart_button)
        footer.addWidget(self.status_label, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.pages, 1)
        layout.addLayout(footer)

    def _big_button(self, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setProperty("big", True)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setMinimumHeight(self._button_height())
        button.setAccessibleName(text)
        return button

    def _button_height(self) -> int:
        return round(BUTTON_HEIGHT * self.text_size / DEFAULT_TEXT_SIZE)

    def set_text_size(self, size: int) -> None:
        """Follow the reader's text size (points): the title, question and large buttons keep their proportions.

        The sizes are a style sheet on the wizard (a font set in code would not survive the application's
        style sheet); everything else uses the application font, which the reader sets to the same size.
        """
        self.text_size = size
        self.setStyleSheet(
            f"QLabel#checklistTitle {{ font-size: {size * TITLE_SCALE:.1f}pt; font-weight: bold; }}\n"
            f"QLabel#checklistQuestion {{ font-size: {size * QUESTION_SCALE:.1f}pt; }}\n"
            f'QPushButton[big="true"] {{ font-size: {size * BUTTON_SCALE:.1f}pt; text-align: left;'
            " padding: 8px 16px; }"
        )
        for button in (self.continue_button, *self._answer_buttons):
            button.setMinimumHeight(self._button_height())

    # ------------------------------------------------------------------ state

    @property
    def state(self) -> WalkState | None:
        """The current walk (None when the checklist could not be loaded)."""
        return self._state

    @property
    def current_summary(self) -> Summary | None:
        """The summary, once the walk has reached an end."""
        return self._summary

    def choose(self, index: int) -> None:
        """Answer the current question with answer `index` (0-based)."""
        if self._state is None or self._state.step.type != "question":
            return
        if 0 <= index < len(self._state.step.answers):
            self._set_state(answer(self._state, index))

    def proceed(self) -> None:
        """Continue from an advice step."""
        if self._state is not None and self._state.step.type == "advice":
            self._set_state(proceed(self._state))

    def go_back(self) -> None:
        """One step back (the answers before it are kept)."""
        if self._state is not None and self._state.can_go_back:
            self._set_state(back(self._state))

    def restart(self) -> None:
        """Start the checklist again from the first question."""
        if self._state is not None:
            self._set_state(restart(self._state))

    def _say(self, text: str) -> None:
        """A message in the status line, also as its accessible name (screen readers read the name)."""
        self.status_label.setText(text)
        self.status_label.setAccessibleName(text or self._texts["status"])

    def _set_state(self, state: WalkState) -> None:
        self._state = state
        self._say("")
        self._render()
        self.stepChanged.emit(state.current)

    # ------------------------------------------------------------------ showing

    def _render(self) -> None:
        t = self._texts
        if self._state is None or self.checklist is None:
            self.error_label.setText(f"{t['error']}:\n\n{self.error or ''}")
            self.error_label.setAccessibleDescription(self.error or "")
            self.pages.setCurrentWidget(self.error_label)
            for widget in (self.back_button, self.restart_button, self.progress_bar, self.progress_label):
                widget.setVisible(False)
            return
        state, step = self._state, self._state.step
        total = state.position - 1 + steps_left(self.checklist, state.current)
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(state.position)
        if state.finished:
            self.progress_label.setText(t["done"].format(n=state.position))
        else:
            self.progress_label.setText(t["step"].format(n=state.position, total=total))
        self.progress_label.setAccessibleName(self.progress_label.text())
        self.progress_label.setAccessibleDescription(t["progress"])
        self.progress_bar.setAccessibleDescription(self.progress_label.text())
        self.back_button.setEnabled(state.can_go_back)
        self.restart_button.setEnabled(state.can_go_back)
        if state.finished:
            self._summary = summary(self.checklist, state, self.handbook, self._today())
            self.summary_view.setHtml(summary_html(self._summary, links=True, language=self.ui_language))
            self.summary_view.setAccessibleDescription(t["privacy"])
            self.pages.setCurrentIndex(1)
            self.summary_view.setFocus()
            return
        self._summary = None
        self.pages.setCurrentIndex(0)
        # Screen readers get the words themselves: the name is what a sighted reader sees, the kind is the description.
        self.question_label.setText(inline_html(step.text, self._href))  # content is escaped; only allowed links
        self.question_label.setAccessibleName(inline_plain(step.text))
        self.question_label.setAccessibleDescription(t["question"] if step.type == "question" else t["advice"])
        self.help_label.setText(inline_html(step.help or "", self._href))
        self.help_label.setAccessibleName(inline_plain(step.help or ""))
        self.help_label.setVisible(bool(step.help))
        actions = step_actions(step, self.handbook)
        self.actions_label.setHtml(actions_html(actions, self.ui_language, links=True) if actions else "")
        self.actions_label.setVisible(bool(actions))
        self._show_answers(step.answers if step.type == "question" else ())
        self.continue_button.setVisible(step.type == "advice")
        self.continue_button.setAccessibleDescription(step.text if step.type == "advice" else "")
        self.focus_step()

    def focus_step(self) -> None:
        """Put the keyboard focus on the step: the first answer, «Fortsett», or the summary.

        The main window calls it when the checklist opens, so the first key goes to the wizard (not the search).
        """
        if self._state is None:
            self.error_label.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if self._state.finished:
            target: QWidget = self.summary_view
        elif self._state.step.type == "advice":
            target = self.continue_button
        elif self._answer_buttons:
            target = self._answer_buttons[0]
        else:
            target = self
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_answers(self, answers: tuple[Answer, ...]) -> None:
        for button in self._answer_buttons:
            self.answers_layout.removeWidget(button)
            button.deleteLater()
        self._answer_buttons = []
        for index, option in enumerate(answers):
            label = inline_plain(option.label)
            button = self._big_button(f"{index + 1}   {label}".replace("&", "&&"))  # '&' is not a shortcut
            button.setAccessibleName(self._texts["answer"].format(n=index + 1, label=label))
            if self._state is not None:  # a screen reader that lands on an answer also hears the question
                button.setAccessibleDescription(inline_plain(self._state.step.text))
            button.setObjectName(f"answer{index + 1}")
            button.clicked.connect(lambda _checked=False, i=index: self.choose(i))
            self.answers_layout.addWidget(button)
            button.show()  # at once, not on the next turn of the event loop: keys and clicks may come first
            self._answer_buttons.append(button)
        self.answers_box.setVisible(bool(answers))
        keys = self._texts["keys"].format(n=len(answers)) if answers else self._texts["keys_advice"]
        self.answers_box.setAccessibleDescription(keys if answers else "")
        self.keys_label.setText(keys)
        self.keys_label.setAccessibleName(keys)

    @property
    def answer_buttons(self) -> list[QPushButton]:
        """The buttons of the current question's answers, in order."""
        return list(self._answer_buttons)

    def _href(self, link: LinkTarget) -> str | None:
        """Where a link in a question or help text goes: known pages, contacts and checklists, the outside
        world (the main window asks before it opens); anything else stays text."""
        if link.kind == "anchor":
            return None  # a question has no places to jump to
        handbook = self.handbook
        return resolve_link(link, "reader", KnownTargets(handbook.pages, handbook.contacts, handbook.checklist_paths))

    def _anchor_clicked(self, url: QUrl) -> None:
        self.linkActivated.emit(url.toString())

    # ------------------------------------------------------------------ keyboard

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if not self._handle_key(event):
            super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """The summary view would use Alt+Left itself; the wizard's keys come first."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and self._handle_key(event):
            return True
        return super().eventFilter(watched, event)

    def _handle_key(self, event: QKeyEvent) -> bool:
        key, mods = event.key(), event.modifiers()
        if self._state is None:
            return False
        if key == Qt.Key.Key_Backspace or (key == Qt.Key.Key_Left and mods & Qt.KeyboardModifier.AltModifier):
            self.go_back()
            return True
        if self._summary is not None and mods & Qt.KeyboardModifier.ControlModifier:
            # In the main window its own Ctrl+P / Ctrl+Shift+S actions come first and call the same methods.
            if key == Qt.Key.Key_P and not mods & Qt.KeyboardModifier.ShiftModifier:
                self.print_summary()
                return True
            if key == Qt.Key.Key_S and mods & Qt.KeyboardModifier.ShiftModifier:
                self.save_pdf()
                return True
        plain = not (mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                             | Qt.KeyboardModifier.MetaModifier))
        step = self._state.step
        if plain and key in NUMBER_KEYS and step.type == "question":
            self.choose(NUMBER_KEYS[key] - 1)
            return True
        if plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and step.type == "advice":
            self.proceed()
            return True
        return False

    # ------------------------------------------------------------------ the summary leaves the app

    def summary_plain_text(self) -> str:
        """The summary as plain text ("" before the end)."""
        return summary_text(self._summary) if self._summary else ""

    def copy_summary(self) -> None:
        """Put the plain-text summary on the clipboard."""
        if self._summary is None:
            return
        QGuiApplication.clipboard().setText(self.summary_plain_text())
        self._say(self._texts["copied"])

    def choose_pdf_path(self) -> str | None:
        """Ask where to save the PDF (tests replace this method)."""
        suggested = printing.documents_folder() / f"{self.checklist_id}-{self._today().isoformat()}.pdf"
        path = printing.ask_pdf_path(self, self._texts["pdf_title"], suggested, self._texts["pdf_filter"])
        return str(path) if path is not None else None

    def print_job(self) -> printing.PrintJob | None:
        """The summary as the page printer lays it out: header (checklist, municipality, date), «Side n av N»."""
        return printing.PrintJob.for_summary(self._summary) if self._summary is not None else None

    def save_pdf(self, path: str | Path | None = None) -> Path | None:
        """Write the summary as a PDF to `path`, or to a file the user chooses. Returns the file, or None."""
        job = self.print_job()
        if job is None or self._summary is None:
            return None
        chosen = str(path) if path else self.choose_pdf_path()
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        # The PDF writer (document templates, Jinja2, WeasyPrint) is loaded when a summary is saved, not at start.
        from handbook.core.pdf import PdfEngineMissing, write_summary_pdf

        try:  # a tagged PDF/UA-1 (core); Qt's untagged PDF only where WeasyPrint/Pango cannot be loaded
            try:
                write_summary_pdf(self._summary, target)
            except PdfEngineMissing:
                printing.save_pdf(target, job)  # written to a temporary file, checked, then renamed into place
        except (OSError, WriteError) as exc:  # «Lagret» only when the whole file was written
            reason = getattr(exc, "strerror", None) or exc
            self._say(self._texts["not_saved"].format(path=target) + f" ({reason})")
            return None
        self._say(self._texts["saved"].format(path=target))
        return target

    def exec_print_dialog(self, printer: QPrinter) -> bool:
        """Show the print dialog (tests replace this method). True when the user chose to print."""
        return QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted

    def preview_summary(self) -> QPrintPreviewDialog | None:
        """Print preview of the summary: the same pages as on paper (header, «Side n av N»); print from there."""
        job = self.print_job()
        if job is None:
            return None
        title = self._texts["preview_title"].format(title=f"{job.title} – {job.municipality}")
        self.preview_dialog = printing.open_preview(job, self, title)
        return self.preview_dialog

    def print_summary(self) -> bool:
        """Print the summary through the system's print dialog."""
        job = self.print_job()
        if job is None:
            return False
        printer = printing.printer_for(job)
        if not self.exec_print_dialog(printer):
            return False
        try:
            printing.render(printer, job)
        except OSError as exc:
            self._say(str(exc))
            return False
        self._say(self._texts["printed"])
        return True
