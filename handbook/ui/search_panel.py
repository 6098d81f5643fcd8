"""Search as you type: the field, filters by kind and target group, and the list of hits.

Every keystroke starts a search on the background helper under the key «search», so a newer
search makes an older one stale and its results are dropped. Until the index is ready the panel
says so and runs the latest query as soon as it is.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QKeyEvent,
    QPainter,
    QPalette,
    QStandardItem,
    QStandardItemModel,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from handbook.core.content import AUDIENCES, KINDS, Handbook
from handbook.core.templates import Html, render
from handbook.ui.background import Background
from handbook.ui.i18n import audience_label, kind_label
from handbook.ui.themes import Theme, theme
from handbook.ui.widgets import plain_tip

if TYPE_CHECKING:  # the search package (and Whoosh) loads in the background, not with the window
    from handbook.core.search import Hit, SearchIndex, SearchResults

HIT_ID = Qt.ItemDataRole.UserRole + 1
HIT_HTML = Qt.ItemDataRole.UserRole + 2
RESULT_LIMIT = 30


def hit_html(title: str, kind: str, snippet: str, t: Theme, answer: str = "") -> str:
    """One hit as rich text: the title, a kind badge («Sjekkliste» for a checklist, «Kontakt» for a contact),
    a contact's number and hours (`answer`, plain text), and the snippet (HTML with <b> around matches)."""
    return render("ui/hit.html", title=title, kind=kind_label(kind), answer=answer, snippet=Html(snippet), t=t)


def contact_answer(hit: Hit) -> str:
    """A contact hit's number and hours in one line («Telefon 67 50 47 70 · hele døgnet»), with the contact
    card's warning when the number is not verified or missing (the contact card's translations)."""
    translate = QCoreApplication.translate
    parts = []
    if hit.phone:
        parts.append(translate("ContactCard", "Telefon {number}").format(number=hit.phone))
    if hit.hours:
        parts.append(hit.hours)
    if not hit.phone:
        parts.append(translate("ContactCard", "Nummer mangler – ikke bekreftet. Spør koordinatoren i kommunen."))
    elif not hit.verified:
        parts.append(translate("ContactCard", "Nummeret er ikke bekreftet – sjekk det før du ringer."))
    return " · ".join(parts)


class HitDelegate(QStyledItemDelegate):
    """Draws a hit as rich text, in the selection colours when selected."""

    MARGIN = 8

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(0)
        doc.setHtml(index.data(HIT_HTML) or "")
        doc.setTextWidth(max(50, option.rect.width() - 2 * self.MARGIN))
        return doc

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        doc = self._document(option, index)
        painter.save()
        painter.translate(option.rect.left() + self.MARGIN, option.rect.top() + self.MARGIN)
        clip = QRectF(0, 0, option.rect.width() - 2 * self.MARGIN, option.rect.height() - 2 * self.MARGIN)
        painter.setClipRect(clip)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.Text))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        width = option.rect.width()
        if width <= 0 and isinstance(option.widget, QListView):
            width = option.widget.viewport().width()
        opt = QStyleOptionViewItem(option)
        opt.rect.setWidth(max(width, 200))
        doc = self._document(opt, index)
        return QSize(int(doc.idealWidth()) + 2 * self.MARGIN, int(doc.size().height()) + 2 * self.MARGIN)


class ResultList(QListView):
    """The hits; Up on the first hit goes back to the search field."""

    leaveTop = Signal()  # noqa: N815

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Up and self.currentIndex().row() <= 0:
            self.leaveTop.emit()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # rich-text rows change height with the width


class SearchPanel(QWidget):
    """The search field and its results; emits `openRequested(location)` on Enter or a click, where the
    location is `page:<id>`, `contact:<id>` or `checklist:<id>` (a checklist hit opens the checklist)."""

    openRequested = Signal(str)  # noqa: N815
    activeChanged = Signal(bool)  # noqa: N815  (True while there is a query)
    searchFinished = Signal(object)  # noqa: N815  (SearchResults, after they are shown)

    def __init__(self, handbook: Handbook, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.handbook = handbook
        self.background = background
        self.index: SearchIndex | None = None
        self.results: SearchResults | None = None
        self.failed: str | None = None
        self._theme = theme("light")
        self._active = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.field = QLineEdit(self)
        self.field.setObjectName("searchField")
        self.field.setPlaceholderText(self.tr("Søk i veilederen (Ctrl+K)"))
        self.field.setAccessibleName(self.tr("Søk i veilederen"))
        self.field.setAccessibleDescription(self.tr("Treffene vises mens du skriver. Pil ned går til treffene."))
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self.schedule)
        self.field.returnPressed.connect(self.open_current)
        self.field.installEventFilter(self)
        layout.addWidget(self.field)

        filters = QHBoxLayout()
        filters.setSpacing(6)
        self.kind_filter = QComboBox(self)
        self.kind_filter.setAccessibleName(self.tr("Vis bare sider av typen"))
        self.kind_filter.addItem(self.tr("Alle typer"), None)
        present = {p.kind for p in handbook.pages.values()}
        for kind in KINDS:
            if kind in present:
                self.kind_filter.addItem(kind_label(kind), kind)
        self.audience_filter = QComboBox(self)
        self.audience_filter.setAccessibleName(self.tr("Vis bare sider for målgruppen"))
        self.audience_filter.addItem(self.tr("Alle målgrupper"), None)
        for audience in AUDIENCES:
            if audience != "all":
                self.audience_filter.addItem(audience_label(audience), audience)
        for combo in (self.kind_filter, self.audience_filter):
            combo.currentIndexChanged.connect(lambda _i: self.schedule())
            filters.addWidget(combo, 1)
        self.filters = QWidget(self)
        self.filters.setLayout(filters)
        filters.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filters)

        self.message = QLabel(self)
        self.message.setObjectName("searchMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.message)
        self.suggestion = QPushButton(self)
        self.suggestion.setObjectName("linkButton")
        self.suggestion.setCursor(Qt.CursorShape.PointingHandCursor)
        self.suggestion.clicked.connect(self._use_suggestion)
        self.suggestion.hide()
        layout.addWidget(self.suggestion, 0, Qt.AlignmentFlag.AlignLeft)

        self.model = QStandardItemModel(self)
        self.list = ResultList(self)
        self.list.setObjectName("searchResults")
        self.list.setAccessibleName(self.tr("Søketreff"))
        self.list.setModel(self.model)
        self.list.setItemDelegate(HitDelegate(self.list))
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setUniformItemSizes(False)
        self.list.setWordWrap(True)
        self.list.activated.connect(self._open_index)
        self.list.clicked.connect(self._open_index)
        self.list.leaveTop.connect(lambda: self.field.setFocus(Qt.FocusReason.OtherFocusReason))
        layout.addWidget(self.list, 1)
        self._show_active(False)

    # -- state

    def set_theme(self, t: Theme) -> None:
        self._theme = t
        if self.results is not None:
            self._fill(self.results)

    def set_index(self, index: SearchIndex) -> None:
        """The index is ready: run the query typed while it was being built."""
        self.index = index
        self.failed = None
        if self.field.text().strip():
            self.schedule()

    def set_index_failed(self, message: str) -> None:
        self.failed = message
        if self.field.text().strip():
            self.schedule()

    @property
    def active(self) -> bool:
        return self._active

    def _show_active(self, active: bool) -> None:
        for widget in (self.filters, self.message, self.list):
            widget.setVisible(active)
        if not active:
            self.suggestion.hide()
        if active != self._active:
            self._active = active
            self.activeChanged.emit(active)

    # -- searching

    def filters_chosen(self) -> tuple[list[str] | None, list[str] | None]:
        kind = self.kind_filter.currentData()
        audience = self.audience_filter.currentData()
        return ([kind] if kind else None), ([audience] if audience else None)

    def schedule(self) -> None:
        """Search for the field's text in the background (called on every keystroke)."""
        query = self.field.text()
        if not query.strip():
            self.background.run(lambda: None, key="search")  # makes a running search stale
            self.results = None
            self.model.clear()
            self.message.clear()
            self._show_active(False)
            return
        self._show_active(True)
        if self.failed is not None:
            self.message.setText(html.escape(self.tr("Søket virker ikke nå: {error}").format(error=self.failed)))
            return
        if self.index is None:
            self.message.setText(html.escape(self.tr("Gjør søket klart …")))
            return
        kinds, audiences = self.filters_chosen()
        index = self.index
        self.background.run(
            lambda: index.search(query, limit=RESULT_LIMIT, kinds=kinds, audiences=audiences),
            self._show_results,
            self._search_failed,
            key="search",
        )

    def _search_failed(self, error: BaseException) -> None:
        self.message.setText(html.escape(self.tr("Søket feilet: {error}").format(error=error)))

    def _show_results(self, results: SearchResults) -> None:
        self.results = results
        self._fill(results)
        self.searchFinished.emit(results)

    def _fill(self, results: SearchResults) -> None:
        self.model.clear()
        for hit in results.hits:
            item = QStandardItem(hit.title)
            item.setData(hit.key, HIT_ID)
            answer = contact_answer(hit) if hit.type == "contact" else ""  # never a number without its status
            item.setData(hit_html(hit.title, hit.kind, hit.snippet, self._theme, answer), HIT_HTML)
            spoken = f"{hit.title}, {kind_label(hit.kind)}. {answer + '. ' if answer else ''}{hit.snippet_text}"
            item.setData(spoken, Qt.ItemDataRole.AccessibleTextRole)
            item.setToolTip(plain_tip(hit.snippet_text))
            self.model.appendRow(item)
        self.message.setText(self._summary(results))
        self._show_suggestion(results)
        if results.hits:
            self.list.setCurrentIndex(self.model.index(0, 0))

    def _summary(self, results: SearchResults) -> str:
        query = results.query.strip()
        if not results.hits:
            text = self.tr("Ingen treff for «{query}».").format(query=query)
            if not results.suggestion:
                text += " " + self.tr("Prøv et annet ord, eller bla i innholdet.")
            return html.escape(text)
        count = len(results.hits)
        text = self.tr("1 treff") if count == 1 else self.tr("{count} treff").format(count=count)
        if results.fuzzy:
            text += " – " + self.tr("med lignende stavemåte")
        elif results.any_terms:
            text += " – " + self.tr("ingen side hadde alle ordene")
        return html.escape(text)

    def _show_suggestion(self, results: SearchResults) -> None:
        suggestion = results.suggestion if (not results.hits or results.fuzzy) else None
        if suggestion:
            self.suggestion.setText(self.tr("Mente du «{suggestion}»?").format(suggestion=suggestion))
            self.suggestion.setAccessibleName(self.suggestion.text())
        self.suggestion.setVisible(bool(suggestion))

    def _use_suggestion(self) -> None:
        if self.results is not None and self.results.suggestion:
            self.field.setText(self.results.suggestion)
            self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- opening

    def result_ids(self) -> list[str]:
        """The hits shown, as answer keys: a page's id, `checklist:<id>`, `contact:<id>`."""
        return [self.model.item(row).data(HIT_ID) for row in range(self.model.rowCount())]

    def open_current(self) -> None:
        """Enter in the field: open the selected hit (the first unless another was chosen)."""
        index = self.list.currentIndex()
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0, 0)
        if index.isValid():
            self._open_index(index)

    def _open_index(self, index: QModelIndex) -> None:
        key = index.data(HIT_ID)
        if key:
            self.openRequested.emit(key if ":" in key else f"page:{key}")

    def focus_field(self) -> None:
        """Ctrl+K: put the cursor in the search field with its text selected."""
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key == Qt.Key.Key_Down and self.model.rowCount():
                self.list.setFocus(Qt.FocusReason.OtherFocusReason)
                if not self.list.currentIndex().isValid():
                    self.list.setCurrentIndex(self.model.index(0, 0))
                return True
            if key == Qt.Key.Key_Escape and self.field.text():
                self.field.clear()
                return True
        return super().eventFilter(watched, event)
