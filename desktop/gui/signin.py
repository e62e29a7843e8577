"""Signing in at the start of a shift: who you are and which station you work at."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from desktop.domain.enums import display
from desktop.gui.forms.ui_signin import Ui_SignInDialog
from desktop.i18n import language
from desktop.services import setup
from desktop.services.context import Actor, ServiceError


class SignInDialog(QDialog):
    """Pick operator and station; supervisors and administrators also give their PIN."""

    def __init__(self, ops, last: dict | None = None, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.ui = Ui_SignInDialog()
        self.ui.setupUi(self)
        self.ops = ops
        self.operators = ops.call_now(setup.list_operators)
        self.stations = ops.call_now(lambda s: [n for n, _k in setup.list_stations(s)])
        self.pin_roles = ops.call_now(lambda s: {o.role for o in self.operators if setup.pin_required(s, o.role)})
        for op in self.operators:
            self.ui.operatorBox.addItem(f"{op.display_name}（{display(op.role, language())}）", op.username)
        for name in self.stations:
            self.ui.stationBox.addItem(display(name, language()), name)
        last = last or {}
        self._select(self.ui.operatorBox, last.get("operator"))
        self._select(self.ui.stationBox, last.get("station"))
        self.ui.operatorBox.currentIndexChanged.connect(self._update_pin)
        self.ui.buttons.accepted.connect(self._accept)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.errorLabel.setStyleSheet("color: #b00020; font-weight: bold;")
        self._update_pin(move_focus=True)
        self.result_actor: Actor | None = None
        self.result_name = ""
        self.result_role = ""

    @staticmethod
    def _select(box, value) -> None:  # type: ignore[no-untyped-def]
        index = box.findData(value)
        if index >= 0:
            box.setCurrentIndex(index)

    def _current(self) -> setup.OperatorInfo | None:
        name = self.ui.operatorBox.currentData()
        return next((o for o in self.operators if o.username == name), None)

    def _update_pin(self, _index: int = -1, *, move_focus: bool = False) -> None:
        """PIN needed or not; the focus moves only when the dialog opens (Down in the operator box
        must go to the next operator, not jump to 确定)."""
        op = self._current()
        needs = bool(op and (op.has_pin or op.role in self.pin_roles))
        self.ui.pinEdit.setEnabled(needs)
        self.ui.pinLabel.setEnabled(needs)
        first = bool(op and needs and not op.has_pin)
        self.ui.pinEdit.setPlaceholderText(self.tr("首次登录：请设置至少4位数字密码") if first
                                           else self.tr("督查员和管理员需要输入"))
        if move_focus:
            (self.ui.pinEdit if needs else self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)).setFocus()

    def _accept(self) -> None:
        op = self._current()
        if op is None:
            return
        pin = self.ui.pinEdit.text()
        actor = Actor(operator=op.username, station=self.ui.stationBox.currentData())
        if op.has_pin or op.role in self.pin_roles:
            try:  # wrong PINs count towards the stored lockout (written even though this call fails)
                if op.has_pin:
                    self.ops.call_now(lambda s: setup.check_operator_pin(s, username=op.username, pin=pin, actor=actor,
                                                                         now=datetime.now(UTC)), write=True)
                else:  # a new site's administrator (or staff added without one): the first sign-in sets the PIN
                    self.ops.call_now(lambda s: setup.set_first_pin(s, actor=actor, now=datetime.now(UTC),
                                                                    username=op.username, pin=pin), write=True)
            except ServiceError as exc:
                self.ui.errorLabel.setText(exc.message)
                self.ui.pinEdit.selectAll()
                return
        self.result_actor = actor
        self.result_name, self.result_role = op.display_name, op.role
        self.accept()

