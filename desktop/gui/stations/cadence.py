"""The 本轮 tab of the group-buying screen: this order round's dates, the special-needs households
whose phone check is due (记录电话问询 records a call: Enter on a row, or the button), and the
register households that placed no order this round. The register itself is imported here.

Everything that touches the database runs on a worker (`ctx.ops`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import localtime
from desktop.domain.permissions import Permission
from desktop.gui import permits
from desktop.gui.context import AppContext
from desktop.gui.ops import describe_error
from desktop.gui.tables import read_only_table
from desktop.services import cadence, register

GREEN, AMBER, RED = "#c8e6c9", "#fff3c4", "#ffcdd2"


class PhoneCheckDialog(QDialog):
    """How the call went: three choices (keys 1, 2, 3) and a note; a need must be written down."""

    def __init__(self, household: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phone_check_dialog")
        self.setWindowTitle(self.tr("记录电话问询"))
        box = QVBoxLayout(self)
        who = QLabel(household, self)
        who.setStyleSheet("font-size: 15pt; font-weight: bold;")
        box.addWidget(who)
        self.group = QButtonGroup(self)
        self.choices: dict[str, QRadioButton] = {}
        for n, (outcome, text) in enumerate(((cadence.REACHED_OK, self.tr("已接通，一切正常")),
                                             (cadence.NEEDS_HELP, self.tr("已接通，需要帮助")),
                                             (cadence.NOT_REACHED, self.tr("未接通"))), start=1):
            button = QRadioButton(f"&{n}  {text}", self)
            button.setObjectName(outcome)
            button.setMinimumHeight(40)
            self.group.addButton(button)
            self.choices[outcome] = button
            box.addWidget(button)
            key = QShortcut(QKeySequence(str(n)), self)  # 1 / 2 / 3 (the note box keeps its digits)
            key.activated.connect(button.click)
        self.note = QLineEdit(self)
        self.note.setObjectName("note")
        self.note.setMinimumHeight(40)
        self.note.setPlaceholderText(self.tr("备注：需要什么（买药、送菜、就医……）"))
        box.addWidget(self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box.addWidget(self.buttons)
        self.group.buttonToggled.connect(self._update)
        self.note.textChanged.connect(self._update)
        self._update()

    def outcome(self) -> str:
        return next((k for k, b in self.choices.items() if b.isChecked()), "")

    def _update(self, *_: Any) -> None:
        chosen = self.outcome()
        ok = bool(chosen) and (chosen != cadence.NEEDS_HELP or bool(self.note.text().strip()))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)


class CadenceTab(QWidget):
    loaded = Signal()  # the round, the calls and the missed list are shown
    recorded = Signal(object)  # a PhoneCheck was written
    imported = Signal(object)  # a RegisterReport was shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cadence")
        self.ctx = ctx
        self.check_rows: list[cadence.CheckRow] = []
        self.ask = self._ask  # tests replace it: (household text) -> (outcome, note) or None
        self._build()

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        return read_only_table(self, name, headers)

    def _build(self) -> None:
        self.round_label = QLabel(self)
        self.round_label.setObjectName("round")
        self.round_label.setStyleSheet("font-size: 15pt; font-weight: bold; padding: 2px;")
        self.call_button = QPushButton(self.tr("记录电话问询…"), self)
        self.call_button.setObjectName("call_button")
        self.call_button.setMinimumHeight(44)
        self.call_button.clicked.connect(self.record_selected)
        self.register_button = QPushButton(self.tr("导入住户名册…"), self)
        self.register_button.setObjectName("register_button")
        self.register_button.setMinimumHeight(44)
        self.register_button.clicked.connect(self._choose_register)
        permits.follow(self.ctx, [(self.call_button, Permission.APPROVALS_EDIT),
                                  (self.register_button, Permission.APPROVALS_EDIT)])
        top = QHBoxLayout()
        top.addWidget(self.round_label, 1)
        top.addWidget(self.call_button)
        top.addWidget(self.register_button)

        self.checks = self._table("checks", [self.tr("楼栋"), self.tr("单元"), self.tr("房号"), self.tr("联系人"),
                                             self.tr("电话"), self.tr("情况"), self.tr("本轮问询"), self.tr("上次")])
        self.checks.activated.connect(lambda _index: self.record_selected())
        self.missed = self._table("missed", [self.tr("楼栋"), self.tr("单元"), self.tr("房号"), self.tr("联系人"),
                                             self.tr("电话"), self.tr("特殊人群"), self.tr("前一轮")])
        self.which = QComboBox(self)  # the round whose missed households are listed
        self.which.setObjectName("which_round")
        self.which.setMinimumHeight(36)
        self.which.addItem(self.tr("本轮"), "this")
        self.which.addItem(self.tr("上一轮"), "previous")
        self.which.currentIndexChanged.connect(lambda _i: self.refresh())
        self.checks_title = QLabel(self)
        self.missed_title = QLabel(self)
        for label in (self.checks_title, self.missed_title):
            label.setStyleSheet("font-weight: bold;")
        upper, lower = QWidget(self), QWidget(self)
        for holder, title, table in ((upper, self.checks_title, self.checks), (lower, self.missed_title, self.missed)):
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            head = QHBoxLayout()
            head.addWidget(title, 1)
            if table is self.missed:
                head.addWidget(self.which)
            box.addLayout(head)
            box.addWidget(table, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(upper)
        split.addWidget(lower)
        self.status = QLabel(self)
        self.status.setObjectName("cadence_status")
        self.status.setWordWrap(True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(top)
        outer.addWidget(split, 1)
        outer.addWidget(self.status)

    # --- reading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        now, previous = self.ctx.clock.now(), self.which.currentData() == "previous"

        def work(s: Any) -> tuple[Any, ...]:
            rnd = cadence.current_round(s, now)
            listed = rnd.previous() if previous else rnd
            return rnd, cadence.phone_checks(s, now), listed, cadence.missed(s, listed)

        self.ctx.ops.read(work, on_done=self._show, on_error=self._failed)

    def _state(self, row: cadence.CheckRow) -> tuple[str, str]:
        if row.overdue:
            return self.tr("逾期未问询"), RED
        if row.due:
            text = self.tr("待问询") if not row.attempts else self.tr("未接通 {n} 次，待再打").replace("{n}",
                                                                                            str(row.attempts))
            return text, AMBER
        if row.last_outcome == cadence.NEEDS_HELP:
            return self.tr("已问询：需要帮助"), AMBER
        return self.tr("已问询：正常"), GREEN

    def _last(self, row: cadence.CheckRow) -> str:
        if row.last_at is None:
            return ""
        outcome = {cadence.REACHED_OK: self.tr("正常"), cadence.NEEDS_HELP: self.tr("需要帮助"),
                   cadence.NOT_REACHED: self.tr("未接通")}.get(row.last_outcome, row.last_outcome)
        text = f"{localtime.local(row.last_at):%m-%d %H:%M} {row.last_caller_name or row.last_caller} {outcome}"
        return f"{text}：{row.last_note}" if row.last_note else text

    def _show(self, data: tuple[Any, ...]) -> None:
        rnd, checks, listed, missed = data
        self.round_label.setText(self.tr("本轮：第{n}轮 {a}–{b}（每{d}天一轮）")
                                 .replace("{n}", str(rnd.index + 1)).replace("{a}", f"{rnd.first_day:%m-%d}")
                                 .replace("{b}", f"{rnd.last_day:%m-%d}").replace("{d}", str(rnd.days)))
        self.check_rows = list(checks)
        due = sum(r.due for r in checks)
        self.checks_title.setText(self.tr("特殊人群电话问询：待问询 {n} 户，共 {t} 户").replace("{n}", str(due))
                                  .replace("{t}", str(len(checks))))
        self.checks.setRowCount(len(checks))
        for i, r in enumerate(checks):
            state, colour = self._state(r)
            note = r.special_note or self.tr("特殊人群")
            for c, text in enumerate((r.building, r.unit, r.room, r.contact, r.phone, note, state,
                                      self._last(r))):
                item = QTableWidgetItem(text)
                if c == 6:
                    item.setBackground(QColor(colour))
                self.checks.setItem(i, c, item)
        if listed == rnd:
            title = self.tr("本轮未下单：{n} 户")
        else:
            title = self.tr("上一轮（{a}–{b}）未下单：{n} 户").replace("{a}", f"{listed.first_day:%m-%d}").replace(
                "{b}", f"{listed.last_day:%m-%d}")
        self.missed_title.setText(title.replace("{n}", str(len(missed))))
        self.missed.setRowCount(len(missed))
        for i, m in enumerate(missed):
            for c, text in enumerate((m.building, m.unit, m.room, m.contact, m.phone,
                                      self.tr("是") if m.special_needs else "",
                                      self.tr("前一轮也未下单") if m.also_previous else "")):
                item = QTableWidgetItem(text)
                if c == 6 and m.also_previous:
                    item.setBackground(QColor(AMBER))
                self.missed.setItem(i, c, item)
        if checks and not self.checks.selectionModel().selectedRows():
            self.checks.selectRow(0)
        self.loaded.emit()

    # --- a call -----------------------------------------------------------------------------

    def _ask(self, household: str) -> tuple[str, str] | None:
        dialog = PhoneCheckDialog(household, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.outcome(), dialog.note.text().strip()

    def record_selected(self) -> None:
        rows = self.checks.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.check_rows):
            self._say(self.tr("请先在问询表中选中一户"), error=True)
            return
        row = self.check_rows[rows[0].row()]
        answer = self.ask(" ".join(x for x in (row.address, row.contact, row.phone) if x))
        if answer is None:
            return
        outcome, note = answer
        actor, now, hid = self.ctx.actor, self.ctx.clock.now(), row.household_id
        self.ctx.ops.run(lambda s: cadence.record_check(s, actor=actor, now=now, household_id=hid, outcome=outcome,
                                                        note=note),
                         on_done=lambda check: self._recorded(check, row.address), on_error=self._failed)

    def _recorded(self, check: Any, address: str) -> None:
        self._say(self.tr("已记录 {h} 的电话问询").replace("{h}", address))
        self.recorded.emit(check)
        self.refresh()

    # --- the register -----------------------------------------------------------------------

    def _choose_register(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择住户名册"), str(Path.home()),
                                              self.tr("住户名册 (*.xlsx *.csv)"))
        if path:
            self.import_register(Path(path))

    def import_register(self, path: Path) -> None:
        actor, now = self.ctx.actor, self.ctx.clock.now()
        self._say(self.tr("正在导入 {f}…").replace("{f}", path.name))
        self.ctx.ops.run(lambda s: register.import_sheet(s, actor=actor, now=now, path=path),
                         on_done=self._imported, on_error=self._failed)

    def _imported(self, report: register.RegisterReport) -> None:
        self._say("\n".join(report.lines()), error=not report.ok)
        self.imported.emit(report)
        if report.ok:
            self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self._say(describe_error(exc), error=True)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #c62828; font-weight: bold;" if error else "")


__all__ = ["CadenceTab", "PhoneCheckDialog"]
