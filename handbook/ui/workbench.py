"""The editor's workbench: open a content folder, see each page as staff will while editing it, every problem as
`path:line` in Norwegian with how to fix it, the yearly review list, and «Bygg pakke».

The preview follows the files: when an editor saves a page (in any text editor), the workbench reloads the
content, shows the page again and runs the checks. Nothing here changes a content file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
    QToolBar,
    QWidget,
)

from handbook.core.content import Handbook, list_packs, load_handbook
from handbook.core.lint import lint
from handbook.core.lint_help import explain
from handbook.core.packfile import SUFFIX, PackError, build_pack, verify_pack
from handbook.core.review import report_text, review_report
from handbook.core.updates import updates_config
from handbook.errors import HandbookError
from handbook.ui.page_view import PageView

RELOAD_DELAY_MS = 250  # editors save in bursts (write, rename): wait until the files are quiet


class Workbench(QMainWindow):
    """One content folder and one municipality, checked and previewed as the files change."""

    def __init__(self, content: Path, municipality: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workbench")
        self.setWindowTitle(self.tr("Redaktørverktøy – Veileder"))
        self.content = content
        self.municipality = municipality or ""
        self.handbook: Handbook | None = None
        self.watcher = QFileSystemWatcher(self)
        self.reload_timer = QTimer(self)
        self.reload_timer.setSingleShot(True)
        self.reload_timer.setInterval(RELOAD_DELAY_MS)
        self.reload_timer.timeout.connect(self.reload)
        self.watcher.fileChanged.connect(lambda _p: self.reload_timer.start())
        self.watcher.directoryChanged.connect(lambda _p: self.reload_timer.start())

        toolbar = QToolBar(self.tr("Redaktør"), self)
        toolbar.setMovable(False)
        self.addToolBar(toolbar)
        self.act_open = QAction(self.tr("Åpne innholdsmappe …"), self)
        self.act_open.triggered.connect(self.choose_folder)
        self.act_check = QAction(self.tr("Kontroller på nytt"), self)
        self.act_check.setShortcut("F5")
        self.act_check.triggered.connect(self.reload)
        self.act_build = QAction(self.tr("Bygg pakke …"), self)
        self.act_build.triggered.connect(self.build)
        self.municipality_box = QComboBox(self)
        self.municipality_box.setAccessibleName(self.tr("Kommune eller pakke"))
        self.municipality_box.currentIndexChanged.connect(self._on_municipality)
        toolbar.addAction(self.act_open)
        toolbar.addWidget(QLabel(self.tr(" Kommune: "), self))
        toolbar.addWidget(self.municipality_box)
        toolbar.addAction(self.act_check)
        toolbar.addAction(self.act_build)

        self.pages = QListWidget(self)
        self.pages.setAccessibleName(self.tr("Sider"))
        self.pages.currentItemChanged.connect(lambda item, _old: self._show(item))
        self.preview: PageView | None = None  # made on the first reload, when there is a handbook
        self.problems = QListWidget(self)
        self.problems.setObjectName("lintPanel")
        self.problems.setAccessibleName(self.tr("Feil og advarsler"))
        self.problems.setWordWrap(True)
        self.review = QPlainTextEdit(self)
        self.review.setReadOnly(True)
        self.review.setAccessibleName(self.tr("Årlig gjennomgang"))
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.problems, self.tr("Feil og advarsler"))
        self.tabs.addTab(self.review, self.tr("Årlig gjennomgang"))
        self.packs_list = QListWidget(self)
        self.packs_list.setAccessibleName(self.tr("Pakker i pakkemappen"))
        self.packs_list.setWordWrap(True)
        self.tabs.addTab(self.packs_list, self.tr("Pakkemappen"))
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.pages)
        self.right = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.right)
        self.right.addWidget(self.tabs)
        self.setCentralWidget(self.splitter)
        self.status = QLabel(self)
        self.statusBar().addWidget(self.status, 1)
        self.resize(1100, 760)
        self.open_folder(content, municipality)

    # -- folder and municipality

    @classmethod
    def ask_folder(cls, parent: QWidget) -> Path | None:  # tests replace this
        chosen = QFileDialog.getExistingDirectory(parent, parent.tr("Velg innholdsmappen (med packs/ og facts/)"))
        return Path(chosen) if chosen else None

    @classmethod
    def ask_build(cls, parent: QWidget) -> tuple[Path, Path] | None:  # tests replace this
        key, _ = QFileDialog.getOpenFileName(parent, parent.tr("Velg den private nøkkelen"), "",
                                             parent.tr("Nøkkel (*.key)"))
        if not key:
            return None
        out = QFileDialog.getExistingDirectory(parent, parent.tr("Hvor skal pakken lagres?"))
        return (Path(key), Path(out)) if out else None

    def choose_folder(self) -> None:
        folder = self.ask_folder(self)
        if folder is not None:
            self.open_folder(folder, None)

    def open_folder(self, content: Path, municipality: str | None) -> None:
        self.content = content
        try:
            ids = [p.id for p in list_packs(content)]
        except HandbookError as exc:
            ids = []
            self._set_problems([str(exc)])
        self.municipality_box.blockSignals(True)
        self.municipality_box.clear()
        self.municipality_box.addItems(ids)
        if municipality in ids:
            self.municipality_box.setCurrentText(municipality)
        self.municipality_box.blockSignals(False)
        self.municipality = self.municipality_box.currentText()
        self.reload()

    def _on_municipality(self, _index: int) -> None:
        self.municipality = self.municipality_box.currentText()
        self.reload()

    # -- checking and preview

    def reload(self) -> None:
        """Read the content again, show the current page again, and check everything."""
        if not self.municipality:
            return
        current = self.current_page_id()
        try:
            handbook = load_handbook(self.content, self.municipality)
        except HandbookError as exc:
            self._set_problems([str(exc)])
            return
        self.handbook = handbook
        if self.preview is None:
            self.preview = PageView(handbook, self)
            self.right.insertWidget(0, self.preview)
            self.right.setSizes([480, 220])
        self.preview.handbook = handbook
        self.pages.blockSignals(True)
        self.pages.clear()
        for page in handbook.pages.values():
            item = QListWidgetItem(f"{page.title}  ({page.path.name})", self.pages)
            item.setData(Qt.ItemDataRole.UserRole, page.id)
            if page.id == current:
                self.pages.setCurrentItem(item)
        self.pages.blockSignals(False)
        if self.pages.currentItem() is None and self.pages.count():
            self.pages.setCurrentRow(0)
        self._show(self.pages.currentItem())
        report = lint(self.content, self.municipality)
        lines = [str(explain(issue)) for issue in report.issues]
        self._set_problems(lines)
        self.review.setPlainText(report_text(review_report(handbook, dt.date.today())))
        errors = len(report.errors)
        self.status.setText(self.tr("%1 feil, %2 advarsler i %3").replace("%1", str(errors))
                            .replace("%2", str(len(report.issues) - errors)).replace("%3", self.municipality))
        self._watch(handbook)
        self.check_packs_folder()

    def _watch(self, handbook: Handbook) -> None:
        """Watch every file and folder of the handbook (editors often save by writing a new file and renaming)."""
        old = self.watcher.files() + self.watcher.directories()
        if old:
            self.watcher.removePaths(old)
        paths = {str(p) for p in handbook.files if p.exists()}
        for pack in handbook.packs:
            paths.add(str(pack.path))
            paths.update(str(p) for p in pack.path.iterdir() if p.is_dir())
        self.watcher.addPaths(sorted(paths))

    def current_page_id(self) -> str | None:
        item = self.pages.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _show(self, item: QListWidgetItem | None) -> None:
        if item is None or self.handbook is None or self.preview is None:
            return
        page = self.handbook.page(str(item.data(Qt.ItemDataRole.UserRole)))
        if page is not None:
            self.preview.show_page(page, keep_position=True)

    def _set_problems(self, lines: list[str]) -> None:
        self.problems.clear()
        self.problems.addItems(lines or [self.tr("Ingen feil. Innholdet kan bygges som pakke.")])

    def check_packs_folder(self) -> list[str]:
        """Every pack in IT's packs folder with its verdict: approved, or refused with each reason (file and line)."""
        config = updates_config()
        rows: list[str] = []
        if config.folder is None:
            rows.append(self.tr("Ingen pakkemappe er satt opp (veileder.ini, se README for IT)."))
        elif not config.folder.is_dir():
            rows.append(self.tr("Pakkemappen %1 kan ikke nås.").replace("%1", str(config.folder)))
        else:
            rows += list(config.problems)
            for path in sorted(config.folder.glob(f"*{SUFFIX}")):
                try:
                    pack = verify_pack(path, list(config.keys), self.content)
                except PackError as exc:
                    rows.append(self.tr("AVVIST %1: %2").replace("%1", path.name).replace("%2", str(exc)))
                    rows += [f"    {problem}" for problem in exc.problems]
                    continue
                rows.append(self.tr("godkjent %1 (%2)").replace("%1", path.name).replace("%2", pack.manifest.label))
        self.packs_list.clear()
        self.packs_list.addItems(rows)
        return rows

    # -- building a pack

    def build(self) -> Path | None:
        """«Bygg pakke»: a signed pack of this municipality (refused, with every problem listed, on lint errors)."""
        chosen = self.ask_build(self)
        if chosen is None or not self.municipality:
            return None
        key, out = chosen
        try:
            path, manifest = build_pack(self.content, self.municipality, key, out)
        except PackError as exc:
            self._set_problems([str(exc), *exc.problems])
            self.tabs.setCurrentWidget(self.problems)
            return None
        except (HandbookError, OSError) as exc:
            self._set_problems([str(exc)])
            return None
        self.status.setText(self.tr("Pakke bygget: %1 (%2)").replace("%1", str(path)).replace("%2", manifest.label))
        return path

