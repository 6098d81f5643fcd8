"""Small dialogs: choosing the municipality, settings, problems in the content, keyboard shortcuts.

Every dialog is opened with `open()` (not a blocking `exec()`), so tests use it as a user would.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from handbook.core.content import PackInfo
from handbook.core.reader import UI_LANGUAGES, sort_key
from handbook.errors import Issue
from handbook.ui.i18n import language_name
from handbook.ui.settings import THEMES


def pack_label(pack: PackInfo) -> str:
    """«Asker kommune», «Nasjonal veileder (Norge)»."""
    if pack.base is None:
        country = "Sverige" if pack.is_swedish else "Norge"
        return f"{pack.name} ({country})"
    return pack.name


def ordered_packs(packs: Sequence[PackInfo]) -> list[PackInfo]:
    """Municipalities by name first, then the national handbooks."""
    return sorted(packs, key=lambda p: (p.base is None, sort_key(p.name)))


def _buttons(dialog: QDialog, ok: str) -> QDialogButtonBox:
    box = QDialogButtonBox(dialog)
    ok_button = box.addButton(ok, QDialogButtonBox.ButtonRole.AcceptRole)
    ok_button.setDefault(True)
    box.addButton(QCoreApplication.translate("Dialogs", "Avbryt"), QDialogButtonBox.ButtonRole.RejectRole)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def settle_minimum(dialog: QDialog) -> None:
    """Fix the dialog's smallest size once, so the layout does not keep changing the window's limits."""
    layout = dialog.layout()
    if layout is not None:
        dialog.setMinimumSize(layout.totalMinimumSize().expandedTo(dialog.minimumSize()))


class MunicipalityDialog(QDialog):
    """First start: which municipality's handbook to read (Velg kommune / Välj kommun)."""

    def __init__(self, packs: Sequence[PackInfo], current: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("municipalityDialog")
        self.setWindowTitle(self.tr("Velg kommune – Veileder"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("Velg kommunen du jobber i. Du kan endre valget senere under Innstillinger.")
            + "\n" + "Välj kommunen du arbetar i.",
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Kommuner"))
        for pack in ordered_packs(packs):
            item = QListWidgetItem(pack_label(pack))
            item.setData(Qt.ItemDataRole.UserRole, pack.id)
            self.list.addItem(item)
            if pack.id == current:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        layout.addWidget(self.list, 1)
        self.buttons = _buttons(self, self.tr("Åpne veilederen"))
        layout.addWidget(self.buttons)
        settle_minimum(self)
        self.resize(420, 420)
        self.list.setFocus()

    def choose(self, pack_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == pack_id:
                self.list.setCurrentRow(row)

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


class SettingsDialog(QDialog):
    """Municipality, language and theme."""

    def __init__(
        self,
        packs: Sequence[PackInfo],
        municipality: str,
        language: str,
        theme: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Innstillinger"))
        form = QFormLayout()
        self.municipality = QComboBox(self)
        for pack in ordered_packs(packs):
            self.municipality.addItem(pack_label(pack), pack.id)
        self.municipality.setCurrentIndex(max(0, self.municipality.findData(municipality)))
        self.language = QComboBox(self)
        for code in ("", *UI_LANGUAGES):
            self.language.addItem(language_name(code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.theme = QComboBox(self)
        names = {"system": self.tr("Som systemet"), "light": self.tr("Lyst"), "dark": self.tr("Mørkt"),
                 "contrast": self.tr("Høy kontrast")}
        for key in THEMES:
            self.theme.addItem(names[key], key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(theme)))
        for label, combo in (
            (self.tr("&Kommune:"), self.municipality),
            (self.tr("&Språk:"), self.language),
            (self.tr("&Utseende:"), self.theme),
        ):
            form.addRow(label, combo)
            combo.setAccessibleName(label.replace("&", "").rstrip(":"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        note = QLabel(self.tr("Veilederen lagrer bare innstillinger og sider du har bokmerket – aldri noe om en sak."))
        note.setWordWrap(True)
        note.setObjectName("muted")
        layout.addWidget(note)
        self.buttons = _buttons(self, self.tr("Lagre"))
        layout.addWidget(self.buttons)
        settle_minimum(self)
        self.municipality.setFocus()

    def values(self) -> tuple[str, str, str]:
        """(municipality, language, theme) as chosen."""
        return self.municipality.currentData(), self.language.currentData(), self.theme.currentData()


class IssuesDialog(QDialog):
    """Problems found while reading the content, all in one place; the app carries on without those files."""

    def __init__(self, issues: Sequence[Issue], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("issuesDialog")
        self.setWindowTitle(self.tr("Feil i innholdet"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("Noen filer i veilederen har feil og vises ikke. Resten av veilederen virker som vanlig. "
                    "Gi denne listen til den som har ansvar for innholdet."),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Feil i innholdet"))
        self.text.setPlainText("\n".join(str(i) for i in issues))
        layout.addWidget(self.text, 1)
        close = QPushButton(self.tr("Lukk"), self)
        close.setDefault(True)
        close.clicked.connect(self.accept)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        settle_minimum(self)
        self.resize(640, 320)


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut, for those who do not use a mouse."""

    def __init__(self, rows: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Hurtigtaster"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        for keys, what in rows:
            label = QLabel(f"<b>{keys}</b>", self)
            form.addRow(label, QLabel(what, self))
        layout.addLayout(form)
        close = QPushButton(self.tr("Lukk"), self)
        close.setDefault(True)
        close.clicked.connect(self.accept)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        settle_minimum(self)


class NewsDialog(QDialog):
    """«Hva er nytt»: the content versions in use and what the last update changed (titles, no parser words)."""

    def __init__(self, versions: Sequence[str], lines: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newsDialog")
        self.setWindowTitle(self.tr("Hva er nytt"))
        layout = QVBoxLayout(self)
        shown = ", ".join(versions) if versions else self.tr("innholdet som fulgte med programmet")
        self.version_label = QLabel(self.tr("Innhold i bruk: %1").replace("%1", shown), self)
        self.version_label.setWordWrap(True)
        layout.addWidget(self.version_label)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Endringer i siste oppdatering"))
        self.text.setPlainText("\n".join(lines) if lines else self.tr("Ingen endringer er registrert."))
        layout.addWidget(self.text, 1)
        close = QPushButton(self.tr("Lukk"), self)
        close.setDefault(True)
        close.clicked.connect(self.accept)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        settle_minimum(self)
        self.resize(560, 320)
