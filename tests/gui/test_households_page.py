"""The group-buying screen: import a bad sheet (row report, nothing imported), a good one (batch
shown building by building), a bag picked up at the handoff shows on refresh, labels exported."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from household_sheets import households, write_xlsx
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QFileDialog, QWidget
from slipcheck import decode, rasterize

from desktop.gui.context import AppContext, Session
from desktop.gui.ops import Ops
from desktop.gui.stations.households import HouseholdsPage
from desktop.services import disinfection, handoff, setup
from desktop.services.context import Actor

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, db, clock):
    with db.session(write=False) as s:
        site = setup.current_site(s)
    ops = Ops(db)
    ctx = AppContext(db=db, clock=clock, site=site, user=Session(Actor("duty", "households"), "值班督查", "supervisor"), ops=ops)
    screen = HouseholdsPage(ctx)
    screen.resize(1366, 700)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    with qtbot.waitSignal(ops.busy_changed, check_params_cb=lambda busy: not busy):
        screen.activated()
    yield screen
    ops.wait_idle()


def _choose(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))


def _cells(table, column):
    return [table.item(r, column).text() for r in range(table.rowCount())]


def test_import_view_refresh_and_export(qtbot, page, monkeypatch, tmp_path, db, clock):
    assert "还没有团购批次" in page.summary.text()

    bad = [*households(2, ("1号楼",), 0), ["幸福里小区", "1号楼", "1单元", 901, "甲", "555", "", "", ""]]
    _choose(monkeypatch, write_xlsx(tmp_path / "bad.xlsx", bad))
    with qtbot.waitSignal(page.imported, timeout=10_000):
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    lines = [page.report.item(i).text() for i in range(page.report.count())]
    assert "未导入" in lines[0] and any("第5行" in x and "555" in x for x in lines[1:])
    assert page.tabs.currentWidget() is page.report and page.batch.count() == 0

    _choose(monkeypatch, write_xlsx(tmp_path / "good.xlsx", households(4, ("2号楼", "10号楼"), 1)))
    qtbot.keyClicks(page.batch_name, "B1")
    page.first_slot.setTime(QTime(14, 0))
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert page.batch.currentData() == "B1" and page.batch_name.text() == ""
    assert _cells(page.buildings, 0) == ["2号楼", "10号楼"]
    assert _cells(page.buildings, 1) == ["14:00", "14:15"] and _cells(page.buildings, 2) == ["4", "3"]
    assert _cells(page.schedule, 0) == ["14:00–14:15", "14:15–14:30"]
    assert _cells(page.door, 0) == ["10号楼"] and _cells(page.door, 5) == ["是"]
    assert all("****" in x for x in _cells(page.bags, 2)) and len(_cells(page.bags, 0)) == 4
    assert "共 8 户" in page.summary.text() and "待消杀" in page.summary.text()

    page.buildings.selectRow(1)
    assert "送货上门" in _cells(page.bags, 3)
    label = page.bags.item(1, 5).text()

    now = clock.now()  # the delivery is sprayed, stands 30 minutes, then one bag is scanned out
    with db.session() as s:
        disinfection.record(s, actor=Actor("chen.jing", "disinfection"), clock=clock, form=disinfection.DisinfectionForm(
            location="gate", agent="84消毒液", dilution="1:100", parts=("外包装",), operators=("陈静",),
            ppe_mask=True, ppe_gloves=True, ppe_gown=True, started_at=now - timedelta(minutes=5), ended_at=now,
            slips=(label,)))
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.scanned(label)  # too early: the dwell is not over
    assert not page.scan_verdict.ok and "未到时间" in page.status.text()
    clock.advance(timedelta(minutes=31))
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.scanned(label)  # a scanner burst while this page shows
    assert page.scan_verdict.ok
    assert _cells(page.buildings, 3) == ["0", "1"] and _cells(page.buildings, 2) == ["4", "2"]
    with db.session() as s:  # a bag picked up at the handoff station shows after a refresh
        other = page.bags.item(2, 5).text()  # rows: the door household, the one just scanned, two more
        assert page.bags.item(0, 3).text() == "送货上门" and page.bags.item(1, 5).text() == label
        assert handoff.scan(s, code=other, actor=Actor("liu.yang", "handoff"), clock=clock).ok
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    assert _cells(page.buildings, 3) == ["0", "2"]

    door_label = page.door.item(0, 7).text()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.scanned(door_label)  # out for delivery
    assert _cells(page.door, 6) == ["配送中"]
    page.tabs.setCurrentWidget(page.door_tab)
    page.door.selectRow(0)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(page.delivered_button, Qt.MouseButton.LeftButton)
    assert _cells(page.door, 6) == ["已送达"] and "已签收" in page.status.text()

    page.size.setCurrentIndex(page.size.findData("a4"))
    with qtbot.waitSignal(page.exported, timeout=20_000) as sent:
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    pdf = Path(sent.args[0])
    assert pdf.is_file() and "a4" in pdf.name
    assert len({text for _, text in decode(rasterize(pdf, 203))}) == 8
    assert str(pdf) in page.status.text()


def test_screenshot_states_switch_tabs(page):
    names = [name for name, _ in page.screenshot_states()]
    assert names == ["", "schedule", "door", "round"]
    page.screenshot_states()[2][1]()
    assert page.tabs.currentWidget() is page.door_tab
    assert isinstance(page.door_tab, QWidget)


def test_reschedule_moves_the_slots(qtbot, page, monkeypatch, tmp_path):
    _choose(monkeypatch, write_xlsx(tmp_path / "good.xlsx", households(2, ("1", "2"), 0)))
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert _cells(page.schedule, 0) == ["09:00–09:15", "09:15–09:30"]
    page.first_slot.setTime(QTime(16, 30))
    page.slot_minutes.setValue(20)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(page.reschedule_button, Qt.MouseButton.LeftButton)
    assert _cells(page.schedule, 0) == ["16:30–16:50", "16:50–17:10"]


def test_print_labels_without_a_printer_writes_the_pdf_printer_file(qtbot, page, monkeypatch, tmp_path):
    from desktop.gui import printing
    from desktop.gui.stations.households import labels_dir

    monkeypatch.setattr(printing, "default_printer", lambda: "")
    _choose(monkeypatch, write_xlsx(tmp_path / "good.xlsx", households(2, ("1",), 0)))
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_print is not None, timeout=20_000)
    assert page.last_print.pages == 2 and "2 页" in page.status.text()
    qtbot.waitUntil(lambda: not page.ctx.ops.busy, timeout=10_000)
    with page.ctx.db.session(write=False) as s:  # each label recorded as printed once, after the job
        from desktop.services import slips

        counts = [slips.get_slip(s, page.bags.item(r, 5).text()).print_count for r in range(page.bags.rowCount())]
    assert counts == [1, 1]
    out = labels_dir() / "printed-60x40.pdf"
    assert decode(rasterize(out, 300, 1)) == [("Code128", page.bags.item(0, 5).text())]
