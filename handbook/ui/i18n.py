"""The window's language: Norwegian in the source, Swedish and English from Qt translation files.

UI text is written in Norwegian bokmål with `self.tr()` / `QCoreApplication.translate()`;
`resources/translations/veileder_sv.ts` and `veileder_en.ts` hold the translations, compiled to `.qm`
with `scripts/translations.sh` (pyside6-lupdate + pyside6-lrelease). Labels for content values
(kinds, audiences) are marked with QT_TRANSLATE_NOOP here and translated when shown.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from handbook import locations

_installed: list[QTranslator] = []
_language = ["nb"]  # the UI language installed last (nb: the source text, no translator)

# A badge on a search hit or a page: one of a kind.
KIND_LABELS = {
    "definition": QT_TRANSLATE_NOOP("Labels", "Begrep"),
    "duty": QT_TRANSLATE_NOOP("Labels", "Plikt"),
    "routine": QT_TRANSLATE_NOOP("Labels", "Rutine"),
    "role": QT_TRANSLATE_NOOP("Labels", "Rolle"),
    "topic": QT_TRANSLATE_NOOP("Labels", "Tema"),
    "contact": QT_TRANSLATE_NOOP("Labels", "Kontakt"),
    "about": QT_TRANSLATE_NOOP("Labels", "Om"),
    "checklist": QT_TRANSLATE_NOOP("Labels", "Sjekkliste"),  # a search hit that opens a checklist
}
# A heading in the table of contents: all of a kind.
KIND_SECTIONS = {
    "definition": QT_TRANSLATE_NOOP("Labels", "Begreper"),
    "duty": QT_TRANSLATE_NOOP("Labels", "Plikter"),
    "routine": QT_TRANSLATE_NOOP("Labels", "Rutiner"),
    "role": QT_TRANSLATE_NOOP("Labels", "Roller og tjenester"),
    "topic": QT_TRANSLATE_NOOP("Labels", "Temaer"),
    "contact": QT_TRANSLATE_NOOP("Labels", "Kontakter"),
    "about": QT_TRANSLATE_NOOP("Labels", "Om veilederen"),
}
AUDIENCE_LABELS = {
    "children": QT_TRANSLATE_NOOP("Labels", "Barn"),
    "youth": QT_TRANSLATE_NOOP("Labels", "Ungdom"),
    "adults": QT_TRANSLATE_NOOP("Labels", "Voksne"),
    "elderly": QT_TRANSLATE_NOOP("Labels", "Eldre"),
    "all": QT_TRANSLATE_NOOP("Labels", "Alle"),
}
LANGUAGE_NAMES = {"": "Automatisk", "nb": "Norsk (bokmål)", "sv": "Svenska", "en": "English"}


def label(text: object) -> str:
    """Translate a label marked with QT_TRANSLATE_NOOP("Labels", …)."""
    return QCoreApplication.translate("Labels", str(text))


def kind_label(kind: str) -> str:
    return label(KIND_LABELS[kind]) if kind in KIND_LABELS else kind


def kind_section(kind: str) -> str:
    return label(KIND_SECTIONS[kind]) if kind in KIND_SECTIONS else kind


def audience_label(audience: str) -> str:
    return label(AUDIENCE_LABELS[audience]) if audience in AUDIENCE_LABELS else audience


def language_name(code: str) -> str:
    """A language in its own words (so anyone can find theirs), except «automatic»."""
    if code == "":
        return QCoreApplication.translate("Labels", "Automatisk (følger kommunen)")
    return LANGUAGE_NAMES.get(code, code)


def current_language() -> str:
    """The UI language now in use: nb, sv or en (for text built outside Qt's translations)."""
    return _language[0]


def install_translator(language: str) -> bool:
    """Switch the application's UI text to `language` (nb = the source text); True when loaded."""
    app = QCoreApplication.instance()
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(QLocale({"nb": "nb_NO", "sv": "sv_SE", "en": "en_GB"}.get(language, "nb_NO")))
    _language[0] = "nb"
    if app is None:
        return language == "nb"
    _install_qt_dialogs(app, language)
    if language == "nb":
        return True
    ours = QTranslator(app)
    loaded = ours.load(f"veileder_{language}", str(locations.resources_dir() / "translations"))
    if loaded:
        QCoreApplication.installTranslator(ours)
        _installed.append(ours)
        _language[0] = language
    return loaded


def _install_qt_dialogs(app: QCoreApplication, language: str) -> None:
    """Qt's own dialogs (save, print, preview, message boxes) in the UI language.

    Swedish comes with PySide6 (qtbase_sv); Qt ships no bokmål, so `resources/translations/qtbase_nb.ts` holds our
    own for the dialogs Veileder opens. A file in resources/ wins over Qt's folder."""
    qt = QTranslator(app)
    for folder in (str(locations.resources_dir() / "translations"),
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        if qt.load(f"qtbase_{language}", folder):
            QCoreApplication.installTranslator(qt)
            _installed.append(qt)
            return
