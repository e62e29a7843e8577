"""看板: the day at a glance for supervisors, in Qt Charts — arrivals and releases per hour, dwell
timers by state, necessities today against the 7-day average — with the vehicles inside (and for how
long), refusals and overrides. The figures come from desktop.services.dashboard on a worker thread,
refreshed every 30 seconds while the tab is shown; the 7-day history is read once per day shown.

At a command centre the same place shows the county's day from the merged packages: vehicles,
refusals, violations and overrides per site and in total, each necessity received per site (in its
main unit), and the sites that have not reported.

There "导入数据包…" merges the packages chosen (desktop.services.merge), one transaction each, and
lists what each one was: merged (with the fingerprint of a newly registered site, to compare by
phone), already there, a correction and what it changed, or refused and why.

Signals: shown(object) — a dashboard.Figures (or, at a centre, a CountyView) is on screen;
imported(list) — the lines said about the packages of one import.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QMargins, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.documents.views import CountyView
from desktop.domain import necessities
from desktop.domain.localtime import site_tz
from desktop.gui.context import AppContext
from desktop.gui.ops import describe_error
from desktop.i18n import t
from desktop.services import dashboard, merge

REFRESH_MS = 30_000
FIRST_HOUR, LAST_HOUR = 6, 21  # the hours the per-hour chart shows at least (a quiet night is left out)


def chart_hours(*per_hour: tuple[int, ...]) -> list[int]:
    """The day's hours for the chart: 6 to 21, widened to take in every hour with an arrival or a
    release, so a delivery at 3 a.m. is on the chart the headline counts it in."""
    busy = [h for h in range(24) if any(p[h] for p in per_hour)]
    return list(range(min([FIRST_HOUR, *busy]), max([LAST_HOUR, *busy]) + 1))


def integer_axis(top: float) -> tuple[float, float]:
    """(tick interval, axis top) for counts: whole-number ticks, at most ~6 of them (a range of 0 to
    1 with Qt's default five ticks printed 0 0 0 0 0 1 under "%d")."""
    magnitude = 1.0
    while True:
        for factor in (1, 2, 5):
            step = factor * magnitude
            if top / step <= 6:
                return step, step * max(1, math.ceil(top / step - 1e-9))
        magnitude *= 10
# the necessities' names under a chart's bars (desktop.domain.necessities.name is the long form)
SHORT_NAMES = {"grain": ("粮食", "Grain"), "oil": ("食用油", "Oil"), "vegetables": ("蔬菜", "Veg."),
               "pork": ("猪肉", "Pork"), "eggs": ("鸡蛋", "Eggs"), "instant_noodles": ("方便面", "Noodles"),
               "ham_sausage": ("火腿肠", "Ham"), "bottled_water": ("瓶装水", "Water"), "other": ("其他", "Other")}


def short_name(key: str) -> str:
    return t(*SHORT_NAMES[key])


def _bar_chart(title: str, categories: list[str], sets: list[tuple[str, list[float], str]]) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    series = QBarSeries()
    for name, values, colour in sets:
        bar = QBarSet(name)
        bar.append([float(v) for v in values])
        bar.setColor(QColor(colour))
        series.append(bar)
    chart.addSeries(series)
    small = QFont()
    small.setPointSize(8)
    axis_x = QBarCategoryAxis()
    axis_x.append(categories)
    axis_x.setLabelsFont(small)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    axis_y = QValueAxis()
    step, top = integer_axis(max([1.0, *(float(v) for _n, values, _c in sets for v in values)]))
    axis_y.setRange(0, top)
    axis_y.setTickType(QValueAxis.TickType.TicksDynamic)
    axis_y.setTickAnchor(0)
    axis_y.setTickInterval(step)
    axis_y.setLabelFormat("%d")
    axis_y.setLabelsFont(small)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    chart.legend().setVisible(len(sets) > 1)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.legend().setFont(small)
    chart.setMargins(QMargins(4, 4, 4, 4))
    return chart


class DashboardTab(QWidget):
    shown = Signal(object)
    imported = Signal(list)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.figures: dashboard.Figures | None = None
        self._average: tuple[object, dict[str, float]] | None = None  # (day, 7-day average) once read
        self.headline = QLabel("", self)
        self.headline.setObjectName("headline")
        self.headline.setStyleSheet("font-size: 15pt;")
        self.hours = QChartView(self)
        self.dwell = QChartView(self)
        self.goods = QChartView(self)
        for view in (self.hours, self.dwell, self.goods):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(220)
        self.inside = QListWidget(self)
        self.inside.setObjectName("inside")
        grid = QGridLayout()
        grid.addWidget(self.hours, 0, 0)
        grid.addWidget(self.dwell, 0, 1)
        grid.addWidget(self.goods, 1, 0)
        box = QVBoxLayout()
        self.list_title = QLabel(self.tr("场内车辆（停留分钟）"), self)
        box.addWidget(self.list_title)
        box.addWidget(self.inside)
        grid.addLayout(box, 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        self.import_button = QPushButton(self.tr("导入数据包…"), self)
        self.import_button.setObjectName("import_button")
        self.import_button.setMinimumHeight(44)
        self.import_button.setVisible(False)  # at a command centre only
        self.import_button.clicked.connect(lambda: self.import_packages())
        self.results: list[tuple[str, bool]] = []  # (what was said, refused) of the last import
        top = QHBoxLayout()
        top.addWidget(self.headline, 1)
        top.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        self.stale_staff = QLabel("", self)  # the site's own staff whose test is stale (desktop.services.roster)
        self.stale_staff.setObjectName("stale_staff")
        self.stale_staff.setWordWrap(True)
        self.stale_staff.setStyleSheet("color: #b00020; font-size: 13pt; font-weight: bold;")
        self.stale_staff.setVisible(False)
        layout.addWidget(self.stale_staff)
        layout.addLayout(grid, 1)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.timer.start()
        self.refresh()

    def hideEvent(self, event: object) -> None:
        super().hideEvent(event)  # type: ignore[arg-type]
        self.timer.stop()

    def refresh(self) -> None:
        now = self.ctx.clock.now()
        day = now.astimezone(site_tz()).date()
        history = self._average is None or self._average[0] != day
        self.ctx.ops.read(lambda s: dashboard.current(s, now=now, tz=site_tz(), day=day, history=history),
                          on_done=self.show_figures, on_error=self._failed)

    def show_figures(self, f: dashboard.Figures | CountyView) -> None:
        if isinstance(f, CountyView):
            self.show_county(f)
            return
        if self._average is None or self._average[0] != f.day:
            self._average = (f.day, f.lines_average)
        average = self._average[1]
        self.figures = f
        self.headline.setStyleSheet("font-size: 15pt;")
        self.headline.setText(self.tr("{d}　到达 {a} 辆　场内 {i} 辆　劝返 {r}　督查放行 {o}")
                              .replace("{d}", f.day.isoformat()).replace("{a}", str(sum(f.arrivals_per_hour)))
                              .replace("{i}", str(len(f.inside))).replace("{r}", str(f.refusals))
                              .replace("{o}", str(f.overrides)))
        hours = chart_hours(f.arrivals_per_hour, f.releases_per_hour)
        self.hours.setChart(_bar_chart(self.tr("每小时到达与放行"), [f"{h}" for h in hours], [
            (self.tr("到达"), [f.arrivals_per_hour[h] for h in hours], "#2f6f9f"),
            (self.tr("放行"), [f.releases_per_hour[h] for h in hours], "#2e8b57")]))
        names = {"running": self.tr("静置中"), "complete": self.tr("待放行"), "released": self.tr("已放行"),
                 "stopped": self.tr("已停止")}
        self.dwell.setChart(_bar_chart(self.tr("静置计时（按状态）"), [names[s] for s in dashboard.DWELL_STATES],
                                       [(self.tr("计时"), [f.dwell[s] for s in dashboard.DWELL_STATES], "#9a5b00")]))
        keys = list(necessities.KEYS)
        self.goods.setChart(_bar_chart(self.tr("生活必需品到货批次：今日与前7日平均"), [short_name(k) for k in keys], [
            (self.tr("今日"), [f.lines_today.get(k, 0) for k in keys], "#2f6f9f"),
            (self.tr("前7日平均"), [round(average.get(k, 0.0), 1) for k in keys], "#b0b7c3")]))
        self.stale_staff.setText(self.tr("工作人员核酸需更新 {n} 人：").replace("{n}", str(len(f.stale_staff)))
                                 + "；".join(f.stale_staff))
        self.stale_staff.setVisible(bool(f.stale_staff))
        self.list_title.setText(self.tr("场内车辆（停留分钟）"))
        self.inside.clear()
        for plate, minutes, over in f.inside:
            self.inside.addItem(f"{plate}　{minutes} " + self.tr("分钟") + ("　" + self.tr("超时") if over else ""))
            if over:
                self.inside.item(self.inside.count() - 1).setForeground(QColor("#b00020"))
        self.shown.emit(f)

    def import_packages(self, paths: list[str] | None = None) -> None:
        """Merge the packages at `paths` (asks which when none are given), one after another."""
        if paths is None:
            paths, _filter = QFileDialog.getOpenFileNames(self, self.tr("选择日数据包"), "",
                                                          self.tr("日数据包 (gatehouse-day-*.zip)"))
        if not paths:
            return
        self.import_button.setEnabled(False)
        self.results = []
        self._merge_next(list(paths))

    def _merge_next(self, paths: list[str]) -> None:
        if not paths:
            self.import_button.setEnabled(True)
            self.imported.emit([line for line, _bad in self.results])
            self.refresh()
            return
        path, rest = Path(paths[0]), paths[1:]
        actor, now = self.ctx.actor, self.ctx.clock.now()

        def done(m: merge.Merged) -> None:
            words = {"merged": self.tr("已合并"), "same": self.tr("已有此包，未改动"),
                     "replaced": self.tr("更正包，已替换")}[m.outcome]
            line = f"{path.name}：{m.site_code} {m.day.isoformat()} {words}"
            if m.registered:
                line += self.tr("；新站点已登记，请电话核对密钥指纹 {f}").replace("{f}", m.fingerprint)
            if m.changes:
                line += "；" + "，".join(m.changes)
            self.results.append((line, False))
            self._merge_next(rest)

        def refused(exc: BaseException) -> None:
            self.results.append((f"{path.name}：" + self.tr("拒收") + " —— " + describe_error(exc), True))
            self._merge_next(rest)

        self.ctx.ops.run(lambda s: merge.merge_package(s, actor=actor, now=now, data=path.read_bytes()),
                         on_done=done, on_error=refused)

    def show_county(self, view: CountyView) -> None:
        self.figures = None
        self.import_button.setVisible(True)
        self.headline.setStyleSheet("font-size: 15pt;")
        self.headline.setText(self.tr("{c} {d}　已上报 {n} 个站点　未上报 {m} 个　车辆 {v}")
                              .replace("{c}", view.centre_name).replace("{d}", view.day.isoformat())
                              .replace("{n}", str(len(view.sites))).replace("{m}", str(len(view.missing)))
                              .replace("{v}", str(view.total.vehicles)))
        parts = [*view.sites, view.total]
        names = [p.code or p.name for p in parts]
        self.hours.setChart(_bar_chart(self.tr("各站点车辆"), names, [
            (self.tr("车辆"), [p.vehicles for p in parts], "#2f6f9f"),
            (self.tr("劝返"), [p.refused for p in parts], "#b00020")]))
        self.dwell.setChart(_bar_chart(self.tr("违规与督查放行"), names, [
            (self.tr("违规"), [p.violations for p in parts], "#9a5b00"),
            (self.tr("督查放行"), [p.overrides for p in parts], "#6a4c93")]))
        keys = [k for k in necessities.KEYS if k in view.total.goods]
        units = {k: dashboard.main_unit(view, k) for k in keys}
        palette = ["#2f6f9f", "#2e8b57", "#9a5b00", "#6a4c93", "#b00020", "#3c8dbc", "#8a8a8a"]
        self.goods.setChart(_bar_chart(self.tr("各站点生活必需品到货"), [f"{short_name(k)}({units[k]})" for k in keys], [
            (p.code, [p.goods.get(k, {}).get(units[k], (0.0, 0.0))[0] for k in keys], palette[i % len(palette)])
            for i, p in enumerate(view.sites)]))
        self.list_title.setText(self.tr("未上报站点与导入结果"))
        self.inside.clear()
        for code, name in view.missing:
            self.inside.addItem(self.tr("未上报：") + f"{code} {name}")
            self.inside.item(self.inside.count() - 1).setForeground(QColor("#b00020"))
        for line, bad in self.results:
            self.inside.addItem(line)
            if bad:
                self.inside.item(self.inside.count() - 1).setForeground(QColor("#b00020"))
        self.shown.emit(view)

    def _failed(self, exc: BaseException) -> None:
        self.headline.setStyleSheet("color: #9b0016; font-weight: bold;")
        self.headline.setText(describe_error(exc))
