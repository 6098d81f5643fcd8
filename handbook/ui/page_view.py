"""The page view: a rendered page with its owner, review date and sources, and find in page."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, QObject, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QKeySequence,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from handbook.core.content import Handbook, Page
from handbook.core.links import ImageTarget, KnownTargets, link_resolver, pack_image_file
from handbook.core.reader import review_overdue
from handbook.core.render import HrefFor, ImageSrc, render_markdown
from handbook.core.templates import Html, render
from handbook.ui.background import Background
from handbook.ui.i18n import audience_label, kind_label
from handbook.ui.outline_dialog import OutlineDialog
from handbook.ui.themes import Theme

log = logging.getLogger(__name__)
LINE_CHARACTERS = 75  # a readable line length: the page's column is no wider than about this many characters
translate = QCoreApplication.translate
LARGE_PAGE_CHARS = 30_000  # a page body this long is prepared off the UI thread


def format_date(date: dt.date | None) -> str:
    """A date in the window's language (20.11.2026, 2026-11-20, 20/11/2026)."""
    if date is None:
        return translate("PageView", "ukjent")
    return QLocale().toString(QDate(date.year, date.month, date.day), QLocale.FormatType.ShortFormat)


def href_resolver(handbook: Handbook) -> HrefFor:
    """Links for this municipality: `page:id` etc. when the target exists, None (shown as broken) otherwise."""
    return link_resolver("reader", KnownTargets(handbook.pages, handbook.contacts, handbook.checklist_paths))


def image_resolver(handbook: Handbook, page: Page) -> ImageSrc:
    """Images only from the page's own pack folder (regular files, no link out of it), as file URLs."""
    folders = [info.path for info in handbook.packs if info.id == page.pack]

    def image_src(image: ImageTarget) -> str | None:
        for folder in folders:
            found = pack_image_file(image, folder)
            if found is not None:
                return QUrl.fromLocalFile(str(found)).toString()
        return None

    return image_src


def page_html(page: Page, handbook: Handbook, today: dt.date | None = None) -> str:
    """The whole page as HTML (resources/templates/reader/page.html): kind and audience, the body, «see also»,
    and owner, review date and sources."""
    overdue = review_overdue(page.reviewed, today)
    audience = ", ".join(audience_label(a) for a in page.audience)
    try:
        body = Html(render_markdown(page.body, href_resolver(handbook), image_resolver(handbook, page)))
    except Exception:  # bad content must not crash the reader
        log.exception("cannot render page %s", page.id)
        body = message_html(PageView.broken_text())
    words = {
        "audience": translate("PageView", "Gjelder: {audience}").format(audience=audience),
        "notice": translate(
            "PageView",
            "Siden ble sist gjennomgått {date}, for mer enn 12 måneder siden. Sjekk at innholdet fortsatt stemmer.",
        ).format(date=format_date(page.reviewed)),
        "see_also": translate("PageView", "Se også"),
        "about": translate("PageView", "Om denne siden"),
        "owner_label": translate("PageView", "Ansvarlig"),
        "owner": page.owner or translate("PageView", "ukjent"),
        "reviewed_label": translate("PageView", "Sist gjennomgått"),
        "reviewed": format_date(page.reviewed),
        "late": translate("PageView", "over 12 måneder siden"),
        "sources": translate("PageView", "Kilder"),
    }
    return render("reader/page.html", kind=kind_label(page.kind), audience=audience, overdue=overdue, body=body,
                  related=[handbook.pages[r] for r in page.related if r in handbook.pages],
                  reviewed=page.reviewed, sources=page.sources, words=words)


def message_html(text: str, title: str = "") -> Html:
    """A short message instead of a page (a heading when `title` is given)."""
    return render("reader/message.html", title=title, text=text)


class FindBar(QFrame):
    """Find in page: a field, previous/next, the number of matches, and close (Esc)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        label = QLabel(self.tr("Finn på siden:"), self)
        self.field = QLineEdit(self)
        self.field.setAccessibleName(self.tr("Finn på siden"))
        self.field.setPlaceholderText(self.tr("Skriv et ord"))
        label.setBuddy(self.field)
        self.previous = QPushButton(self.tr("Forrige"), self)
        self.previous.setToolTip(self.tr("Forrige treff (Shift+Enter)"))
        self.next = QPushButton(self.tr("Neste"), self)
        self.next.setToolTip(self.tr("Neste treff (Enter)"))
        self.count = QLabel(self)
        self.count.setObjectName("findCount")
        self.close_button = QPushButton(self.tr("Lukk"), self)
        self.close_button.setToolTip(self.tr("Lukk (Esc)"))
        for widget in (label, self.field, self.previous, self.next, self.count):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.close_button)


class PageView(QWidget):
    """Shows one page; internal links are emitted, the outside world is asked about first."""

    linkActivated = Signal(str)  # noqa: N815  (page:…, contact:…, checklist:…)
    externalLinkRequested = Signal(str)  # noqa: N815

    def __init__(self, handbook: Handbook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.handbook = handbook
        self.page: Page | None = None
        self.outline: OutlineDialog | None = None  # Ctrl+J, while it is open
        self._theme: Theme | None = None
        self._matches: list[QTextCursor] = []
        self._current = -1
        self.background: Background | None = None  # set by the window: large pages are prepared on it
        self.preparing = False  # True while a large page is prepared off the UI thread
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("pageText")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.setAccessibleName(self.tr("Sideinnhold"))
        keys = self.tr("Tab: neste lenke, Enter åpner den. H: neste overskrift, Shift+H: forrige. "
                       "Ctrl+J: alle overskrifter og lenker.")
        self.browser.setAccessibleDescription(keys)
        self.browser.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction
                                             | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.browser.anchorClicked.connect(self._on_anchor)
        self.browser.installEventFilter(self)
        layout.addWidget(self.browser, 1)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        layout.addWidget(self.find_bar)
        self.find_bar.field.textChanged.connect(lambda _t: self.find())
        self.find_bar.field.returnPressed.connect(self._on_return)
        self.find_bar.next.clicked.connect(lambda: self.find_next(+1))
        self.find_bar.previous.clicked.connect(lambda: self.find_next(-1))
        self.find_bar.close_button.clicked.connect(self.close_find)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.find_bar)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_find)
        for keys, step in (("H", +1), ("Shift+H", -1)):
            shortcut = QShortcut(QKeySequence(keys), self.browser)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda s=step: self.next_heading(s))
        for keys, step in (("F3", +1), ("Shift+F3", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=step: self.find_next(s))

    # -- showing a page

    def set_theme(self, theme: Theme, css: str) -> None:
        """Use a theme's page stylesheet (re-renders the current page)."""
        self._theme = theme
        self.browser.document().setDefaultStyleSheet(css)
        if self.page is not None:
            self.show_page(self.page, keep_position=True)

    def show_page(self, page: Page, keep_position: bool = False) -> None:
        """Render a page and show it from the top (or where it was).

        A large page is turned into HTML on the background helper while the view says it is coming, so the
        window stays responsive; the content limits (`handbook.core.limits`) keep the layout itself short.
        """
        position = self.browser.verticalScrollBar().value()
        self.page = page
        if self.background is not None and len(page.body) > LARGE_PAGE_CHARS:
            self.preparing = True
            wait = translate("PageView", "Henter siden …")
            self.browser.setHtml(message_html(wait, page.title))
            handbook = self.handbook
            self.background.run(
                lambda: page_html(page, handbook),
                lambda result: self._show_html(page, str(result), position if keep_position else 0),
                lambda _error: self._show_html(page, message_html(self.broken_text()), 0),
                key="page",
            )
            return
        self._show_html(page, page_html(page, self.handbook), position if keep_position else 0)

    @staticmethod
    def broken_text() -> str:
        return translate("PageView", "Denne siden kan ikke vises. Meld fra til den som har ansvar for innholdet.")

    def _show_html(self, page: Page, text: str, position: int) -> None:
        if page is not self.page:
            return  # the user has moved on
        self.preparing = False
        self.browser.setHtml(text)
        self.browser.document().setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, page.title)
        self._matches, self._current = [], -1
        if self.find_bar.isVisible() and self.find_bar.field.text():
            self.find()
        else:
            self.browser.setExtraSelections([])
        self.browser.verticalScrollBar().setValue(position)

    # -- reading by heading and line length

    def headings(self) -> list[tuple[int, str]]:
        """The page's headings as (level, text), in order."""
        found = []
        block = self.browser.document().begin()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            if level > 0 and block.text().strip():
                found.append((level, block.text().strip()))
            block = block.next()
        return found

    def next_heading(self, step: int) -> str | None:
        """H / Shift+H: select the next (+1) or previous (-1) heading, so a screen reader reads it. Its text."""
        document = self.browser.document()
        position = self.browser.textCursor().selectionStart() if step < 0 else self.browser.textCursor().selectionEnd()
        block = document.findBlock(position)
        block = block.next() if step > 0 else block.previous()
        while block.isValid() and not (block.blockFormat().headingLevel() > 0 and block.text().strip()):
            block = block.next() if step > 0 else block.previous()
        if not block.isValid():
            return None
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        self.browser.setTextCursor(cursor)
        self.browser.ensureCursorVisible()
        return block.text().strip()

    def links(self) -> list[tuple[str, str]]:
        """The page's links as (text, href), in order (a link split over formats counts once)."""
        found: list[tuple[str, str, int]] = []  # text, href, where the link ends
        block = self.browser.document().begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                href = fragment.charFormat().anchorHref() if fragment.charFormat().isAnchor() else ""
                if href and not href.startswith("#"):
                    if found and found[-1][1] == href and fragment.position() <= found[-1][2] + 1:
                        text, _href, _end = found[-1]
                        found[-1] = (text + fragment.text(), href, fragment.position() + fragment.length())
                    else:
                        found.append((fragment.text(), href, fragment.position() + fragment.length()))
                iterator += 1
            block = block.next()
        return [(text.strip(), href) for text, href, _end in found if text.strip()]

    def outline_dialog(self) -> OutlineDialog:
        """Ctrl+J: the page's headings and links, each an item a screen reader reads; Enter on a heading moves
        there, on a link opens it."""
        title = self.page.title if self.page is not None else ""
        return OutlineDialog(title, self.headings(), self.links(), self.go_to_heading,
                             lambda href: self._on_anchor(QUrl(href)), self)

    def show_outline(self) -> OutlineDialog:
        dialog = self.outline_dialog()
        dialog.finished.connect(dialog.deleteLater)
        self.outline = dialog
        dialog.open()
        dialog.activateWindow()
        return dialog

    def go_to_heading(self, text: str) -> None:
        """Select a heading by its text (from the outline), so the reader and a screen reader are there."""
        cursor = QTextCursor(self.browser.document())
        self.browser.setTextCursor(cursor)
        while self.next_heading(+1) not in (text, None):
            pass
        self.browser.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.browser and event.type() == QEvent.Type.Resize:
            self._fit_line_length()
        return super().eventFilter(watched, event)

    def _fit_line_length(self) -> None:
        """Keep lines readable (about 75 characters) on a wide screen: the text stays centred in a column."""
        width = self.browser.width()
        column = QFontMetrics(self.browser.font()).averageCharWidth() * LINE_CHARACTERS + 48
        side = max(0, (width - column) // 2)
        if self.browser.viewportMargins().left() != side:
            self.browser.setViewportMargins(side, 0, side, 0)

    def _on_anchor(self, url: QUrl) -> None:
        href = url.toString()
        if href.startswith("#"):
            self.browser.scrollToAnchor(href[1:])
        elif href.startswith(("page:", "contact:", "checklist:")):
            self.linkActivated.emit(href)
        else:
            self.externalLinkRequested.emit(href)

    # -- find in page

    def start_find(self) -> None:
        """Show the find bar with its text selected (Ctrl+F)."""
        self.find_bar.show()
        self.find_bar.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_bar.field.selectAll()
        if self.find_bar.field.text():
            self.find()

    def close_find(self) -> None:
        self.find_bar.hide()
        self._matches, self._current = [], -1
        self.browser.setExtraSelections([])
        self.browser.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def match_count(self) -> int:
        return len(self._matches)

    @property
    def current_match(self) -> int:
        """The index of the current match (-1 when none)."""
        return self._current

    def find(self) -> int:  # type: ignore[override]  # QWidget.find(id) is a static lookup we never use
        """Highlight every match of the find field's text; the first becomes current. Returns the count."""
        text = self.find_bar.field.text().strip()
        document = self.browser.document()
        self._matches = []
        if text:
            cursor = document.find(text, 0)
            while not cursor.isNull() and len(self._matches) < 2000:
                self._matches.append(cursor)
                cursor = document.find(text, cursor)
        self._current = 0 if self._matches else -1
        self._paint()
        return len(self._matches)

    def find_next(self, step: int) -> None:
        """Move to the next (+1) or previous (-1) match, wrapping round."""
        if not self._matches:
            self.find()
            return
        self._current = (self._current + step) % len(self._matches)
        self._paint()

    def _on_return(self) -> None:
        from PySide6.QtWidgets import QApplication

        back = bool(QApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier)
        self.find_next(-1 if back else +1)

    def _paint(self) -> None:
        found = QColor(self._theme.found if self._theme else "#ffe27a")
        found_text = QColor(self._theme.found_text if self._theme else "#000000")
        current = QColor(self._theme.highlight if self._theme else "#1d4f91")
        current_text = QColor(self._theme.highlight_text if self._theme else "#ffffff")
        selections = []
        for index, cursor in enumerate(self._matches):
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            is_current = index == self._current
            fmt.setBackground(current if is_current else found)
            fmt.setForeground(current_text if is_current else found_text)
            selection.format = fmt
            selection.cursor = cursor
            selections.append(selection)
        self.browser.setExtraSelections(selections)
        text = self.find_bar.field.text().strip()
        if not text:
            self.find_bar.count.setText("")
        elif not self._matches:
            self.find_bar.count.setText(self.tr("Ingen treff"))
        else:
            self.find_bar.count.setText(
                self.tr("{current} av {total}").format(current=self._current + 1, total=len(self._matches))
            )
            cursor = QTextCursor(self._matches[self._current])
            cursor.clearSelection()
            self.browser.setTextCursor(cursor)
            self.browser.ensureCursorVisible()
