"""An edit widget for each kind of catalogue entry: bool → check box, int/float → spin box with the
entry's bounds and unit, list → an editable list, folder → a path with a picker, choice → a combo
box, text → a line edit. Each has value() and set_value(v)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.settings_catalog import Entry
from desktop.i18n import language


class Editor(QWidget):
    def __init__(self, entry: Entry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.setObjectName(f"edit_{entry.key}")
        help_text = entry.help_zh if language() == "zh" else entry.help_en
        if help_text:
            self.setToolTip(help_text)

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError


class BoolEditor(Editor):
    def __init__(self, entry: Entry, parent: QWidget | None = None) -> None:
        super().__init__(entry, parent)
        self.box = QCheckBox(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.box)
        row.addStretch(1)

    def value(self) -> bool:
        return self.box.isChecked()

    def set_value(self, value: Any) -> None:
        self.box.setChecked(bool(value))


class NumberEditor(Editor):
    def __init__(self, entry: Entry, parent: QWidget | None = None) -> None:
        super().__init__(entry, parent)
        self.spin: QSpinBox | QDoubleSpinBox
        if entry.kind == "int":
            self.spin = QSpinBox(self)
            self.spin.setRange(int(entry.minimum if entry.minimum is not None else -10**9),
                               int(entry.maximum if entry.maximum is not None else 10**9))
        else:
            self.spin = QDoubleSpinBox(self)
            self.spin.setDecimals(1)
            self.spin.setSingleStep(0.1)
            self.spin.setRange(entry.minimum if entry.minimum is not None else -1e9,
                               entry.maximum if entry.maximum is not None else 1e9)
        unit = entry.unit_zh if language() == "zh" else entry.unit_en
        if unit:
            self.spin.setSuffix(f" {unit}")
        self.spin.setMinimumWidth(120)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.spin)
        row.addStretch(1)

    def value(self) -> float | int:
        return self.spin.value()

    def set_value(self, value: Any) -> None:
        self.spin.setValue(value)


class TextEditor(Editor):
    def __init__(self, entry: Entry, parent: QWidget | None = None) -> None:
        super().__init__(entry, parent)
        self.line = QLineEdit(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.line, 1)
        if entry.kind == "folder":
            self.pick = QPushButton(self.tr("选择…"), self)
            self.pick.clicked.connect(self._pick)
            row.addWidget(self.pick)

    def _pick(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("选择文件夹"), self.line.text())
        if chosen:
            self.line.setText(chosen)

    def value(self) -> str:
        return self.line.text().strip()

    def set_value(self, value: Any) -> None:
        self.line.setText(str(value))


class ChoiceEditor(Editor):
    def __init__(self, entry: Entry, parent: QWidget | None = None) -> None:
        super().__init__(entry, parent)
        self.combo = QComboBox(self)
        self.combo.addItems(list(entry.choices))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo)
        row.addStretch(1)

    def value(self) -> str:
        return self.combo.currentText()

    def set_value(self, value: Any) -> None:
        self.combo.setCurrentText(str(value))


class ListEditor(Editor):
    """Items edited in place (double-click), added and removed; an empty list is allowed."""

    def __init__(self, entry: Entry, parent: QWidget | None = None) -> None:
        super().__init__(entry, parent)
        self.items = QListWidget(self)
        self.items.setMaximumHeight(130)
        self.new_item = QLineEdit(self)
        self.new_item.setPlaceholderText(self.tr("新的一项"))
        self.new_item.returnPressed.connect(self.add)
        self.add_button = QPushButton(self.tr("添加"), self)
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(self.tr("删除所选"), self)
        self.remove_button.clicked.connect(self.remove)
        adding = QHBoxLayout()
        adding.addWidget(self.new_item, 1)
        adding.addWidget(self.add_button)
        adding.addWidget(self.remove_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.items)
        column.addLayout(adding)

    def _append(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.items.addItem(item)

    def add(self) -> None:
        text = self.new_item.text().strip()
        if text:
            self._append(text)
            self.new_item.clear()

    def remove(self) -> None:
        for item in self.items.selectedItems():
            self.items.takeItem(self.items.row(item))

    def value(self) -> list[str]:
        texts = (self.items.item(i).text().strip() for i in range(self.items.count()))
        return [t for t in texts if t]

    def set_value(self, value: Any) -> None:
        self.items.clear()
        for text in value or []:
            self._append(str(text))


def editor_for(entry: Entry, parent: QWidget | None = None) -> Editor:
    kinds: dict[str, type[Editor]] = {"bool": BoolEditor, "int": NumberEditor, "float": NumberEditor,
                                      "list": ListEditor, "choice": ChoiceEditor}
    return kinds.get(entry.kind, TextEditor)(entry, parent)
