"""What a reader sees on a screen, checked: no Chinese left in English (data aside), no text wider
than the widget that shows it. Used by test_english_render over every screen and dialog."""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAction, QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QCheckBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QTabBar,
    QTextEdit,
    QToolButton,
    QWidget,
)

CJK = re.compile(r"[\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
# a plate as the screens show it (苏N·12345): data, whatever the language
PLATE = re.compile(r"[\u4e00-\u9fff][A-Z]·?[A-Z0-9]{4,6}")
SEPARATORS_ONLY = re.compile(r"^[、，；（）：\s\d.·—-]*$")
SLACK = 2  # pixels: rounding between a font's advance and the painted text


def plain(text: str) -> str:
    """The words of a (possibly rich) text, without mnemonics."""
    if "<" in text and ">" in text:
        doc = QTextDocument()
        doc.setHtml(text)
        text = doc.toPlainText()
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def widget_path(w: QWidget) -> str:
    """Where a widget is: the attribute names that lead to it (GatePage.vehicle), else its class."""
    names: list[str] = []
    child: QWidget | None = w
    while child is not None:
        parent = child.parentWidget()
        name = child.objectName() or _attribute_name(parent, child) or type(child).__name__
        names.append(name)
        if parent is None or (parent.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog) and parent.parentWidget() is None):
            names.append(type(parent).__name__ if parent is not None else "")
            break
        child = parent
    return "/".join(reversed([n for n in names if n]))


def _attribute_name(owner: QWidget | None, child: QWidget) -> str:
    seen = 0
    while owner is not None and seen < 6:
        for key, value in vars(owner).items():
            if value is child:
                return f"{type(owner).__name__}.{key}"
        owner, seen = owner.parentWidget(), seen + 1
    return ""


def strip_data(text: str, data: Iterable[str]) -> str:
    text = PLATE.sub("", text)
    for value in data:
        if value and value in text:
            text = text.replace(value, "")
    return text


class Checker:
    """Collects problems: `chinese` only in English; clipping in both languages."""

    def __init__(self, *, english: bool, data: list[str], allowed: set[str], texts: set[str] = frozenset()) -> None:
        self.english, self.texts = english, texts
        self.data = sorted({d for d in data if d and CJK.search(d)}, key=len, reverse=True)
        self.allowed = allowed
        self.problems: dict[str, str] = {}  # one line per problem, first screen that showed it

    def _report(self, where: str, w: QWidget | None, kind: str, text: str, detail: str = "") -> None:
        path = widget_path(w) if w is not None else ""
        key = f"{kind}: {path} {text!r}"
        self.problems.setdefault(key, f"{key} {detail} (on {where})".strip())

    def _chinese(self, where: str, w: QWidget | None, text: str) -> None:
        if not self.english or not text or text in self.texts:
            return
        path = widget_path(w) if w is not None else ""
        if any(path.endswith(a) or f"/{a}/" in path for a in self.allowed):
            return
        left = strip_data(text, self.data)
        if CJK.search(left) and not SEPARATORS_ONLY.match(left):  # 、 and （） between data: data
            self._report(where, w, "Chinese", text)

    def look(self, root: QWidget, where: str) -> None:
        widgets = [root, *root.findChildren(QWidget)]
        for w in widgets:
            if not w.isVisible() or w.width() <= 0:
                continue
            if isinstance(w, QLabel):
                self._label(where, w)
            elif isinstance(w, QAbstractButton):
                self._button(where, w)
            elif isinstance(w, QGroupBox):
                self._chinese(where, w, w.title())
                need = QFontMetrics(w.font()).horizontalAdvance(plain(w.title())) + 16
                if w.title() and need > w.width() + SLACK:
                    self._report(where, w, "clipped", w.title(), f"needs {need}px, has {w.width()}")
            elif isinstance(w, QTabBar):
                self._tabs(where, w)
            elif isinstance(w, QHeaderView):
                self._header(where, w)
            elif isinstance(w, QTextEdit) and w.isReadOnly():  # a report drawn as HTML: line by line
                for line in w.toPlainText().splitlines():
                    self._chinese(where, w, line.strip())
            for action in QWidget.actions(w):
                self._action(where, w, action)
        bar = getattr(root, "menuBar", None)
        if callable(bar) and bar() is not None:
            for action in bar().actions():
                self._action(where, bar(), action)

    def _action(self, where: str, w: QWidget, action: QAction) -> None:
        self._chinese(where, w, plain(action.text()))
        menu = action.menu()
        if menu is not None:
            for sub in menu.actions():
                self._action(where, menu, sub)

    def _label(self, where: str, w: QLabel) -> None:
        text = plain(w.text())
        if not text.strip() or (w.pixmap() is not None and not w.pixmap().isNull()):
            return
        self._chinese(where, w, text)
        rect = w.contentsRect()
        indent = max(w.indent(), 0) + 2 * w.margin()
        avail = rect.width() - indent
        if w.wordWrap():
            need_h = w.heightForWidth(w.width())
            if need_h > w.height() + SLACK:
                self._report(where, w, "clipped", text, f"wraps to {need_h}px high, has {w.height()}")
            longest = max((QFontMetrics(w.font()).horizontalAdvance(word) for word in text.split()), default=0)
            if not CJK.search(text) and longest > avail + SLACK:
                self._report(where, w, "clipped", text, f"a word needs {longest}px, has {avail}")
            return
        if w.textFormat() == Qt.TextFormat.RichText or ("<" in w.text() and Qt.mightBeRichText(w.text())):
            doc = QTextDocument()
            doc.setDefaultFont(w.font())
            doc.setDocumentMargin(0)
            doc.setHtml(w.text())
            need = int(doc.idealWidth())
        else:
            metrics = QFontMetrics(w.font())
            need = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
        if need > avail + SLACK:
            self._report(where, w, "clipped", text, f"needs {need}px, has {avail}")
        else:
            self._cut_by_parent(where, w, text)

    def _button(self, where: str, w: QAbstractButton) -> None:
        text = plain(w.text())
        if not text.strip():
            return
        self._chinese(where, w, text)
        metrics = QFontMetrics(w.font())
        need = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
        icon = 0 if w.icon().isNull() else w.iconSize().width() + 4
        if isinstance(w, QPushButton):
            option = QStyleOptionButton()
            w.initStyleOption(option)
            avail = w.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, w).width()
            need += icon
        elif isinstance(w, (QCheckBox, QRadioButton)):
            element = (QStyle.SubElement.SE_CheckBoxContents if isinstance(w, QCheckBox)
                       else QStyle.SubElement.SE_RadioButtonContents)
            option = QStyleOptionButton()
            w.initStyleOption(option)
            avail = w.style().subElementRect(element, option, w).width()
        elif isinstance(w, QToolButton):
            style = w.toolButtonStyle()
            beside = style == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
            avail = w.width() - 6
            need += icon if beside else 0
            if style == Qt.ToolButtonStyle.ToolButtonIconOnly:
                return
        else:
            return
        if need > avail + SLACK:
            self._report(where, w, "clipped", text, f"needs {need}px, has {avail}")
        else:
            self._cut_by_parent(where, w, text)

    def _cut_by_parent(self, where: str, w: QWidget, text: str) -> None:
        """A widget wide enough for its text, but partly outside what its scroll area or parent
        shows (a row of buttons wider than the form): the reader sees "Transit stat"."""
        seen = w.visibleRegion().boundingRect()
        area = w.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if seen.isEmpty() and area is not None:  # wholly outside: is it beside the viewport, not above or below?
            port = area.viewport()
            seen = QRect(w.mapTo(port, QPoint(0, 0)), w.size()).intersected(port.rect())
            seen.setHeight(max(seen.height(), 0))
            rows = QRect(0, w.mapTo(port, QPoint(0, 0)).y(), 1, w.height()).intersected(QRect(0, 0, 1, port.height()))
            if rows.height() >= w.height() // 2 and seen.width() <= 0:
                self._report(where, w, "clipped", text, "wholly beside what its scroll area shows")
            return
        if seen.isEmpty() or seen.height() < w.height() // 2:
            return  # scrolled out of sight (up or down): the reader scrolls to it
        if seen.width() + SLACK < w.width():
            self._report(where, w, "clipped", text, f"only {seen.width()}px of {w.width()} shown")

    def _tabs(self, where: str, w: QTabBar) -> None:
        metrics = QFontMetrics(w.font())
        for i in range(w.count()):
            text = plain(w.tabText(i))
            self._chinese(where, w, text)
            need = metrics.horizontalAdvance(text) + (0 if w.tabIcon(i).isNull() else w.iconSize().width())
            if need > w.tabRect(i).width() - 4 + SLACK:
                self._report(where, w, "clipped", text, f"tab {i} needs {need}px, has {w.tabRect(i).width()}")

    def _header(self, where: str, w: QHeaderView) -> None:
        model = w.model()
        if model is None or w.isHidden():
            return
        font = w.font()
        font.setBold(True)
        metrics = QFontMetrics(font)
        for section in range(w.count()):
            if w.isSectionHidden(section) or w.sectionSize(section) <= 0:
                continue
            value = model.headerData(section, w.orientation(), Qt.ItemDataRole.DisplayRole)
            text = plain(str(value)) if value is not None else ""
            if not text:
                continue
            self._chinese(where, w, text)
            if w.orientation() == Qt.Orientation.Horizontal:
                need = max(metrics.horizontalAdvance(line) for line in text.split("\n")) + 12
                if need > w.sectionSize(section) + SLACK:
                    self._report(where, w, "clipped", text, f"column {section} needs {need}px, has {w.sectionSize(section)}")
