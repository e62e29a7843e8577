"""Backups and restore (备份与恢复), opened from the admin page: every backup of this database with
its time, size, counts and verdict; restoring the chosen one after a confirmation that says what
would be lost (the audit events written after it). A backup of the current state is made first and
the current file is kept aside; the window then reopens on the restored file, signed out
(desktop.gui.reopen).

`offer_latest` is the one-step way back at start, when the database fails its checks.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.localtime import stamp
from desktop.i18n import t
from desktop.services import anchors, backups, settings


def _when(at: str) -> str:
    from datetime import datetime

    try:
        return stamp(datetime.fromisoformat(at))
    except ValueError:
        return at[:19]


class RestoreDialog(QDialog):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.restored: backups.RestoreResult | None = None
        self.reopened: QMainWindow | None = None  # the window on the restored file
        self.setWindowTitle(self.tr("备份与恢复"))
        self.resize(820, 420)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels([self.tr("时间"), self.tr("大小"), self.tr("审计记录"), self.tr("数据行"),
                                              self.tr("核验"), self.tr("文件")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column in range(5):  # as wide as the heading or the widest cell, in either language
            self.table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        self.backup_button = QPushButton(self.tr("立即备份"), self)
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton(self.tr("恢复所选备份…"), self)
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button = QPushButton(self.tr("清除过期个人信息…"), self)
        self.purge_button.setObjectName("purge_button")
        self.purge_button.clicked.connect(self.purge_expired)
        self.purged: Any = None  # the last purge from this dialog (desktop.services.purge_run.PurgeRun)
        from desktop.domain.permissions import Permission
        from desktop.gui import permits

        permits.follow(ctx, [(self.purge_button, Permission.BACKUP)])  # administrators
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.purge_button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.backups: list[backups.BackupInfo] = []
        self.refresh()

    @property
    def path(self) -> Path | None:
        return self.ctx.db.path

    def refresh(self) -> None:
        if self.path is None:
            self.message.setText(self.tr("共享服务器数据库请在服务器上备份与恢复（pg_dump / pg_restore）。"))
            self.restore_button.setEnabled(False)
            self.backup_button.setEnabled(False)
            return
        second = self.ctx.ops.call_now(lambda s: settings.value(s, "backup.second_folder"))
        key = anchors.db_key(self.path)
        self.backups = sorted((b for f in backups.folders(self.path, second) for b in backups.list_backups(f, db=key)),
                              key=lambda b: b.at, reverse=True)
        self.table.setRowCount(len(self.backups))
        for row, b in enumerate(self.backups):
            verdict = self.tr("通过") if b.ok else self.tr("未通过")
            rows = sum(n for name, n in b.verdict.counts.items() if name not in ("audit_event", "audit_head"))
            cells = [_when(b.at), f"{b.size / 1024:,.0f} KB", str(b.verdict.audit_events), f"{rows:,}", verdict, b.path]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 4:
                    item.setForeground(Qt.GlobalColor.darkGreen if b.ok else Qt.GlobalColor.red)
                    item.setToolTip("\n".join(b.verdict.findings[:10]))
                if col == 3 and b.verdict.counts:
                    item.setToolTip("\n".join(f"{k}: {v}" for k, v in sorted(b.verdict.counts.items())))
                self.table.setItem(row, col, item)
        if self.backups:
            self.table.selectRow(0)
        self.message.setText(self.tr("共 {n} 份备份。").replace("{n}", str(len(self.backups))))

    def selected(self) -> backups.BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def backup_now(self) -> None:
        window = self.parent()
        auto = getattr(window, "auto_backup", None)
        if auto is None:
            return
        self.backup_button.setEnabled(False)
        auto.backup_now("manual", then=lambda _r: (self.backup_button.setEnabled(True), self.refresh()))

    def purge_expired(self) -> None:
        """Say what the retention purge would take (rows per kind, the days), then purge after a yes."""
        from desktop.services import purge

        now = self.ctx.clock.now()
        self.purge_button.setEnabled(False)
        self.ctx.ops.run(lambda s: purge.plan(s, now=now), write=False, on_done=lambda found: self._ask_purge(found, now),
                         on_error=self._purge_failed)

    def _ask_purge(self, found: Any, now: Any) -> None:
        from desktop.domain.retention import TABLES

        self.purge_button.setEnabled(True)
        if not found.total:
            QMessageBox.information(self, self.tr("清除过期个人信息"),
                                    self.tr("没有到期的个人信息（保留 {n} 天）。").replace("{n}", str(found.retention_days)))
            return
        days = f"{found.oldest} – {found.newest}"
        text = (self.tr("将清除 {d} 之前（保留 {n} 天）的姓名、身份证号、电话和照片：\n{c}\n涉及日期：{days}\n"
                        "数量与审计链保留；数据库文件和所有备份都会清除。此操作不能撤销。确定清除？")
                .replace("{d}", str(found.before)).replace("{n}", str(found.retention_days))
                .replace("{c}", "\n".join(f"  · {t(*TABLES.get(k, (k, k)))}：{n}" for k, n in found.counts.items() if n))
                .replace("{days}", days))
        no = QMessageBox.StandardButton.No
        answer = QMessageBox.question(self, self.tr("确认清除"), text, QMessageBox.StandardButton.Yes | no, no)
        if answer != QMessageBox.StandardButton.Yes:
            return
        from desktop.services import purge_run

        self.purge_button.setEnabled(False)
        self.message.setText(self.tr("正在清除…"))
        db, actor = self.ctx.db, self.ctx.actor
        self.ctx.ops.submit(lambda: purge_run.purge_everywhere(db, actor=actor, now=now), on_done=self._purged,
                            on_error=self._purge_failed)

    def _purged(self, run: Any) -> None:
        from desktop.gui.auto_purge import summary

        self.purged = run
        self.purge_button.setEnabled(True)
        self.refresh()
        self.message.setText(summary(run))

    def _purge_failed(self, exc: BaseException) -> None:
        from desktop.gui.ops import describe_error

        self.purge_button.setEnabled(True)
        QMessageBox.critical(self, self.tr("清除失败"), describe_error(exc))

    def restore_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or self.path is None:
            return
        if not chosen.ok:
            QMessageBox.warning(self, self.tr("不能恢复"), self.tr("这份备份未通过核验，不能用于恢复。"))
            return
        lost, last_at = backups.preview(self.path, chosen)
        if lost is None:
            loses = self.tr("当前数据库无法读取，无法统计会丢失的记录。")
        elif lost:
            loses = self.tr("将丢失备份之后的 {n} 条审计记录（最后一条在 {at}）。").replace("{n}", str(lost)) \
                .replace("{at}", last_at[:19])
        else:
            loses = self.tr("不会丢失任何审计记录。")
        answer = QMessageBox.question(
            self, self.tr("确认恢复"),
            self.tr("用 {when} 的备份替换当前数据库？\n{loses}\n当前文件会先备份并改名保留，不会删除。恢复后窗口将在恢复的数据库上重新打开，需重新登录。")
            .replace("{when}", _when(chosen.at)).replace("{loses}", loses))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.restore_button.setEnabled(False)
        window = self.parent()
        auto = getattr(window, "auto_backup", None)
        if auto is not None:
            auto.backup_now("before_restore", then=lambda _r: self._restore(chosen))
        else:
            self._restore(chosen)

    def _restore(self, chosen: backups.BackupInfo) -> None:
        path, ops, db = self.path, self.ctx.ops, self.ctx.db
        ops.wait_idle(30_000)
        db.dispose()
        window = self.parent()
        again = isinstance(window, QMainWindow) and getattr(window, "ctx", None) is not None

        def work() -> tuple[backups.RestoreResult, Any]:
            from desktop.gui.reopen import open_restored

            result = backups.restore(path, Path(chosen.path), now=self.ctx.clock.now())
            return result, (open_restored(path) if again else None)

        def done(outcome: tuple[backups.RestoreResult, Any]) -> None:
            result, restored_db = outcome
            self.restored = result
            if restored_db is None:  # no window to come back to: as before, start again by hand
                QMessageBox.information(self, self.tr("已恢复"), self.tr("已恢复。原文件保留为：\n{a}\n程序将关闭，请重新启动。")
                                        .replace("{a}", result.kept_aside))
                self.accept()
                QApplication.exit(0)
                return
            from desktop.gui.reopen import reopen

            QMessageBox.information(self, self.tr("已恢复"),
                                    self.tr("已恢复 {when} 的备份。原文件保留为：\n{a}\n窗口将在恢复的数据库上重新打开，请重新登录。")
                                    .replace("{when}", _when(chosen.at)).replace("{a}", result.kept_aside))
            self.accept()
            self.reopened = reopen(window, restored_db, message=self.tr("已恢复 {when} 的备份；原文件保留为 {a}")
                                   .replace("{when}", _when(chosen.at)).replace("{a}", result.kept_aside))

        def failed(exc: BaseException) -> None:
            from desktop.gui.ops import describe_error

            self.restore_button.setEnabled(True)
            QMessageBox.critical(self, self.tr("恢复失败"), describe_error(exc))

        ops.submit(work, on_done=done, on_error=failed)


def offer_latest(parent: QWidget, target: str, problem: str, now: Any) -> bool:
    """At start, for a database that fails its checks: offer the newest verified backup in one step.
    True when it was restored (the caller opens the database again)."""
    from desktop.outfiles import protected_from

    paths = protected_from(target)
    if not paths:
        return False
    path = paths[0]
    latest = backups.latest_verified(path, backups.second_folder_of(path))
    if latest is None:
        return False
    lost, _last = backups.preview(path, latest)
    answer = QMessageBox.question(
        parent, t("数据库已损坏", "The database is damaged"),
        t("{p}\n\n恢复最新的已核验备份（{when}，{n} 条审计记录）？当前文件会改名保留，不会删除。",
          "{p}\n\nRestore the newest verified backup ({when}, {n} audit events)? The current file is kept aside, "
          "never deleted.", p=problem, when=_when(latest.at), n=latest.verdict.audit_events)
        + ("" if not lost else t("\n将丢失之后的 {n} 条记录。", "\n{n} later events will be lost.", n=lost)))
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        backups.restore(path, Path(latest.path), now=now)
    except Exception as exc:  # said plainly; start-up then stops as before
        QMessageBox.critical(parent, t("恢复失败", "Restore failed"), str(getattr(exc, "message", exc)))
        return False
    return True
