"""The column-mapping step of the review page's import: the sheet's first rows under a combo per
column saying which field it is read as (or 忽略 / ignore), values for required fields the sheet
has no column for (supplier, arrival date), and OK only once nothing is left to guess.

The dialog decides nothing itself: `chosen`, `constants` and `default_day` are handed to
`approvals.import_file`, and `chosen` is remembered for the header set by the page.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import t
from desktop.services.approval_columns import ColumnPreview, field_choices
from desktop.services.columns import IGNORE, label


def _join(items: list[str] | tuple[str, ...]) -> str:
    """A list in the reader's language: 甲、乙 in Chinese, "a, b" in English."""
    return t("、", ", ").join(items)


class ColumnMappingDialog(QDialog):
    """Place each column of a sheet before importing it."""

    def __init__(self, preview: ColumnPreview, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(self.tr("导入 {f}：核对各列").replace("{f}", preview.file))
        self.resize(1100, 520)
        intro = QLabel(self.tr("请为每一列选择对应的内容（不需要的列选“忽略”）。下方是表中前几行。"), self)
        intro.setWordWrap(True)
        if preview.remembered:
            intro.setText(intro.text() + self.tr(" 已套用上次对同样表头的选择。"))
        self.table = QTableWidget(len(preview.rows) + 1, len(preview.headers), self)
        self.table.setHorizontalHeaderLabels([h or "—" for h in preview.headers])
        self.table.setVerticalHeaderLabels([self.tr("读作"), *(str(i + 2) for i in range(len(preview.rows)))])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.combos: list[QComboBox] = []
        for col, current in enumerate(preview.fields):
            combo = QComboBox(self.table)
            combo.addItem(self.tr("请选择…"), None)
            for name, text in field_choices(preview.choices):
                combo.addItem(text, name)
            combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
            if not preview.headers[col]:
                combo.setCurrentIndex(combo.findData(IGNORE))
            combo.currentIndexChanged.connect(lambda _i: self._check())
            self.table.setCellWidget(0, col, combo)
            self.combos.append(combo)
            for row, values in enumerate(preview.rows, start=1):
                self.table.setItem(row, col, QTableWidgetItem(values[col]))
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        if self.combos:  # the combo row must not cover the first data row
            self.table.setRowHeight(0, max(c.sizeHint().height() for c in self.combos) + 6)
            for col, combo in enumerate(self.combos):
                self.table.setColumnWidth(col, max(self.table.columnWidth(col), combo.sizeHint().width() + 8))
        self.supplier = QLineEdit(self)
        self.supplier.setPlaceholderText(self.tr("表中没有供货单位列时，所有行都用这里填写的单位"))
        self.supplier.textChanged.connect(lambda _t: self._check())
        self.use_day = QCheckBox(self.tr("没有到达日期的行按此日期"), self)
        self.day = QDateEdit(QDate(day.year, day.month, day.day), self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.use_day.toggled.connect(lambda _b: self._check())
        form = QFormLayout()
        form.addRow(self.tr("供货单位（统一）"), self.supplier)
        form.addRow(self.use_day, self.day)
        if "arrival_date" not in preview.required:  # a pass list: no arrival date to give
            self.use_day.hide()
            self.day.hide()
        self.problems = QLabel("", self)
        self.problems.setObjectName("error")
        self.problems.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("导入"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self._check()

    def fields(self) -> list[str | None]:
        return [c.currentData() for c in self.combos]

    @property
    def chosen(self) -> dict[str, str]:
        """Every named column with the field it is read as (or ignore)."""
        return {h: f for h, f in zip(self.preview.headers, self.fields(), strict=True) if h and f}

    @property
    def constants(self) -> dict[str, str]:
        text = self.supplier.text().strip()
        return {"supplier": text} if text and self.supplier.isEnabled() else {}

    @property
    def default_day(self) -> date | None:
        if not self.use_day.isChecked():
            return None
        d = self.day.date()
        return date(d.year(), d.month(), d.day())

    def _check(self) -> None:
        fields = self.fields()
        self.supplier.setEnabled("supplier" not in fields)
        self.day.setEnabled(self.use_day.isChecked())
        problems = []
        unplaced = [h or "—" for h, f in zip(self.preview.headers, fields, strict=True) if f is None]
        if unplaced:
            problems.append(self.tr("请为这些列选择：") + _join(unplaced))
        for name, headers in self.preview.questions.items():
            if any(f is None for h, f in zip(self.preview.headers, fields, strict=True) if h in headers):
                problems.append(self.tr("{h} 都可能是“{f}”：请选定一列，其余选“忽略”或别的内容")
                                .replace("{h}", _join(headers)).replace("{f}", label(name)))
        taken: dict[str, list[str]] = {}
        for h, f in zip(self.preview.headers, fields, strict=True):
            if f and f != IGNORE:
                taken.setdefault(f, []).append(h)
        twice = [label(f) + t("（{h}）", " ({h})", h=_join(hs)) for f, hs in taken.items() if len(hs) > 1]
        if twice:
            problems.append(self.tr("一项内容只能对应一列：") + t("；", "; ").join(twice))
        missing = [f for f in self.preview.missing(fields)
                   if not (f == "supplier" and self.constants) and not (f == "arrival_date" and self.default_day)]
        if missing:
            problems.append(self.tr("缺少：") + _join([label(f) for f in missing]))
        self.problems.setText("\n".join(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)
