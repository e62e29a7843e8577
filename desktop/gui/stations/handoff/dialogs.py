"""Dialogs of the handoff screen: a hand-over with quantity and reason, and the custody chain."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.handoff import CustodyInfo, local_time


class HandOverDialog(QDialog):
    """Receipt at the destination: in full, partly (how much) or damaged — the last two need a
    reason before OK is enabled."""

    KINDS = ("receive", "partial", "damage")

    def __init__(self, number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("签收 / 部分签收 / 破损"))
        self.setObjectName("handover_dialog")
        self.kind = QComboBox(self)
        self.kind.setObjectName("handover_kind")
        for key, text in zip(self.KINDS, (self.tr("全部签收"), self.tr("部分签收"), self.tr("破损")), strict=True):
            self.kind.addItem(text, key)
        self.holder = QLineEdit(self)
        self.holder.setObjectName("handover_holder")
        self.location = QLineEdit(self)
        self.location.setObjectName("handover_location")
        self.quantity = QDoubleSpinBox(self)
        self.quantity.setObjectName("handover_quantity")
        self.quantity.setRange(0, 1_000_000)
        self.quantity.setDecimals(1)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("handover_reason")
        self.reason.setPlaceholderText(self.tr("部分签收或破损时必填"))
        self.hint = QLabel(self)
        self.hint.setObjectName("handover_hint")
        self.hint.setStyleSheet("color: #c62828;")
        form = QFormLayout()
        form.addRow(self.tr("单号"), QLabel(number, self))
        form.addRow(self.tr("类型"), self.kind)
        form.addRow(self.tr("签收人"), self.holder)
        form.addRow(self.tr("地点"), self.location)
        form.addRow(self.tr("实收数量"), self.quantity)
        form.addRow(self.tr("原因"), self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.hint)
        box.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._check)
        self.reason.textChanged.connect(self._check)
        self._check()

    @property
    def chosen(self) -> str:
        return str(self.kind.currentData())

    def _check(self) -> None:
        needs = self.chosen in ("partial", "damage")
        self.quantity.setEnabled(self.chosen == "partial")
        missing = needs and not self.reason.text().strip()
        self.hint.setText(self.tr("请填写原因") if missing else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not missing)

    def values(self) -> dict[str, object]:
        return {"kind": self.chosen, "holder": self.holder.text(), "location": self.location.text(),
                "quantity": self.quantity.value() if self.chosen == "partial" else None,
                "reason": self.reason.text()}


class CustodyDialog(QDialog):
    """Every link of one slip's custody chain, oldest first."""

    def __init__(self, number: str, chain: list[CustodyInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("custody_dialog")
        self.setWindowTitle(self.tr("交接链 {0}").replace("{0}", number))
        self.resize(900, 420)
        headers = [self.tr("时间"), self.tr("环节"), self.tr("结果"), self.tr("岗位"), self.tr("操作员"),
                   self.tr("经手人"), self.tr("地点"), self.tr("车辆"), self.tr("数量"), self.tr("原因")]
        self.table = QTableWidget(len(chain), len(headers), self)
        self.table.setObjectName("custody_table")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        names = {"scan": self.tr("扫码"), "release": self.tr("放行"), "transfer": self.tr("装车转运"),
                 "receive": self.tr("签收"), "partial": self.tr("部分签收"), "damage": self.tr("破损")}
        for row, e in enumerate(chain):
            cells = [local_time(e.at), names.get(e.kind, e.kind), e.verdict, e.station, e.operator, e.holder,
                     e.location, e.vehicle, "" if e.quantity is None else f"{e.quantity:g}", e.reason]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        if not chain:
            box.addWidget(QLabel(self.tr("该单还没有任何扫码记录。"), self))
        box.addWidget(self.table)
        box.addWidget(close)
