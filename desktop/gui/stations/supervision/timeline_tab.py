"""车辆时间线: the day's vehicles on the left, the selected vehicle's whole story on the right, each
moment coloured by how it went (green fine, amber needs a look, red wrong), and 记录违规 for it.

Signals: timeline_shown(int) — the timeline of this arrival id has been put on screen;
violation_recorded(object) — a ViolationInfo has been saved.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.localtime import site_tz
from desktop.gui.context import AppContext
from desktop.gui.ops import describe_error
from desktop.gui.stations.supervision.dialogs import ViolationDialog
from desktop.services import timeline
from desktop.services.timeline import DayArrival, TimelineEntry

# (background, text) per severity: high contrast on a light tint
COLOURS = {"ok": ("#e8f5e9", "#0b4f1f"), "warn": ("#fff3cd", "#6b4200"), "bad": ("#fde2e4", "#9b0016")}
MARKS = {"ok": "✓", "warn": "!", "bad": "✗"}
BIG = 52


def local(at: datetime, fmt: str = "%H:%M") -> str:
    return at.astimezone(site_tz()).strftime(fmt)


def to_date(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class TimelineTab(QWidget):
    timeline_shown = Signal(int)
    violation_recorded = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current: DayArrival | None = None
        self.dialog: ViolationDialog | None = None
        self._build()

    def _build(self) -> None:
        today = self.ctx.clock.now().astimezone(site_tz()).date()
        self.day = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.day.setObjectName("timeline_day")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.dateChanged.connect(lambda _d: self.refresh())
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.count = QLabel("", self)
        self.vehicles = QListWidget(self)
        self.vehicles.setObjectName("vehicles")
        self.vehicles.setSpacing(2)
        self.vehicles.setStyleSheet("QListWidget#vehicles { font-size: 15pt; }"
                                    " QListWidget#vehicles::item:selected { background: #0d47a1; color: white; }")
        self.vehicles.currentItemChanged.connect(lambda item, _old: self._selected(item))
        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("日期"), self))
        row.addWidget(self.day, 1)
        row.addWidget(self.refresh_button)
        lv.addLayout(row)
        lv.addWidget(self.count)
        lv.addWidget(self.vehicles, 1)

        self.header = QLabel(self.tr("请在左侧选择车辆"), self)
        self.header.setObjectName("timeline_header")
        self.header.setStyleSheet("font-size: 22pt; font-weight: bold;")
        self.header.setWordWrap(True)
        self.violation_button = QPushButton(self.tr("记录违规…"), self)
        self.violation_button.setObjectName("violation_button")
        self.violation_button.setMinimumHeight(BIG)
        self.violation_button.setStyleSheet("QPushButton { background: #9b0016; color: white; font-weight: bold;"
                                            " padding: 0 18px; } QPushButton:disabled { background: #c9c9c9;"
                                            " color: #666; }")
        self.violation_button.setEnabled(False)
        self.violation_button.clicked.connect(self.open_violation)
        self.entries = QListWidget(self)
        self.entries.setObjectName("entries")
        self.entries.setSpacing(3)
        self.entries.setWordWrap(True)
        self.entries.setStyleSheet("QListWidget#entries { font-size: 16pt; }")
        self.message = QLabel("", self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.violation_button)
        rv.addLayout(top)
        rv.addWidget(self.message)
        rv.addWidget(self.entries, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([340, 760])
        layout = QVBoxLayout(self)
        layout.addWidget(split)

    # --- the day's vehicles ------------------------------------------------------------------

    def refresh(self) -> None:
        day = to_date(self.day.date())
        keep = self.current.arrival_id if self.current else None
        self.ctx.ops.read(lambda s: timeline.day_arrivals(s, day=day, tz=site_tz()),
                          on_done=lambda rows: self.show_vehicles(rows, keep), on_error=self._failed)

    def show_vehicles(self, rows: list[DayArrival], keep: int | None = None) -> None:
        self.vehicles.blockSignals(True)
        self.vehicles.clear()
        for v in rows:
            flags = []
            if v.overrides:
                flags.append(self.tr("放行{n}").replace("{n}", str(v.overrides)))
            if v.violations:
                flags.append(self.tr("违规{n}").replace("{n}", str(v.violations)))
            second = " · ".join([v.status_text, *flags])
            item = QListWidgetItem(f"{MARKS[v.severity]} {local(v.arrived_at)}  {v.plate}\n    {second}")
            item.setData(Qt.ItemDataRole.UserRole, v)
            bg, fg = COLOURS[v.severity]
            item.setBackground(QColor(bg))
            item.setForeground(QColor(fg))
            self.vehicles.addItem(item)
        self.vehicles.blockSignals(False)
        self.count.setText(self.tr("共 {n} 辆").replace("{n}", str(len(rows))))
        index = next((i for i, v in enumerate(rows) if v.arrival_id == keep), None)
        if index is not None:
            self.vehicles.setCurrentRow(index)
        elif rows:  # a timeline on screen from the start: the day's first vehicle
            self.vehicles.setCurrentRow(0)
        elif not rows:
            self._clear(self.tr("这一天没有车辆到达"))

    def select(self, arrival_id: int) -> bool:
        """Select a vehicle of the list by its arrival id (True when it is listed)."""
        for i in range(self.vehicles.count()):
            if self.vehicles.item(i).data(Qt.ItemDataRole.UserRole).arrival_id == arrival_id:
                self.vehicles.setCurrentRow(i)
                return True
        return False

    def _clear(self, text: str) -> None:
        self.current = None
        self.header.setText(text)
        self.entries.clear()
        self.violation_button.setEnabled(False)

    # --- one vehicle's timeline ---------------------------------------------------------------

    def _selected(self, item: QListWidgetItem | None) -> None:
        if item is None:
            self._clear(self.tr("请在左侧选择车辆"))
            return
        vehicle: DayArrival = item.data(Qt.ItemDataRole.UserRole)
        if self.current is None or self.current.arrival_id != vehicle.arrival_id:
            self.message.setText("")  # a note about another vehicle
        self.current = vehicle
        self.violation_button.setEnabled(True)
        self.header.setText(f"{vehicle.plate}  ·  {vehicle.status_text}")
        self.load_timeline(vehicle.arrival_id)

    def load_timeline(self, arrival_id: int) -> None:
        self.ctx.ops.read(lambda s: timeline.vehicle_timeline(s, arrival_id=arrival_id),
                          on_done=lambda entries: self.show_timeline(arrival_id, entries), on_error=self._failed)

    def show_timeline(self, arrival_id: int, entries: list[TimelineEntry]) -> None:
        if self.current is None or self.current.arrival_id != arrival_id:
            return  # another vehicle was selected meanwhile
        self.entries.clear()
        small = QFont(self.entries.font())
        day = to_date(self.day.date())
        for e in entries:
            who = " · ".join(x for x in (e.operator, e.station) if x)
            when = local(e.at) if e.at.astimezone(site_tz()).date() == day else local(e.at, "%m-%d %H:%M")
            lines = [f"{MARKS[e.severity]}  {when}   {e.title}"]
            if e.detail:
                lines.append(f"        {e.detail}")
            if who:
                lines.append(f"        {who}")
            item = QListWidgetItem("\n".join(lines))
            item.setData(Qt.ItemDataRole.UserRole, e.kind)
            item.setToolTip(local(e.at, "%Y-%m-%d %H:%M:%S"))
            bg, fg = COLOURS[e.severity]
            item.setBackground(QColor(bg))
            item.setForeground(QColor(fg))
            item.setFont(small)
            self.entries.addItem(item)
        self.timeline_shown.emit(arrival_id)

    def _failed(self, exc: BaseException) -> None:
        self.message.setStyleSheet("color: #9b0016; font-weight: bold;")
        self.message.setText(describe_error(exc))

    # --- violations ---------------------------------------------------------------------------

    def open_violation(self) -> None:
        if self.current is None:
            return
        vehicle = self.current
        self.dialog = ViolationDialog(vehicle.plate, self)
        self.dialog.accepted.connect(lambda: self._record(vehicle, *self.dialog.values()))  # type: ignore[union-attr]
        self.dialog.open()

    def _record(self, vehicle: DayArrival, kind: str, description: str) -> None:
        actor, now = self.ctx.actor, self.ctx.clock.now()

        def done(info: timeline.ViolationInfo) -> None:
            self.message.setStyleSheet("color: #9b0016; font-weight: bold;")
            self.message.setText(self.tr("已记录违规：{k}").replace("{k}", info.kind_text))
            self.violation_recorded.emit(info)
            self.refresh()  # re-selects the vehicle, which reloads its timeline

        self.ctx.ops.run(lambda s: timeline.record_violation(s, actor=actor, now=now, arrival_id=vehicle.arrival_id,
                                                             kind=kind, description=description),
                         on_done=done, on_error=self._failed)
