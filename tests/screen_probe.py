"""Open the reader on one screen size and report every control that is not wholly on the screen (run by
tests/test_ui_screens.py in its own process, because Qt's offscreen screen is chosen when the process starts).

    QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json python tests/screen_probe.py MUNICIPALITY

Prints one JSON object: the screen, the window's frame, and for the home screen, a page with the find bar, a
checklist step and (at the largest text size) the emergency bar, the controls cut off or off-screen.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTabBar,
    QTextBrowser,
    QWidget,
)

from handbook.core.reader import DEFAULT_TEXT_SIZE, TEXT_SIZES
from handbook.ui.reader_app import ReaderApp
from handbook.ui.settings import Settings

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QTabBar, QAbstractItemView, QTextBrowser)


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def describe(widget: QWidget) -> str:
    text = getattr(widget, "text", lambda: "")() if isinstance(widget, (QAbstractButton, QLabel)) else ""
    return f"{type(widget).__name__}#{widget.objectName()} {widget.accessibleName() or text}".strip()


def scroll_area_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def cut_off(root: QWidget, screen: QRect, scrolling_ok: bool = False) -> list[str]:
    """Visible controls under `root` that are partly hidden by their parents or lie outside the screen.

    A control in a scroll area (the home screen's lists) is first scrolled into view, as a keyboard user's Tab
    or a mouse wheel would: it must then be whole and on the screen."""
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, CONTROLS) or not widget.isVisible() or widget.window() is not root.window():
            continue
        area = scroll_area_of(widget)
        if area is not None:
            area.ensureWidgetVisible(widget, 0, 0)
            QApplication.processEvents()
        if isinstance(widget, QAbstractButton) and widget.parent() is not None and \
                type(widget.parent()).__name__ in ("QScrollBar", "QTabBar"):
            continue  # a tab bar's scroll arrows
        on_screen = QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())
        visible = widget.visibleRegion().boundingRect()
        whole = visible == widget.rect()
        if isinstance(widget, (QAbstractItemView, QTextBrowser)) or scrolling_ok:
            whole = not visible.isEmpty()  # scrolls by itself: it must show, not show everything
        if not whole or not screen.contains(on_screen):
            problems.append(f"{describe(widget)} at {on_screen.getRect()} shows {visible.getRect()}")
    return problems


def main(municipality: str) -> int:
    app = QApplication([sys.argv[0]])
    screen = app.primaryScreen()
    area = screen.availableGeometry()
    reader = ReaderApp(settings=Settings(), smoke=True)
    assert reader.start(municipality) is None
    window = reader.window
    assert window is not None
    settle(app)
    report: dict[str, Any] = {
        "screen": area.getRect(), "dpr": screen.devicePixelRatio(), "frame": window.frameGeometry().getRect(),
        "window_inside": area.contains(window.frameGeometry()),
    }
    hidden_actions = [a.text() for a in window.toolbar.actions()
                      if window.toolbar.widgetForAction(a) is not None
                      and not window.toolbar.widgetForAction(a).isVisible() and a.isVisible() and a.text()]
    report["home"] = cut_off(window, area) + [f"toolbar hides {t}" for t in hidden_actions]
    page = next(p for p in window.handbook.pages.values() if p.kind == "duty")
    window.navigate(f"page:{page.id}")
    window.find_in_page()
    settle(app)
    report["page"] = cut_off(window, area)
    report["find_bar"] = window.page_view.find_bar.isVisible()
    window.navigate("checklist:" + next(iter(window.handbook.checklist_paths)))
    settle(app)
    wizard = window.checklist
    report["checklist"] = cut_off(window, area)
    report["answers"] = len(getattr(wizard, "answer_buttons", []))
    for _ in range(60):  # on to the summary: the first answer to every question, «Fortsett» after advice
        state = getattr(wizard, "state", None)
        if state is None or getattr(wizard, "current_summary", None) is not None:
            break
        key = Qt.Key.Key_1 if state.step.type == "question" else Qt.Key.Key_Return
        QTest.keyClick(wizard, key)
        settle(app)
    report["summary_shown"] = getattr(wizard, "current_summary", None) is not None
    report["summary"] = cut_off(window, area)
    window.apply_theme(window.theme.name, TEXT_SIZES[-1], save=False)
    window.navigate("home")
    settle(app)
    numbers = []
    for button in window.emergency.buttons.values():
        for label in (button.title, button.subtitle):  # the number and the name, both whole
            if label.isHidden():
                continue
            label.ensurePolished()
            if label.sizeHint().width() > label.width() or label.visibleRegion().boundingRect() != label.rect():
                numbers.append(f"{label.text()}: needs {label.sizeHint().width()} px, has {label.width()}")
    report["emergency_largest"] = cut_off(window.emergency, area) + numbers
    report["emergency_height"] = window.emergency.height()
    report["window_inside_largest"] = area.contains(window.frameGeometry())
    window.apply_theme(window.theme.name, DEFAULT_TEXT_SIZE, save=False)  # and back: the bar gives the room back
    settle(app)
    report["emergency_height_default"] = window.emergency.height()
    report["emergency_needed_default"] = window.emergency.heightForWidth(window.emergency.width())
    window.close()
    print(json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "asker"))
