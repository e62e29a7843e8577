"""Purging expired personal data from the window: by itself once a day after the start backup
(audited as the system, said on the status bar), and from the administrator's backups screen after
a dry-run plan and a confirmation. Afterwards no name, ID number or phone is left in the file or
its backups, and `verify` still passes."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.domain import localtime
from desktop.services import approvals, audit, setup, verify
from desktop.services.approvals import ApprovalDraft, OccupantDraft
from desktop.services.context import Actor
from tests.services.sheets import DRIVER_IDS

NAME, PHONE = "张建国", "13812345678"


@pytest.fixture(autouse=True)
def _no_start_backup(monkeypatch):  # type: ignore[no-untyped-def]
    from desktop.gui import auto_backup

    monkeypatch.setattr(auto_backup, "START_DELAY_MS", 3_600_000)  # the tests start it themselves


@pytest.fixture
def old_approval(db, clock):  # type: ignore[no-untyped-def]
    """An approved driver of today, then 41 days on: past the 30 days kept."""
    with db.session() as s:
        setup.add_unloading_point(s, actor=Actor("admin", "admin"), now=clock.now(), code="P1", name="一食堂")
    with db.session() as s:
        point = next(iter(approvals._point_names(s)))
        approvals.add(s, actor=Actor("duty", "gate"), now=clock.now(), approve=True, draft=ApprovalDraft(
            plate="苏N12345", arrival_date=localtime.site_today(clock.now()), supplier_name="宿迁市苏果超市配送中心",
            unloading_point_id=point,
            occupants=(OccupantDraft(NAME, DRIVER_IDS[0], PHONE, test_sampled_at=clock.now() - timedelta(hours=20)),)))
    clock.advance(timedelta(days=41))


def _bytes(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())


def _clean(path: Path) -> bool:
    """No ID number or phone anywhere in the bytes, and no name left on the approval's people (the
    audit chain keeps the name with the masked number and keyed hash: that is what it covers)."""
    data = _bytes(path)
    with closing(sqlite3.connect(path)) as conn:
        names = conn.execute("SELECT name FROM approval_occupant WHERE name != ''").fetchall()
    return not names and not any(v.encode() in data for v in (DRIVER_IDS[0], PHONE))


def _verified(ctx) -> bool:  # type: ignore[no-untyped-def]
    report = ctx.ops.call_now(lambda s: verify.verify(s, dialect=ctx.db.dialect))
    return bool(report.ok)


@pytest.mark.usefixtures("old_approval")
def test_the_daily_purge_runs_after_the_start_backup_as_the_system(window, ctx, qtbot, db_path):
    assert not _clean(db_path)
    window.auto_backup.backup_now("start")
    qtbot.waitUntil(lambda: window.auto_backup.purge.last_day is not None, timeout=60_000)
    ctx.ops.wait_idle()
    message = window.auto_backup.purge.message
    assert "已自动清除" in message and "审批人员 1" in message and "备份 1 份" in message
    assert window.statusBar().currentMessage() == message
    [event] = ctx.ops.call_now(lambda s: audit.recent(s, action_prefix="privacy.purge"))
    assert event["operator"] == "system"
    copies = list((db_path.parent / "backups").glob("*.sqlite3"))
    assert copies and all(_clean(p) for p in [db_path, *copies])
    assert _verified(ctx)
    window.auto_backup.purge.run_if_due()  # once a day: the same day does nothing again
    assert not window.auto_backup.purge.running


@pytest.mark.usefixtures("old_approval")
def test_the_administrator_sees_the_plan_confirms_and_the_data_is_gone(window, ctx, qtbot, db_path, monkeypatch):
    from desktop.gui.restore_dialog import RestoreDialog

    dialog = RestoreDialog(ctx, window)
    qtbot.addWidget(dialog)
    assert dialog.purge_button.isHidden()  # a supervisor: not theirs
    ctx.user.sign_in(Actor("admin", "admin"), "管理员", "admin")
    assert not dialog.purge_button.isHidden()
    asked: list[str] = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or answers.pop(0))
    qtbot.mouseClick(dialog.purge_button, Qt.MouseButton.LeftButton)  # the plan, then "no"
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=30_000)
    assert "审批人员：1" in asked[0] and "保留 30 天" in asked[0]
    ctx.ops.wait_idle()
    assert not _clean(db_path) and dialog.purged is None
    qtbot.mouseClick(dialog.purge_button, Qt.MouseButton.LeftButton)  # again, and "yes"
    qtbot.waitUntil(lambda: dialog.purged is not None, timeout=60_000)
    assert dialog.purged.database.counts["approval_occupant"] == 1
    assert "已清除过期个人信息" in dialog.message.text()
    assert _clean(db_path) and _verified(ctx)
    [event] = ctx.ops.call_now(lambda s: audit.recent(s, action_prefix="privacy.purge"))
    assert event["operator"] == "admin"
