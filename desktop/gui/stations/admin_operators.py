"""The admin page's actions on the selected operator: change the role, disable or enable again
(never delete: the record keeps their name), lift a PIN lockout. Each calls the setup service, which
checks the administrator's role and audits; refusals (one's own role, one's own account) are shown
as the service words them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from desktop.domain.clock import utc
from desktop.domain.enums import Role, display
from desktop.gui.ops import describe_error
from desktop.i18n import language
from desktop.services import setup


def is_locked(op: setup.OperatorInfo, now: datetime) -> bool:
    return op.locked_until is not None and utc(op.locked_until) > utc(now)


class OperatorActions(QWidget):
    def __init__(self, page: Any) -> None:
        super().__init__(page)
        self.setObjectName("operator_actions")
        self.page = page
        self.known: dict[str, setup.OperatorInfo] = {}
        self.new_role = QComboBox(self)
        self.new_role.setObjectName("new_role")
        for role in Role:
            self.new_role.addItem(display(role.value, language()), role.value)
        self.role_button = self._button("role_button", self.tr("改为此角色"), self.change_role)
        self.active_button = self._button("active_button", self.tr("停用"), self.toggle_active)
        self.unlock_button = self._button("unlock_button", self.tr("解锁"), self.unlock)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.new_role)
        row.addWidget(self.role_button)
        row.addWidget(self.active_button)
        row.addWidget(self.unlock_button)
        page.operators.currentItemChanged.connect(lambda *_: self.selection_changed())
        self.selection_changed()

    def _button(self, name: str, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def selected(self) -> setup.OperatorInfo | None:
        item = self.page.operators.currentItem()
        return self.known.get(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def selection_changed(self) -> None:
        op = self.selected()
        for button in (self.role_button, self.active_button, self.unlock_button):
            button.setEnabled(op is not None)
        if op is None:
            return
        self.active_button.setText(self.tr("停用") if op.active else self.tr("启用"))
        self.unlock_button.setEnabled(is_locked(op, self.page.ctx.clock.now()))
        index = self.new_role.findData(op.role)
        if index >= 0:
            self.new_role.setCurrentIndex(index)

    def _run(self, work: Any, done_text: str) -> None:
        op = self.selected()
        if op is None:
            self.page._say(self.tr("请先在左侧选择操作员。"), ok=False)
            return
        actor, now, username = self.page.ctx.actor, self.page.ctx.clock.now(), op.username

        def done(changed: setup.OperatorInfo) -> None:
            self.page._say(done_text.replace("{0}", f"{changed.display_name}（{changed.username}）"), ok=True)
            self.page.activated()

        self.page.ctx.ops.run(lambda s: work(s, actor=actor, now=now, username=username), on_done=done,
                              on_error=lambda exc: self.page._say(describe_error(exc), ok=False))

    def change_role(self) -> None:
        role = self.new_role.currentData()
        self._run(lambda s, **kw: setup.set_role(s, role=role, **kw),
                  self.tr("已将 {0} 改为：") + display(role, language()))

    def toggle_active(self) -> None:
        op = self.selected()
        active = op is not None and not op.active
        self._run(lambda s, **kw: setup.set_active(s, active=active, **kw),
                  self.tr("已启用：{0}") if active else self.tr("已停用：{0}（记录保留）"))

    def unlock(self) -> None:
        self._run(setup.unlock, self.tr("已解锁：{0}"))
