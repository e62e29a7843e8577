"""Backups and restore (备份与恢复), opened from the admin page: every backup of this database with
its time, size, counts and verdict; restoring the chosen one after a confirmation that says what
would be lost (the audit events written after it). A backup of the current state is made first and
the current file is kept aside; the window then closes, to be started again on the restored file.

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
    QLabel,
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
        self.setWindowTitle(self.tr("备份与恢复"))
        self.resize(820, 420)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels([self.tr("时间"), self.tr("大小"), self.tr("审计记录"), self.tr("数据行"),
                                              self.tr("核验"), self.tr("文件")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        self.backup_button = QPushButton(self.tr("立即备份"), self)
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton(self.tr("恢复所选备份…"), self)
        self.restore_button.clicked.connect(self.restore_selected)
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
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
            self.tr("用 {when} 的备份替换当前数据库？\n{loses}\n当前文件会先备份并改名保留，不会删除。恢复后程序将关闭，请重新启动。")
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

        def done(result: backups.RestoreResult) -> None:
            self.restored = result
            QMessageBox.information(self, self.tr("已恢复"), self.tr("已恢复。原文件保留为：\n{a}\n程序将关闭，请重新启动。")
                                    .replace("{a}", result.kept_aside))
            self.accept()
            QApplication.exit(0)

        def failed(exc: BaseException) -> None:
            from desktop.gui.ops import describe_error

            self.restore_button.setEnabled(True)
            QMessageBox.critical(self, self.tr("恢复失败"), describe_error(exc))

        ops.submit(lambda: backups.restore(path, Path(chosen.path), now=self.ctx.clock.now()), on_done=done, on_error=failed)


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
