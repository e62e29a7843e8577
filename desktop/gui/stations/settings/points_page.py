"""Unloading points: add, edit the selected one, move it up or down, retire it or bring it back,
delete one nothing names yet. Each button writes at once (audited); Revert re-reads the list."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from desktop.gui.context import AppContext
from desktop.gui.stations.settings.base import OptionPage
from desktop.services import setup
from desktop.services import unloading_points as points


class PointsPage(OptionPage):
    name = "points"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.rows: list[points.PointRow] = []
        self.list = QListWidget(self)
        self.list.setObjectName("points_list")
        self.list.currentRowChanged.connect(self._picked)
        self.code = QLineEdit(self)
        self.code.setPlaceholderText("①")
        self.code.setMaximumWidth(90)
        self.point_name = QLineEdit(self)
        self.point_name.setPlaceholderText(self.tr("名称，如 食堂1-2连廊西侧"))
        self.route = QLineEdit(self)
        self.route.setPlaceholderText(self.tr("路线，如 东门→东环路→一食堂西侧"))
        form = QFormLayout()
        form.addRow(self.tr("编号"), self.code)
        form.addRow(self.tr("名称"), self.point_name)
        form.addRow(self.tr("路线"), self.route)
        self.add_button = QPushButton(self.tr("添加为新卸货点"), self)
        self.add_button.clicked.connect(self.add)
        self.up_button = QPushButton(self.tr("上移"), self)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button = QPushButton(self.tr("下移"), self)
        self.down_button.clicked.connect(lambda: self.move(1))
        self.retire_button = QPushButton(self.tr("停用"), self)
        self.retire_button.clicked.connect(self.toggle_retired)
        self.delete_button = QPushButton(self.tr("删除"), self)
        self.delete_button.setToolTip(self.tr("只能删除从未被审批、登记或消杀记录使用过的卸货点；用过的请停用。"))
        self.delete_button.clicked.connect(self.delete)
        row = QHBoxLayout()
        for b in (self.up_button, self.down_button, self.retire_button, self.delete_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.add_button)
        self.save_button.setText(self.tr("保存所选修改"))
        self.body.addWidget(self.list, 1)
        self.body.addLayout(row)
        self.body.addLayout(form)

    def title(self) -> str:
        return self.tr("卸货点")

    def load(self) -> None:
        self.ctx.ops.read(points.list_all, on_done=self._show)

    def _show(self, rows: list[points.PointRow]) -> None:
        keep = self.selected()
        self.rows = rows
        self.list.blockSignals(True)
        self.list.clear()
        for p in rows:
            text = f"{p.code}  {p.name}" + (f"  （{p.route}）" if p.route else "")
            if not p.active:
                text += self.tr("  · 已停用")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            if not p.active:
                item.setForeground(QColor("#8a8f98"))
            self.list.addItem(item)
        self.list.blockSignals(False)
        index = next((i for i, p in enumerate(rows) if keep and p.id == keep.id), -1)
        self.list.setCurrentRow(index)
        self._picked(index)

    def selected(self) -> points.PointRow | None:
        row = self.list.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _picked(self, _row: int) -> None:
        p = self.selected()
        self.code.setText(p.code if p else "")
        self.point_name.setText(p.name if p else "")
        self.route.setText(p.route if p else "")
        self.retire_button.setText(self.tr("恢复使用") if p and not p.active else self.tr("停用"))
        for b in (self.up_button, self.down_button, self.retire_button, self.delete_button, self.save_button):
            b.setEnabled(p is not None)

    def _on_selected(self, work: Callable[[Any, points.PointRow], Any]) -> None:
        p = self.selected()
        if p is None:
            self.say(self.tr("请先在列表中选择卸货点。"), ok=False)
            return
        self.write(lambda s: work(s, p), changed="unloading_points")

    def save(self) -> None:
        actor, now = self.ctx.actor, self.ctx.clock.now()
        code, name, route = self.code.text(), self.point_name.text(), self.route.text()
        self._on_selected(lambda s, p: points.edit(s, actor=actor, now=now, point_id=p.id, code=code, name=name,
                                                   route=route))

    def add(self) -> None:
        actor, now = self.ctx.actor, self.ctx.clock.now()
        code, name, route = self.code.text().strip(), self.point_name.text().strip(), self.route.text()
        if not code or not name:
            self.say(self.tr("请填写卸货点编号和名称。"), ok=False)
            return
        self.list.setCurrentRow(-1)
        self.write(lambda s: setup.add_unloading_point(s, actor=actor, now=now, code=code, name=name, route=route),
                   changed="unloading_points")

    def move(self, step: int) -> None:
        actor, now = self.ctx.actor, self.ctx.clock.now()
        self._on_selected(lambda s, p: points.move(s, actor=actor, now=now, point_id=p.id, step=step))

    def toggle_retired(self) -> None:
        actor, now = self.ctx.actor, self.ctx.clock.now()
        self._on_selected(lambda s, p: points.retire(s, actor=actor, now=now, point_id=p.id, retired=p.active))

    def delete(self) -> None:
        actor, now = self.ctx.actor, self.ctx.clock.now()
        self._on_selected(lambda s, p: points.remove(s, actor=actor, now=now, point_id=p.id))
