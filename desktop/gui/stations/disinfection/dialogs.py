"""The two decisions the board needs a second person or a reason for: ending a dwell early
(supervisor + PIN + reason) and recalling a faulty disinfection (reason)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)


class EarlyDialog(QDialog):
    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("提前结束静置"))
        self.supervisor = QLineEdit(self)
        self.supervisor.setObjectName("supervisor")
        self.supervisor.setPlaceholderText("zhou.min")
        self.pin = QLineEdit(self)
        self.pin.setObjectName("pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        warning = QLabel(self.tr("{x}：未满静置时间即可转运，须督查员批准并写明原因。").replace("{x}", label), self)
        warning.setWordWrap(True)
        form.addRow(warning)
        form.addRow(self.tr("督查员"), self.supervisor)
        form.addRow(self.tr("密码"), self.pin)
        form.addRow(self.tr("原因"), self.reason)
        form.addRow(self.tr("督查员"), self.supervisor)
        form.addRow(self.tr("密码"), self.pin)
        form.addRow(buttons)


class RecallDialog(QDialog):
    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("召回消杀"))
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason")
        # a supervisor recalls: anyone else signs with a supervisor's own account and PIN, typed now
        self.supervisor = QLineEdit(self)
        self.supervisor.setObjectName("supervisor")
        self.pin = QLineEdit(self)
        self.pin.setObjectName("pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        quick = QHBoxLayout()
        for text in (self.tr("稀释比例错误"), self.tr("漏消部位"), self.tr("消毒剂过期")):
            button = QPushButton(text, self)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, t=text: self.reason.setText(t))
            quick.addWidget(button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        warning = QLabel(self.tr("召回 {x} 的消杀：所涉物资须重新消杀，静置计时停止。").replace("{x}", label), self)
        warning.setWordWrap(True)
        form.addRow(warning)
        form.addRow(quick)
        form.addRow(self.tr("原因"), self.reason)
        form.addRow(self.tr("督查员"), self.supervisor)
        form.addRow(self.tr("密码"), self.pin)
        form.addRow(buttons)
