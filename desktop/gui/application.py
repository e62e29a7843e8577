"""The QApplication: fonts, the high-contrast stylesheet, and the translator."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from desktop import APP_NAME, __version__
from desktop.i18n import language, set_language
from desktop.paths import resource

# Big targets and strong contrast: people work in gloves and masks, outdoors.
STYLESHEET = """
QWidget { font-size: 15pt; }
QMainWindow, QDialog { background: #f4f6f8; }
QPushButton { min-height: 44px; padding: 4px 16px; border-radius: 6px; border: 2px solid #35506b;
              background: #ffffff; color: #10263b; }
QPushButton:default { background: #1f5fa8; color: white; border-color: #163f6f; }
QPushButton:focus { border: 3px solid #f0a000; }
QPushButton:disabled { color: #8a96a3; border-color: #b6c0ca; }
QLineEdit, QComboBox, QSpinBox, QDoubleSpinBox, QDateTimeEdit, QDateEdit, QPlainTextEdit {
    min-height: 40px; border: 2px solid #6b7f93; border-radius: 4px; background: white; padding: 2px 6px; }
QLineEdit:focus, QComboBox:focus, QPlainTextEdit:focus { border-color: #f0a000; }
QComboBox QAbstractItemView { background: white; color: #10263b; selection-background-color: #f0a000;
                              selection-color: #10263b; }
QCheckBox::indicator, QRadioButton::indicator { width: 28px; height: 28px; }
QListWidget#nav { background: #17324d; color: white; border: none; font-size: 17pt; }
QListWidget#nav::item { padding: 14px 10px; }
QListWidget#nav::item:selected { background: #f0a000; color: #10263b; }
QStatusBar { background: #17324d; color: white; font-size: 12pt; }
QStatusBar QLabel { color: white; padding: 0 10px; }
QStatusBar QLabel#clock_warning { color: #ffffff; background: #c62828; font-weight: bold; padding: 0 6px; }
QHeaderView::section { background: #dfe6ed; padding: 6px; font-weight: bold; }
QTableView, QTreeView, QListView { background: white; alternate-background-color: #eef2f6; }
QLabel#placeholder { color: #5a6b7c; font-size: 20pt; qproperty-alignment: AlignCenter; }
QLabel#heading { font-size: 18pt; font-weight: bold; }
"""

FONT_FAMILIES = ["Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Droid Sans Fallback"]


def load_bundled_fonts() -> list[str]:
    from PySide6.QtGui import QFontDatabase

    families: list[str] = []
    fonts = resource("fonts")
    for path in sorted(fonts.glob("*.tt[fc]")) if fonts.exists() else []:
        font_id = QFontDatabase.addApplicationFont(str(path))
        families += QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families


def install_translator(app: QApplication, language: str, *, qt_words: bool = True) -> None:
    """Chinese is the source language; English comes from resources/i18n/gatehouse_en.qm.
    With qt_words=False Qt's own Chinese words (dialog buttons) wait for `install_qt_words`:
    nothing on the first painted window uses them."""
    from PySide6.QtCore import QTranslator  # here, not at import: see finish_app

    if app.property("gatehouse_translated"):  # a first start has none to remove (and skips a type's set-up)
        for old in app.findChildren(QTranslator):
            app.removeTranslator(old)
            old.deleteLater()
    app.setProperty("gatehouse_qt_words", False)
    set_language(language)
    if language != "en":
        if qt_words:
            install_qt_words(app)
        return
    ours = QTranslator(app)
    if ours.load(str(resource("i18n", "gatehouse_en.qm"))):
        app.installTranslator(ours)
        app.setProperty("gatehouse_translated", True)


def install_qt_words(app: QApplication) -> None:
    """Qt's own words (message box and file dialog buttons) in Chinese; then what qtbase leaves
    in English (the file dialog's 查找范围 and 文件类型), which later translators take first."""
    if app.property("gatehouse_qt_words") or language() == "en":
        return
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    app.setProperty("gatehouse_qt_words", True)
    app.setProperty("gatehouse_translated", True)
    qt = QTranslator(app)
    if qt.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_",
               QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
    extra = QTranslator(app)
    if extra.load(str(resource("i18n", "qt", "qtbase_extra_zh_CN.qm"))):
        app.installTranslator(extra)


def make_app(language: str = "zh", argv: list[str] | None = None, *, defer: bool = False) -> QApplication:
    """The application, ready for every window. With defer=True only what the first paint of the
    main window's shell needs (names, stylesheet, our translation); `finish_app` adds the rest
    (the 5 MB CJK font, the window icon, Qt's own words, dialog focus) once it has painted."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("gatehouse")  # matches installer/gatehouse.desktop
    if app.styleSheet() != STYLESHEET:  # setting it again re-polishes every widget there is
        app.setStyleSheet(STYLESHEET)
    install_translator(app, language, qt_words=False)
    if not defer:
        finish_app(app)
    return app


def finish_app(app: QApplication) -> None:
    """What make_app(defer=True) left for after the first paint; safe to call again."""
    from PySide6.QtGui import QFont, QIcon  # each Qt class sets up its enums on first import

    install_qt_words(app)
    icon = resource("icons", "gatehouse.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    bundled = load_bundled_fonts()
    font = QFont()
    font.setFamilies(bundled + FONT_FAMILIES)
    font.setPointSize(15)
    if app.font() != font:  # a new font is an event to every widget there is
        app.setFont(font)
    from desktop.gui import dialog_focus

    dialog_focus.install(app)  # every dialog of ours: first input focused, Tab in reading order
