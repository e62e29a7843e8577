"""Administration: operators and where the data lives."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from desktop.domain.enums import Role, display
from desktop.domain.permissions import Permission
from desktop.gui import permits
from desktop.gui.ops import describe_error
from desktop.gui.stations.admin_operators import OperatorActions, is_locked
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
        self.pin_button = QPushButton(self.tr("设置密码…"), self)
        self.pin_button.clicked.connect(self.set_pin)
        list_layout = QVBoxLayout(list_box)
        list_layout.addWidget(self.operators)
        list_layout.addWidget(self.pin_button)
        self.account = OperatorActions(self)  # role, disable/enable, unlock (desktop/gui/stations/admin_operators.py)
        list_layout.addWidget(self.account)
        permits.follow(self.ctx, [(self.add_button, Permission.OPERATORS), (self.pin_button, Permission.PINS),
                                  (self.account, Permission.OPERATORS)])
        points_box = self._build_points()
        where = QLabel(self.tr("数据库：{db}\n数据文件夹：{dir}\n备份：文件 → 备份数据库（Ctrl+B）")
                       .replace("{db}", str(self.ctx.db.path or self.ctx.db.url)).replace("{dir}", str(data_dir())), self)
        where.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(list_box, 1)
        row.addWidget(form_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(points_box, 1)
        backups_button = QPushButton(self.tr("备份与恢复…"), self)
        backups_button.setObjectName("backups_button")
        backups_button.clicked.connect(self.open_backups)
        bottom = QHBoxLayout()
        bottom.addWidget(where, 1)
        roster_button = QPushButton(self.tr("员工名册…"), self)  # the site's own staff (desktop.gui.stations.roster)
        roster_button.setObjectName("roster_button")
        roster_button.clicked.connect(self.open_roster)
        bottom.addWidget(roster_button, 0, Qt.AlignmentFlag.AlignBottom)
        bottom.addWidget(backups_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(bottom)

    def _build_points(self) -> QGroupBox:
        """Unloading points: a new site has none, and the gate and the approval sheets need them."""
        self.points = QListWidget(self)
        self.point_code = QLineEdit(self)
        self.point_code.setPlaceholderText("①")
        self.point_code.setMaximumWidth(90)
        self.point_name = QLineEdit(self)
        self.point_name.setPlaceholderText(self.tr("名称，如 食堂1-2连廊西侧"))
        self.point_route = QLineEdit(self)
        self.point_route.setPlaceholderText(self.tr("路线，如 东门→东环路→一食堂西侧"))
        self.add_point_button = QPushButton(self.tr("添加卸货点"), self)
        self.add_point_button.clicked.connect(self.add_point)
        self.point_message = QLabel("", self)
        box = QGroupBox(self.tr("卸货点"), self)
        fields = QHBoxLayout()
        fields.addWidget(self.point_code)
        fields.addWidget(self.point_name, 2)
        fields.addWidget(self.point_route, 3)
        fields.addWidget(self.add_point_button)
        column = QVBoxLayout(box)
        column.addWidget(self.points, 1)
        column.addLayout(fields)
        column.addWidget(self.point_message)
        return box

    def open_backups(self) -> None:
        from desktop.gui.restore_dialog import RestoreDialog

        RestoreDialog(self.ctx, self.window()).exec()

    def open_roster(self) -> None:
        from desktop.gui.stations.roster import RosterDialog

        RosterDialog(self.ctx, self.window()).exec()

    def title(self) -> str:
        return self.tr("管理")

    def activated(self) -> None:
        self.ctx.ops.read(lambda s: setup.list_operators(s, include_disabled=True), on_done=self._show_operators)
        self.ctx.ops.read(setup.list_unloading_points, on_done=self._show_points)

    def _show_points(self, points: list[setup.UnloadingPointInfo]) -> None:
        self.points.clear()
        for p in points:
            self.points.addItem(f"{p.code}  {p.name}" + (f"  （{p.route}）" if p.route else ""))
        if not points:
            self.points.addItem(self.tr("还没有卸货点：进校车辆和名单里的“卸货点”需要先在这里添加。"))

    def add_point(self) -> None:
        actor, now = self.ctx.actor, self.ctx.clock.now()
        code, name, route = self.point_code.text().strip(), self.point_name.text().strip(), self.point_route.text()
        if not code or not name:
            self._say_point(self.tr("请填写卸货点编号和名称。"), ok=False)
            return

        def done(point: setup.UnloadingPointInfo) -> None:
            self._say_point(self.tr("已添加：{0}").replace("{0}", f"{point.code} {point.name}"), ok=True)
            for field in (self.point_code, self.point_name, self.point_route):
                field.clear()
            self.activated()

        self.ctx.ops.run(lambda s: setup.add_unloading_point(s, actor=actor, now=now, code=code, name=name, route=route),
                         on_done=done, on_error=lambda exc: self._say_point(describe_error(exc), ok=False))

    def _say_point(self, text: str, *, ok: bool) -> None:
        self.point_message.setStyleSheet(f"color: {'#1b7f3b' if ok else '#b00020'}; font-weight: bold;")
        self.point_message.setText(text)

    def _show_operators(self, operators: list[setup.OperatorInfo]) -> None:
        before = self.operators.currentItem().data(Qt.ItemDataRole.UserRole) if self.operators.currentItem() else None
        self.operators.clear()
        self.account.known = {op.username: op for op in operators}
        now = self.ctx.clock.now()
        for op in operators:
            item = QListWidgetItem(f"{op.display_name}  {op.username}  （{display(op.role, language())}）"
                                   + ("" if op.has_pin else self.tr("  · 无密码"))
                                   + ("" if op.active else self.tr("  · 已停用"))
                                   + (self.tr("  · 已锁定") if is_locked(op, now) else ""))
            item.setData(Qt.ItemDataRole.UserRole, op.username)
            if not op.active:
                item.setForeground(QColor("#888888"))
            self.operators.addItem(item)
            if op.username == before:
                self.operators.setCurrentItem(item)
        self.account.selection_changed()

    def set_pin(self) -> None:
        """A new PIN for the selected operator (forgotten, or a supervisor's first)."""
        item = self.operators.currentItem()
        if item is None:
            self._say(self.tr("请先在左侧选择操作员。"), ok=False)
            return
        username = item.data(Qt.ItemDataRole.UserRole)
        pin, ok = QInputDialog.getText(self, self.tr("设置密码"), self.tr("{0} 的新密码（至少4位数字）").replace(
            "{0}", username), QLineEdit.EchoMode.Password)
        if not ok:
            return
        actor, now = self.ctx.actor, self.ctx.clock.now()
        self.ctx.ops.run(lambda s: setup.set_pin(s, actor=actor, now=now, username=username, pin=pin),
                         on_done=lambda op: (self._say(self.tr("已设置 {0} 的密码。").replace("{0}", op.username),
                                                       ok=True), self.activated()),
                         on_error=lambda exc: self._say(describe_error(exc), ok=False))

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
