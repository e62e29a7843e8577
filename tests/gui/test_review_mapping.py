"""Issue #11: the review page's import asks about columns it cannot place, imports with the
person's choices, remembers them for the same header set, and hands out the template."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop.gui.stations.review import ReviewPage
from desktop.services import approvals, setup
from desktop.services.context import Actor
from tests.services.sheets import DRIVER_IDS, write_xlsx

HEADER = ["序号", "车辆号牌", "司机", "身份证号码", "手机号", "品名", "数量", "单位", "货到日", "进校方式"]
ROWS = [[1, "苏N44444", "孙八", DRIVER_IDS[4], "13812345678", "大米", 300, "公斤", "2026-12-02", "接驳"],
        [2, "苏N55555", "吴十", DRIVER_IDS[5], "13912345678", "食用油", 20, "桶", "12月2日(周三)", "接驳"]]


def _page(window, db, clock) -> ReviewPage:
    with db.session() as s:
        setup.add_unloading_point(s, actor=Actor("admin", "admin"), now=clock.now(), code="①", name="食堂1-2连廊西侧")
    window.show_page(window.page_index("review"))
    page = window.current_page()
    assert isinstance(page, ReviewPage)
    page.day.setDate(QDate(2026, 11, 30))
    return page


def _type_chinese(widget, text: str) -> None:
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _open(page, qtbot, monkeypatch, path: Path):
    monkeypatch.setattr("desktop.gui.stations.review.QFileDialog.getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(page, "mapping_dialog", None) is not None and page.mapping_dialog.isVisible())
    return page.mapping_dialog


def test_an_unknown_header_is_mapped_and_every_field_is_stored(window, qtbot, db, clock, tmp_path, monkeypatch):
    page = _page(window, db, clock)
    path = write_xlsx(tmp_path / "苏果.xlsx", ROWS, header=HEADER)
    dialog = _open(page, qtbot, monkeypatch, path)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    assert "货到日" in dialog.problems.text() and "供货单位" in dialog.problems.text()
    assert [c.currentData() for c in dialog.combos] == ["ignore", "plate", "driver", "id_number", "phone", "cargo",
                                                        "quantity", "unit", None, "mode"]
    assert dialog.table.item(1, 8).text() == "2026-12-02"
    combo = dialog.combos[8]
    combo.setCurrentIndex(combo.findData("arrival_date"))
    _type_chinese(dialog.supplier, "宿迁市苏果超市配送中心")
    assert ok.isEnabled(), dialog.problems.text()
    shot = os.environ.get("GATEHOUSE_SCREENSHOT_DIR")
    if shot:
        dialog.grab().save(str(Path(shot) / "review-mapping.png"))
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(page, "report_dialog", None) is not None and page.report_dialog.isVisible())
    assert "导入 2 条" in page.report_dialog.summary.text()
    note = page.report_dialog.columns_note.text()
    assert "序号" in note and "宿迁市苏果超市配送中心" in note
    page.report_dialog.accept()
    with db.session(write=False) as s:
        stored = approvals.list_for_date(s, date(2026, 12, 2))
    assert [(a.plate, a.supplier_name, a.mode, [o.name for o in a.occupants], [o.phone for o in a.occupants],
             [(c.category, c.quantity, c.unit) for c in a.cargo]) for a in stored] == [
        ("苏N44444", "宿迁市苏果超市配送中心", "handoff", ["孙八"], ["13812345678"], [("大米", 300, "公斤")]),
        ("苏N55555", "宿迁市苏果超市配送中心", "handoff", ["吴十"], ["13912345678"], [("食用油", 20, "桶")])]
    assert [a.occupants[0].id_number for a in stored] == DRIVER_IDS[4:6]
    qtbot.waitUntil(lambda: page.selected_day() == date(2026, 12, 2))

    # the same layout again: the choice is offered, the supplier is asked again
    again = write_xlsx(tmp_path / "苏果2.xlsx", ROWS, header=HEADER)
    dialog = _open(page, qtbot, monkeypatch, again)
    assert dialog.preview.remembered and dialog.combos[8].currentData() == "arrival_date"
    dialog.reject()


def test_the_template_button_saves_a_template(window, qtbot, db, clock, tmp_path, monkeypatch):
    page = _page(window, db, clock)
    out = tmp_path / "模板.xlsx"
    monkeypatch.setattr("desktop.gui.stations.review.QFileDialog.getSaveFileName", lambda *a, **k: (str(out), ""))
    assert "预计到达日期" in page.template_button.toolTip()
    qtbot.mouseClick(page.template_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(out.exists)
    qtbot.waitUntil(lambda: "模板已保存" in page.message.text())
