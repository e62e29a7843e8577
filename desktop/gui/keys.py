"""Keys for gloved hands: decision keys that ignore a bounce, buttons that ignore a stray Enter.

    shortcut(page, Qt.Key.Key_F5, page.admit, decision=True)   # a repeat within 500 ms is ignored
    calm(button)                                              # Enter on the focused button does nothing

A decision (F5 enter, F6 handoff, F7 refuse, F8 override, F9 slips) must be meant: a key that
bounces, or a held key's auto-repeat, would otherwise decide twice or decide the next vehicle.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QPushButton, QWidget

REPEAT_MS = 500


class Debounced:
    """Calls `slot` unless the previous call was less than `ms` ago (a monotonic clock: a wall-clock
    change never swallows a key)."""

    def __init__(self, slot: Callable[[], object], ms: int = REPEAT_MS) -> None:
        self.slot, self.ms = slot, ms
        self.last: float | None = None

    def __call__(self, *_args: object) -> None:
        stamp = time.monotonic()
        if self.last is not None and (stamp - self.last) * 1000 < self.ms:
            return
        self.last = stamp
        self.slot()


def shortcut(widget: QWidget, key: Qt.Key | QKeySequence | str, slot: Callable[[], object], *,
             decision: bool = False,
             context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut) -> QShortcut:
    """A shortcut on `widget` and its children; decision keys do not auto-repeat nor bounce."""
    sequence = key if isinstance(key, QKeySequence) else QKeySequence(key)
    s = QShortcut(sequence, widget)
    s.setContext(context)
    if decision:
        s.setAutoRepeat(False)
        handler = Debounced(slot)
        s.activated.connect(handler)
        s.setProperty("debounced", True)
    else:
        s.activated.connect(slot)
    return s


def calm(*buttons: QAbstractButton) -> None:
    """Enter on a focused button does not press it (Space still does, as everywhere)."""
    for b in buttons:
        if isinstance(b, QPushButton):
            b.setAutoDefault(False)
            b.setDefault(False)


def enter_finishes(form: QWidget, finish: Callable[[], object]) -> None:
    """Enter in any line edit of `form`: on to the next empty one, or `finish` when all are filled."""
    edits = [e for e in form.findChildren(QLineEdit) if not e.isReadOnly()]

    def pressed() -> None:
        empty = next((e for e in edits if e.isEnabled() and e.isVisibleTo(form) and not e.text().strip()), None)
        if empty is not None:
            empty.setFocus()
        else:
            finish()

    for e in edits:
        e.returnPressed.connect(pressed)
