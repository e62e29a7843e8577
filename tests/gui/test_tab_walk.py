"""Tab alone reaches every control of every station page and of the gate's dialogs, and no
widget keeps the focus (a table or text box that eats Tab is a trap for a keyboard user)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QDateTimeEdit, QWidget

from desktop.gui.dialog_focus import _tabbable
from desktop.gui.stations.gate.choose import ChooseVehicleDialog
from desktop.gui.stations.gate.dialogs import OverrideDialog, ReasonDialog, SupervisorDialog
from desktop.services.gate_find import Choice
from tests.gui.test_gate_page import approved, clock  # noqa: F401


def _walk(qtbot, root: QWidget, start: QWidget | None = None) -> tuple[list[str], list[QWidget]]:
    """Press Tab until the focus comes back round; (traps, controls never reached)."""
    # a group of exclusive buttons is one stop (its checked button; arrows move inside it)
    wanted = [w for w in _tabbable(root) if w.isVisible() and not (
        isinstance(w, QAbstractButton) and not w.isChecked()
        and (w.autoExclusive() or (w.group() is not None and w.group().exclusive())))]
    (start or wanted[0]).setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    seen: list[QWidget] = []
    traps: list[str] = []
    previous = QApplication.focusWidget()
    for _ in range(len(wanted) * 2 + 10):
        qtbot.keyClick(previous, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        sections = 0
        while now is previous and isinstance(now, QDateTimeEdit) and sections < 4:
            # a date's Tab goes day → month → year, then on: slow, not a trap
            qtbot.keyClick(previous, Qt.Key.Key_Tab)
            now, sections = QApplication.focusWidget(), sections + 1
        if now is previous and len(wanted) > 1:  # the only control of a dialog keeps the focus, rightly
            traps.append(f"{type(now).__name__} {now.objectName()}")
            break
        seen.append(now)
        previous = now
    missed = [w for w in wanted if w not in seen and not any(w.isAncestorOf(s) for s in seen)]
    return traps, missed


def _names(ws: list[QWidget]) -> list[str]:
    return [f"{type(w).__name__}:{w.objectName() or getattr(w, 'text', lambda: '')()}" for w in ws]


@pytest.mark.parametrize("key", ["gate", "review", "disinfection", "handoff", "slips", "households", "supervision"])
def test_every_station_page_tabs_round_without_a_trap(window, qtbot, key):
    index = window.page_index(key)
    if window.pages[index].key != key:
        pytest.skip(f"no {key} page")
    window.show_page(index)
    window.activateWindow()
    page = window.current_page()
    page.activated()
    qtbot.wait(200)
    window.ctx.ops.wait_idle()
    qtbot.wait(100)
    traps, missed = _walk(qtbot, window)
    assert traps == [], key
    assert _names(missed) == [], key


def _dialogs(page):
    from desktop.services.gate import ArrivalInfo  # noqa: F401 (the override dialog needs failing checks)

    yield ReasonDialog("劝返", "", ["a", "b"], page)
    yield SupervisorDialog("须督查员批准", "why", page)
    yield ChooseVehicleDialog("2345", [Choice("苏N12345", "苏N12345", "苏N·12345"),
                                       Choice("苏N62345", "苏N62345", "苏N·62345")], page)


def test_gate_dialogs_open_on_their_first_input_and_tab_in_reading_order(window, qtbot):
    page = window.pages[window.page_index("gate")]
    for dialog in _dialogs(page):
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(lambda d=dialog: QApplication.activeWindow() is d)
        first = dialog.focusWidget()
        assert first is not None and not first.inherits("QAbstractButton"), type(dialog).__name__
        traps, missed = _walk(qtbot, dialog, start=first)
        assert traps == [] and _names(missed) == [], type(dialog).__name__
        if isinstance(dialog, SupervisorDialog):
            order = [w for w in _tabbable(dialog)]
            from desktop.gui.dialog_focus import reading_order

            order = reading_order(dialog)
            assert order.index(dialog.username) < order.index(dialog.pin) < order.index(dialog.reason)
            assert order.index(dialog.reason) < order.index(dialog.buttons.buttons()[0])
            assert first is dialog.username and dialog.username.placeholderText() == ""
        dialog.reject()
    assert OverrideDialog  # built from a real arrival in test_gate_page's override test


def test_down_in_the_operator_box_moves_to_the_next_operator_not_to_ok(ctx, qtbot):
    from desktop.gui.signin import SignInDialog

    dialog = SignInDialog(ctx.ops, last={"operator": "zhou.min"})
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    box = dialog.ui.operatorBox
    box.setCurrentIndex(0)
    box.setFocus()
    before = box.currentIndex()
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.currentIndex() == before + 1
    assert dialog.focusWidget() is box  # still choosing, not on 确定
    dialog.reject()


def test_the_walk_in_form_finishes_with_enter(window, qtbot, approved, db, clock):  # noqa: F811
    from tests.gui.test_gate_page import DRIVER_IDS, _gate_page

    page = _gate_page(window, qtbot)
    page.plate.setText("皖L52013")
    qtbot.keyClick(page.plate, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(page.cards) == 1)
    card = page.cards[0]
    card.name_edit.setText("朱永刚")
    qtbot.keyClick(card.name_edit, Qt.Key.Key_Return)  # on to the next empty field
    assert card.id_edit.hasFocus() or card.focusWidget() is card.id_edit
    qtbot.keyClicks(card.id_edit, DRIVER_IDS[5])
    qtbot.keyClick(card.id_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(card.sampled, "2026-11-29 06:30")
    asked = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(30, answer)
            return
        asked.append(dialog.focusWidget() is dialog.username)
        dialog.reject()

    qtbot.keyClick(card.sampled, Qt.Key.Key_Return)  # on to the temperature, the last empty field
    assert card.temperature.hasFocus()
    qtbot.keyClicks(card.temperature, "36.5")
    QTimer.singleShot(30, answer)
    qtbot.keyClick(card.temperature, Qt.Key.Key_Return)  # every field filled: Enter confirms (a supervisor first)
    qtbot.waitUntil(lambda: bool(asked))
    assert asked == [True]
