"""Supervision (督查组): every vehicle's whole timeline, the tamper-evident audit log, and the daily
report, and the dashboard (看板, desktop.gui.stations.supervision.dashboard_tab) — four tabs. All database work goes through ctx.ops (worker threads).

The audit tab's table model, verify button and result label are also reachable as the page's own
`model`, `verify_button` and `result`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QVBoxLayout

from desktop.gui.stations.base import StationPage
from desktop.gui.stations.roster import RosterPanel
from desktop.gui.stations.supervision.audit_tab import AuditModel, AuditTab
from desktop.gui.stations.supervision.dashboard_tab import DashboardTab
from desktop.gui.stations.supervision.report_tab import ReportTab
from desktop.gui.stations.supervision.timeline_tab import TimelineTab

__all__ = ["AuditModel", "SupervisionPage"]


class SupervisionPage(StationPage):
    key = "supervision"

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.timeline = TimelineTab(self.ctx, self)
        self.audit = AuditTab(self.ctx, self)
        self.report = ReportTab(self.ctx, self)
        self.dashboard = DashboardTab(self.ctx, self)
        self.model = self.audit.model
        self.verify_button = self.audit.verify_button
        self.result = self.audit.result
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("supervision_tabs")
        self.tabs.setStyleSheet("QTabBar::tab { font-size: 16pt; padding: 10px 26px; min-height: 36px; }"
                                " QTabBar::tab:selected { font-weight: bold; }")
        self.tabs.addTab(self.timeline, self.tr("车辆时间线"))
        self.tabs.addTab(self.audit, self.tr("审计日志"))
        self.tabs.addTab(self.report, self.tr("日报"))
        self.tabs.addTab(self.dashboard, self.tr("看板"))
        self.roster = RosterPanel(self.ctx, self)  # the site's own staff (desktop.gui.stations.roster)
        self.tabs.addTab(self.roster, self.tr("员工名册"))
        self.tabs.currentChanged.connect(lambda _i: self._focus_tab())
        self.timeline.violation_recorded.connect(lambda _v: (self.audit.refresh(), self.report.refresh()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)

    def title(self) -> str:
        return self.tr("督查")

    def _focus_tab(self) -> None:
        """Keys go to what each tab is for: Up/Down walk through the vehicles, the log, the report."""
        widget = self.tabs.currentWidget()
        target = {self.timeline: self.timeline.vehicles, self.audit: self.audit.table,
                  self.report: self.report.summary}.get(widget)
        if target is not None:
            target.setFocus()

    def activated(self) -> None:
        self._focus_tab()
        self.timeline.refresh()
        self.audit.refresh()
        self.report.refresh()

    def run_verify(self) -> None:
        self.audit.run_verify()

    def screenshot_states(self) -> list[tuple[str, Callable[[], None]]]:
        """A vehicle's timeline (the demo vehicle with a violation, else the first), the audit log
        checked, and the day's report."""

        def pick() -> None:
            rows = [self.timeline.vehicles.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.timeline.vehicles.count())]
            chosen = next((v for v in rows if v.violations), rows[0] if rows else None)
            if chosen is not None:
                self.timeline.select(chosen.arrival_id)

        def audit() -> None:
            self.tabs.setCurrentWidget(self.audit)
            self.audit.run_verify()

        return [("", pick), ("audit", audit), ("report", lambda: self.tabs.setCurrentWidget(self.report)),
                ("dashboard", lambda: self.tabs.setCurrentWidget(self.dashboard)),
                ("roster", lambda: self.tabs.setCurrentWidget(self.roster))]
