"""The vehicle-pass register (保供/应急通行证): list, register, revoke."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import site_zone
from desktop.domain.identity import display_plate
from desktop.gui.ops import describe_error
from desktop.gui.stations.review.dialogs import qdate
from desktop.services import passes
from desktop.services.passes import PassInfo


def _day(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class PassRegisterDialog(QDialog):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("通行证登记"))
        self.resize(1100, 600)
        self.rows: list[PassInfo] = []
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels([self.tr("通行证号"), self.tr("车牌"), self.tr("持证单位"),
                                              self.tr("类别"), self.tr("有效期"), self.tr("状态")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        today = ctx.clock.now().astimezone(site_zone()).date()
        self.number = QLineEdit(self)
        self.number.setPlaceholderText(self.tr("通行证号"))
        self.plate = QLineEdit(self)
        self.plate.setPlaceholderText(self.tr("车牌号"))
        self.holder = QLineEdit(self)
        self.holder.setPlaceholderText(self.tr("持证单位"))
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("保供"), "supply")
        self.kind.addItem(self.tr("应急"), "emergency")
        self.valid_from = QDateEdit(qdate(today), self)
        self.valid_to = QDateEdit(qdate(today + timedelta(days=30)), self)
        for edit in (self.valid_from, self.valid_to):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
        self.add_button = QPushButton(self.tr("登记"), self)
        self.add_button.clicked.connect(self.add)
        self.revoke_button = QPushButton(self.tr("注销所选"), self)
        self.revoke_button.clicked.connect(self.revoke)
        self.import_button = QPushButton(self.tr("导入通行证表…"), self)
        self.import_button.clicked.connect(self.choose_import)
        self.message = QLabel("", self)
        form = QHBoxLayout()
        for w in (self.number, self.plate, self.holder, self.kind, self.valid_from, QLabel("—", self), self.valid_to,
                  self.add_button):
            form.addWidget(w)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.revoke_button)
        row.addWidget(self.import_button)
        row.addWidget(self.message, 1)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        self.ctx.ops.read(passes.list_passes, on_done=self._show)

    def _show(self, rows: list[PassInfo]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        kinds = {"supply": self.tr("保供"), "emergency": self.tr("应急")}
        for i, p in enumerate(rows):
            state = self.tr("已注销：") + p.revoke_reason if p.revoked else self.tr("有效")
            for col, text in enumerate((p.number, display_plate(p.plate), p.holder, kinds.get(p.kind, p.kind),
                                        f"{p.valid_from} — {p.valid_to}", state)):
                self.table.setItem(i, col, QTableWidgetItem(text))

    def _say(self, text: str, ok: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #1a7f37;" if ok else "color: #b71c1c; font-weight: bold;")

    def add(self) -> None:
        actor, now = self.ctx.actor, self.ctx.clock.now()
        number, plate, holder, kind = self.number.text(), self.plate.text(), self.holder.text(), self.kind.currentData()
        start, end = _day(self.valid_from), _day(self.valid_to)
        self.ctx.ops.run(lambda s: passes.add(s, actor=actor, now=now, number=number, plate=plate, valid_from=start,
                                              valid_to=end, holder=holder, kind=kind),
                         on_done=lambda p: (self._say(self.tr("已登记 {n}").replace("{n}", p.number), True),
                                            self.number.clear(), self.plate.clear(), self.refresh()),
                         on_error=lambda exc: self._say(describe_error(exc), False))

    def revoke(self) -> None:
        selected = self.table.selectionModel().selectedRows()
        if not selected:
            return
        chosen = self.rows[selected[0].row()]
        reason, ok = QInputDialog.getText(self, self.tr("注销通行证"), self.tr("注销原因："))
        if not ok:
            return
        actor, now = self.ctx.actor, self.ctx.clock.now()
        self.ctx.ops.run(lambda s: passes.revoke(s, actor=actor, now=now, number=chosen.number, reason=reason),
                         on_done=lambda _p: (self._say(self.tr("已注销。"), True), self.refresh()),
                         on_error=lambda exc: self._say(describe_error(exc), False))

    # --- import: the county's pass list, columns placed as for the approval list -----------------

    def choose_import(self) -> None:
        from desktop.services import approval_columns

        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择通行证表"), str(Path.home()),
                                              self.tr("表格 (*.xlsx *.csv *.txt)"))
        if path:
            self.ctx.ops.read(lambda s: approval_columns.preview(s, path=Path(path), passes=True),
                              on_done=lambda p: self._map_columns(Path(path), p),
                              on_error=lambda exc: self._say(describe_error(exc), False))

    def _map_columns(self, path: Path, preview: Any) -> None:
        """Straight to the import when every column is placed; else the same mapping step as the
        approval list's."""
        from desktop.gui.stations.review.mapping import ColumnMappingDialog

        if not preview.needs_person:
            self.import_file(path, preview.key, {}, {})
            return
        today = self.ctx.clock.now().astimezone(site_zone()).date()
        self.mapping_dialog = ColumnMappingDialog(preview, today, self)
        self.mapping_dialog.accepted.connect(lambda: self.import_file(path, preview.key, self.mapping_dialog.chosen,
                                                                      self.mapping_dialog.constants))
        self.mapping_dialog.open()

    def import_file(self, path: Path, key: str, chosen: dict[str, str], constants: dict[str, str]) -> None:
        from desktop.services import approval_columns, pass_sheet

        actor, now = self.ctx.actor, self.ctx.clock.now()

        def work(s: Any) -> Any:
            report = pass_sheet.import_file(s, actor=actor, now=now, path=path, chosen=chosen, constants=constants)
            if chosen:
                approval_columns.remember(s, actor=actor, now=now, key=key, chosen=chosen)
            return report

        self._say(self.tr("正在导入…"), True)
        self.ctx.ops.run(work, on_done=self._imported, on_error=lambda exc: self._say(describe_error(exc), False))

    def _imported(self, report: Any) -> None:
        from desktop.gui.stations.review.dialogs import ImportReportDialog

        self._say(report.lines()[0], report.ok)
        self.refresh()
        self.report_dialog = ImportReportDialog(report, self)
        self.report_dialog.open()
