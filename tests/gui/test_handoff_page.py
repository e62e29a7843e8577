"""The handoff screen: scanner bursts caught while another widget has the focus, verdict colours,
manual entry, the receipt dialog and the custody chain."""

from __future__ import annotations

import pytest
from handoff_world import ready_slip, slip_for
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from desktop.domain import codes
from desktop.gui.context import AppContext, Session
from desktop.gui.ops import Ops
from desktop.gui.scan_input import ScanInput
from desktop.gui.stations.handoff import HandoffPage
from desktop.gui.stations.handoff.panel import AMBER, GREEN, RED
from desktop.services import handoff, setup
from desktop.services.context import Actor
from desktop.services.handoff import VerdictKind as V

pytestmark = pytest.mark.gui


@pytest.fixture
def screen(qtbot, db, clock):
    with db.session(write=False) as s:
        site = setup.current_site(s)
    ops = Ops(db)
    ctx = AppContext(db=db, clock=clock, site=site, user=Session(Actor("liu.yang", "handoff"), "刘洋", "handoff"),
                     ops=ops)
    window = QWidget()
    notes = QLineEdit(window)
    notes.setObjectName("notes")
    page = HandoffPage(ctx, window)
    box = QVBoxLayout(window)
    box.addWidget(notes)
    box.addWidget(page)
    window.resize(1366, 768)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page.activated()
    ops.wait_idle()
    page.receiver.setText("王师傅")  # a release needs both by default
    page.destination.setEditText("一食堂")
    scan_input = ScanInput.install()
    scan_input.scanned.connect(page.scanned)  # what the main window does for the page showing
    window.activateWindow()
    notes.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is notes)
    yield page, notes
    scan_input.scanned.disconnect(page.scanned)
    scan_input.uninstall()
    ops.wait_idle()


def burst(qtbot, widget, text):
    """What a USB scanner does: the characters a millisecond apart, then Enter."""
    qtbot.keyClicks(widget, text, delay=1)
    qtbot.keyClick(widget, Qt.Key.Key_Return, delay=1)


def test_a_scanner_burst_is_caught_while_another_field_has_the_focus(screen, qtbot, db, clock):
    page, notes = screen
    with db.session() as s:
        number = ready_slip(s, clock.read())
    notes.setText("便条")
    with qtbot.waitSignal(page.verdict_shown, timeout=5000) as got:
        burst(qtbot, notes, number.lower())
    verdict = got.args[0]
    assert verdict.kind is V.OK and verdict.slip_number == number
    assert notes.text() == "便条" and notes.hasFocus()  # the field saw none of it
    assert page.panel.colour == GREEN and page.panel.headline.text() == "放行"
    assert page.sounds.last == "ok"
    assert number in page.recent.item(0).text()


def test_a_person_typing_in_another_field_is_not_a_scan(screen, qtbot):
    page, notes = screen
    shown = []
    page.verdict_shown.connect(shown.append)
    qtbot.keyClicks(notes, "abc123", delay=90)
    qtbot.keyClick(notes, Qt.Key.Key_Return, delay=90)
    qtbot.waitUntil(lambda: notes.text() == "abc123")
    assert shown == []


def test_not_yet_is_amber_with_the_time_left_and_already_is_red(screen, qtbot, db, clock):
    page, notes = screen
    with db.session() as s:
        waiting = slip_for(s, clock.now(), disinfected_reading=clock.read())
        done = ready_slip(s, clock.read())
    clock.advance(5 * 60)
    with qtbot.waitSignal(page.verdict_shown, timeout=5000):
        burst(qtbot, notes, waiting)
    assert page.panel.colour == AMBER and "25:00" in page.panel.headline.text()
    assert page.sounds.last == "not_yet"
    with qtbot.waitSignal(page.verdict_shown, timeout=5000):
        burst(qtbot, notes, done)
    clock.advance(5)
    page.ctx.user.actor = Actor("sun.li", "handoff-2")
    with qtbot.waitSignal(page.verdict_shown, timeout=5000) as got:
        burst(qtbot, notes, done)
    assert got.args[0].kind is V.ALREADY and page.panel.colour == RED and page.panel.headline.text() == "已交接"
    assert "刘洋" in page.panel.detail.text() and "接驳组" in page.panel.detail.text()  # who, where
    assert page.sounds.last == "already"


def test_manual_entry_checks_the_check_character(screen, qtbot, db, clock):
    page, _ = screen
    with db.session() as s:
        number = ready_slip(s, clock.read())
    typo = number[:-1] + codes.ALPHABET[(codes.ALPHABET.index(number[-1]) + 3) % codes.MODULUS]
    page.entry.setFocus()
    qtbot.waitUntil(page.entry.hasFocus)
    page.entry.setText("SQ-12")
    page.entry.returnPressed.emit()
    assert "格式" in page.entry_hint.text() and page.panel.state == "idle"
    page.entry.setText(typo.lower())
    with qtbot.waitSignal(page.verdict_shown, timeout=5000) as got:
        page.entry.returnPressed.emit()
    assert got.args[0].kind is V.INVALID and page.panel.colour == RED and page.panel.headline.text() == "条码无效"
    assert not page.entry.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)


def test_an_input_method_committing_the_letters_is_still_a_scan(screen, qtbot, db, clock):
    page, notes = screen
    with db.session() as s:
        number = ready_slip(s, clock.read())
    event = QInputMethodEvent("", [])
    event.setCommitString(number.lower().replace("-", "－"))  # full-width dash from a Chinese IME
    with qtbot.waitSignal(page.verdict_shown, timeout=5000) as got:
        QApplication.sendEvent(notes, event)
    assert got.args[0].kind is V.OK and notes.text() == ""


def test_partial_receipt_needs_a_reason_and_shows_in_the_custody_chain(screen, qtbot, db, clock):
    page, notes = screen
    with db.session() as s:
        number = ready_slip(s, clock.read())
    with qtbot.waitSignal(page.verdict_shown, timeout=5000):
        burst(qtbot, notes, number)
    qtbot.mouseClick(page.partial_button, Qt.MouseButton.LeftButton)
    dialog = page.handover_dialog
    dialog.kind.setCurrentIndex(1)  # partial
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.reason, "short 2 bags")
    dialog.quantity.setValue(18)
    assert ok.isEnabled()
    with qtbot.waitSignal(page.verdict_shown, timeout=5000) as got:
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert got.args[0].custody_kind == "partial" and page.panel.headline.text() == "部分签收"
    qtbot.mouseClick(page.chain_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(page, "chain_dialog", None) is not None)
    table = page.chain_dialog.table
    assert table.rowCount() == 2
    assert table.item(0, 1).text() == "放行" and table.item(1, 1).text() == "部分签收"
    assert table.item(1, 9).text() == "short 2 bags" and table.item(1, 8).text() == "18"
    page.chain_dialog.reject()


def test_a_busy_database_shows_a_busy_verdict(screen, qtbot, monkeypatch):
    page, notes = screen

    def locked(*_a, **_k):
        raise RuntimeError("(sqlite3.OperationalError) database is locked")

    monkeypatch.setattr(handoff, "scan", locked)
    with qtbot.waitSignal(page.verdict_shown, timeout=5000) as got:
        burst(qtbot, notes, "SQ-22222222X")
    assert got.args[0].kind is V.BUSY and page.panel.colour == AMBER and "未放行" in page.panel.detail.text()


def test_the_main_window_routes_a_scan_on_another_station_page_to_the_handoff(window, qtbot, db, clock):
    from desktop.gui.stations.handoff import HandoffPage as Page

    with db.session() as s:
        number = ready_slip(s, clock.read())
    scans = ScanInput.install()
    scans.scanned.connect(window.deliver_scan)  # as desktop.app does
    try:
        window.show_page(window.page_index("gate"))
        window.activateWindow()
        field = window.current_page().findChild(QLineEdit)
        field.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
        before = field.text()
        page = next(p for p in window.pages if isinstance(p, Page))
        page.receiver.setText("王师傅")
        page.destination.setEditText("一食堂")
        with qtbot.waitSignal(page.verdict_shown, timeout=5000) as got:
            burst(qtbot, field, number)
        assert got.args[0].kind is V.OK and window.current_page() is page and field.text() == before
        assert page.panel.headline.fontInfo().pointSizeF() >= 60  # not shrunk by the app stylesheet
    finally:
        scans.scanned.disconnect(window.deliver_scan)
        scans.uninstall()


def test_a_key_held_down_is_typing_not_a_scan(screen, qtbot):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    page, notes = screen
    shown = []
    page.verdict_shown.connect(shown.append)
    for _ in range(12):
        QApplication.sendEvent(notes, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier,
                                                "a", True))
    qtbot.keyClick(notes, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: notes.text() == "a" * 12)
    assert shown == []


def test_keys_typed_fast_into_a_modal_dialog_stay_in_the_dialog(window, qtbot, db, clock):
    # QA walk: a path typed quickly into the import file chooser was taken as a scan, the window
    # behind the dialog jumped to the handoff page and the dialog's field stayed empty.
    from PySide6.QtWidgets import QDialog, QVBoxLayout

    from desktop.gui.stations.handoff import HandoffPage as Page

    with db.session() as s:
        number = ready_slip(s, clock.read())
    scans = ScanInput.install()
    scans.scanned.connect(window.deliver_scan)
    dialog = QDialog(window)
    field = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(field)
    try:
        window.show_page(window.page_index("gate"))
        dialog.setModal(True)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        field.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
        page = next(p for p in window.pages if isinstance(p, Page))
        shown = []
        page.verdict_shown.connect(shown.append)
        qtbot.keyClicks(field, number, delay=1)
        assert field.text() == number
        assert shown == [] and window.current_page().key == "gate"
    finally:
        dialog.close()
        scans.scanned.disconnect(window.deliver_scan)
        scans.uninstall()


def test_a_scanner_that_presses_shift_for_capitals_is_still_a_scan(screen, qtbot, db, clock):
    # QA walk: a USB scanner (and xdotool) sends a Shift key press before every capital letter; each
    # one ended the burst, so a slip scanned with the focus on another page was typed in as text.
    page, notes = screen
    with db.session() as s:
        number = ready_slip(s, clock.read())
    with qtbot.waitSignal(page.verdict_shown, timeout=5000) as got:
        for char in number:
            if char.isupper():
                qtbot.keyPress(notes, Qt.Key.Key_Shift, delay=1)
            qtbot.keyClick(notes, char, delay=1)
        qtbot.keyClick(notes, Qt.Key.Key_Return, delay=1)
    assert got.args[0].kind is V.OK and got.args[0].slip_number == number
    assert notes.text() == ""


def test_a_release_with_an_empty_receiver_is_refused_and_the_field_gets_the_focus(screen, qtbot, db, clock):
    page, notes = screen
    with db.session() as s:
        number = ready_slip(s, clock.read())
    page.receiver.clear()
    burst(qtbot, notes, number)
    qtbot.waitUntil(lambda: page.panel.state == "error", timeout=5000)
    assert "接收人" in page.panel.detail.text() and page.receiver.hasFocus()
    page.receiver.setText("王师傅")
    with qtbot.waitSignal(page.verdict_shown, timeout=5000) as got:
        burst(qtbot, page.receiver, number)
    assert got.args[0].kind is V.OK and got.args[0].receiver == "王师傅"


def test_receiver_and_destination_start_from_the_last_release_at_this_station(qtbot, db, clock):
    with db.session() as s:
        number = ready_slip(s, clock.read())
        handoff.scan(s, code=number, actor=Actor("liu.yang", "handoff"), clock=clock, receiver="李师傅",
                     destination="③ 超市")
        site = setup.current_site(s)
    for station, expected in (("handoff", ("李师傅", "③ 超市")), ("handoff-2", ("", ""))):
        ops = Ops(db)
        ctx = AppContext(db=db, clock=clock, site=site, user=Session(Actor("sun.li", station), "孙丽", "handoff"),
                         ops=ops)
        page = HandoffPage(ctx)
        qtbot.addWidget(page)
        page.activated()
        qtbot.waitUntil(lambda p=page, st=station: p.recent.count() > 0 or st != "handoff", timeout=5000)
        ops.wait_idle()
        qtbot.wait(50)
        assert (page.receiver.text(), page.destination.currentText()) == expected
