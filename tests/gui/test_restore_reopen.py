"""A restore from the window does not close the app: the window comes back on the restored file,
signed out (a sign-in that cannot be cancelled, titled so), with the restore said on its status bar."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from shiboken6 import isValid

from desktop.services import setup
from desktop.services.context import Actor


@pytest.fixture(autouse=True)
def _no_start_backup(monkeypatch):  # type: ignore[no-untyped-def]
    from desktop.gui import auto_backup

    monkeypatch.setattr(auto_backup, "START_DELAY_MS", 3_600_000)


@pytest.fixture
def window(qtbot, ctx):  # type: ignore[no-untyped-def]
    """Not handed to qtbot: the restore replaces it (deleted), and qtbot would close a deleted window."""
    from desktop.gui.main_window import MainWindow

    win = MainWindow(ctx)
    win.show()
    qtbot.waitExposed(win)
    return win


def _operators(ctx) -> set[str]:  # type: ignore[no-untyped-def]
    return {o.username for o in ctx.ops.call_now(setup.list_operators)}


def test_after_a_restore_the_window_reopens_on_the_restored_file_signed_out(window, ctx, qtbot, db_path, clock,
                                                                          monkeypatch):
    from desktop.gui.restore_dialog import RestoreDialog

    window.auto_backup.backup_now("manual")
    qtbot.waitUntil(lambda: not window.auto_backup.running, timeout=60_000)
    clock.advance(timedelta(minutes=20))
    with ctx.db.session() as s:
        setup.add_operator(s, actor=Actor("admin", "admin"), now=clock.now(), username="late.one",
                           display_name="Late", role="gate", pin="4321")
    assert "late.one" in _operators(ctx)
    exits: list[int] = []
    told: list[str] = []
    monkeypatch.setattr(QApplication, "exit", lambda *a: exits.append(1))
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    dialog = RestoreDialog(ctx, window)  # goes with the window it belongs to
    dialog.table.selectRow(dialog.table.rowCount() - 1)  # the oldest: before late.one
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.reopened is not None, timeout=60_000)
    new = dialog.reopened
    qtbot.addWidget(new)
    try:
        assert not exits and "重新登录" in told[-1]
        assert new is not window and new.isVisible() and (not isValid(window) or not window.isVisible())
        assert new.ctx.db.path == db_path and new.ctx.db is not ctx.db
        assert "late.one" not in _operators(new.ctx)  # the restored file, not the one before
        assert "已恢复" in new.statusBar().currentMessage()
        lock = new.lock_dialog
        assert lock is not None and lock.isVisible() and lock.windowTitle() == "已恢复备份：请登录"
        assert not new.centralWidget().isVisible()  # signed out: nothing shown until someone signs in
        lock.ui.operatorBox.setCurrentIndex(lock.ui.operatorBox.findData("duty"))
        qtbot.keyClicks(lock.ui.pinEdit, "2580")
        qtbot.keyClick(lock.ui.pinEdit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: new.lock_dialog is None, timeout=5000)
        assert new.centralWidget().isVisible() and new.ctx.actor.operator == "duty"
    finally:
        new.idle_lock.set_interval(0)
        new.auto_backup.stop()
        new.ctx.ops.wait_idle()
        new.ctx.db.dispose()


def test_the_start_up_owner_follows_the_reopened_window(window, ctx, qtbot, db_path):
    """In the app the start-up object (the database to close at exit, the scanner, the language
    switch) hangs off the window: it moves to the new one instead of going with the old."""
    from desktop.gui.reopen import open_restored, reopen
    from desktop.gui.startup import Startup

    startup = Startup(window, str(db_path), station=None, operator=None, language="zh", sign_in=False)
    startup.ctx, startup.db = ctx, ctx.db
    again = open_restored(db_path)
    new = reopen(window, again, message="已恢复")
    qtbot.addWidget(new)
    try:
        assert startup.parent() is new and startup.window is new
        assert startup.db is again and startup.ctx is new.ctx and new.ctx.db is again
    finally:
        new.idle_lock.set_interval(0)
        new.auto_backup.stop()
        new.ctx.ops.wait_idle()
        again.dispose()
