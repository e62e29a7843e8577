"""The day's slips in a list, for any screen that wants one (handoff zone, gate, supervision).

Type or scan a slip number to find it; Enter or "预览 / 补打 / 作废" opens the preview for the
selected slip; "为未开单物资开单" opens the issue dialog for today's goods without a slip.

Signals: changed() after a slip was issued, printed or voided from here.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.codes import normalise
from desktop.domain.localtime import site_tz
from desktop.domain.masking import mask_text
from desktop.domain.permissions import Permission
from desktop.gui import permits
from desktop.gui.ops import describe_error
from desktop.gui.slip_actions import IssueSlipsDialog
from desktop.gui.slip_preview import SlipPreviewDialog
from desktop.services import slips

COLUMNS = (QT_TRANSLATE_NOOP("SlipListWidget", "单号"), QT_TRANSLATE_NOOP("SlipListWidget", "开单时间"),
           QT_TRANSLATE_NOOP("SlipListWidget", "物资"), QT_TRANSLATE_NOOP("SlipListWidget", "数量"),
           QT_TRANSLATE_NOOP("SlipListWidget", "去向"), QT_TRANSLATE_NOOP("SlipListWidget", "状态"))


class SlipListWidget(QWidget):
    changed = Signal()

    def __init__(self, ctx, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[slips.SlipRow] = []
        self.unslipped: list[int] = []
        self.dialog: QWidget | None = None
        self.find = QLineEdit(objectName="findSlip", placeholderText=self.tr("扫描或输入单号查找"))
        self.find.textChanged.connect(self._filter)
        self.find.returnPressed.connect(self.open_selected)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(44)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (2, 4):  # goods and destination take the room that is left
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.open_button = QPushButton(self.tr("预览 / 补打 / 作废"), objectName="openSlip")
        self.open_button.clicked.connect(self.open_selected)
        self.issue_button = QPushButton(self.tr("为未开单物资开单"), objectName="issueMissing")
        self.issue_button.clicked.connect(self.issue_missing)
        permits.follow(ctx, [(self.issue_button, Permission.SLIP_ISSUE)])  # the handoff team finds, never issues
        self.summary = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.issue_button)
        buttons.addStretch(1)
        buttons.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addWidget(self.find)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def day(self) -> date:
        return self.ctx.clock.now().astimezone(site_tz()).date()

    def refresh(self) -> None:
        day = self.day()
        self.ctx.ops.read(lambda s: (slips.rows_for_day(s, day), slips.unslipped_on(s, day)),
                          on_done=self._show, on_error=lambda exc: self.summary.setText(describe_error(exc)))

    def _show(self, loaded: tuple[list[slips.SlipRow], list[int]]) -> None:
        self.rows, self.unslipped = loaded
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            s = row.slip
            state = self.tr("已作废") if s.voided else (
                self.tr("已打印 {n} 次").replace("{n}", str(s.print_count)) if s.print_count else self.tr("未打印"))
            cells = (s.number, s.issued_at.astimezone(site_tz()).strftime("%H:%M"), row.goods, row.quantity,
                     mask_text(row.destination), state)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if s.voided:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(r, c, item)
        self.summary.setText(self.tr("今日 {n} 张，未开单物资 {m} 批").replace("{n}", str(len(self.rows)))
                             .replace("{m}", str(len(self.unslipped))))
        self.issue_button.setEnabled(bool(self.unslipped))
        self._filter(self.find.text())

    def _filter(self, text: str) -> None:
        wanted = normalise(text)
        first = -1
        for r, row in enumerate(self.rows):
            hit = not wanted or wanted in normalise(row.slip.number)
            self.table.setRowHidden(r, not hit)
            if hit and first < 0:
                first = r
        if wanted and first >= 0:
            self.table.selectRow(first)

    def selected(self) -> slips.SlipInfo | None:
        chosen = self.table.selectionModel().selectedRows()
        return self.rows[chosen[0].row()].slip if chosen else None

    def open_selected(self) -> None:
        slip = self.selected()
        if slip is None:
            return
        dlg = SlipPreviewDialog(self.ctx, slip.number, self)
        dlg.printed.connect(self._changed)
        dlg.voided.connect(self._changed)
        self._show_dialog(dlg)

    def issue_missing(self) -> None:
        if not self.unslipped:
            return
        dlg = IssueSlipsDialog(self.ctx, consignment_ids=list(self.unslipped), parent=self)
        dlg.changed.connect(self._changed)
        self._show_dialog(dlg)

    def _show_dialog(self, dlg: QWidget) -> None:
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        dlg.show()
        self.dialog = dlg

    def _changed(self, *_args: object) -> None:
        self.changed.emit()
        self.refresh()
