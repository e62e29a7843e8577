"""Several vehicles fit what was typed (e.g. the last digits): pick one with Up/Down and Enter,
or its number key; Esc goes back to the plate."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QVBoxLayout, QWidget

from desktop.services.gate_find import Choice


class ChooseVehicleDialog(QDialog):
    def __init__(self, query: str, choices: list[Choice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices
        self.setWindowTitle(self.tr("选择车辆"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("“{q}”对应多辆车，请选择（↑↓ 回车，或按序号）：").replace("{q}", query), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget(self)
        self.list.setObjectName("choices")
        for i, c in enumerate(choices, 1):
            self.list.addItem(f"{i}  {c.label}" if i < 10 else c.label)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        layout.addWidget(self.list)
        self.setProperty("focusChosen", True)
        self.list.installEventFilter(self)
        self.list.setFocus()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.list and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            text = event.text()
            if text.isdigit() and 1 <= int(text) <= min(9, len(self.choices)):
                self.list.setCurrentRow(int(text) - 1)
                self.accept()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.accept()
                return True
        return super().eventFilter(obj, event)

    def chosen(self) -> Choice | None:
        row = self.list.currentRow()
        return self.choices[row] if 0 <= row < len(self.choices) else None
