"""Recording a violation (记录违规): the kind from a list, what was seen in words (required)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from desktop.services.timeline import VIOLATION_KINDS, violation_kind_name


class ViolationDialog(QDialog):
    """OK stays disabled until a description has been written."""

    def __init__(self, plate: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("记录违规"))
        self.setMinimumWidth(560)
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        for key in VIOLATION_KINDS:
            self.kind.addItem(violation_kind_name(key), key)
        self.description = QPlainTextEdit(self)
        self.description.setObjectName("description")
        self.description.setPlaceholderText(self.tr("看到了什么：地点、人员、已采取的措施"))
        self.description.setFixedHeight(120)
        self.description.setTabChangesFocus(True)  # keyboard first: Tab goes on to the buttons
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("记录"))
        self.ok_button.setMinimumHeight(48)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.description.textChanged.connect(self._changed)
        self._changed()
        heading = QLabel(self.tr("车辆 {p}").replace("{p}", plate), self)
        heading.setObjectName("heading")
        form = QFormLayout(self)
        form.addRow(heading)
        form.addRow(self.tr("违规类型"), self.kind)
        form.addRow(self.tr("情况说明"), self.description)
        form.addRow(self.buttons)

    def _changed(self) -> None:
        self.ok_button.setEnabled(bool(self.description.toPlainText().strip()))

    def values(self) -> tuple[str, str]:
        return str(self.kind.currentData()), self.description.toPlainText().strip()
