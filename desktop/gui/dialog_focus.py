"""Dialogs that start where the first keystroke belongs and tab in reading order.

    reading_order(dialog)        # Tab goes top to bottom, left to right, buttons last
    first_input(dialog).setFocus()

`install(app)` does both for every dialog of ours (not Qt's own) when it is shown, so no dialog
opens with the focus on 确定 and none tabs 确定 → 取消 → 账号; and no table, list or text box
anywhere traps Tab (arrows move inside them, Tab leaves).
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QAbstractItemView)


def _tabbable(root: QWidget) -> list[QWidget]:
    out = []
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root) or not w.isEnabled():
            continue
        if not (w.focusPolicy() & Qt.FocusPolicy.TabFocus):
            continue
        if w.focusProxy() is not None:
            continue
        if isinstance(w.parentWidget(), (QComboBox, QAbstractSpinBox)):
            continue  # a combo's own line edit: the combo is the stop
        if any(isinstance(a, QAbstractItemView) for a in _ancestors(w, root)):
            continue  # viewport children, editors
        out.append(w)
    return out


def _ancestors(w: QWidget, root: QWidget) -> list[QWidget]:
    out, p = [], w.parentWidget()
    while p is not None and p is not root:
        out.append(p)
        p = p.parentWidget()
    return out


def _in_button_box(w: QWidget, root: QWidget) -> bool:
    return any(isinstance(a, QDialogButtonBox) for a in _ancestors(w, root))


def reading_order(root: QWidget) -> list[QWidget]:
    """Chain the Tab order of `root`'s controls: rows top to bottom, left to right; the dialog's
    button box last. Returns the order."""
    widgets = _tabbable(root)

    def position(w: QWidget) -> tuple[int, int, int]:
        at = w.mapTo(root, QPoint(0, 0))
        centre = at.y() + w.height() // 2
        return (1 if _in_button_box(w, root) else 0, centre // 24, at.x())

    widgets.sort(key=position)
    for a, b in pairwise(widgets):
        QWidget.setTabOrder(a, b)
    return widgets


def first_input(root: QWidget) -> QWidget | None:
    """The first empty text input, else the first input, else the first control."""
    order = reading_order(root)
    inputs = [w for w in order if isinstance(w, INPUTS) and not _in_button_box(w, root)]
    for w in inputs:
        edit = w if isinstance(w, QLineEdit) else (w.lineEdit() if isinstance(w, QComboBox) else None)
        if edit is not None and not edit.text() and not edit.isReadOnly():
            return w
    if inputs:
        return inputs[0]
    return order[0] if order else None


def settle(dialog: QWidget) -> None:
    """Reading order, and the focus on the first input unless the dialog chose one itself."""
    target = first_input(dialog)
    focus = QApplication.focusWidget()
    chosen = dialog.property("focusChosen")
    if chosen:
        return
    if target is not None and (focus is None or not dialog.isAncestorOf(focus)
                               or isinstance(focus, QAbstractButton)):
        target.setFocus(Qt.FocusReason.TabFocusReason)


def untrap(widget: QObject) -> None:
    """Tab leaves tables, lists and text boxes (arrows move inside them)."""
    if isinstance(widget, QAbstractItemView):
        widget.setTabKeyNavigation(False)
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        widget.setTabChangesFocus(True)


class _Watcher(QObject):
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish:
            untrap(obj)
        elif kind == QEvent.Type.Show and isinstance(obj, QDialog) and type(obj).__module__.startswith("desktop."):
            settle(obj)
        return False


def install(app: QApplication) -> None:
    if getattr(app, "_dialog_focus", None) is None:
        watcher = _Watcher(app)
        app.installEventFilter(watcher)
        app._dialog_focus = watcher  # type: ignore[attr-defined]
