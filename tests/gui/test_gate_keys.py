"""Gloves on, scanner in hand: five keys from plate to printed slip, plates and passes found
however they are typed, decision keys that do not bounce."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QApplication, QDialog
from slipcheck import decode, rasterize

from desktop.gui import keys, printing
from desktop.services import approvals, gate, gate_find, passes, slips
from desktop.services.approvals import ApprovalDraft, CargoLine, OccupantDraft
from desktop.services.context import ServiceError
from tests.gui.test_gate_page import REVIEW, _focused, _gate_page, approved, clock, with_materials  # noqa: F401
from tests.services.sheets import DRIVER_IDS

TODAY = date(2026, 11, 29)


@pytest.fixture
def cargo_vehicle(db, clock, approved):  # noqa: F811 (the fixtures above)
    """A compliant vehicle with pass BG-2022-0047 and two kinds of goods, approved to enter."""
    now = clock.now()
    with db.session() as s:
        passes.add(s, actor=REVIEW, now=now, number="BG-2022-0047", plate="苏N54321", valid_from=TODAY,
                   valid_to=TODAY + timedelta(days=30))
        made = approvals.add(s, actor=REVIEW, now=now, approve=True, draft=ApprovalDraft(
            plate="苏N54321", arrival_date=TODAY, supplier_name="宿迁市苏果超市配送中心", mode="enter",
            unloading_point_id=approved.id, pass_number="BG-2022-0047",
            cargo=(CargoLine("大米", 60, "袋"), CargoLine("食用油", 24, "桶")),
            occupants=(OccupantDraft("张建国", DRIVER_IDS[0], "13812345678",
                                     test_sampled_at=now - timedelta(hours=3)),)))
        with_materials(s, made, now)
    return made


def disinfected_at_the_gate(db, clock, page) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """The vehicle's gate disinfection, which F5 waits for (`gate.disinfect_before_entry`)."""
    from tests.services.disinfection_helpers import disinfect_at_gate

    disinfect_at_gate(db, arrival_id=page.arrival.id, at=clock.now())


class Keys:
    """Counts what the guard presses: a typed or scanned code counts as one key (the scanner's)."""

    def __init__(self, qtbot, page) -> None:
        self.qtbot, self.page, self.count = qtbot, page, 0

    def scan(self, text: str) -> None:
        self.qtbot.keyClicks(self.page.plate, text)
        self.count += 1

    def press(self, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(_focused(self.page), key, modifier)
        self.count += 1


def test_plate_to_printed_slips_in_five_keys(window, qtbot, cargo_vehicle, db, clock, tmp_path):  # noqa: F811
    ctx = window.ctx
    with db.session() as s:  # the station's printer: a PDF file here
        slips.save_print_settings(s, actor=ctx.actor, now=clock.now(), printer=printing.PDF_PRINTER, paper="80mm")
    page = _gate_page(window, qtbot)
    page.slips_pdf_dir = tmp_path
    dialogs: list[str] = []
    watch = QTimer(page, interval=20, timeout=lambda: dialogs.extend(
        type(w).__name__ for w in [QApplication.activeModalWidget()] if w is not None))
    watch.start()
    keys = Keys(qtbot, page)
    keys.scan("bg20220047")  # the pass number without its dashes, lower case
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(page.cards) == 1)
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.arrival is not None and page.enter_button.isEnabled())
    disinfected_at_the_gate(db, clock, page)  # the disinfection team's record, at their own station: no key here
    keys.press(Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: "已放行进入" in page.verdict.text())
    keys.press(Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: len(list(tmp_path.glob("GH-*.pdf"))) == 2, timeout=30_000)
    qtbot.waitUntil(lambda: "已开单并打印 2 张" in page.verdict.text(), timeout=30_000)
    watch.stop()
    assert keys.count <= 5
    assert dialogs == []  # no preview, no question: a preview only when asked (Shift+F9)
    with db.session(write=False) as s:
        [arrival] = [a for a in gate.today(s, now=clock.now()) if a.plate == "苏N54321"]
        goods = slips.goods_with_slips(s, arrival_id=arrival.id)
    numbers = sorted(g.slip.number for g in goods if g.slip)
    assert len(numbers) == 2 and all(g.slip.print_count == 1 for g in goods)
    for pdf in tmp_path.glob("GH-*.pdf"):
        found = {text for _kind, text in decode(rasterize(Path(pdf), 203))}
        assert found & set(numbers), pdf.name  # the printed slip decodes to its own number
    # a second F9 prints nothing twice
    qtbot.wait(600)
    keys.press(Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: "都已开出并打印" in page.verdict.text())
    assert len(list(tmp_path.glob("GH-*.pdf"))) == 2


@pytest.mark.parametrize("typed", ["BG-2022-0047", "bg20220047", "ＢＧ２０２２００４７", " bg 2022 0047 ",
                                   "苏n54321", "n54321", "N·54321", "苏Ｎ５４３２１", "54321", "0047"])
def test_plates_and_passes_are_found_however_typed(db, clock, cargo_vehicle, typed):  # noqa: F811
    with db.session(write=False) as s:
        found = gate_find.lookup_any(s, query=typed, now=clock.now())
    assert isinstance(found, gate.Lookup) and found.plate == "苏N54321"


def test_last_digits_that_fit_several_vehicles_offer_a_choice(window, qtbot, db, clock, approved):  # noqa: F811
    with db.session(write=False) as s, pytest.raises(ServiceError):
        gate_find.lookup_any(s, query="2", now=clock.now())  # too short to stand for anything
    with db.session() as s:
        approvals.add(s, actor=REVIEW, now=clock.now(), approve=True, draft=ApprovalDraft(
            plate="苏N62345", arrival_date=TODAY, supplier_name="宿迁市苏果超市配送中心", mode="handoff",
            occupants=(OccupantDraft("张建国", DRIVER_IDS[0], "13812345678",
                                     test_sampled_at=clock.now() - timedelta(hours=3)),)))
    with db.session(write=False) as s:
        choices = gate_find.lookup_any(s, query="2345", now=clock.now())
    assert [c.plate for c in choices] == ["苏N12345", "苏N62345"]
    page = _gate_page(window, qtbot)
    picked = []

    def pick() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(30, pick)
            return
        picked.append(dialog.list.count())
        qtbot.keyClick(dialog.list, Qt.Key.Key_2)  # its number picks it

    QTimer.singleShot(30, pick)
    qtbot.keyClicks(page.plate, "2345")
    qtbot.keyClick(page.plate, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.vehicle.text() == "苏N·62345")
    assert picked == [2]


def test_decision_keys_ignore_a_bounce_and_a_stray_enter(window, qtbot, approved, db, clock):  # noqa: F811
    page = _gate_page(window, qtbot)
    qtbot.keyClicks(page.plate, "BG-0001")
    qtbot.keyClick(page.plate, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(page.cards) == 1)
    qtbot.keyClick(_focused(page), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.arrival is not None and page.enter_button.isEnabled())
    page.enter_button.setFocus()
    qtbot.keyClick(page.enter_button, Qt.Key.Key_Return)  # a bounced Enter on the focused F5 key
    qtbot.wait(100)
    assert page.arrival is not None and page.arrival.status == "checking"
    shortcuts = [s for s in page.findChildren(QShortcut) if s.property("debounced")]
    assert {s.key().toString() for s in shortcuts} >= {"F5", "F6", "F7", "F8", "F9"}
    assert all(not s.autoRepeat() for s in shortcuts)
    calls = []
    once = keys.Debounced(lambda: calls.append(1))
    once(), once()  # the second within 500 ms: a bounce
    assert calls == [1]
    once.last -= 0.6
    once()
    assert calls == [1, 1]


def test_f7_preselects_the_failing_checks_and_enter_refuses(window, qtbot, approved, db, clock):  # noqa: F811
    page = _gate_page(window, qtbot)
    page.plate.setText("苏N60218")
    qtbot.keyClick(page.plate, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(page.cards) == 1)
    qtbot.keyClick(_focused(page), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.arrival is not None and page.refuse_button.isEnabled())
    seen = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(30, answer)
            return
        seen.append((dialog.text(), (dialog.focusWidget() is not None and dialog.reason.isAncestorOf(dialog.focusWidget()))
                     or dialog.focusWidget() is dialog.reason))
        qtbot.keyClick(dialog.reason.lineEdit(), Qt.Key.Key_Return)

    QTimer.singleShot(30, answer)
    qtbot.keyClick(_focused(page), Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: "已劝返" in page.verdict.text())
    [(reason, focused)] = seen
    assert "采样时间52小时前" in reason and focused
    qtbot.wait(600)  # a second F7 long after: nothing left to refuse, nothing happens
    qtbot.keyClick(_focused(page), Qt.Key.Key_F7)
    assert isinstance(QApplication.activeModalWidget(), type(None)) or not isinstance(
        QApplication.activeModalWidget(), QDialog)


def test_f10_with_a_typed_plate_looks_it_up_and_logs_the_exit(window, qtbot, approved, db, clock):  # noqa: F811
    page = _gate_page(window, qtbot)
    qtbot.keyClicks(page.plate, "BG-0001")
    qtbot.keyClick(page.plate, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(page.cards) == 1)
    qtbot.keyClick(_focused(page), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.arrival is not None and page.enter_button.isEnabled())
    disinfected_at_the_gate(db, clock, page)
    qtbot.keyClick(_focused(page), Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: "已放行进入" in page.verdict.text())
    qtbot.keyClicks(page.plate, "bg0001")  # typed, not looked up
    qtbot.wait(600)
    qtbot.keyClick(page.plate, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: "已出门" in page.verdict.text())
    with db.session(write=False) as s:
        assert [a.status for a in gate.today(s, now=clock.now())] == ["exited"]
