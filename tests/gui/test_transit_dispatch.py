"""外发 at a transit station: the handoff page's dispatch tab shows stock, and a person fills the form,
issues the dispatch slip and it prints."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QTabWidget
from transit_world import make_transit, receive

from desktop.gui import printing
from desktop.gui.context import AppContext, Session
from desktop.gui.ops import Ops
from desktop.gui.stations.handoff import HandoffPage
from desktop.services import setup, slips, transit
from desktop.services.context import Actor

pytestmark = pytest.mark.gui
ACTOR = Actor("liu.yang", "handoff")


def _page(qtbot, db, clock):
    with db.session(write=False) as s:
        site = setup.current_site(s)
    ops = Ops(db)
    ctx = AppContext(db=db, clock=clock, site=site, user=Session(ACTOR, "刘洋", "handoff"), ops=ops)
    page = HandoffPage(ctx)
    page.resize(1366, 768)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.activated()
    return page, ops


@pytest.fixture
def station(db, clock):
    with db.session() as s:
        make_transit(s, clock.now())
        receive(s, clock, "大米", 20, "袋")
        receive(s, clock, "食用油", 10, "桶")
        slips.save_print_settings(s, actor=ACTOR, now=clock.now(), printer=printing.PDF_PRINTER, paper="80mm")
    return db


def _cell(table, row, col):
    item = table.item(row, col)
    return item.text() if item else ""


def test_dispatch_form_issues_and_prints_the_slip(qtbot, station, clock, tmp_path):
    page, ops = _page(qtbot, station, clock)
    panel = page.dispatch_panel
    assert panel is not None and page.tabs.count() == 2
    panel.pdf_dir = tmp_path
    qtbot.mouseClick(page.tabs.tabBar(), Qt.MouseButton.LeftButton, pos=page.tabs.tabBar().tabRect(1).center())
    assert page.tabs.currentIndex() == 1
    qtbot.waitUntil(lambda: panel.stock_table.rowCount() >= 9)
    rows = {(_cell(panel.stock_table, r, 0), _cell(panel.stock_table, r, 1)): _cell(panel.stock_table, r, 2)
            for r in range(panel.stock_table.rowCount())}
    assert rows[("粮食（大米、面粉）", "袋")] == "20" and rows[("食用油", "桶")] == "10"

    panel.destination.setEditText("城南小区供应点")  # Chinese text is set, not typed
    panel.plate.setText("苏A12345")
    panel.quantity.clear()
    qtbot.keyClicks(panel.quantity, "12")
    assert panel.unit.currentText() == "袋"  # the unit in stock for the chosen necessity
    qtbot.mouseClick(panel.findChild(QPushButton, "dispatch_add_line"), Qt.MouseButton.LeftButton)
    assert panel.line_list.count() == 1
    panel.necessity.setCurrentIndex(panel.necessity.findData("oil"))
    panel.quantity.clear()
    qtbot.keyClicks(panel.quantity, "4")
    qtbot.mouseClick(panel.issue_button, Qt.MouseButton.LeftButton)  # the typed line goes too

    qtbot.waitUntil(lambda: "已打印" in panel.message.text(), timeout=15000)
    ops.wait_idle()
    with station.session(write=False) as s:
        sent = transit.dispatches(s)
        assert len(sent) == 1 and sent[0].destination == "城南小区供应点"
        assert sent[0].lines == (("grain", 12.0, "袋"), ("oil", 4.0, "桶"))
        assert slips.get_slip(s, sent[0].number).print_count == 1
    assert list(tmp_path.glob(f"{sent[0].number}-0-*.pdf"))
    qtbot.waitUntil(lambda: _cell(panel.stock_table, 0, 2) == "8")
    assert panel.line_list.count() == 0 and panel.plate.text() == ""
    qtbot.waitUntil(lambda: panel.recent.count() == 1)
    assert sent[0].number in panel.recent.item(0).text() and "城南小区供应点" in panel.recent.item(0).text()
    rect = panel.recent.visualItemRect(panel.recent.item(0))
    qtbot.mouseClick(panel.recent.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.recent.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: panel.preview is not None and panel.preview.isVisible())
    qtbot.waitUntil(lambda: panel.preview.slip is not None)
    assert panel.preview.slip.kind == "dispatch"
    panel.preview.accept()
    ops.wait_idle()


def test_over_dispatch_is_said_on_the_form(qtbot, station, clock):
    page, ops = _page(qtbot, station, clock)
    panel = page.dispatch_panel
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: panel.stock_table.rowCount() >= 9)
    panel.destination.setEditText("城南小区供应点")
    panel.plate.setText("苏A12345")
    panel.quantity.clear()
    qtbot.keyClicks(panel.quantity, "25")
    qtbot.mouseClick(panel.issue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "库存只有" in panel.message.text())
    ops.wait_idle()
    with station.session(write=False) as s:
        assert transit.dispatches(s) == []


def test_other_sites_have_no_dispatch_tab(qtbot, db, clock):
    page, ops = _page(qtbot, db, clock)
    assert page.dispatch_panel is None and page.findChild(QTabWidget, "handoff_tabs") is None
    ops.wait_idle()


def test_tab_walks_round_the_transit_handoff_page(qtbot, db, clock, request):
    from tests.gui.test_tab_walk import _names, _walk

    with db.session() as s:
        make_transit(s, clock.now())
        receive(s, clock, "大米", 20, "袋")
    window = request.getfixturevalue("window")
    index = window.page_index("handoff")
    window.show_page(index)
    window.activateWindow()
    page = window.current_page()
    page.activated()
    for tab in (0, 1):
        page.tabs.setCurrentIndex(tab)
        qtbot.wait(200)
        window.ctx.ops.wait_idle()
        qtbot.wait(100)
        traps, missed = _walk(qtbot, window)
        assert traps == [], tab
        assert _names(missed) == [], tab


def test_the_audit_log_says_a_dispatch_in_words():
    from desktop.gui.stations.supervision.audit_words import action_words

    assert action_words("transit.dispatch") == "中转外发"
