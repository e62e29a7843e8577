"""Automatic backups while the window is open, and their alarm on the status bar.

A verified backup (`desktop.services.backups.make`) is made at start, every
`backup.interval_minutes` when something was written since the last one, at every shift change
(换班) and when the window closes (the last sign-out), always on a worker thread. A copy that cannot
be written or fails its check turns a red label on the status bar on — not a log line — until a
later backup succeeds. After the start backup and a shift end's, the day's automatic purge of
expired personal data follows (`desktop.gui.auto_purge`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow
from shiboken6 import isValid

from desktop.i18n import t
from desktop.services import anchors, backups, settings

START_DELAY_MS = 3000


INTERVAL = "backup.interval_minutes"
PURGE_AFTER = ("start", "shift_end")  # the backups after which the day's purge of expired personal data runs


class AutoBackup(QObject):
    def __init__(self, ctx: Any, window: QMainWindow) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.last_length: int | None = None
        self.last_result: backups.BackupResult | None = None
        self.running = False
        self.alarm = QLabel(window)
        self.alarm.setObjectName("backup_alarm")
        self.alarm.setStyleSheet("color: #ffffff; background: #c62828; font-weight: bold; padding: 0 6px;")
        self.alarm.hide()
        window.statusBar().addPermanentWidget(self.alarm)
        self.timer = QTimer(self, timeout=lambda: self.backup_now("interval", only_if_changed=True))
        from desktop.gui.auto_purge import AutoPurge

        self.purge = AutoPurge(ctx, window)

    stopped = False

    @property
    def enabled(self) -> bool:
        return self.ctx.db.path is not None and not self.stopped  # a server database is backed up on the server

    def stop(self) -> None:
        """No more automatic backups from this window (screenshots, a window about to be replaced)."""
        self.stopped = True
        self.timer.stop()

    def start(self) -> None:
        if not self.enabled:
            return
        self._set_interval()
        self.ctx.settings.changed.connect(lambda what: what == INTERVAL and not self.stopped and self._set_interval())
        QTimer.singleShot(START_DELAY_MS, self, lambda: self.backup_now("start"))  # once the pages are up

    def _set_interval(self) -> None:
        """The interval from the site setting (at start, and again whenever the settings screen saves it)."""
        minutes = self.ctx.ops.call_now(lambda s: settings.value(s, INTERVAL))
        self.timer.start(max(1, int(minutes)) * 60_000)

    def at_close(self) -> None:
        """The last sign-out: a backup when anything was written since the last one (a window
        closed before its first backup has nothing new: the previous close made one)."""
        if self.last_length is not None:
            self.backup_now("last_sign_out", only_if_changed=True)

    def backup_now(self, why: str, *, only_if_changed: bool = False,
                   then: Callable[[backups.BackupResult | None], None] | None = None) -> None:
        """Make one on a worker thread; `then(result)` afterwards (None when nothing needed doing)."""
        if not self.enabled or self.running:
            if then:
                then(None)
            return
        path, clock, last = self.ctx.db.path, self.ctx.clock, self.last_length

        def work(session: Any) -> backups.BackupResult | None:
            length, _head = anchors.chain_state(session.connection())
            if only_if_changed and length == last:
                return None
            second = settings.value(session, "backup.second_folder")
            # the copy's check in a child process: its memory (hundreds of MB at a million slips)
            # goes back to the system when it ends, and this interpreter stays free for the window
            return backups.make(path, now=clock.now(), second_folder=second, why=why, apart=True)

        def done(result: backups.BackupResult | None) -> None:
            self.running = False
            if not isValid(self.alarm):  # the window went while the copy was made: the copy stands
                return
            if result is not None:
                self.show_result(result)
            if why in PURGE_AFTER:
                self.purge.run_if_due(self.raise_alarm)
            if then:
                then(result)

        def failed(exc: BaseException) -> None:
            self.running = False
            if not isValid(self.alarm):
                return
            from desktop.gui.ops import describe_error

            self.raise_alarm(t("备份失败：{e}", "Backup failed: {e}", e=describe_error(exc)))
            if why in PURGE_AFTER:
                self.purge.run_if_due(self.raise_alarm)
            if then:
                then(None)

        self.running = True
        self.ctx.ops.run(work, on_done=done, on_error=failed, write=False)

    def show_result(self, result: backups.BackupResult) -> None:
        self.last_result = result
        self.last_length = result.backup.verdict.audit_events
        if not result.backup.ok:
            self.raise_alarm(t("备份未通过核验：{p}", "Backup FAILED its check: {p}", p=result.backup.path))
        elif result.problems:
            self.raise_alarm(t("备份警告：{w}", "Backup warning: {w}", w=result.problems[0]))
        else:
            self.alarm.hide()
            self.alarm.setToolTip(result.backup.path)

    def raise_alarm(self, text: str) -> None:
        self.alarm.setText(text[:120])
        self.alarm.setToolTip(text)
        self.alarm.show()
