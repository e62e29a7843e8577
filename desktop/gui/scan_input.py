"""Barcode scans caught anywhere in the application, told apart from a person typing.

`ScanInput` is an event filter on the QApplication. Each printable key pressed in the focused
widget is held back for a moment (`MAX_GAP`, 50 ms): if the next key comes that fast and the run
ends with Enter, it was a USB scanner — the keys never reach the widget and `scanned(text)` is
emitted. Otherwise the held keys are given to the widget exactly as they were typed (a person
notices nothing but a 50 ms delay). The decisions are `desktop.domain.scanner.BurstDetector`'s.

A Chinese input method would swallow a scanner's letters into its composition window: while a
burst is being held the focused widget's input method is switched off (WA_InputMethodEnabled), and
a composition committed as a whole slip number (an IME in pinyin mode commits the raw letters on
Enter) is taken as a scan too. Fields meant for slip numbers call `latin_only(widget)`.

Signals: scanned(str) — the raw text of a finished scan (parse it with `read_scan`).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from desktop.domain.scanner import MAX_GAP, MIN_LENGTH, Action, BurstDetector, ScanKind, read_scan

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_CASE_KEYS = (Qt.Key.Key_Shift, Qt.Key.Key_CapsLock)
_SHORTCUT_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                       | Qt.KeyboardModifier.MetaModifier)
_PROPERTY = "gatehouse_scan_input"


def latin_only(widget: QWidget) -> None:
    """A field for slip numbers: no input method, upper-case Latin, no predictions."""
    widget.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
    widget.setInputMethodHints(Qt.InputMethodHint.ImhLatinOnly | Qt.InputMethodHint.ImhPreferUppercase
                               | Qt.InputMethodHint.ImhNoPredictiveText | Qt.InputMethodHint.ImhNoAutoUppercase)


class ScanInput(QObject):
    scanned = Signal(str)

    def __init__(self, parent: QObject | None = None, *, max_gap: float = MAX_GAP,
                 now: Callable[[], float] = time.perf_counter) -> None:
        super().__init__(parent)
        self._detector = BurstDetector(max_gap=max_gap)
        self._now = now
        self._held: list[tuple[QWidget, QKeyEvent]] = []
        self._ime_off: list[QWidget] = []
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._expire)

    # --- installing -------------------------------------------------------------------------

    @classmethod
    def install(cls, app: QCoreApplication | None = None) -> ScanInput:
        """The application's one ScanInput (created and installed on first call)."""
        app = app or QApplication.instance()
        assert app is not None
        existing = app.property(_PROPERTY)
        if isinstance(existing, ScanInput):
            return existing
        filt = cls(app)
        app.installEventFilter(filt)
        app.setProperty(_PROPERTY, filt)
        return filt

    def uninstall(self) -> None:
        self._release_all()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
            if app.property(_PROPERTY) is self:
                app.setProperty(_PROPERTY, None)

    # --- the filter -------------------------------------------------------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if self._replaying:
            return False
        kind = event.type()
        if kind == QEvent.Type.KeyPress and self._is_target(obj):
            return self._key(obj, event)  # type: ignore[arg-type]
        if kind == QEvent.Type.InputMethod and self._is_target(obj):
            return self._composition(event)  # type: ignore[arg-type]
        if kind == QEvent.Type.FocusOut and self._held and obj is self._held[0][0]:
            self._release_all()
        return False

    @staticmethod
    def _is_target(obj: QObject) -> bool:
        # Key events pass through the window and then up the parent chain; act once, at the widget
        # that has the focus (or the window, when nothing has).
        if not isinstance(obj, QWidget):
            return False
        # While a modal dialog is open (a file chooser, a confirmation, a form) the keys are its own:
        # a fast typist or a scan there must not be released behind it on a page nobody sees.
        if QApplication.activeModalWidget() is not None:
            return False
        focus = QApplication.focusWidget()
        return obj is focus or (focus is None and obj.isWindow())

    def _key(self, target: QWidget, event: QKeyEvent) -> bool:
        if event.key() in _CASE_KEYS:
            return False  # a scanner presses Shift before each capital: part of the burst, not a person
        if event.key() in _ENTER_KEYS:
            char = "\r"
        elif event.modifiers() & _SHORTCUT_MODIFIERS or len(event.text()) != 1 or event.isAutoRepeat():
            self._release_all()  # a shortcut, a navigation key or a key held down: a person is working
            return False
        else:
            char = event.text()
        outcome = self._detector.key(char, self._now())
        held_now = self._detector.pending
        if outcome.action is Action.SCAN:
            self._drop_held()
            self.scanned.emit(outcome.text)
            return True
        if outcome.action is Action.SWALLOW:
            return True
        if outcome.action is Action.PASS:
            self._give_back(len(self._held))
        if held_now:
            self._hold(target, event)
            return True
        return False

    def _composition(self, event: QInputMethodEvent) -> bool:
        text = event.commitString()
        if len(text) < MIN_LENGTH or event.preeditString():
            return False
        if read_scan(text).kind is ScanKind.GARBAGE:
            return False
        self.scanned.emit(text)
        return True

    # --- holding and giving back ------------------------------------------------------------

    def _hold(self, target: QWidget, event: QKeyEvent) -> None:
        copy = QKeyEvent(QEvent.Type.KeyPress, event.key(), event.modifiers(), event.text(),
                         event.isAutoRepeat(), event.count())
        self._held.append((target, copy))
        if target.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled):
            target.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
            QGuiApplication.inputMethod().update(Qt.InputMethodQuery.ImEnabled)
            self._ime_off.append(target)
        deadline = self._detector.deadline
        wait_ms = 0 if deadline is None else max(0, int((deadline - self._now()) * 1000) + 1)
        self._timer.start(wait_ms)

    def _expire(self) -> None:
        outcome = self._detector.expire(self._now())
        if outcome.action is Action.PASS:
            self._give_back(len(self._held))
        elif self._detector.pending:  # woke a little early
            self._timer.start(1)

    def _release_all(self) -> None:
        """Something other than a key decided (a shortcut, the focus moved): a person is typing."""
        self._detector.flush()
        self._give_back(len(self._held))

    def _give_back(self, count: int) -> None:
        """Deliver held keys to the widgets they were meant for, in order."""
        batch, self._held = self._held[:count], self._held[count:]
        self._replaying = True
        try:
            for widget, event in batch:
                if isValid(widget):
                    QCoreApplication.sendEvent(widget, event)
        finally:
            self._replaying = False
        if not self._held:
            self._timer.stop()
            self._restore_ime()

    def _drop_held(self) -> None:
        self._held.clear()
        self._timer.stop()
        self._restore_ime()

    def _restore_ime(self) -> None:
        for widget in self._ime_off:
            widget.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        if self._ime_off:
            QGuiApplication.inputMethod().update(Qt.InputMethodQuery.ImEnabled)
        self._ime_off.clear()

    @property
    def holding(self) -> int:
        return len(self._held)
