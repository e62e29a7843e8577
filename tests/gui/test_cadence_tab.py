"""The 本轮 tab of the group-buying screen: import the register, see who has not ordered this
round and whose phone check is due, record a call from the keyboard (a call not reached stays due)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from desktop.gui.context import AppContext, Session
from desktop.gui.ops import Ops
from desktop.gui.stations.cadence import PhoneCheckDialog
from desktop.gui.stations.households import HouseholdsPage
from desktop.services import setup
from desktop.services.context import Actor

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, db, clock):
    with db.session(write=False) as s:
        site = setup.current_site(s)
    ops = Ops(db)
    ctx = AppContext(db=db, clock=clock, site=site, user=Session(Actor("duty", "households"), "值班督查", "supervisor"),
                     ops=ops)
    screen = HouseholdsPage(ctx)
    screen.resize(1366, 700)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    with qtbot.waitSignal(screen.cadence.loaded, timeout=10_000):
        screen.activated()
    yield screen
    ops.wait_idle()


def _register(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["楼栋（必填）", "单元", "房号", "户主姓名", "手机号码", "特殊人群"])
    ws.append(["1号楼", "1单元", "101", "王女士", "13900000001", ""])
    ws.append(["1号楼", "1单元", "102", "李先生", "13900000002", "独居老人"])
    ws.append(["2号楼", "1单元", "101", "张女士", "13900000003", "孕妇"])
    wb.save(path)
    return path


def _cells(table, column):
    return [table.item(r, column).text() for r in range(table.rowCount())]


def test_register_missed_and_calls_from_the_keyboard(qtbot, page, monkeypatch, tmp_path):
    tab = page.cadence
    page.tabs.setCurrentWidget(tab)
    assert page.buildings.isHidden()  # the round is about the register, not one batch: the whole width
    assert "第1轮" in tab.round_label.text() and "每3天" in tab.round_label.text()
    assert tab.checks.rowCount() == 0 and tab.missed.rowCount() == 0

    path = _register(tmp_path / "名册.xlsx")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        qtbot.mouseClick(tab.register_button, Qt.MouseButton.LeftButton)
    assert "新增 3 户" in tab.status.text()
    assert _cells(tab.missed, 2) == ["101", "102", "101"] and all("****" in x for x in _cells(tab.missed, 4))
    assert _cells(tab.checks, 5) == ["独居老人", "孕妇"] and _cells(tab.checks, 6) == ["待问询", "待问询"]
    assert "待问询 2 户" in tab.checks_title.text()

    answers = [("not_reached", ""), ("reached_ok", "")]
    tab.ask = lambda _who: answers.pop(0)
    tab.checks.setFocus()
    tab.checks.selectRow(0)
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        qtbot.keyClick(tab.checks, Qt.Key.Key_Return)  # Enter on the row records a call
    assert _cells(tab.checks, 6)[0] == "未接通 1 次，待再打" and "值班督查 未接通" in _cells(tab.checks, 7)[0]
    tab.checks.selectRow(1)
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        qtbot.mouseClick(tab.call_button, Qt.MouseButton.LeftButton)
    assert _cells(tab.checks, 6) == ["未接通 1 次，待再打", "已问询：正常"]  # the unreached stay first, still due
    assert "待问询 1 户" in tab.checks_title.text()
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.which.setCurrentIndex(1)  # the round before: nobody was registered yet
    assert "上一轮" in tab.missed_title.text() and tab.missed.rowCount() == 0
    page.tabs.setCurrentIndex(0)
    assert not page.buildings.isHidden()


def test_the_dialog_needs_an_outcome_and_a_note_for_help(qtbot):
    dialog = PhoneCheckDialog("1号楼 1单元 102 李先生")
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_2)  # 2: 已接通，需要帮助
    assert dialog.outcome() == "reached_needs_help" and not ok.isEnabled()
    dialog.note.setFocus()
    qtbot.keyClicks(dialog.note, "10")  # digits typed in the note stay there
    assert dialog.note.text() == "10" and dialog.outcome() == "reached_needs_help" and ok.isEnabled()
    dialog.note.setText("需要买降压药")
    assert ok.isEnabled()
    dialog.choices["not_reached"].setChecked(True)
    dialog.note.clear()
    assert ok.isEnabled() and dialog.outcome() == "not_reached"
