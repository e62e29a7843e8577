"""Administration: operators and where the data lives."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
)

from desktop.domain.enums import Role, display
from desktop.gui.ops import describe_error
from desktop.gui.stations.base import StationPage
from desktop.i18n import language
from desktop.paths import data_dir
from desktop.services import setup


class AdminPage(StationPage):
    key = "admin"

    def __init__(self, *args, **kw) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kw)
        self.operators = QListWidget(self)
        self.username = QLineEdit(self)
        self.username.setPlaceholderText("li.qiang")
        self.display_name = QLineEdit(self)
        self.role = QComboBox(self)
        for role in Role:
            self.role.addItem(display(role.value, language()), role.value)
        self.pin = QLineEdit(self)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("督查员、管理员必填"))
        self.add_button = QPushButton(self.tr("添加操作员"), self)
        self.add_button.clicked.connect(self.add_operator)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        form_box = QGroupBox(self.tr("新操作员"), self)
        form = QFormLayout(form_box)
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("姓名"), self.display_name)
        form.addRow(self.tr("角色"), self.role)
        form.addRow(self.tr("密码"), self.pin)
        form.addRow(self.add_button)
        form.addRow(self.message)
        list_box = QGroupBox(self.tr("操作员"), self)
        QVBoxLayout(list_box).addWidget(self.operators)
        where = QLabel(self.tr("数据库：{db}\n数据文件夹：{dir}\n备份：文件 → 备份数据库（Ctrl+B）")
                       .replace("{db}", str(self.ctx.db.path or self.ctx.db.url)).replace("{dir}", str(data_dir())), self)
        where.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(list_box, 1)
        row.addWidget(form_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(where)

    def title(self) -> str:
        return self.tr("管理")

    def activated(self) -> None:
        self.ctx.ops.read(setup.list_operators, on_done=self._show_operators)

    def _show_operators(self, operators: list[setup.OperatorInfo]) -> None:
        self.operators.clear()
        for op in operators:
            self.operators.addItem(f"{op.display_name}  {op.username}  （{display(op.role, language())}）")

    def add_operator(self) -> None:
        actor, now = self.ctx.actor, self.ctx.clock.now()
        values = dict(username=self.username.text(), display_name=self.display_name.text(),
                      role=self.role.currentData(), pin=self.pin.text() or None)
        if values["role"] in (Role.SUPERVISOR, Role.ADMIN) and not values["pin"]:
            self._say(self.tr("督查员和管理员必须设置密码。"), ok=False)
            return

        def done(op: setup.OperatorInfo) -> None:
            self._say(self.tr("已添加：{0}").replace("{0}", op.display_name), ok=True)
            self.username.clear()
            self.display_name.clear()
            self.pin.clear()
            self.activated()

        self.ctx.ops.run(lambda s: setup.add_operator(s, actor=actor, now=now, **values), on_done=done,
                         on_error=lambda exc: self._say(describe_error(exc), ok=False))

    def _say(self, text: str, *, ok: bool) -> None:
        self.message.setStyleSheet(f"color: {'#1b7f3b' if ok else '#b00020'}; font-weight: bold;")
        self.message.setText(text)
