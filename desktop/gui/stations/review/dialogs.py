"""Dialogs of the review screen: one approval by hand, the import report, a photo."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
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

from desktop.domain.dates import parse_datetime, site_zone
from desktop.domain.identity import InputError, display_plate, is_plate
from desktop.services.approvals import ApprovalDraft, ApprovalInfo, ImportReport, OccupantDraft
from desktop.services.setup import UnloadingPointInfo


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class ApprovalDialog(QDialog):
    """Add or edit one approval: the vehicle, and each person with the sampling time seen."""

    def __init__(self, points: list[UnloadingPointInfo], day: date, existing: ApprovalInfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("编辑审批") if existing else self.tr("新增审批"))
        self.resize(1000, 620)
        form = QFormLayout()
        self.plate = QLineEdit(self)
        self.plate.setPlaceholderText(self.tr("如 苏N·12345"))
        self.day = QDateEdit(qdate(day), self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.supplier = QLineEdit(self)
        self.mode = QComboBox(self)
        self.mode.addItem(self.tr("进入（送到卸货点）"), "enter")
        self.mode.addItem(self.tr("接驳（不进入）"), "handoff")
        self.point = QComboBox(self)
        self.point.addItem(self.tr("（到门岗再定）"), None)
        for p in points:
            self.point.addItem(f"{p.code} {p.name}", p.id)
        self.pass_number = QLineEdit(self)
        self.cargo = QLineEdit(self)
        self.cargo.setPlaceholderText(self.tr("如 大米 50袋；食用油 20桶"))
        self.note = QLineEdit(self)
        for label, widget in ((self.tr("车牌号"), self.plate), (self.tr("到达日期"), self.day),
                              (self.tr("供货单位"), self.supplier), (self.tr("方式"), self.mode),
                              (self.tr("卸货点"), self.point), (self.tr("通行证号"), self.pass_number),
                              (self.tr("物资"), self.cargo), (self.tr("备注"), self.note)):
            form.addRow(label, widget)
        self.people = QTableWidget(0, 4, self)
        self.people.setHorizontalHeaderLabels([self.tr("姓名"), self.tr("身份证号"), self.tr("电话"),
                                               self.tr("核酸采样时间")])
        self.people.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        add = QPushButton(self.tr("加一人"), self)
        add.clicked.connect(lambda: self._add_person())
        remove = QPushButton(self.tr("删除所选人"), self)
        remove.clicked.connect(lambda: self.people.removeRow(self.people.currentRow()))
        self.error = QLabel("", self)
        self.error.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("司乘人员（第一行为驾驶员）"), self))
        layout.addWidget(self.people, 1)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.draft: ApprovalDraft | None = None
        if existing:
            self._fill(existing)
        else:
            self._add_person()

    def _add_person(self, values: tuple[str, str, str, str] = ("", "", "", "")) -> None:
        row = self.people.rowCount()
        self.people.insertRow(row)
        for col, text in enumerate(values):
            self.people.setItem(row, col, QTableWidgetItem(text))

    def _fill(self, a: ApprovalInfo) -> None:
        self.plate.setText(display_plate(a.plate))
        self.day.setDate(qdate(a.arrival_date))
        self.supplier.setText(a.supplier_name)
        self.mode.setCurrentIndex(max(0, self.mode.findData(a.mode)))
        self.point.setCurrentIndex(max(0, self.point.findData(a.unloading_point_id)))
        self.pass_number.setText(a.pass_number or "")
        self.cargo.setText(a.cargo_summary)
        self.note.setText(a.note)
        for o in a.occupants:
            sampled = o.test_sampled_at.astimezone(site_zone()).strftime("%Y-%m-%d %H:%M") if o.test_sampled_at else ""
            self._add_person((o.name, o.id_number, o.phone, sampled))

    def _cell(self, row: int, col: int) -> str:
        item = self.people.item(row, col)
        return item.text().strip() if item else ""

    def _accept(self) -> None:
        try:
            people = []
            for r in range(self.people.rowCount()):
                if not any(self._cell(r, c) for c in range(4)):
                    continue
                sampled = self._cell(r, 3)
                people.append(OccupantDraft(
                    self._cell(r, 0), self._cell(r, 1), self._cell(r, 2), "driver" if not people else "passenger",
                    parse_datetime(sampled, tz=site_zone(), near=self.day.date().toPython()) if sampled else None))
        except InputError as exc:
            self.error.setText(exc.message)
            return
        d = self.day.date()
        self.draft = ApprovalDraft(
            plate=self.plate.text(), arrival_date=date(d.year(), d.month(), d.day()),
            supplier_name=self.supplier.text(), occupants=tuple(people), mode=self.mode.currentData(),
            unloading_point_id=self.point.currentData(), pass_number=self.pass_number.text() or None,
            cargo_summary=self.cargo.text(), note=self.note.text())
        self.accept()


class ImportReportDialog(QDialog):
    """The row-by-row result of an import."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入结果"))
        self.resize(900, 520)
        lines = report.lines()
        self.summary = QLabel(lines[0], self)
        self.summary.setObjectName("heading")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(len(report.rejected), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("行号"), self.tr("车牌"), self.tr("原因")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for i, p in enumerate(report.rejected):
            shown = display_plate(p.plate) if is_plate(p.plate) else p.plate
            for col, text in enumerate((str(p.row), shown, p.reason)):
                item = QTableWidgetItem(text)
                item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(i, col, item)
        self.table.setWordWrap(True)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        if report.rejected:
            layout.addWidget(QLabel(self.tr("以下各行未导入（请改正后重新导入，已导入的行不会重复）："), self))
            layout.addWidget(self.table, 1)
        else:
            self.table.hide()
            layout.addStretch(1)
        # what the import did not read, or read from the person rather than the sheet: never silent
        self.columns_note = QLabel("\n".join(x.strip() for x in report.column_lines()), self)
        self.columns_note.setWordWrap(True)
        if report.column_lines():
            layout.addWidget(self.columns_note)
        if report.blank_rows:
            layout.addWidget(QLabel(lines[-1].strip(), self))
        layout.addWidget(buttons)


class PhotoDialog(QDialog):
    def __init__(self, title: str, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        pixmap = QPixmap()
        pixmap.loadFromData(data)
        label = QLabel(self)
        label.setPixmap(pixmap.scaled(800, 600, Qt.AspectRatioMode.KeepAspectRatio,
                                      Qt.TransformationMode.SmoothTransformation))
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.accept)
        layout.addWidget(buttons)
