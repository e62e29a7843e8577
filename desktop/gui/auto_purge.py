"""The automatic purge: once a day, after the start backup and after a shift end's backup, the
personal data the retention setting (`retention.days`) says is due goes — from the database, its
file (rewritten) and the backups — on a worker thread, audited as done by the system. What went is
said on the status bar; a purge that fails is the backup alarm (red), not a log line.

`summary(run)` is the one line that says what a purge took, also used by the admin's button.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow
from shiboken6 import isValid

from desktop.domain import localtime
from desktop.domain.retention import TABLES
from desktop.i18n import t
from desktop.services import purge_run

STATUS_MS = 10 * 60_000  # the status bar says it for ten minutes


def counts_text(counts: dict[str, int]) -> str:
    parts = [f"{t(*TABLES.get(k, (k, k)))} {n}" for k, n in counts.items() if n]
    return t("，", ", ").join(parts) or t("无", "nothing")


def summary(run: purge_run.PurgeRun, *, automatic: bool = False) -> str:
    head = t("已自动清除过期个人信息", "Expired personal data purged automatically") if automatic else \
        t("已清除过期个人信息", "Expired personal data purged")
    found = run.database
    text = t("{h}（{d} 之前）：{c}", "{h} (before {d}): {c}", h=head, d=found.before, c=counts_text(found.counts))
    if run.copies:
        text += t("；备份 {n} 份", "; {n} backups", n=len(run.copies))
    if run.problems:
        text += t("；{n} 份备份未能清除", "; {n} backups could not be purged", n=len(run.problems))
    return text


class AutoPurge(QObject):
    def __init__(self, ctx: Any, window: QMainWindow) -> None:
        super().__init__(window)
        self.ctx, self.window = ctx, window
        self.last_day: date | None = None  # the site day of the last check: once a day
        self.running = False
        self.last_run: purge_run.PurgeRun | None = None
        self.message = ""

    def run_if_due(self, alarm: Any = None) -> None:
        """Purge off the UI thread when rows are due and today's check has not been made yet;
        `alarm(text)` is called when it fails."""
        now = self.ctx.clock.now()
        today = localtime.site_today(now)
        if self.running or self.last_day == today:
            return
        self.running = True
        db = self.ctx.db

        def done(run: purge_run.PurgeRun | None) -> None:
            self.running, self.last_day = False, today
            if run is None or not isValid(self.window):
                return
            self.last_run = run
            self.message = summary(run, automatic=True)
            self.window.statusBar().showMessage(self.message, STATUS_MS)

        def failed(exc: BaseException) -> None:
            self.running = False  # tried again at the next start or shift end
            if alarm is not None and isValid(self.window):
                from desktop.gui.ops import describe_error

                alarm(t("自动清除过期个人信息失败：{e}", "The automatic purge failed: {e}", e=describe_error(exc)))

        self.ctx.ops.submit(lambda: purge_run.purge_due(db, now=now), on_done=done, on_error=failed)
