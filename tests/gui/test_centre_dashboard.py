"""At a command centre the dashboard tab shows the county's day from the merged packages."""

from datetime import date

from desktop.domain.localtime import site_tz
from desktop.services import daypackage, merge
from desktop.services.context import SYSTEM, Actor
from desktop.store.migrate import open_database
from tests.supervision_world import journey

DAY = date(2026, 11, 30)


def test_the_centre_dashboard_charts_every_site_and_imports_packages(qtbot, qapp, db, clock, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog

    from desktop.app import build_context
    from desktop.gui.stations.supervision.dashboard_tab import DashboardTab

    journey(db, clock)
    with db.session() as s:
        package = daypackage.export_day(s, actor=Actor("duty", "cli"), now=clock.now(), day=DAY, tz=site_tz())
    centre = open_database(str(tmp_path / "centre.sqlite3"))
    with centre.session() as s:
        merge.set_up_centre(s, actor=SYSTEM, now=clock.now(), code="ZH", name="县指挥部", admin_pin="9753")
        merge.merge_package(s, actor=Actor("admin", "admin"), now=clock.now(), data=package.data)
    ctx = build_context(centre, clock, operator="admin")
    clock.set_wall(clock.now().replace(day=30, month=11, year=2026))
    try:
        tab = DashboardTab(ctx)
        qtbot.addWidget(tab)
        tab.resize(1100, 680)
        with qtbot.waitSignal(tab.shown, timeout=20_000) as shown:
            tab.show()
        view = shown.args[0]
        assert view.day == DAY and [s.code for s in view.sites] == ["GH"]
        assert "已上报 1 个站点" in tab.headline.text()
        sets = tab.hours.chart().series()[0].barSets()
        assert [sets[0].at(i) for i in range(sets[0].count())] == [view.sites[0].vehicles, view.total.vehicles]
        assert tab.goods.chart().series()[0].barSets()[0].label() == "GH"
        assert tab.inside.count() == 0 and tab.import_button.isVisible()
        tampered = tmp_path / "tampered.zip"
        data = bytearray(package.data)
        data[-100] ^= 1
        tampered.write_bytes(bytes(data))
        good = tmp_path / package.file_name
        good.write_bytes(package.data)
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(good), str(tampered)], ""))
        with qtbot.waitSignal(tab.imported, timeout=20_000) as imported:
            qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
        said = imported.args[0]
        assert "已有此包" in said[0] and "拒收" in said[1]
        qtbot.waitUntil(lambda: tab.inside.count() == 2)
        tab.grab().save(str(tmp_path / "centre-dashboard.png"))
    finally:
        ctx.ops.wait_idle()
        centre.dispose()
