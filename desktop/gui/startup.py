"""Start-up after the window's shell has painted: open the database off the UI thread while the
shell gets what its first paint did without (the CJK font, icons, menus: `finish_shell`), offer the
last crash log, sign in, then build the station pages.

Signals: finished(int) with the exit code once the pages are up (0) or start-up gave up
(2: the database cannot be used; 0: sign-in cancelled, the app quits).
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from desktop.i18n import t


class Startup(QObject):
    finished = Signal(int)
    _loaded = Signal(object)
    _failed = Signal(object)

    def __init__(self, window, target: str, *, station: str | None, operator: str | None,  # type: ignore[no-untyped-def]
                 language: str, sign_in: bool = True) -> None:
        super().__init__(window)
        self.window, self.target = window, target
        self.station, self.operator, self.language, self.sign_in = station, operator, language, sign_in
        self.db: Any = None
        self.scans: Any = None
        self.ctx: Any = None
        self._thread: threading.Thread | None = None
        self._loaded.connect(self._on_loaded)
        self._failed.connect(self._on_failed)

    def start(self) -> None:
        """Begin once the window has painted: the loader's imports would otherwise hold the
        interpreter while the first paint waits (a hidden window starts after a short wait)."""
        self.window.painted.connect(self._painted)
        QTimer.singleShot(500, self._begin)

    def _painted(self) -> None:
        self.window.painted.disconnect(self._painted)
        QTimer.singleShot(0, self._begin)

    def _begin(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._load, name="open-database", daemon=True)
        self._thread.start()
        self.finish_shell()

    def finish_shell(self) -> None:
        """The font, window icon, Qt's own words and dialog focus for the app, the icons and menus
        for the window: what a shell painted first left out (a no-op for a finished window)."""
        from desktop.gui.application import finish_app

        app = QApplication.instance()
        if isinstance(app, QApplication):
            finish_app(app)
        finish = getattr(self.window, "finish_shell", None)
        if finish is not None:
            finish()

    def _load(self) -> None:
        try:
            from desktop.app import prepare_database

            self._loaded.emit(prepare_database(self.target))
        except BaseException as exc:  # shown to the person on the UI thread
            self._failed.emit(exc)

    def _on_failed(self, exc: BaseException) -> None:
        if str(getattr(exc, "problem", "")) == "corrupt" and self._offer_backup(exc):
            self._thread = None  # restored: open it again
            self._begin()
            return
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(self.window, t("无法打开数据库", "Cannot open the database"), str(exc))
        self.finished.emit(2)
        QApplication.exit(2)

    def _offer_backup(self, exc: BaseException) -> bool:
        """A damaged file: offer the newest verified backup in one step (True when restored)."""
        from desktop.domain.clock import SystemClock
        from desktop.gui.restore_dialog import offer_latest

        return offer_latest(self.window, self.target, str(exc), SystemClock().now())

    def _on_loaded(self, db: Any) -> None:
        from desktop.app import build_context
        from desktop.domain.clock import SystemClock
        from desktop.gui import crash, prefs

        self.db = db
        ctx = build_context(db, SystemClock(), operator=self.operator, station=self.station)
        self.ctx = ctx
        if self.sign_in:
            from PySide6.QtWidgets import QDialog

            from desktop.gui.signin import SignInDialog

            crash.offer_previous_crash(self.window)
            dialog = SignInDialog(ctx.ops, last={"operator": ctx.actor.operator, "station": ctx.actor.station},
                                  parent=self.window)
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_actor is None:
                self.finished.emit(0)
                QApplication.exit(0)
                return
            ctx.user.sign_in(dialog.result_actor, dialog.result_name, dialog.result_role)
            prefs.save(operator=dialog.result_actor.operator, station=dialog.result_actor.station)
        self.window.attach(ctx, rest_later=True)  # the first usable page first, the others after it
        self.window.activateWindow()  # after the sign-in dialog, keys go to the window, not nowhere
        self.window.language_requested.connect(self._switch_language)
        from desktop.gui.scan_input import ScanInput

        self.scans = ScanInput.install()  # barcode scans caught wherever the focus is
        self.scans.scanned.connect(self.window.deliver_scan)
        self.finished.emit(0)

    def _switch_language(self, code: str) -> None:
        """Rebuild the window in the other language, keeping who is signed in."""
        from desktop.gui import prefs
        from desktop.gui.application import install_translator
        from desktop.gui.main_window import MainWindow

        prefs.save(language=code)
        app = QApplication.instance()
        install_translator(app, code)  # type: ignore[arg-type]
        old = self.window
        page = old.stack.currentIndex() if old.pages else -1
        if self.scans is not None:
            self.scans.scanned.disconnect(old.deliver_scan)
        new = MainWindow(self.ctx)
        if self.scans is not None:
            self.scans.scanned.connect(new.deliver_scan)
        new.setGeometry(old.geometry())
        new.language_requested.connect(self._switch_language)
        self.setParent(new)
        self.window = new
        new.show()
        old.hide()
        old.deleteLater()
        from desktop.gui.language_switch import settle_after_switch

        settle_after_switch(new, page)

    def shutdown(self) -> None:
        if self.ctx is not None:
            self.ctx.ops.wait_idle()
        if self.db is not None:
            self.db.dispose()
