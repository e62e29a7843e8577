"""The audit log (审计日志), newest first, and a check that it has not been tampered with."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.localtime import local
from desktop.domain.masking import mask_numbers
from desktop.gui.context import AppContext
from desktop.gui.rows_model import Index, RowsModel
from desktop.services import audit, verify


class AuditModel(RowsModel):
    """A thin adapter over a list of plain audit dicts (the service's output is the truth)."""

    COLUMNS = ("at", "operator", "station", "action", "entity", "data")
    rows: list[dict[str, Any]]

    def __init__(self) -> None:
        super().__init__(["时间", "操作员", "岗位", "动作", "对象", "内容"])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        row = self.rows[index.row()]
        key = self.COLUMNS[index.column()]
        if key == "at":
            return local(datetime.fromisoformat(row["at"])).strftime("%m-%d %H:%M:%S")
        if key == "entity":
            return f"{row['entity']} {row['entity_id']}".strip()
        if key == "data":
            # events written before masking may still hold full numbers: never shown in full
            return mask_numbers(json.dumps(row["data"], ensure_ascii=False))[:200]
        return str(row[key])

class AuditTab(QWidget):
    """The table of the latest 500 events, a refresh button and the chain check."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = AuditModel()
        self.model.headers = [self.tr("时间"), self.tr("操作员"), self.tr("岗位"), self.tr("动作"),
                              self.tr("对象"), self.tr("内容")]
        heading = QLabel(self.tr("审计日志（防篡改）"), self)
        heading.setObjectName("heading")
        self.verify_button = QPushButton(self.tr("校验审计链"), self)
        self.verify_button.setObjectName("verify_button")
        self.verify_button.clicked.connect(self.run_verify)
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.refresh_button.clicked.connect(self.refresh)
        # a person's events, by the keyed hash of the ID number or phone typed here (never stored)
        self.person = QLineEdit(self)
        self.person.setObjectName("person_search")
        self.person.setPlaceholderText(self.tr("按身份证号或手机号查找"))
        self.person.setClearButtonEnabled(True)
        self.person.returnPressed.connect(self.find_person)
        self.result = QLabel("", self)
        self.result.setObjectName("result")
        self.result.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(self.person)
        top.addWidget(self.refresh_button)
        top.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.result)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        self.ctx.ops.read(lambda s: audit.recent(s, limit=500), on_done=self.model.set_rows)

    def find_person(self) -> None:
        """Every event about the person whose ID number or phone was typed (empty: the latest)."""
        from desktop.services import privacy

        text = self.person.text().strip()
        if not text:
            self.refresh()
            return
        digits = "".join(c for c in text if c.isdigit())
        as_phone = len(digits) == 11 and digits.startswith("1") and len(text.replace(" ", "")) <= 13
        self.ctx.ops.read(lambda s: privacy.find_events(s, id_number="" if as_phone else text,
                                                        phone=text if as_phone else ""),
                          on_done=self._found)

    def _found(self, rows: list[dict[str, Any]]) -> None:
        self.model.set_rows(rows)
        self.result.setStyleSheet("")
        self.result.setText(self.tr("找到 {n} 条与此人有关的记录").replace("{n}", str(len(rows))))

    def run_verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.result.setText(self.tr("正在校验…"))
        dialect = self.ctx.db.dialect

        def done(report: verify.VerifyReport) -> None:
            self.verify_button.setEnabled(True)
            colour = "#1b7f3b" if report.ok else "#b00020"
            self.result.setStyleSheet(f"color: {colour}; font-weight: bold;")
            self.result.setText("\n".join(report.lines()))

        def failed(exc: BaseException) -> None:
            from desktop.gui.ops import describe_error

            self.verify_button.setEnabled(True)
            self.result.setStyleSheet("color: #b00020; font-weight: bold;")
            self.result.setText(describe_error(exc))

        self.ctx.ops.read(lambda s: verify.verify(s, dialect=dialect), on_done=done, on_error=failed)
