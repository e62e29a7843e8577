"""The rules per management and risk level: one row per level — test validity (hours), itinerary
(days), whether vehicles may enter, and which checks the gate requires. Which level is in force is
a supervisor's decision (督查 / `gatehouse policy set-level`), not a setting. The dwell time is one
for every level: the 消杀与静置 page's setting."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHeaderView, QLabel, QSpinBox, QTableWidget, QTableWidgetItem, QWidget

from desktop.domain.checks import ALL_CHECKS, PolicyRule, check_name
from desktop.domain.enums import display
from desktop.gui.context import AppContext
from desktop.gui.stations.settings.base import OptionPage
from desktop.i18n import language, t
from desktop.services import policy

HOURS, DAYS, ENTER, FIRST_CHECK = 1, 2, 3, 4


def _two_lines(name: str) -> str:
    """A header of four or more characters on two lines (人证核验 → 人证/核验), so nine columns fit;
    an English word is never cut in two."""
    if " " in name:
        return name.replace(" ", "\n", 1)
    return name if len(name) < 4 or name.isascii() else f"{name[:len(name) // 2]}\n{name[len(name) // 2:]}"


def _header(check: str) -> str:
    """A column's heading: the check's name, in English its shortest word (the full name is the tip)."""
    return {"test": t("核酸检测", "Test"), "contact": t("接触史", "Contacts"),
            "rules": t("遵守规定", "Rules")}.get(check) or check_name(check)


class PolicyPage(OptionPage):
    name = "policy"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.rules: list[PolicyRule] = []
        self.in_force = QLabel("", self)
        self.in_force.setWordWrap(True)
        self.dwell_note = QLabel("", self)
        self.dwell_note.setWordWrap(True)
        self.dwell_note.setStyleSheet("color: #5f6b7a;")
        headers = [self.tr("级别"), self.tr("核酸有效\n（小时）"), self.tr("行程\n（天）"), self.tr("车辆\n可进入")]
        headers += [_two_lines(_header(c)) for c in ALL_CHECKS]
        self.table = QTableWidget(0, len(headers), self)
        self.table.setObjectName("policy_table")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultSectionSize(42)  # room for the spin boxes
        for column in range(FIRST_CHECK, len(headers)):  # the checks share what is left: no sideways scrolling
            self.table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column, check in enumerate(ALL_CHECKS, FIRST_CHECK):
            self.table.horizontalHeaderItem(column).setToolTip(check_name(check))
        bold = self.table.horizontalHeader().font()
        bold.setBold(True)
        widest = max(QFontMetrics(bold).horizontalAdvance(line) for h in headers[FIRST_CHECK:] for line in h.split("\n"))
        self.table.horizontalHeader().setMinimumSectionSize(widest + 16)  # no heading cut short; rather scroll
        self.table.setWordWrap(True)
        self.body.addWidget(self.in_force)
        self.body.addWidget(self.table, 1)
        self.body.addWidget(self.dwell_note)

    def title(self) -> str:
        return self.tr("各级别规则")

    def load(self) -> None:
        self.ctx.ops.read(lambda s: (policy.active(s), policy.list_rules(s)), on_done=self._show)

    def _show(self, loaded: tuple[policy.ActiveLevel, list[PolicyRule]]) -> None:
        active, rules = loaded
        lang = language()
        self.rules = rules
        self.in_force.setText(self.tr("当前执行：{0}（由督查在督查页或 gatehouse policy set-level 切换）").replace(
            "{0}", f"{display(active.management_level, lang)} · {display(active.risk_level, lang)}"))
        minutes = rules[0].dwell_minutes if rules else 0
        self.dwell_note.setText(self.tr("静置时长不分级别：所有级别都用“消杀与静置”页的静置时长（现为 {0} 分钟），计时器以它为准。")
                                .replace("{0}", str(minutes)))
        self.table.setRowCount(len(rules))
        for row, rule in enumerate(rules):
            level = QTableWidgetItem(f"{display(rule.management_level, lang)} / {display(rule.risk_level, lang)}")
            level.setFlags(Qt.ItemFlag.ItemIsEnabled)
            if (rule.management_level, rule.risk_level) == (active.management_level, active.risk_level):
                level.setText("▶ " + level.text())
            self.table.setItem(row, 0, level)
            self.table.setCellWidget(row, HOURS, self._spin(1, 24 * 14, rule.test_valid_hours))
            self.table.setCellWidget(row, DAYS, self._spin(1, 60, rule.itinerary_days))
            self.table.setItem(row, ENTER, self._tick(rule.vehicles_may_enter))
            for i, check in enumerate(ALL_CHECKS):
                self.table.setItem(row, FIRST_CHECK + i, self._tick(check in rule.required_checks))

    def _spin(self, low: int, high: int, value: int) -> QSpinBox:
        spin = QSpinBox(self.table)
        spin.setRange(low, high)
        spin.setValue(value)
        return spin

    @staticmethod
    def _tick(on: bool) -> QTableWidgetItem:
        item = QTableWidgetItem("")
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        return item

    def spin(self, row: int, column: int) -> QSpinBox:
        widget = self.table.cellWidget(row, column)
        assert isinstance(widget, QSpinBox)
        return widget

    def shown(self, row: int) -> PolicyRule:
        """The rule as the row now shows it."""
        old = self.rules[row]
        ticked = [c for i, c in enumerate(ALL_CHECKS)
                  if self.table.item(row, FIRST_CHECK + i).checkState() == Qt.CheckState.Checked]
        return PolicyRule(old.management_level, old.risk_level, tuple(ticked), self.spin(row, HOURS).value(),
                          self.spin(row, DAYS).value(),
                          self.table.item(row, ENTER).checkState() == Qt.CheckState.Checked, old.dwell_minutes)

    def save(self) -> None:
        changed = [self.shown(i) for i in range(len(self.rules)) if self.shown(i) != self.rules[i]]
        if not changed:
            self.say(self.tr("没有修改。"), ok=True)
            return
        actor, now = self.ctx.actor, self.ctx.clock.now()

        def work(s):  # type: ignore[no-untyped-def]
            for r in changed:
                policy.update_rule(s, actor=actor, now=now, management_level=r.management_level,
                                   risk_level=r.risk_level, required_checks=list(r.required_checks),
                                   test_valid_hours=r.test_valid_hours, itinerary_days=r.itinerary_days,
                                   vehicles_may_enter=r.vehicles_may_enter)

        self.write(work, changed="policy")
