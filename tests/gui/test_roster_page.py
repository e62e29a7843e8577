"""The staff roster as supervisors and administrators use it: add a person through the dialog, record a
test, import a sheet, read the phone masked (in full for administrators); a stale test is warned at
sign-in without blocking, and the disinfection form asks a supervisor to allow a stale operator."""

from __future__ import annotations

import csv
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop.gui.stations.roster import RosterPanel
from desktop.services import audit, roster
from desktop.services.context import Actor

pytestmark = pytest.mark.gui
DUTY = Actor("duty", "supervision")


@pytest.fixture
def panel(qtbot, ctx):
    p = RosterPanel(ctx)
    qtbot.addWidget(p)
    p.resize(1100, 600)
    p.show()
    qtbot.waitUntil(lambda: "共" in p.heading.text())
    return p


def _cell(panel, row, col):
    return panel.table.item(row, col).text()


def _names(panel):
    return [_cell(panel, r, 0) for r in range(panel.table.rowCount())]


def _select(panel, qtbot, name):
    row = _names(panel).index(name)
    rect = panel.table.visualItemRect(panel.table.item(row, 0))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.selected().name == name


def test_add_a_person_then_record_their_test(panel, qtbot, db, clock):
    def fill():
        dialog = QApplication.activeModalWidget()
        assert dialog.objectName() == "staff_dialog"
        dialog.name.setText("王五")
        dialog.post.setText("消杀员")
        qtbot.keyClicks(dialog.phone, "13812341234")
        qtbot.mouseClick(dialog.trained, Qt.MouseButton.LeftButton)
        dialog.accept()

    QTimer.singleShot(100, fill)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "王五" in _names(panel))
    row = _names(panel).index("王五")
    assert _cell(panel, row, 2) == "138****1234"  # a supervisor reads it masked
    assert _cell(panel, row, 5) == "无记录" and "需更新 1 人" in panel.heading.text()

    _select(panel, qtbot, "王五")

    def test_done():
        dialog = QApplication.activeModalWidget()
        assert dialog.objectName() == "staff_test_dialog"
        dialog.accept()

    QTimer.singleShot(100, test_done)
    qtbot.mouseClick(panel.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _cell(panel, _names(panel).index("王五"), 5) == "有效")
    assert "需更新 0 人" in panel.heading.text()
    with db.session(write=False) as s:
        assert [e["action"] for e in audit.recent(s, limit=2)] == ["staff.test", "staff.add"]


def test_import_a_sheet_and_administrators_read_phones_in_full(panel, qtbot, ctx, tmp_path):
    path = tmp_path / "名册.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows([["人员姓名", "工作岗位", "手机号", "核酸采样日期", "核酸结果"],
                                 ["赵一", "门岗", "13900001111", "2026-11-28 20:00", "阴性"],
                                 ["钱二", "消杀", "13900002222", "2026-11-20 08:00", "阴性"]])
    panel.import_sheet(str(path))
    qtbot.waitUntil(lambda: "已导入" in panel.message.text())
    qtbot.waitUntil(lambda: set(_names(panel)) == {"赵一", "钱二"})
    assert _cell(panel, _names(panel).index("钱二"), 5) == "已过期"
    assert _cell(panel, _names(panel).index("赵一"), 2) == "139****1111"
    ctx.user.sign_in(Actor("admin", "admin"), "管理员", "admin")
    qtbot.waitUntil(lambda: _cell(panel, _names(panel).index("赵一"), 2) == "13900001111")


def test_the_gate_sees_no_roster_buttons(panel, ctx):
    ctx.user.sign_in(Actor("li.qiang", "gate"), "李强", "gate")
    assert panel.add_button.isHidden() and panel.import_button.isHidden()


def test_a_stale_test_is_warned_at_sign_in_without_blocking(window, ctx, qtbot, db, clock):
    with db.session() as s:
        hours = roster.test_hours(s)
        roster.add(s, actor=DUTY, now=clock.now(), name="陈静", operator="chen.jing",
                   last_test_at=clock.now() - timedelta(hours=hours + 2), last_test_result="negative")
    ctx.user.sign_in(Actor("chen.jing", "disinfection"), "陈静", "disinfection")
    qtbot.waitUntil(lambda: window.staff_warning.box is not None and window.staff_warning.box.isVisible())
    assert "陈静" in window.staff_warning.box.text() and not window.staff_warning.box.isModal()
    ctx.user.sign_in(Actor("li.qiang", "gate"), "李强", "gate")
    qtbot.waitUntil(lambda: window.staff_warning.box is None)


def test_the_supervision_page_has_the_roster_tab(qtbot, ctx):
    from desktop.gui.stations.supervision import SupervisionPage

    page = SupervisionPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.tabs.setCurrentWidget(page.roster)
    qtbot.waitUntil(lambda: "核酸有效期" in page.roster.heading.text())
    assert page.tabs.tabText(page.tabs.indexOf(page.roster)) == "员工名册"


def test_the_disinfection_form_asks_a_supervisor_for_a_stale_operator(qtbot, db, clock, monkeypatch):
    from desktop.app import build_context
    from desktop.gui.stations.disinfection import DisinfectionPage
    from tests.services.disinfection_helpers import add_arrival, add_goods
    from tests.team import DUTY_PIN

    monkeypatch.setattr(DisinfectionPage, "sound_factory", staticmethod(lambda: (lambda: None)))
    with db.session() as s:
        hours = roster.test_hours(s)
        roster.add(s, actor=DUTY, now=clock.now(), name="陈静", operator="chen.jing",
                   last_test_at=clock.now() - timedelta(hours=hours + 1), last_test_result="negative")
        aid = add_arrival(s, plate="苏N12345", at=clock.now())
        add_goods(s, now=clock.now(), arrival_id=aid)
    ctx = build_context(db, clock, operator="chen.jing", station="disinfection")
    page = DisinfectionPage(ctx)
    page.board.stop()
    qtbot.addWidget(page)
    page.resize(1366, 720)
    page.show()
    page.activated()
    qtbot.waitUntil(lambda: page.form.vehicles.count() == 1 and bool(page.form.part_boxes))
    rect = page.form.vehicles.visualItemRect(page.form.vehicles.item(0))
    qtbot.mouseClick(page.form.vehicles.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    for box in (page.form.part_boxes[0], page.form.ppe_mask, page.form.ppe_gloves, page.form.ppe_gown):
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    page.form.operators.setText("陈静")
    clock.advance(timedelta(minutes=4))
    asked = []

    def supervisor():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, supervisor)
            return
        asked.append(dialog.objectName())
        assert "陈静" in dialog.findChildren(type(page.form.message))[0].text()
        qtbot.keyClicks(dialog.username, "duty")
        qtbot.keyClicks(dialog.pin, DUTY_PIN)
        dialog.reason.setText("复检结果未出，先行消杀")
        dialog.buttons.accepted.emit()

    QTimer.singleShot(50, supervisor)
    qtbot.mouseClick(page.form.finish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已登记" in page.form.message.text(), timeout=8000)
    ctx.ops.wait_idle()
    assert asked == ["stale_supervisor_dialog"]
    with db.session(write=False) as s:
        override = audit.recent(s, action_prefix="staff.test_override")[0]
    assert override["data"]["supervisor"] == "duty" and override["data"]["reason"] == "复检结果未出，先行消杀"


def test_the_admin_page_opens_the_roster(window, ctx, qtbot):
    from PySide6.QtWidgets import QPushButton

    ctx.user.sign_in(Actor("admin", "admin"), "管理员", "admin")
    window.show_page(window.page_index("admin"))
    seen = []

    def look():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, look)
            return
        qtbot.waitUntil(lambda: "核酸有效期" in dialog.panel.heading.text())
        seen.append(not dialog.panel.add_button.isHidden())
        dialog.accept()

    QTimer.singleShot(50, look)
    qtbot.mouseClick(window.current_page().findChild(QPushButton, "roster_button"), Qt.MouseButton.LeftButton)
    assert seen == [True]


def test_the_dashboard_names_the_staff_whose_test_is_stale(qtbot, ctx, db, clock):
    from desktop.gui.stations.supervision.dashboard_tab import DashboardTab

    with db.session() as s:
        hours = roster.test_hours(s)
        roster.add(s, actor=DUTY, now=clock.now(), name="张伟", last_test_at=clock.now() - timedelta(hours=hours + 1),
                   last_test_result="negative")
    tab = DashboardTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.figures is not None, timeout=8000)
    assert tab.stale_staff.isVisible() and "1 人" in tab.stale_staff.text() and "张伟" in tab.stale_staff.text()
