"""After a restore from the window: the window comes back on the restored file, signed out.

The old window (its pages, its connections, its backups timer) goes; a new one is built on the
restored database, the same station, and covered at once by the sign-in that cannot be cancelled
(the idle lock's), titled so the person knows why. The start-up object that owns the app's
database and scans (desktop.gui.startup) follows the new window, as after a language switch.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMainWindow

from desktop.i18n import t


def open_restored(path: Any) -> Any:
    """Open (check, upgrade) the restored file: slow on a big one, run it off the UI thread."""
    from desktop.app import prepare_database

    return prepare_database(str(path))


def reopen(old: QMainWindow, db: Any, *, message: str) -> QMainWindow:
    """Replace `old` by a window on `db` (already open), signed out; `message` on its status bar."""
    from desktop.app import build_context
    from desktop.gui import idle_lock
    from desktop.gui.main_window import MainWindow
    from desktop.gui.startup import Startup

    before = old.ctx  # type: ignore[attr-defined]
    if getattr(old, "auto_backup", None) is not None:
        old.auto_backup.stop()  # type: ignore[attr-defined]
    if getattr(old, "idle_lock", None) is not None:
        old.idle_lock.set_interval(0)  # type: ignore[attr-defined]
    ctx = build_context(db, before.clock, operator=before.actor.operator, station=before.actor.station)
    new = MainWindow(ctx)
    for startup in old.findChildren(Startup):  # the real app: its owner follows the window
        if startup.scans is not None:
            startup.scans.scanned.disconnect(old.deliver_scan)  # type: ignore[attr-defined]
            startup.scans.scanned.connect(new.deliver_scan)
        new.language_requested.connect(startup._switch_language)
        startup.setParent(new)
        startup.window, startup.ctx, startup.db = new, ctx, db
    new.setGeometry(old.geometry())
    new.show()
    old.hide()
    old.deleteLater()
    new.statusBar().showMessage(message)
    idle_lock.lock_now(new, new.idle_lock)  # signed out: whoever works on the restored file signs in
    if new.lock_dialog is not None:
        new.lock_dialog.setWindowTitle(t("已恢复备份：请登录", "Backup restored: please sign in"))
    return new
