"""Small dialogs of the gate: a reason, a supervisor's approval, an override, the level."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.checks import check_name
from desktop.domain.enums import ManagementLevel, RiskLevel, display
from desktop.i18n import language
from desktop.services.gate import ArrivalInfo


class _Form(QDialog):
    def __init__(self, title: str, intro: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self.layout_ = QVBoxLayout(self)
        if intro:
            label = QLabel(intro, self)
            label.setWordWrap(True)
            self.layout_.addWidget(label)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)
        self.error = QLabel("", self)
        self.error.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.layout_.addWidget(self.error)

    def _accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error.setText(problem)
            return
        self.accept()

    def problem(self) -> str:
        return ""


class ReasonDialog(_Form):
    """A reason typed or picked from the usual ones."""

    def __init__(self, title: str, intro: str, usual: list[str], parent: QWidget | None = None) -> None:
        super().__init__(title, intro, parent)
        self.reason = QComboBox(self)
        self.reason.setEditable(True)
        self.reason.addItems(["", *usual])
        # no inline completion: it would take the Enter that finishes the dialog (F7, Enter)
        self.reason.setCompleter(None)
        self.form.addRow(self.tr("原因"), self.reason)

    def text(self) -> str:
        return self.reason.currentText().strip()

    def preselect(self, text: str) -> None:
        """Offer `text` (e.g. the failing checks) as the reason: Enter takes it, typing replaces it."""
        index = self.reason.findText(text)
        if index < 0:
            self.reason.insertItem(1, text)
            index = 1
        self.reason.setCurrentIndex(index)
        self.reason.lineEdit().selectAll()

    def problem(self) -> str:
        return "" if self.text() else self.tr("请填写原因。")


class SupervisorDialog(_Form):
    """A supervisor's name, PIN and reason (checked by the service, not here)."""

    def __init__(self, title: str, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(title, intro, parent)
        self.username = QLineEdit(self)
        self.username.setObjectName("supervisorAccount")
        self.pin = QLineEdit(self)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.reason = QLineEdit(self)
        self.form.addRow(self.tr("督查员账号"), self.username)
        self.form.addRow(self.tr("密码（PIN）"), self.pin)
        self.form.addRow(self.tr("原因"), self.reason)

    def values(self) -> tuple[str, str, str]:
        return self.username.text().strip(), self.pin.text(), self.reason.text().strip()

    def retry(self, message: str) -> None:
        """After a refusal: keep the account and reason, clear the PIN, say why, PIN focused."""
        self.error.setText(message)
        self.pin.clear()
        self.setProperty("focusChosen", True)
        self.pin.setFocus()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self.property("focusChosen"):
            self.pin.setFocus()

    def problem(self) -> str:
        name, pin, reason = self.values()
        if not name or not pin:
            return self.tr("请督查员输入账号和密码。")
        return "" if reason else self.tr("请填写原因。")


class OverrideDialog(SupervisorDialog):
    """Pick which failed check the supervisor lets pass."""

    def __init__(self, arrival: ArrivalInfo, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("督查员放行"), self.tr("只有督查员可以放行不合格的检查项，须填写原因。"), parent)
        self.which = QComboBox(self)
        for check in arrival.checks:
            for failure in check.open_failures:
                self.which.addItem(f"{check.input.name}：{check_name(failure.check)} — {failure.message}",
                                   (check.id, failure.check))
        self.form.insertRow(0, self.tr("放行项"), self.which)

    def choice(self) -> tuple[int, str]:
        return self.which.currentData()


class LevelDialog(SupervisorDialog):
    """Change the management/risk level in force (a supervisor signs it)."""

    def __init__(self, current: tuple[str, str], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("更改管理级别"), self.tr("按指挥部通知更改；更改会记入审计日志。"), parent)
        self.level = QComboBox(self)
        for m in ManagementLevel:
            self.level.addItem(display(m.value, language()), m.value)
        self.risk = QComboBox(self)
        for r in RiskLevel:
            self.risk.addItem(display(r.value, language()), r.value)
        self.level.setCurrentIndex(self.level.findData(current[0]))
        self.risk.setCurrentIndex(self.risk.findData(current[1]))
        self.form.insertRow(0, self.tr("管理级别"), self.level)
        self.form.insertRow(1, self.tr("风险等级"), self.risk)
