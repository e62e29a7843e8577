"""The supervision screen: pick a vehicle, read its whole timeline, record a violation, export the
day's report."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from desktop.gui.stations.supervision import SupervisionPage
from desktop.gui.stations.supervision.timeline_tab import COLOURS
from desktop.services import timeline
from tests.supervision_world import journey

DAY = date(2026, 11, 30)


@pytest.fixture
def page(qtbot, ctx, db, clock):
    j = journey(db, clock)
    p = SupervisionPage(ctx)
    qtbot.addWidget(p)
    p.resize(1100, 700)
    p.show()
    p.activated()
    qtbot.waitUntil(lambda: p.timeline.vehicles.count() == 2)
    p.journey = j
    return p


def _click_vehicle(qtbot, page, row):
    lst = page.timeline.vehicles
    rect = lst.visualItemRect(lst.item(row))
    qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _kinds(page):
    lst = page.timeline.entries
    return [lst.item(i).data(Qt.ItemDataRole.UserRole) for i in range(lst.count())]


def test_choosing_a_vehicle_shows_its_whole_timeline_in_order(qtbot, page):
    assert "苏N·12345" in page.timeline.vehicles.item(0).text()
    refused = page.timeline.vehicles.item(1)
    assert refused.background().color() == QColor(COLOURS["bad"][0])
    qtbot.waitUntil(lambda: "exit" in _kinds(page))  # the day's first vehicle is shown from the start
    assert page.timeline.violation_button.isEnabled()
    kinds = _kinds(page)
    story = ["arrival", "disinfection", "decision.enter", "disinfection", "slip.issue", "release", "exit"]
    assert [k for k in kinds if k in story] == story
    assert "苏N·12345" in page.timeline.header.text()
    assert "门岗" in page.timeline.entries.item(kinds.index("decision.enter")).text()
    early = page.timeline.entries.item(kinds.index("scan.not_yet"))
    assert early.background().color() == QColor(COLOURS["warn"][0])
    _click_vehicle(qtbot, page, 1)
    qtbot.waitUntil(lambda: "decision.refuse" in _kinds(page))
    assert "exit" not in _kinds(page)


def test_a_supervisor_records_a_violation_for_the_selected_vehicle(qtbot, page, db):
    _click_vehicle(qtbot, page, 0)
    qtbot.waitUntil(lambda: "exit" in _kinds(page))
    qtbot.mouseClick(page.timeline.violation_button, Qt.MouseButton.LeftButton)
    dialog = page.timeline.dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.ok_button.isEnabled()  # a description is required
    dialog.kind.setCurrentIndex(dialog.kind.findData("no_mask"))
    event = QInputMethodEvent()
    event.setCommitString("司机下车未戴口罩")
    dialog.description.setFocus()
    QApplication.sendEvent(dialog.description, event)
    assert dialog.description.toPlainText() == "司机下车未戴口罩"
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _kinds(page)[-1:] == ["violation"])
    assert "未戴口罩" in page.timeline.entries.item(page.timeline.entries.count() - 1).text()
    assert "已记录违规" in page.timeline.message.text()
    qtbot.waitUntil(lambda: "违规1" in page.timeline.vehicles.item(0).text())
    with db.session(write=False) as s:
        saved = timeline.violations(s, day=DAY, tz=ZoneInfo("Asia/Shanghai"))
    assert [(v.kind, v.description, v.recorded_by) for v in saved] == [("no_mask", "司机下车未戴口罩", "duty")]


def test_the_daily_report_tab_shows_the_day_and_exports_a_pdf(qtbot, page, tmp_path, monkeypatch):
    page.tabs.setCurrentWidget(page.report)
    qtbot.waitUntil(lambda: "粮食（大米、面粉）" in page.report.summary.toPlainText())
    text = page.report.summary.toPlainText()
    assert "劝返 苏N·60218" in text and "60 袋" in text
    target = tmp_path / "日报.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)"))
    qtbot.mouseClick(page.report.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已导出" in page.report.status.text())
    assert target.read_bytes().startswith(b"%PDF")
    assert page.report.export_button.isEnabled()


def test_the_report_tab_writes_the_days_package_to_a_chosen_folder(qtbot, page, tmp_path, monkeypatch):
    from desktop.documents import day_package

    page.tabs.setCurrentWidget(page.report)
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(usb))
    qtbot.mouseClick(page.report.package_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "读回核对" in page.report.status.text(), timeout=20_000)
    package = next(usb.glob("gatehouse-day-*.zip"))
    assert day_package.unpack(package.read_bytes()).manifest["site"]["code"] == "GH"
    assert "指纹" in page.report.status.text() and page.report.package_button.isEnabled()


def test_the_dashboard_tab_draws_the_days_figures_as_charts(qtbot, page, clock, tmp_path):
    with qtbot.waitSignal(page.dashboard.shown, timeout=20_000) as shown:
        page.tabs.setCurrentWidget(page.dashboard)
    f = shown.args[0]
    assert sum(f.arrivals_per_hour) == 2 and f.refusals == 1
    assert "到达 2 辆" in page.dashboard.headline.text() and "劝返 1" in page.dashboard.headline.text()
    hours = page.dashboard.hours.chart().series()[0].barSets()
    assert [b.label() for b in hours] == ["到达", "放行"]
    # every arrival the headline counts is on the chart, whatever the hour
    assert sum(hours[0].at(i) for i in range(hours[0].count())) == sum(f.arrivals_per_hour) == 2
    assert sum(hours[1].at(i) for i in range(hours[1].count())) == sum(f.releases_per_hour)
    goods = page.dashboard.goods.chart().series()[0].barSets()[0]
    assert goods.at(0) == f.lines_today["grain"] > 0
    assert page.dashboard.inside.count() == len(f.inside)
    assert page.dashboard.timer.isActive()
    page.dashboard.grab().save(str(tmp_path / "dashboard.png"))
    page.tabs.setCurrentWidget(page.report)
    assert not page.dashboard.timer.isActive()


def test_the_hourly_chart_takes_in_the_night_and_counts_in_whole_numbers(qtbot, page):
    """A delivery at 02:00 and one at 23:00 are bars of the chart (it showed 6 to 21 only, under a
    headline that counted them), and a day of ones has axis labels 0 and 1, not 0 0 0 0 0 1."""
    from dataclasses import replace

    from PySide6.QtCharts import QValueAxis

    from desktop.gui.stations.supervision.dashboard_tab import FIRST_HOUR, LAST_HOUR

    with qtbot.waitSignal(page.dashboard.shown, timeout=20_000) as shown:
        page.tabs.setCurrentWidget(page.dashboard)
    night = [0] * 24
    night[2] = night[23] = 1
    page.dashboard.show_figures(replace(shown.args[0], arrivals_per_hour=tuple(night), releases_per_hour=(0,) * 24))
    chart = page.dashboard.hours.chart()
    categories = chart.axes(Qt.Orientation.Horizontal)[0].categories()
    assert categories[0] == "2" and categories[-1] == "23" and str(FIRST_HOUR) in categories and str(LAST_HOUR) in categories
    arrived = chart.series()[0].barSets()[0]
    assert [arrived.at(categories.index(h)) for h in ("2", "23")] == [1, 1] and sum(
        arrived.at(i) for i in range(arrived.count())) == 2
    axis = chart.axes(Qt.Orientation.Vertical)[0]
    assert isinstance(axis, QValueAxis) and (axis.min(), axis.max(), axis.tickInterval()) == (0, 1, 1)
    assert axis.tickType() == QValueAxis.TickType.TicksDynamic


def test_the_goods_chart_names_its_bars_in_the_windows_language(qtbot, page):
    from desktop.domain import necessities
    from desktop.gui.stations.supervision.dashboard_tab import short_name
    from desktop.i18n import set_language
    from tests.gui.render_check import CJK

    with qtbot.waitSignal(page.dashboard.shown, timeout=20_000) as shown:
        page.tabs.setCurrentWidget(page.dashboard)
    categories = page.dashboard.goods.chart().axes(Qt.Orientation.Horizontal)[0].categories()
    assert categories[:2] == ["粮食", "食用油"]
    set_language("en")
    page.dashboard.show_figures(shown.args[0])
    categories = page.dashboard.goods.chart().axes(Qt.Orientation.Horizontal)[0].categories()
    assert categories == [short_name(k) for k in necessities.KEYS] and categories[0] == "Grain"
    assert not any(CJK.search(c) for c in categories), categories
