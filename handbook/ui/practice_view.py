"""Practice cases on screen: on one's own, or in a meeting on a projector. Over the pure walk in
`handbook.core.practice`.

On one's own: a stage, its options (keys 1–9), the feedback on the choice with links into the handbook,
then the next stage; at the end how the case ended and the path taken. In a meeting (F5): large text, one
stage per screen with its discussion questions, and the options revealed only when the group is ready
(Enter or Space). The case sheet with the facilitator's notes prints through the reader's printing path.

Nothing about a walk is stored: the path lives in this widget while the case is open and is gone when it
closes. The widget never touches the settings or the cache.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from handbook.core.content import Handbook
from handbook.core.practice import (
    Link,
    PracticeCase,
    PracticeState,
    back,
    choose,
    chosen_text,
    get_case,
    labels_for,
    link_title,
    load_cases,
    proceed,
    question_of,
    restart,
    stages_left,
    start,
)
from handbook.core.reader import DEFAULT_TEXT_SIZE
from handbook.core.templates import render
from handbook.errors import HandbookError
from handbook.ui import printing

NUMBER_KEYS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 10)}
TITLE_SCALE = 1.4
TEXT_SCALE = 1.2
BUTTON_SCALE = 1.1
MEETING_SCALE = 2.0  # a projector: everything twice as large as on one's own
BUTTON_HEIGHT = 48
RATING_TONE = {"good": "#1b6e3a", "mixed": "#8a5a00", "poor": "#a4262c"}


def _label(name: str, rich: bool = False) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    if rich:
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setOpenExternalLinks(False)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    else:
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class WrapButton(QPushButton):
    """A large button whose text wraps (an option can be a whole sentence, and meeting mode doubles its size)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(text, self)
        self.label.setObjectName("bigButtonText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.addWidget(self.label)
        self.setProperty("big", True)
        self.setAccessibleName(text)
        size_policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        size_policy.setHeightForWidth(True)
        self.setSizePolicy(size_policy)

    def caption(self) -> str:
        return self.label.text()

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        layout = self.layout()
        height = layout.totalHeightForWidth(width) if layout is not None else super().heightForWidth(width)
        return max(height, self.minimumHeight())

    def sizeHint(self) -> QSize:  # noqa: N802
        layout = self.layout()
        hint = layout.totalSizeHint() if layout is not None else super().sizeHint()
        return QSize(hint.width(), max(hint.height(), self.minimumHeight()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(120, self.minimumHeight())


class LinkList(QWidget):
    """«Les mer»: one link button per page, contact or checklist. Tab reaches each; Enter, Space or a click
    emits `linkActivated` with "page:<id>", "contact:<id>" or "checklist:<id>"."""

    linkActivated = Signal(str)  # noqa: N815 (Qt signal naming)

    def __init__(self, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = _label("practiceLinksHeading")
        self.heading.setText(heading)
        self.buttons: list[QPushButton] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 4, 0, 4)
        self._layout.setSpacing(2)
        self._layout.addWidget(self.heading)

    def set_links(self, links: Sequence[Link], handbook: Handbook) -> None:
        for button in self.buttons:
            self._layout.removeWidget(button)
            button.hide()  # out of the focus chain at once
            button.deleteLater()
        self.buttons = []
        for link in links:
            title = link_title(link, handbook)
            if title is None:  # the lint reports it; the reader never offers a dead link
                continue
            button = QPushButton(f"→ {title}")
            button.setObjectName("linkButton")
            button.setProperty("href", str(link))
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setAccessibleName(f"{self.heading.text()}: {title}")
            button.clicked.connect(lambda _=False, href=str(link): self.linkActivated.emit(href))
            button.installEventFilter(self)
            self._layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            button.show()  # at once, not on the next event loop turn: Tab must find it straight away
            self.buttons.append(button)
        self.setVisible(bool(self.buttons))

    def chain_before(self, widget: QWidget) -> None:
        """Tab goes through the links in order and then to `widget` (Shift+Tab from it comes back to them)."""
        for first, second in zip(self.buttons, [*self.buttons[1:], widget], strict=False):
            QWidget.setTabOrder(first, second)

    def hrefs(self) -> list[str]:
        return [str(b.property("href")) for b in self.buttons]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and isinstance(watched, QPushButton)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            watched.click()
            return True
        return super().eventFilter(watched, event)


class PracticeView(QWidget):
    """The list of practice cases and one case, walked on one's own or in meeting mode.

    `linkActivated` carries "page:<id>", "contact:<id>" or "checklist:<id>" for the main window; the case
    keeps its place.
    """

    linkActivated = Signal(str)  # noqa: N815 (Qt signal naming)
    stageChanged = Signal(str)  # noqa: N815 (Qt signal naming)
    meetingChanged = Signal(bool)  # noqa: N815 (Qt signal naming)

    def __init__(self, handbook: Handbook, parent: QWidget | None = None, text_size: int | None = None) -> None:
        super().__init__(parent)
        self.handbook = handbook
        self.words = labels_for(handbook.language)
        self.text_size = text_size or QApplication.font().pointSize() or DEFAULT_TEXT_SIZE
        self.case: PracticeCase | None = None
        self.error: str | None = None
        self.meeting = False
        self.revealed = False
        self._state: PracticeState | None = None
        self.option_buttons: list[WrapButton] = []
        self.cases, self.issues = load_cases(handbook)
        self._build()
        self.set_text_size(self.text_size)
        self.show_list()

    # ------------------------------------------------------------------ building

    def _big_button(self, text: str) -> WrapButton:
        return WrapButton(text)

    def _build(self) -> None:
        self.setObjectName("practiceView")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        # The list of cases.
        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        heading = _label("practiceTitle")
        heading.setText(self.tr("Øvingssaker"))
        lead = _label("practiceLead")
        lead.setText(self.tr("Oppdiktede saker å øve på, alene eller sammen i et møte. Velg, og se hva som "
                             "skjer. Veileder lagrer ingenting om hvem som øver eller hva som blir valgt."))
        list_layout.addWidget(heading)
        list_layout.addWidget(lead)
        self.case_buttons: dict[str, WrapButton] = {}
        for number, case in enumerate(self.cases.values(), 1):
            kind = self.words.get(case.kind, case.kind)
            button = self._big_button(f"{number}. {case.title}\n{case.service} · {kind}")
            button.clicked.connect(lambda _=False, cid=case.id: self.open_case(cid))
            self.case_buttons[case.id] = button
            list_layout.addWidget(button)
        if not self.cases:
            empty = _label("practiceLead")
            empty.setText(self.tr("Det finnes ingen øvingssaker for denne kommunen ennå."))
            list_layout.addWidget(empty)
        self.meeting_start = QPushButton(self.tr("Start i møtemodus (F5)"))
        self.meeting_start.setCheckable(True)
        self.meeting_start.setToolTip(self.tr("Stor tekst for projektor: én del per skjerm, valgene vises når "
                                              "gruppen er klar"))
        self.meeting_start.toggled.connect(self._meeting_choice)
        list_layout.addWidget(self.meeting_start, 0, Qt.AlignmentFlag.AlignLeft)
        list_layout.addStretch(1)

        # One stage: what you see or hear, the discussion, the question and the options.
        stage_page = QWidget()
        stage_layout = QVBoxLayout(stage_page)
        stage_layout.setContentsMargins(0, 0, 0, 0)
        self.stage_text = _label("practiceText")
        self.says_label = _label("practiceSays")
        self.discuss_label = _label("practiceDiscuss", rich=True)
        self.question_label = _label("practiceQuestion")
        self.reveal_button = self._big_button(self.tr("Vis valgene (Enter)"))
        self.reveal_button.clicked.connect(self.reveal)
        self.options_box = QWidget()
        self.options_layout = QVBoxLayout(self.options_box)
        self.options_layout.setContentsMargins(0, 8, 0, 0)
        self.options_layout.setSpacing(8)
        self.stage_links = LinkList(self.words["read"])
        self.stage_links.linkActivated.connect(self.linkActivated)
        self.path_label = _label("practicePath", rich=True)
        self.end_buttons = QWidget()
        end_row = QHBoxLayout(self.end_buttons)
        end_row.setContentsMargins(0, 8, 0, 0)
        self.again_button = QPushButton(self.tr("Øv på nytt"))
        self.again_button.clicked.connect(self.restart)
        self.other_button = QPushButton(self.tr("Velg en annen sak"))
        self.other_button.clicked.connect(self.show_list)
        end_row.addWidget(self.again_button)
        end_row.addWidget(self.other_button)
        end_row.addStretch(1)
        for widget in (self.stage_text, self.says_label, self.stage_links, self.discuss_label, self.question_label,
                       self.reveal_button, self.options_box, self.path_label, self.end_buttons):
            stage_layout.addWidget(widget)
        stage_layout.addStretch(1)

        # The feedback on a choice.
        feedback_page = QWidget()
        feedback_layout = QVBoxLayout(feedback_page)
        feedback_layout.setContentsMargins(0, 0, 0, 0)
        self.chosen_label = _label("practiceChosen")
        self.rating_label = _label("practiceRating")
        self.reply_label = _label("practiceSays")
        self.feedback_label = _label("practiceFeedback")
        self.links = LinkList(self.words["read"])
        self.links.linkActivated.connect(self.linkActivated)
        self.continue_button = self._big_button(self.tr("Fortsett (Enter)"))
        self.continue_button.clicked.connect(self.proceed)
        for widget in (self.chosen_label, self.rating_label, self.reply_label, self.feedback_label, self.links,
                       self.continue_button):
            feedback_layout.addWidget(widget)
        feedback_layout.addStretch(1)

        self.error_label = _label("practiceText")

        self.pages = QStackedWidget()
        for page in (list_page, stage_page, feedback_page, self.error_label):
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(page)
            self.pages.addWidget(scroll)
        self.list_page, self.stage_page, self.feedback_page = list_page, stage_page, feedback_page

        # Header and footer around a case.
        self.title_label = _label("practiceTitle")
        self.progress_label = _label("practiceProgress")
        self.fictional_label = _label("practiceProgress")
        self.fictional_label.setText(self.words["fictional"])
        self.back_button = QPushButton(self.tr("Tilbake"))
        self.back_button.setToolTip("Backspace / Alt+←")
        self.back_button.clicked.connect(self.go_back)
        self.meeting_button = QPushButton(self.tr("Møtemodus (F5)"))
        self.meeting_button.setCheckable(True)
        self.meeting_button.toggled.connect(self.set_meeting)
        self.print_button = QPushButton(self.tr("Skriv ut saksark …"))
        self.print_button.clicked.connect(self.print_sheet)
        self.pdf_button = QPushButton(self.tr("Saksark som PDF …"))
        self.pdf_button.clicked.connect(lambda: self.save_sheet_pdf())
        self.list_button = QPushButton(self.tr("Alle saker"))
        self.list_button.clicked.connect(self.show_list)
        self.status_label = _label("practiceProgress")
        self.footer = QWidget()
        footer = QHBoxLayout(self.footer)
        footer.setContentsMargins(0, 0, 0, 0)
        for footer_button in (self.back_button, self.list_button, self.meeting_button, self.print_button,
                              self.pdf_button):
            footer_button.setAccessibleName(footer_button.text().rstrip(" …"))
            footer.addWidget(footer_button)
        footer.addWidget(self.status_label, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 8)
        layout.addWidget(self.title_label)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.fictional_label)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.footer)

        for keys, slot in (("F5", self.toggle_meeting), ("Esc", lambda: self.set_meeting(False))):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.installEventFilter(self)

    def set_text_size(self, size: int) -> None:
        """Follow the reader's text size; meeting mode doubles it for the projector."""
        self.text_size = size
        scale = MEETING_SCALE if self.meeting else 1.0
        base = size * scale
        self.setStyleSheet(
            f"QLabel#practiceTitle {{ font-size: {base * TITLE_SCALE:.1f}pt; font-weight: bold; }}\n"
            f"QLabel#practiceText, QLabel#practiceFeedback {{ font-size: {base * TEXT_SCALE:.1f}pt; }}\n"
            f"QLabel#practiceSays {{ font-size: {base * TEXT_SCALE:.1f}pt; font-style: italic; }}\n"
            f"QLabel#practiceQuestion, QLabel#practiceChosen {{ font-size: {base * TEXT_SCALE:.1f}pt;"
            " font-weight: bold; }\n"
            f"QLabel#practiceDiscuss, QLabel#practiceRating, QLabel#practicePath, QLabel#practiceLead,"
            f" QPushButton#linkButton {{ font-size: {base:.1f}pt; }}\n"
            f"QLabel#practiceLinksHeading {{ font-size: {base:.1f}pt; font-weight: bold; }}\n"
            f"QLabel#bigButtonText {{ font-size: {base * BUTTON_SCALE:.1f}pt; }}"
        )
        height = round(BUTTON_HEIGHT * base / DEFAULT_TEXT_SIZE)
        for button in (*self.option_buttons, self.continue_button, self.reveal_button, *self.case_buttons.values()):
            button.setMinimumHeight(height)

    # ------------------------------------------------------------------ state

    @property
    def state(self) -> PracticeState | None:
        """The walk on screen (None on the list). Never stored."""
        return self._state

    def show_list(self) -> None:
        """The list of cases; the walk on screen is dropped."""
        self.case = None
        self._state = None
        self.error = None
        self._render()

    def open_case(self, case_id: str) -> bool:
        """Start a case from its first stage."""
        try:
            self.case = get_case(self.handbook, case_id)
        except HandbookError as exc:
            self.case, self.error = None, str(exc)
            self._state = None
            self._render()
            return False
        self.error = None
        self._set_state(start(self.case))
        return True

    def choose(self, index: int) -> None:
        """Choose option `index` (0-based); in meeting mode only once the options are shown."""
        state = self._state
        if state is None or state.feedback or state.finished or (self.meeting and not self.revealed):
            return
        if 0 <= index < len(state.stage.options):
            self._set_state(choose(state, index))

    def proceed(self) -> None:
        """From the feedback on to the next stage."""
        if self._state is not None and self._state.feedback:
            self._set_state(proceed(self._state))

    def reveal(self) -> None:
        """Meeting mode: show the options once the group has talked."""
        if self._state is not None and not self._state.feedback and not self.revealed:
            self.revealed = True
            self._render()

    def go_back(self) -> None:
        if self._state is not None and self._state.can_go_back:
            self._set_state(back(self._state))

    def restart(self) -> None:
        if self._state is not None:
            self._set_state(restart(self._state))

    def set_meeting(self, on: bool) -> None:
        """Meeting mode on or off (F5, Esc): large text, discussion first, options on request."""
        if on == self.meeting:
            return
        self.meeting = on
        self.revealed = False
        for button in (self.meeting_button, self.meeting_start):
            button.blockSignals(True)
            button.setChecked(on)
            button.blockSignals(False)
        self.set_text_size(self.text_size)
        self._render()
        self.meetingChanged.emit(on)

    def toggle_meeting(self) -> None:
        self.set_meeting(not self.meeting)

    def _meeting_choice(self, on: bool) -> None:
        self.set_meeting(on)

    def _set_state(self, state: PracticeState) -> None:
        self._state = state
        self.revealed = False
        self.status_label.clear()
        self._render()
        self.stageChanged.emit(state.current)

    # ------------------------------------------------------------------ showing

    def _render(self) -> None:
        in_case = self._state is not None and self.case is not None
        for widget in (self.progress_label, self.fictional_label, self.footer):
            widget.setVisible(in_case)
        if not in_case:
            self.title_label.setText(self.tr("Øvingssaken kan ikke brukes") if self.error else "")
            self.title_label.setVisible(bool(self.error))
            if self.error:
                self.error_label.setText(self.error)
                self.pages.setCurrentIndex(3)
            else:
                self.pages.setCurrentIndex(0)
                first = next(iter(self.case_buttons.values()), None)
                if first is not None:
                    first.setFocus()
            return
        assert self._state is not None and self.case is not None
        state, case = self._state, self.case
        self.title_label.setVisible(True)
        self.title_label.setText(case.title)
        self.back_button.setEnabled(state.can_go_back)
        for button in (self.print_button, self.pdf_button):
            button.setVisible(not self.meeting or state.finished)
        total = max(len(state.taken) + stages_left(case, state.current), 1)
        if state.feedback:
            self._show_feedback(state)
            self.progress_label.setText(self.tr("Del {n} av høyst {total}").format(n=state.position, total=total))
            return
        self.progress_label.setText(self.tr("Del {n} av høyst {total}").format(n=state.position, total=total)
                                    if not state.finished else self.words["end"])
        self._show_stage(state)

    def _show_stage(self, state: PracticeState) -> None:
        assert self.case is not None
        stage, case = state.stage, self.case
        self.pages.setCurrentIndex(1)
        self.stage_text.setText(stage.text)
        self.says_label.setText(f"«{stage.says}»" if stage.says else "")
        self.says_label.setVisible(bool(stage.says))
        discuss = stage.discuss if (self.meeting or state.finished) else ()
        if discuss:
            self.discuss_label.setText(render("ui/list.html", heading=self.words["discuss"], items=discuss,
                                              ordered=False, after=""))
        self.discuss_label.setVisible(bool(discuss))
        self.stage_links.set_links(stage.links if state.finished else (), self.handbook)
        self.stage_links.chain_before(self.again_button)
        waiting = self.meeting and not self.revealed and not state.finished
        self.question_label.setText(question_of(case, stage) if not state.finished else "")
        self.question_label.setVisible(not state.finished)
        self.reveal_button.setVisible(waiting)
        self._show_options(() if (waiting or state.finished) else tuple(o.label for o in stage.options))
        self.options_box.setVisible(not waiting and not state.finished)
        self.end_buttons.setVisible(state.finished)
        self.path_label.setVisible(state.finished)
        if state.finished:
            self.path_label.setText(self._path_html(state))
            self.again_button.setFocus()
        elif waiting:
            self.reveal_button.setFocus()
        elif self.option_buttons:
            self.option_buttons[0].setFocus()

    def _show_options(self, labels: tuple[str, ...]) -> None:
        for button in self.option_buttons:
            self.options_layout.removeWidget(button)
            button.hide()  # out of the focus chain at once
            button.deleteLater()
        self.option_buttons = []
        height = round(BUTTON_HEIGHT * self.text_size * (MEETING_SCALE if self.meeting else 1) / DEFAULT_TEXT_SIZE)
        for number, label in enumerate(labels, 1):
            button = self._big_button(f"{number}   {label}")
            button.setAccessibleName(self.tr("Valg {n}: {label}").format(n=number, label=label))
            button.setMinimumHeight(height)
            button.clicked.connect(lambda _=False, i=number - 1: self.choose(i))
            button.installEventFilter(self)
            self.options_layout.addWidget(button)
            button.show()
            self.option_buttons.append(button)

    def _show_feedback(self, state: PracticeState) -> None:
        assert self.case is not None
        option = state.last_option
        assert option is not None
        self.pages.setCurrentIndex(2)
        self.chosen_label.setText(chosen_text(self.case, option))
        colour = RATING_TONE.get(option.rating, "")
        self.rating_label.setText(self.words.get(option.rating, option.rating))
        self.rating_label.setStyleSheet(f"color: {colour}; font-weight: bold;" if colour else "")
        reply = f"{self.words['reply']}: «{option.reply}»" if option.reply else ""
        self.reply_label.setText(reply)
        self.reply_label.setVisible(bool(reply))
        self.feedback_label.setText(option.feedback)
        self.links.set_links(option.links, self.handbook)
        self.links.chain_before(self.continue_button)
        self.continue_button.setFocus()

    def _path_html(self, state: PracticeState) -> str:
        rows = [(option.label, self.words[option.rating]) for _stage, option in state.path()]
        return render("ui/list.html", heading=self.words["path"], items=rows, ordered=True,
                      after=self.words["privacy"])

    def stage_texts_on_screen(self) -> list[str]:
        """The stage texts visible now (a test: one stage per screen)."""
        texts = []
        if self.pages.currentIndex() == 1 and self.stage_text.isVisible():
            texts.append(self.stage_text.text())
        return texts

    # ------------------------------------------------------------------ keys

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and self._handle_key(event):
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if not self._handle_key(event):
            super().keyPressEvent(event)

    def _handle_key(self, event: QKeyEvent) -> bool:
        state = self._state
        if state is None:
            return False
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_Backspace or (key == Qt.Key.Key_Left and mods & Qt.KeyboardModifier.AltModifier):
            self.go_back()
            return True
        plain = not (mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                             | Qt.KeyboardModifier.MetaModifier))
        if not plain:
            return False
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if state.feedback:
                self.proceed()
                return True
            if self.meeting and not self.revealed and not state.finished:
                self.reveal()
                return True
            return False
        if key in NUMBER_KEYS and not state.feedback and not state.finished:
            self.choose(NUMBER_KEYS[key] - 1)
            return True
        return False

    # ------------------------------------------------------------------ the case sheet on paper

    def sheet_job(self) -> printing.PrintJob | None:
        """The printable case sheet with the facilitator's notes (None on the list)."""
        from handbook.core.practice import case_sheet_html

        if self.case is None:
            return None
        reviewed = self.case.reviewed.isoformat() if self.case.reviewed else ""
        return printing.PrintJob(self.case.title, self.handbook.pack.name, reviewed,
                                 case_sheet_html(self.case, self.handbook))

    def ask_printer(self, printer: object) -> bool:
        """The print dialog (tests replace this method)."""
        from PySide6.QtPrintSupport import QPrintDialog

        return QPrintDialog(printer, self).exec() == QPrintDialog.DialogCode.Accepted  # type: ignore[call-overload]

    def ask_pdf_path(self, suggested: Path) -> Path | None:
        """The save dialog (tests replace this method)."""
        return printing.ask_pdf_path(self, self.tr("Lagre saksarket som PDF"), suggested)

    def print_sheet(self) -> bool:
        job = self.sheet_job()
        if job is None:
            return False
        printer = printing.printer_for(job)
        if not self.ask_printer(printer):
            return False
        try:
            pages = printing.render(printer, job)
        except OSError as exc:
            self.status_label.setText(self.tr("Kunne ikke skrive ut: {error}").format(error=exc))
            return False
        self.status_label.setText(self.tr("Sendt til skriveren ({pages} sider)").format(pages=pages))
        return True

    def save_sheet_pdf(self, path: Path | None = None) -> Path | None:
        job = self.sheet_job()
        if job is None or self.case is None:
            return None
        if path is None:
            path = self.ask_pdf_path(printing.documents_folder() / f"{self.case.id}.pdf")
        if path is None:
            return None
        try:
            pages = printing.save_pdf(path, job)
        except OSError as exc:
            self.status_label.setText(self.tr("Kunne ikke lagre PDF: {error}").format(error=exc))
            return None
        self.status_label.setText(self.tr("Lagret {path} ({pages} sider)").format(path=path, pages=pages))
        return path


class PracticeWindow(QWidget):
    """Practice in a window of its own, beside the handbook: a link opens the page in the main window and
    the case keeps its place. In meeting mode the window fills the screen (for the projector)."""

    def __init__(self, handbook: Handbook, parent: QWidget | None = None, text_size: int | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("practiceWindow")
        self.setWindowTitle(self.tr("Øvingssaker – {name} – Veileder").format(name=handbook.pack.name))
        self.view = PracticeView(handbook, self, text_size)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.view.meetingChanged.connect(self._meeting)
        self.resize(980, 720)

    def _meeting(self, on: bool) -> None:
        if on:
            self.showFullScreen()
        else:
            self.showNormal()
