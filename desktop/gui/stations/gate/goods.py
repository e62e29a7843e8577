"""The goods of a walk-in, counted at the gate: a quick pick per necessity, then quantity and unit."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.walkin_goods import QUICK_PICKS, QuickPick, label
from desktop.services.walkins import GoodsLine


class GoodsDialog(QDialog):
    """Lines of goods (category, quantity, unit); `lines()` once accepted."""

    def __init__(self, plate: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("登记物资") + f" — {plate}")
        layout = QVBoxLayout(self)
        # at least as wide as the quick picks' names (English ones are longer), and 640 anyway
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        intro = QLabel(self.tr("该车没有审批的物资清单：按实际清点登记，开单后同样消杀、静置、交接。"), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        picks = QGridLayout()
        self.pick_buttons: dict[str, QPushButton] = {}
        for i, p in enumerate(QUICK_PICKS):
            button = QPushButton(label(p), self)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, p=p: self.add_line(p.category, p.unit))
            picks.addWidget(button, i // 4, i % 4)
            self.pick_buttons[p.key] = button
        layout.addLayout(picks)
        other = QPushButton(self.tr("其他物资…"), self)
        other.setAutoDefault(False)
        other.clicked.connect(lambda: self.add_line("", ""))
        layout.addWidget(other)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("物资类别"), self.tr("数量"), self.tr("单位")])
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.error = QLabel("", self)
        self.error.setStyleSheet("color: #b71c1c; font-weight: bold;")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.accept_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(max(640, self.sizeHint().width()), self.sizeHint().height())

    def add_line(self, category: str, unit: str, quantity: float = 0) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setCellWidget(row, 0, QLineEdit(category, self.table))
        amount = QDoubleSpinBox(self.table)
        amount.setRange(0, 1_000_000)
        amount.setDecimals(1)
        amount.setValue(quantity)
        self.table.setCellWidget(row, 1, amount)
        self.table.setCellWidget(row, 2, QLineEdit(unit, self.table))
        amount.setFocus()
        amount.selectAll()
        return row

    def quantity(self, row: int) -> QDoubleSpinBox:
        return self.table.cellWidget(row, 1)  # type: ignore[return-value]

    def lines(self) -> list[GoodsLine]:
        out = []
        for row in range(self.table.rowCount()):
            category = self.table.cellWidget(row, 0).text().strip()  # type: ignore[attr-defined]
            unit = self.table.cellWidget(row, 2).text().strip()  # type: ignore[attr-defined]
            out.append(GoodsLine(category, self.quantity(row).value(), unit))
        return out

    def _accept(self) -> None:
        lines = self.lines()
        if not lines:
            self.error.setText(self.tr("请至少登记一项物资。"))
        elif any(not line.category for line in lines):
            self.error.setText(self.tr("请填写每一项的物资类别。"))
        elif any(line.quantity <= 0 for line in lines):
            self.error.setText(self.tr("请填写每一项的数量。"))
        elif any(not line.unit for line in lines):
            self.error.setText(self.tr("请填写每一项的单位。"))
        else:
            self.accept()


__all__ = ["GoodsDialog", "QuickPick"]
