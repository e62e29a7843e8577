"""员工名册: the site's own staff and volunteers (desktop.services.roster) in a table — post, phone
(masked except for administrators), account, latest test and whether it is still valid under the
policy's hours, training and protective gear — with add / edit, record a test, take off the roster,
and import from a sheet. A tab of the supervision page and a dialog from the admin page.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.localtime import local, site_tz
from desktop.domain.permissions import Permission
from desktop.gui import permits
from desktop.gui.context import AppContext
from desktop.gui.ops import describe_error
from desktop.services import roster, roster_sheet


def _qdatetime(at: datetime) -> QDateTime:
    at = local(at)
    return QDateTime(QDate(at.year, at.month, at.day), QTime(at.hour, at.minute))


def _aware(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=site_tz()).astimezone(UTC)



def _test_fields(dialog: QDialog, now: datetime, negative: str, positive: str) -> tuple[QDateTimeEdit, QComboBox]:
    """The sampling time and result boxes of a test, as the add/edit and the record-test dialogs ask
    (the results' words come translated from the dialog, where lupdate collects them)."""
    tested_at = QDateTimeEdit(_qdatetime(now), dialog)
    tested_at.setObjectName("tested_at")
    tested_at.setDisplayFormat("yyyy-MM-dd HH:mm")
    result = QComboBox(dialog)
    result.setObjectName("result")
    result.addItem(negative, "negative")
    result.addItem(positive, "positive")
    return tested_at, result

class TestDialog(QDialog):
    """A new test: when the sample was taken, and the result."""

    def __init__(self, name: str, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staff_test_dialog")
        self.setWindowTitle(self.tr("记录核酸：{n}").replace("{n}", name))
        self.tested_at, self.result = _test_fields(self, now, self.tr("阴性"), self.tr("阳性"))
        form = QFormLayout(self)
        form.addRow(self.tr("采样时间"), self.tested_at)
        form.addRow(self.tr("结果"), self.result)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, Any]:
        return {"tested_at": _aware(self.tested_at.dateTime()), "result": self.result.currentData()}


class StaffDialog(QDialog):
    """Add or edit a person: every field of the roster row."""

    def __init__(self, now: datetime, person: roster.StaffInfo | None = None, *, show_phone: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staff_dialog")
        self.setWindowTitle(self.tr("编辑人员") if person else self.tr("添加人员"))
        self.name = QLineEdit(self)
        self.name.setObjectName("name")
        self.post = QLineEdit(self)
        self.post.setObjectName("post")
        self.post.setPlaceholderText(self.tr("如 消杀员、门岗志愿者"))
        self.phone = QLineEdit(self)
        self.phone.setObjectName("phone")
        self.account = QLineEdit(self)
        self.account.setObjectName("account")
        self.account.setPlaceholderText(self.tr("登录账号（可不填），如 chen.jing"))
        self.has_test = QCheckBox(self.tr("有核酸记录"), self)
        self.has_test.setObjectName("has_test")
        self.tested_at, self.result = _test_fields(self, now, self.tr("阴性"), self.tr("阳性"))
        self.trained = QCheckBox(self.tr("已完成培训"), self)
        self.trained.setObjectName("trained")
        today = local(now).date()
        self.trained_on = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.trained_on.setDisplayFormat("yyyy-MM-dd")
        self.ppe = QLineEdit(self)
        self.ppe.setObjectName("ppe")
        self.ppe.setPlaceholderText(self.tr("如 N95口罩、防护服、面屏"))
        self.has_test.toggled.connect(lambda on: (self.tested_at.setEnabled(on), self.result.setEnabled(on)))
        self.trained.toggled.connect(self.trained_on.setEnabled)
        self.has_test.setChecked(False)
        self.tested_at.setEnabled(False)
        self.result.setEnabled(False)
        self.trained_on.setEnabled(False)
        self._kept_phone = ""
        if person is not None:
            self.name.setText(person.name)
            self.post.setText(person.post)
            self._kept_phone = person.phone
            if show_phone:
                self.phone.setText(person.phone)
            else:
                self.phone.setPlaceholderText(person.masked_phone + self.tr("（不改请留空）"))
            self.account.setText(person.operator)
            if person.last_test_at is not None:
                self.has_test.setChecked(True)
                self.tested_at.setDateTime(_qdatetime(person.last_test_at))
                self.result.setCurrentIndex(max(0, self.result.findData(person.last_test_result)))
            self.trained.setChecked(person.training_done)
            if person.training_on:
                self.trained_on.setDate(QDate(person.training_on.year, person.training_on.month,
                                              person.training_on.day))
            self.ppe.setText(person.ppe_issued)
        form = QFormLayout(self)
        form.addRow(self.tr("姓名"), self.name)
        form.addRow(self.tr("岗位"), self.post)
        form.addRow(self.tr("电话"), self.phone)
        form.addRow(self.tr("账号"), self.account)
        test_row = QHBoxLayout()
        test_row.addWidget(self.has_test)
        test_row.addWidget(self.tested_at, 1)
        test_row.addWidget(self.result)
        form.addRow(self.tr("最近核酸"), test_row)
        training_row = QHBoxLayout()
        training_row.addWidget(self.trained)
        training_row.addWidget(self.trained_on, 1)
        form.addRow(self.tr("培训"), training_row)
        form.addRow(self.tr("防护用品"), self.ppe)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, Any]:
        d = self.trained_on.date()
        from datetime import date

        return {"name": self.name.text(), "post": self.post.text(),
                "phone": self.phone.text().strip() or self._kept_phone, "operator": self.account.text(),
                "last_test_at": _aware(self.tested_at.dateTime()) if self.has_test.isChecked() else None,
                "last_test_result": self.result.currentData() if self.has_test.isChecked() else "",
                "training_done": self.trained.isChecked(),
                "training_on": date(d.year(), d.month(), d.day()) if self.trained.isChecked() else None,
                "ppe_issued": self.ppe.text()}


class RosterPanel(QWidget):
    """The roster's table and buttons. Signal changed() after every write."""

    changed = Signal()
    COLUMNS = ("姓名", "岗位", "电话", "账号", "最近核酸", "核酸状态", "培训", "防护用品")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.people: list[roster.StaffInfo] = []
        self.hours = 0
        self.heading = QLabel("", self)
        self.heading.setObjectName("roster_heading")
        self.heading.setStyleSheet("font-size: 14pt;")
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setObjectName("roster_table")
        self.table.setHorizontalHeaderLabels([  # each tr() spelled out, so lupdate collects it
            self.tr("姓名"), self.tr("岗位"), self.tr("电话"), self.tr("账号"), self.tr("最近核酸"),
            self.tr("核酸状态"), self.tr("培训"), self.tr("防护用品")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.add_button = self._button("add_staff", self.tr("添加人员…"), self.add)
        self.edit_button = self._button("edit_staff", self.tr("编辑…"), self.edit)
        self.test_button = self._button("record_test", self.tr("记录核酸…"), self.record_test)
        self.off_button = self._button("deactivate_staff", self.tr("移出名册"), self.deactivate)
        self.import_button = self._button("import_roster", self.tr("导入名册…"), lambda: self.import_sheet())
        self.message = QLabel("", self)
        self.message.setObjectName("roster_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.test_button, self.off_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        permits.follow(ctx, [(b, Permission.STAFF) for b in (self.add_button, self.edit_button, self.test_button,
                                                             self.off_button, self.import_button)])
        self.ctx.user.changed.connect(self._user_changed)  # phones in full for administrators only

    def _user_changed(self) -> None:
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.refresh()

    def _button(self, name: str, text: str, slot: Any) -> QPushButton:
        b = QPushButton(text, self)
        b.setObjectName(name)
        b.setMinimumHeight(40)
        b.clicked.connect(slot)
        return b

    def _admin(self) -> bool:
        return self.ctx.user.role == "admin"

    def refresh(self) -> None:
        now = self.ctx.clock.now()
        self.ctx.ops.read(lambda s: (roster.list_staff(s, now=now), roster.test_hours(s)), on_done=self._show,
                          on_error=lambda exc: self._say(describe_error(exc), ok=False))

    def _show(self, result: tuple[list[roster.StaffInfo], int]) -> None:
        before = self.selected()
        self.people, self.hours = result
        stale = sum(1 for p in self.people if p.stale)
        self.heading.setText(self.tr("共 {n} 人；核酸有效期 {h} 小时（按当前防控策略），需更新 {s} 人")
                             .replace("{n}", str(len(self.people))).replace("{h}", str(self.hours))
                             .replace("{s}", str(stale)))
        states = {roster.OK: self.tr("有效"), roster.OLD: self.tr("已过期"), roster.MISSING: self.tr("无记录"),
                  roster.POSITIVE: self.tr("阳性")}
        results = {"negative": self.tr("阴性"), "positive": self.tr("阳性"), "": ""}
        self.table.setRowCount(len(self.people))
        for r, p in enumerate(self.people):
            test = (local(p.last_test_at).strftime("%m-%d %H:%M") + " " + results.get(p.last_test_result, "")
                    if p.last_test_at else "—")
            training = (self.tr("已培训") + (f" {p.training_on:%m-%d}" if p.training_on else "")
                        if p.training_done else self.tr("未培训"))
            cells = (p.name, p.post, p.phone if self._admin() else p.masked_phone, p.operator, test,
                     states[p.test_state], training, p.ppe_issued)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, p.id)
                if p.stale and c in (0, 4, 5):
                    item.setForeground(QColor("#b00020"))
                self.table.setItem(r, c, item)
            if before is not None and p.id == before.id:
                self.table.selectRow(r)
        self.table.resizeColumnsToContents()

    def selected(self) -> roster.StaffInfo | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.people):
            return None
        return self.people[rows[0].row()]

    def _say(self, text: str, *, ok: bool) -> None:
        self.message.setStyleSheet(f"color: {'#1b7f3b' if ok else '#b00020'}; font-weight: bold;")
        self.message.setText(text)

    def _write(self, work: Any, said: str) -> None:
        def done(_result: object) -> None:
            self._say(said, ok=True)
            self.refresh()
            self.changed.emit()

        self.ctx.ops.run(work, on_done=done, on_error=lambda exc: self._say(describe_error(exc), ok=False))

    def add(self) -> None:
        dialog = StaffDialog(self.ctx.clock.now(), parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values, actor, now = dialog.values(), self.ctx.actor, self.ctx.clock.now()
        self._write(lambda s: roster.add(s, actor=actor, now=now, **values),
                    self.tr("已添加：{n}").replace("{n}", values["name"].strip()))

    def edit(self) -> None:
        person = self.selected()
        if person is None:
            self._say(self.tr("请先在表中选择一个人。"), ok=False)
            return
        dialog = StaffDialog(self.ctx.clock.now(), person, show_phone=self._admin(), parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values, actor, now = dialog.values(), self.ctx.actor, self.ctx.clock.now()
        self._write(lambda s: roster.update(s, actor=actor, now=now, staff_id=person.id, **values),
                    self.tr("已保存：{n}").replace("{n}", values["name"].strip()))

    def record_test(self) -> None:
        person = self.selected()
        if person is None:
            self._say(self.tr("请先在表中选择一个人。"), ok=False)
            return
        dialog = TestDialog(person.name, self.ctx.clock.now(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values, actor, now = dialog.values(), self.ctx.actor, self.ctx.clock.now()
        self._write(lambda s: roster.record_test(s, actor=actor, now=now, staff_id=person.id, **values),
                    self.tr("已记录 {n} 的核酸。").replace("{n}", person.name))

    def deactivate(self) -> None:
        person = self.selected()
        if person is None:
            self._say(self.tr("请先在表中选择一个人。"), ok=False)
            return
        actor, now = self.ctx.actor, self.ctx.clock.now()
        self._write(lambda s: roster.set_active(s, actor=actor, now=now, staff_id=person.id, active=False),
                    self.tr("已将 {n} 移出名册（记录保留）。").replace("{n}", person.name))

    def import_sheet(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("导入员工名册"), "",
                                                  self.tr("表格 (*.xlsx *.csv)"))
            if not path:
                return
        actor, now = self.ctx.actor, self.ctx.clock.now()

        def done(result: roster_sheet.Imported) -> None:
            text = (self.tr("已导入：新增 {a} 人，更新 {u} 人。").replace("{a}", str(result.added))
                    .replace("{u}", str(result.updated)))
            if result.ignored:
                text += self.tr("未读取的列：") + "、".join(result.ignored)
            if result.totals:
                text += (self.tr("；") if result.ignored else "") + self.tr("合计行未作为人员：第{r}行").replace(
                    "{r}", "、".join(map(str, result.totals)))
            self._say(text, ok=True)
            self.refresh()
            self.changed.emit()

        self.ctx.ops.run(lambda s: roster_sheet.import_sheet(s, actor=actor, now=now, path=path), on_done=done,
                         on_error=lambda exc: self._say(describe_error(exc), ok=False))


class RosterDialog(QDialog):
    """The roster in its own window (from the admin page)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("员工名册"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(1100, 640)
        self.panel = RosterPanel(ctx, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
