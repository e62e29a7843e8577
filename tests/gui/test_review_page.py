"""The review group imports a messy list, reads the row-by-row report, approves, and adds by hand."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from desktop.gui.stations.review import ReviewPage
from desktop.services import approvals, setup
from desktop.services.context import Actor
from tests.services.sheets import DRIVER_IDS, good_rows, write_xlsx


def _page(window, qtbot, db, clock) -> ReviewPage:
    with db.session() as s:
        setup.add_unloading_point(s, actor=Actor("admin", "admin"), now=clock.now(), code="①", name="食堂1-2连廊西侧")
    window.show_page(window.page_index("review"))
    page = window.current_page()
    assert isinstance(page, ReviewPage)
    page.day.setDate(QDate(2026, 11, 30))
    return page


def test_import_shows_each_bad_row_then_approve_all(window, qtbot, db, clock, tmp_path, monkeypatch):
    page = _page(window, qtbot, db, clock)
    rows = [*good_rows(), ["苏N1234", "某公司", "赵六", DRIVER_IDS[3], "13812345678", "", "", "2026-11-30", "", "", "",
                           "", ""]]
    path = write_xlsx(tmp_path / "名单.xlsx", rows)
    monkeypatch.setattr("desktop.gui.stations.review.QFileDialog.getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(page, "report_dialog", None) is not None and page.report_dialog.isVisible())
    dialog = page.report_dialog
    assert "导入 2 条" in dialog.summary.text() and "拒绝 1 条" in dialog.summary.text()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == "4"
    assert "位数不对" in dialog.table.item(0, 2).text()
    dialog.accept()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert page.people.count() == 1  # the first row is selected, its people shown
    qtbot.mouseClick(page.approve_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: all(a.status == "approved" for a in page.model.rows) and page.model.rowCount() == 2)
    with db.session(write=False) as s:
        assert [a.status for a in approvals.list_for_date(s, date(2026, 11, 30))] == ["approved", "approved"]


def test_add_by_hand_with_a_chinese_plate(window, qtbot, db, clock):
    page = _page(window, qtbot, db, clock)
    qtbot.waitUntil(lambda: page.points != [])

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        event = QInputMethodEvent()
        event.setCommitString("苏N·24680")
        QApplication.sendEvent(dialog.plate, event)
        event = QInputMethodEvent()
        event.setCommitString("宿迁市苏果超市配送中心")
        QApplication.sendEvent(dialog.supplier, event)
        dialog.people.setCurrentCell(0, 0)
        dialog.people.item(0, 0).setText("张建国")
        dialog.people.item(0, 1).setText(DRIVER_IDS[0].lower())
        dialog.people.item(0, 2).setText("13812345678")
        dialog.people.item(0, 3).setText("2026-11-29 08:00")
        dialog._accept()

    QTimer.singleShot(50, fill)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.rows[0].plate == "苏N24680" and page.model.rows[0].status == "pending"
    assert "新增" in page.message.text()


def test_pass_register_adds_and_refuses_a_bad_plate(window, qtbot, db, clock):
    page = _page(window, qtbot, db, clock)
    qtbot.mouseClick(page.passes_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(page, "passes_dialog", None) is not None and page.passes_dialog.isVisible())
    dialog = page.passes_dialog
    qtbot.keyClicks(dialog.number, "bg-0042")
    event = QInputMethodEvent()
    event.setCommitString("苏N1234")
    QApplication.sendEvent(dialog.plate, event)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "位数不对" in dialog.message.text())
    qtbot.keyClicks(dialog.plate, "5")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    assert dialog.table.item(0, 0).text() == "BG-0042" and dialog.table.item(0, 1).text() == "苏N·12345"
    dialog.accept()


def test_a_sheet_for_another_day_brings_that_day_on_screen(window, qtbot, db, clock, tmp_path, monkeypatch):
    # QA walk: the page opens on tomorrow; a sheet for today said "导入 3 条" and showed none of them.
    page = _page(window, qtbot, db, clock)
    page.day.setDate(QDate(2026, 12, 2))
    path = write_xlsx(tmp_path / "名单.xlsx", good_rows())
    monkeypatch.setattr("desktop.gui.stations.review.QFileDialog.getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(page, "report_dialog", None) is not None and page.report_dialog.isVisible())
    page.report_dialog.accept()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert page.selected_day() == date(2026, 11, 30)
