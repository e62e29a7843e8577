"""The idle lock: after `session.idle_lock_minutes` (site setting, default 10, 0 = off) without a key,
a click or a mouse movement anywhere in the application, the window goes back to the sign-in — the
same sign-in and switch as Ctrl+L — and stays there until someone signs in. Nothing typed is lost:
the pages are only covered (their widgets hidden, not rebuilt), and the station forms follow whoever
signs in next (they listen to the session's `changed`).

`IdleLock` is an application event filter plus a single-shot QTimer; the interval is injectable
(`set_interval(ms)`) so tests can use a few milliseconds. Signals: idle() when the time ran out.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

SETTING = "session.idle_lock_minutes"
_INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
                    QEvent.Type.TouchBegin, QEvent.Type.InputMethod})


class IdleLock(QObject):
    idle = Signal()

    def __init__(self, parent: QObject | None = None, *, interval_ms: int = 0) -> None:
        super().__init__(parent)
        self.locked = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._expired)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # removed by Qt when this object goes (with its window)
        self.set_interval(interval_ms)

    @property
    def interval_ms(self) -> int:
        return self._timer.interval() if self._timer.interval() > 0 and self._on else 0

    def set_interval(self, ms: int) -> None:
        """Lock after `ms` without input; 0 turns the lock off."""
        self._on = ms > 0
        if self._on:
            self._timer.setInterval(ms)
            if not self.locked:
                self._timer.start()
        else:
            self._timer.stop()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT and self._on and not self.locked:
            self._timer.start()  # someone is here: start counting again
        return False

    def _expired(self) -> None:
        if self._on and not self.locked:
            self.idle.emit()

    def unlocked(self) -> None:
        self.locked = False
        if self._on:
            self._timer.start()


def install(window: Any) -> IdleLock:
    """The window's idle lock, its interval read from the site setting again after each sign-in
    and whenever the settings screen saves it."""
    from desktop.services import settings

    lock = IdleLock(window)

    def read_setting() -> None:
        minutes = window.ctx.ops.call_now(lambda s: settings.value(s, SETTING))
        lock.set_interval(int(minutes) * 60_000)

    read_setting()
    window.ctx.user.changed.connect(lambda: not lock.locked and read_setting())
    window.ctx.settings.changed.connect(lambda what: what == SETTING and not lock.locked and read_setting())
    lock.idle.connect(lambda: lock_now(window, lock))
    return lock


def lock_now(window: Any, lock: IdleLock) -> None:
    """Cover the pages and ask for a sign-in that cannot be cancelled (Ctrl+L's dialog and switch)."""
    from desktop.gui import prefs
    from desktop.gui.signin import SignInDialog

    ctx = window.ctx
    if ctx is None or lock.locked:
        return
    if not window.isVisible():  # a window closed (or replaced by a language switch) locks nothing
        lock.set_interval(0)
        return
    lock.locked = True
    popup = QApplication.activePopupWidget()
    if popup is not None:  # an open drop-down would sit above the lock
        popup.close()
    central = window.centralWidget()
    central.hide()  # nobody reads the screen while it is locked; the forms keep what was typed
    dialog = SignInDialog(ctx.ops, last={"operator": ctx.actor.operator, "station": ctx.actor.station},
                          parent=window)
    dialog.setWindowTitle(QCoreApplication.translate("IdleLock", "已锁定：请登录"))
    cancel = dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    if cancel is not None:
        cancel.hide()

    def finished(code: int) -> None:
        if code != QDialog.DialogCode.Accepted or dialog.result_actor is None:
            QTimer.singleShot(0, dialog.open)  # Escape or the close button: still locked
            return
        actor = dialog.result_actor
        station_changed = actor.station != ctx.actor.station
        ctx.user.sign_in(actor, dialog.result_name, dialog.result_role)
        prefs.save(operator=actor.operator, station=actor.station)
        central.show()
        window.lock_dialog = None
        dialog.deleteLater()
        lock.unlocked()
        if station_changed:
            window.show_page(window.page_index(actor.station))

    dialog.finished.connect(finished)
    window.lock_dialog = dialog
    dialog.open()
