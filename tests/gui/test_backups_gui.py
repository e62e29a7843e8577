"""Backups in the window: made on a worker thread, a failure is a red alarm on the status bar, the
admin's backup list restores the chosen copy after saying what would be lost, a damaged file at
start is offered the newest verified copy, and the handover sheet is saved from the File menu."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from desktop.services import backups, setup
from desktop.services.context import Actor, ServiceError
from tests.slipcheck import decode, rasterize


def _wait_backup(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not window.auto_backup.running, timeout=60_000)


def _folder(db_path: Path) -> Path:
    return db_path.parent / "backups"


def test_a_backup_is_made_off_the_ui_thread_and_a_failure_is_a_red_alarm(window, qtbot, db_path, monkeypatch):
    window.auto_backup.backup_now("start")
    _wait_backup(qtbot, window)
    assert len(list(_folder(db_path).glob("*.sqlite3"))) == 1
    assert window.auto_backup.alarm.isHidden()
    window.auto_backup.backup_now("interval", only_if_changed=True)  # nothing written since: no copy
    _wait_backup(qtbot, window)
    assert len(list(_folder(db_path).glob("*.sqlite3"))) == 1

    def full_disk(*_a, **_k):  # type: ignore[no-untyped-def]
        raise ServiceError("backup_failed", "The backup failed: disk full.")

    monkeypatch.setattr(backups, "make", full_disk)
    window.auto_backup.backup_now("manual")
    _wait_backup(qtbot, window)
    alarm = window.auto_backup.alarm
    assert alarm.isVisible() and "disk full" in alarm.toolTip()
    assert alarm in window.statusBar().findChildren(type(alarm))


def test_a_copy_that_fails_its_check_raises_the_alarm(window, qtbot, monkeypatch):
    monkeypatch.setattr(backups, "check_copy", lambda _p: backups.Verdict(ok=False, findings=["[chain] x"]))
    window.auto_backup.backup_now("manual")
    _wait_backup(qtbot, window)
    assert window.auto_backup.alarm.isVisible() and "未通过核验" in window.auto_backup.alarm.text()


def test_the_admin_list_restores_the_chosen_backup_after_saying_what_is_lost(ctx, qtbot, db_path, clock, monkeypatch):
    from datetime import timedelta

    from desktop.gui.main_window import MainWindow
    from desktop.gui.restore_dialog import RestoreDialog

    window = MainWindow(ctx)  # not handed to qtbot: the restore replaces it (desktop.gui.reopen)
    window.show()

    window.auto_backup.backup_now("manual")
    _wait_backup(qtbot, window)
    clock.advance(timedelta(minutes=20))
    with ctx.db.session() as s:
        setup.add_operator(s, actor=Actor("admin", "admin"), now=clock.now(), username="late.one",
                           display_name="Late", role="gate", pin="4321")
    clock.advance(timedelta(minutes=1))
    window.auto_backup.backup_now("manual")
    _wait_backup(qtbot, window)
    dialog = RestoreDialog(ctx, window)
    assert dialog.table.rowCount() == 2 and dialog.table.item(0, 4).text() == "通过"
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    monkeypatch.setattr(QApplication, "exit", lambda *a: None)
    dialog.table.selectRow(1)  # the older one
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.restored is not None, timeout=60_000)
    assert "1 条审计记录" in asked[0]
    assert Path(dialog.restored.kept_aside).is_file() and dialog.restored.verdict.ok
    assert any(json.loads(p.read_text())["why"] == "before_restore" for p in _folder(db_path).glob("*.json"))
    qtbot.waitUntil(lambda: dialog.reopened is not None, timeout=10_000)
    again = dialog.reopened
    lock = again.lock_dialog  # the new window is signed out, and says why
    assert lock is not None and lock.isVisible() and lock.windowTitle() == "已恢复备份：请登录"
    lock.blockSignals(True)  # it cannot be cancelled by a person; the test takes it down
    lock.close()
    lock.deleteLater()
    again.auto_backup.stop()
    again.idle_lock.set_interval(0)
    again.close()
    again.ctx.ops.wait_idle()
    again.ctx.db.dispose()
    again.deleteLater()


def test_a_damaged_file_at_start_is_offered_the_newest_verified_backup(db, db_path, clock, qapp, monkeypatch):
    from desktop.gui.restore_dialog import offer_latest

    good = backups.make(db_path, now=clock.now()).backup
    db.dispose()
    with open(db_path, "r+b") as fh:
        for page in range(2, db_path.stat().st_size // 4096):
            fh.seek(page * 4096)
            fh.write(b"\xde\xad\xbe\xef" * 4)
    for side in ("-wal", "-shm"):
        Path(f"{db_path}{side}").unlink(missing_ok=True)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    assert offer_latest(None, str(db_path), "damaged", clock.now())
    assert backups.check_copy(db_path).ok and backups.check_copy(db_path).audit_events == good.verdict.audit_events
    assert list(db_path.parent.glob("gatehouse.before-restore-*.sqlite3"))


def test_the_handover_sheet_is_saved_from_the_file_menu(window, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "handover.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    action = next(a for a in window.menuBar().actions()[0].menu().actions() if a.text() == "交接班单…")
    action.trigger()
    qtbot.waitUntil(target.exists, timeout=60_000)
    window.ctx.ops.wait_idle()
    (found,) = [text for kind, text in decode(rasterize(target, 150)) if kind == "QRCode"]
    length, head = found.split(":")
    assert int(length) > 0 and len(head) == 64


@pytest.fixture(autouse=True)
def _no_start_backup(monkeypatch):  # type: ignore[no-untyped-def]
    """The tests make their backups themselves; the one a few seconds after start would race them."""
    from desktop.gui import auto_backup

    monkeypatch.setattr(auto_backup, "START_DELAY_MS", 3_600_000)


def test_the_interval_comes_from_the_site_setting(window, ctx, clock):
    from desktop.services import settings

    with ctx.db.session() as s:
        settings.change(s, actor=Actor("admin", "admin"), now=clock.now(), key="backup.interval_minutes", raw="5")
    window.auto_backup.start()
    assert window.auto_backup.timer.interval() == 5 * 60_000 and window.auto_backup.timer.isActive()
    window.auto_backup.stop()
    assert not window.auto_backup.timer.isActive()


def test_a_new_backup_interval_takes_effect_when_the_settings_screen_saves_it(window, ctx):
    from desktop.services import settings

    ctx.ops.call_now(lambda s: settings.change(s, actor=Actor("admin", "admin"), now=ctx.clock.now(),
                                               key="backup.interval_minutes", raw="5"), write=True)
    ctx.settings.changed.emit("backup.interval_minutes")  # what the settings screen says after saving
    assert window.auto_backup.timer.interval() == 5 * 60_000
