"""Issue #11 item 6 in the window: the pass register imports the county's pass list with the same
mapping step as the approval list (a column it cannot place is asked about, then remembered)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.gui.stations.review import ReviewPage
from desktop.services import passes
from tests.services.sheets import write_xlsx

HEADER = ["证号", "车牌号", "有效期至", "颜色"]
ROWS = [["BG-0301", "苏N30001", "2026-12-31", "红"], ["BG-0302", "苏N30002", "2027-01-15", "蓝"]]


def _register(window, qtbot):
    window.show_page(window.page_index("review"))
    page = window.current_page()
    assert isinstance(page, ReviewPage)
    page.open_passes()
    qtbot.waitUntil(lambda: page.passes_dialog.isVisible())
    return page.passes_dialog


def _choose(dialog, qtbot, monkeypatch, path):
    monkeypatch.setattr("desktop.gui.stations.review.passes.QFileDialog.getOpenFileName",
                        lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(dialog, "mapping_dialog", None) is not None and dialog.mapping_dialog.isVisible())
    return dialog.mapping_dialog


def test_a_pass_list_is_mapped_in_the_window_and_the_choice_remembered(window, qtbot, db, tmp_path, monkeypatch):
    register = _register(window, qtbot)
    mapping = _choose(register, qtbot, monkeypatch, write_xlsx(tmp_path / "通行证.xlsx", ROWS, header=HEADER))
    ok = mapping.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and "颜色" in mapping.problems.text()
    assert not mapping.use_day.isVisible()  # a pass list gives no arrival date
    fields = [mapping.combos[i].itemData(j) for i in (0,) for j in range(mapping.combos[0].count())]
    assert "pass_number" in fields and "driver" not in fields  # only what a pass list is read as
    colour = mapping.combos[3]
    colour.setCurrentIndex(colour.findData("ignore"))
    assert ok.isEnabled(), mapping.problems.text()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(register, "report_dialog", None) is not None and register.report_dialog.isVisible())
    assert "导入 2 条" in register.report_dialog.summary.text()
    register.report_dialog.accept()
    with db.session(write=False) as s:
        got = [(p.number, p.plate, p.valid_to) for p in (passes.find(s, "BG-0301"), passes.find(s, "BG-0302"))]
    assert got == [("BG-0301", "苏N30001", date(2026, 12, 31)), ("BG-0302", "苏N30002", date(2027, 1, 15))]
    qtbot.waitUntil(lambda: register.table.rowCount() == 2)

    again = _choose(register, qtbot, monkeypatch, write_xlsx(tmp_path / "通行证2.xlsx", ROWS, header=HEADER))
    assert again.preview.remembered and again.combos[3].currentData() == "ignore"
    again.reject()
