"""A guard at the keyboard: pass number or plate, Enter, Enter, F5 — and the refusals."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from desktop.domain.clock import ManualClock
from desktop.gui.stations.gate import GatePage
from desktop.services import approvals, gate, passes, setup
from desktop.services.approvals import ApprovalDraft, OccupantDraft
from desktop.services.context import Actor
from tests.conftest import DEFAULT_NOW
from tests.services.sheets import DRIVER_IDS


@pytest.fixture
def clock() -> ManualClock:
    """This scenario writes its times out (samples at 08:00, lists by day): it runs at the default
    time, 09:00 on 2026-11-29 at the site, whatever GATEHOUSE_TEST_NOW says."""
    return ManualClock(start=DEFAULT_NOW)


ADMIN = Actor("admin", "admin")
REVIEW = Actor("wang.fang", "review")


@pytest.fixture
def approved(db, clock):
    """Two approved vehicles for today: one compliant (with a pass), one with a 52-hour-old sample."""
    now = clock.now()
    today = date(2026, 11, 29)
    with db.session() as s:
        point = setup.add_unloading_point(s, actor=ADMIN, now=now, code="①", name="食堂1-2连廊西侧",
                                          route="东门→东环路→一食堂西侧")
        passes.add(s, actor=REVIEW, now=now, number="BG-0001", plate="苏N12345", valid_from=today,
                   valid_to=today + timedelta(days=30))
        for plate, hours, pass_number, person in (("苏N12345", 20, "BG-0001", 0), ("苏N60218", 52, None, 1)):
            made = approvals.add(s, actor=REVIEW, now=now, approve=True, draft=ApprovalDraft(
                plate=plate, arrival_date=today, supplier_name="宿迁市苏果超市配送中心", mode="enter",
                unloading_point_id=point.id, pass_number=pass_number,
                occupants=(OccupantDraft(["张建国", "周海涛"][person], DRIVER_IDS[person], "13812345678",
                                         test_sampled_at=now - timedelta(hours=hours)),)))
            with_materials(s, made, now)
    return point


def with_materials(s, approval, now):
    """The day-ahead materials: an ID photo to compare and a signed pledge for each person."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    image, data = QImage(24, 32, QImage.Format.Format_RGB32), QByteArray()
    image.fill(QColor("#4a7ab0"))
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    for occupant in approval.occupants:
        for kind in ("photo", "pledge"):
            approvals.attach(s, actor=REVIEW, now=now, occupant_id=occupant.id, kind=kind, data=bytes(data),
                             mime="image/png")


def _gate_page(window, qtbot) -> GatePage:
    window.show_page(window.page_index("gate"))
    page = window.current_page()
    assert isinstance(page, GatePage)
    window.activateWindow()
    page.activated()  # the data arrived after the window opened
    qtbot.waitUntil(lambda: page.point.count() > 0)
    return page


def _type_chinese(widget: QLineEdit, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _focused(page):
    """Where the keys go: the focused widget (offscreen, a closed dialog may leave none)."""
    return QApplication.focusWidget() or page


def _guard_saw_everything(card):
    """A walk-in's card filled in as the guard checks: code, test, contact, itinerary, ID, pledge, rules."""
    card.health.setCurrentIndex(card.health.findData("green"))
    card.test.setCurrentIndex(card.test.findData("negative"))
    card.contact.setCurrentIndex(card.contact.findData(False))
    for box in (card.itinerary, card.identity, card.pledge, card.rules):
        box.click()


def _disinfect(db, clock, page):
    """The disinfection team records the vehicle's disinfection at the gate (their own station)."""
    from tests.services.disinfection_helpers import disinfect_at_gate

    disinfect_at_gate(db, arrival_id=page.arrival.id, at=clock.now())


def _arrivals(db, clock):
    with db.session(write=False) as s:
        return gate.today(s, now=clock.now())


def test_compliant_vehicle_plate_enter_confirm_decide(window, qtbot, approved, db, clock):
    page = _gate_page(window, qtbot)
    assert "防范" in page.level_label.text() and "48小时" in page.level_label.text()
    assert page.plate.hasFocus()
    qtbot.keyClicks(page.plate, "bg-0001")
    qtbot.keyClick(page.plate, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(page.cards) == 1)
    assert page.vehicle.text() == "苏N·12345"
    assert page.confirm_button.hasFocus()
    qtbot.keyClick(_focused(page), Qt.Key.Key_Return)  # confirm the checks as shown
    qtbot.waitUntil(lambda: page.arrival is not None and page.enter_button.hasFocus())
    assert "全部合格" in page.cards[0].result.text()
    qtbot.keyClick(_focused(page), Qt.Key.Key_F5)  # not yet disinfected at the gate: refused, saying so
    qtbot.waitUntil(lambda: "尚未在门岗消杀" in page.verdict.text())
    assert page.arrival.status == "checking"
    _disinfect(db, clock, page)
    qtbot.wait(600)  # a second F5 within 500 ms is taken for a bounce and ignored
    qtbot.keyClick(_focused(page), Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: "已放行进入" in page.verdict.text())
    assert "①" in page.verdict.text() and "东环路" in page.verdict.text()
    assert page.sounds.last == "ok"
    [arrival] = _arrivals(db, clock)
    assert (arrival.status, arrival.plate, arrival.decided_by) == ("admitted", "苏N12345", "duty")
    assert page.plate.text() == "" and page.plate.hasFocus()  # ready for the next vehicle
    qtbot.waitUntil(lambda: page.inside_list.count() == 1)


def test_old_sample_shows_why_in_red_and_f7_refuses(window, qtbot, approved, db, clock):
    page = _gate_page(window, qtbot)
    _type_chinese(page.plate, "苏")
    qtbot.keyClicks(page.plate, "n60218")
    assert page.plate.text() == "苏n60218"
    qtbot.keyClick(page.plate, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(page.cards) == 1)
    qtbot.keyClick(_focused(page), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.arrival is not None)
    assert "采样时间52小时前，超过48小时" in page.cards[0].result.text()
    assert "周海涛：采样时间52小时前" in page.verdict.text()  # who and why, even when the card is off screen
    assert page.sounds.last == "already"  # the low, harsh "stop" sound
    assert not page.enter_button.isEnabled() and page.refuse_button.hasFocus()

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        editor = dialog.reason.lineEdit()
        qtbot.keyClicks(editor, "sample too old")
        qtbot.keyClick(editor, Qt.Key.Key_Return)

    QTimer.singleShot(50, answer)
    qtbot.keyClick(_focused(page), Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: "已劝返" in page.verdict.text())
    assert [a.status for a in _arrivals(db, clock)] == ["refused"]


def test_supervisor_override_from_the_keyboard(window, qtbot, approved, db, clock):
    page = _gate_page(window, qtbot)
    _type_chinese(page.plate, "苏N60218")
    qtbot.keyClick(page.plate, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(page.cards) == 1)
    qtbot.keyClick(_focused(page), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.arrival is not None)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        qtbot.keyClicks(dialog.username, "zhou.min")
        qtbot.keyClicks(dialog.pin, "2468")
        qtbot.keyClicks(dialog.reason, "lab confirmed by phone")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    QTimer.singleShot(50, answer)
    qtbot.keyClick(_focused(page), Qt.Key.Key_F8)
    _disinfect(db, clock, page)
    qtbot.waitUntil(lambda: page.enter_button.isEnabled())
    assert "督查员已放行" in page.cards[0].result.text()
    qtbot.keyClick(_focused(page), Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: "已放行进入" in page.verdict.text())


def test_wrong_plate_and_second_check_in_are_explained(window, qtbot, approved, db, clock):
    page = _gate_page(window, qtbot)
    _type_chinese(page.plate, "苏N1234")
    qtbot.keyClick(page.plate, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "位数不对" in page.verdict.text())
    assert "#c62828" in page.verdict.styleSheet()
    page.plate.clear()
    qtbot.keyClicks(page.plate, "BG-0001")
    qtbot.keyClick(page.plate, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(page.cards) == 1)
    assert page.verdict.text() == "" and "#c62828" not in page.verdict.styleSheet()  # no blank red bar
    qtbot.keyClick(_focused(page), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.arrival is not None)
    qtbot.keyClick(_focused(page), Qt.Key.Key_Escape)
    assert page.arrival is None and page.plate.hasFocus()
    qtbot.keyClicks(page.plate, "BG-0001")
    qtbot.keyClick(page.plate, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "已于" in page.notice.text())  # the open check-in comes back, not a second one
    assert page.arrival is not None and page.arrival.status == "checking"
    assert len(_arrivals(db, clock)) == 1


def test_no_camera_falls_back_to_a_file_and_never_crashes(window, qtbot, approved, monkeypatch, tmp_path):
    from PySide6.QtGui import QImage

    from desktop.gui.stations.gate import photo

    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkGreen)
    path = tmp_path / "face.png"
    image.save(str(path))
    monkeypatch.setattr(photo, "cameras_available", lambda: False)
    monkeypatch.setattr(photo.QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    page = _gate_page(window, qtbot)
    qtbot.keyClicks(page.plate, "BG-0001")
    qtbot.keyClick(page.plate, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(page.cards) == 1)
    qtbot.keyClick(_focused(page), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.cards[0].photo_button.isEnabled())
    qtbot.mouseClick(page.cards[0].photo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已拍照" in page.cards[0].photo_button.text())


def test_supervisor_puts_lockdown_in_force_and_f5_is_gone(window, qtbot, approved, db, clock):
    page = _gate_page(window, qtbot)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        dialog.level.setCurrentIndex(dialog.level.findData("lockdown"))
        qtbot.keyClicks(dialog.username, "zhou.min")
        qtbot.keyClicks(dialog.pin, "2468")
        qtbot.keyClicks(dialog.reason, "county notice 12")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    QTimer.singleShot(50, answer)
    qtbot.mouseClick(page.level_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "封控" in page.level_label.text())
    assert "不得进入" in page.level_label.text()
    qtbot.keyClicks(page.plate, "BG-0001")
    qtbot.keyClick(page.plate, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(page.cards) == 1)
    qtbot.keyClick(_focused(page), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.arrival is not None)
    assert not page.enter_button.isEnabled() and page.handoff_button.hasFocus()
    _disinfect(db, clock, page)
    qtbot.keyClick(_focused(page), Qt.Key.Key_F5)  # ignored: nothing enters under lockdown
    qtbot.keyClick(_focused(page), Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: "转接驳区" in page.verdict.text())
    assert [a.status for a in _arrivals(db, clock)] == ["handoff"]


def test_wrong_pin_for_the_level_changes_nothing(window, qtbot, approved, db):
    page = _gate_page(window, qtbot)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        dialog.level.setCurrentIndex(dialog.level.findData("lockdown"))
        qtbot.keyClicks(dialog.username, "zhou.min")
        qtbot.keyClicks(dialog.pin, "0000")
        qtbot.keyClicks(dialog.reason, "x")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    kept = []

    def again() -> None:  # the same dialog comes back: account and reason kept, the PIN to type again
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible() or not hasattr(dialog, "error") or not dialog.error.text() or kept:
            return
        kept.append((dialog.username.text(), dialog.reason.text(), dialog.pin.text(), dialog.focusWidget() is dialog.pin,
                     dialog.error.text()))
        dialog.reject()

    QTimer.singleShot(50, answer)
    poll = QTimer(page, interval=50, timeout=again)
    poll.start()
    try:
        qtbot.mouseClick(page.level_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "密码不正确" in page.verdict.text())
        qtbot.waitUntil(lambda: bool(kept))
    finally:
        poll.stop()  # never left polling into the next test's dialogs
    [(account, reason, pin, focused, error)] = kept
    assert (account, reason, pin, focused) == ("zhou.min", "x", "", True) and "密码不正确" in error
    assert "防范" in page.level_label.text()


def test_vehicle_without_approval_takes_the_supervisor_path(window, qtbot, approved, db, clock):
    page = _gate_page(window, qtbot)
    _type_chinese(page.plate, "皖L52013")
    qtbot.keyClick(page.plate, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(page.cards) == 1)
    assert "督查员" in page.notice.text()
    card = page.cards[0]
    assert card.name_edit is not None and card.name_edit.hasFocus()
    _type_chinese(card.name_edit, "朱永刚")
    qtbot.keyClicks(card.id_edit, DRIVER_IDS[5])
    qtbot.keyClicks(card.sampled, "2026-11-29 06:30")
    # no day-ahead materials: nothing is ticked or chosen until the guard has seen it for themselves
    assert not card.identity.isChecked() and not card.pledge.isChecked()
    assert not card.itinerary.isChecked() and not card.rules.isChecked()
    assert (card.health.currentData(), card.test.currentData(), card.contact.currentText()) == ("unknown", "none", "未询问")
    _guard_saw_everything(card)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        qtbot.keyClicks(dialog.username, "zhou.min")
        qtbot.keyClicks(dialog.pin, "2468")
        qtbot.keyClicks(dialog.reason, "ad-hoc medicine")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    QTimer.singleShot(50, answer)
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.arrival is not None)
    assert page.arrival.needs_supervisor and page.arrival.cleared
    # the red "no approval" banner gives way to who allowed it
    qtbot.waitUntil(lambda: "周敏" in page.notice.text())
    assert "已由督查员" in page.notice.text() and "今天没有该车的审批" not in page.notice.text()
    _disinfect(db, clock, page)
    qtbot.keyClick(_focused(page), Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: "转接驳区" in page.verdict.text())


def test_a_walk_in_goes_from_plate_to_a_released_slip(window, qtbot, approved, db, clock):
    """No approval, so no goods on file: F9 asks for them (quick picks of the necessities), issues
    the slip, and after the goods' disinfection and dwell the handoff releases it."""
    from desktop.gui.slip_actions import IssueSlipsDialog
    from desktop.gui.stations.gate.goods import GoodsDialog
    from desktop.services import disinfection

    test_vehicle_without_approval_takes_the_supervisor_path(window, qtbot, approved, db, clock)
    page = window.current_page()
    assert page.slips_button.isEnabled() and "皖L·52013" in page.slips_button.text()
    issued = []

    def count_the_goods():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, GoodsDialog):
            QTimer.singleShot(20, count_the_goods)
            return
        qtbot.mouseClick(dialog.pick_buttons["grain"], Qt.MouseButton.LeftButton)
        dialog.quantity(0).setValue(20)
        qtbot.mouseClick(dialog.pick_buttons["oil"], Qt.MouseButton.LeftButton)
        dialog.quantity(1).setValue(6)
        dialog.accept_button.click()
        QTimer.singleShot(0, issue)

    def issue():
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, IssueSlipsDialog) and w.isVisible()),
                      None)
        if dialog is None:
            QTimer.singleShot(20, issue)
            return
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
        dialog.table.selectAll()
        qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: all(dialog.table.item(r, 3).text().startswith("GH-") for r in range(2)))
        issued.extend(dialog.table.item(r, 3).text() for r in range(2))
        dialog.accept()

    QTimer.singleShot(50, count_the_goods)
    qtbot.keyClick(_focused(page), Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)  # the slips dialog
    qtbot.waitUntil(lambda: len(issued) == 2)
    from desktop.services import consignments

    with db.session(write=False) as s:
        [arrival] = [a for a in gate.today(s, now=clock.now()) if a.plate == "皖L52013"]
        goods = consignments.for_arrival(s, arrival.id)
    assert [(g.category, g.quantity, g.unit, g.destination) for g in goods] == [
        ("大米", 20, "袋", "接驳区"), ("食用油", 6, "桶", "接驳区")]
    with db.session() as s:  # the goods are disinfected at the handoff zone, then stand their 30 minutes
        disinfection.record(s, actor=Actor("chen.jing", "disinfection"), clock=clock, form=disinfection.DisinfectionForm(
            location="handoff_zone", agent="84消毒液", dilution="1:100", parts=("外包装",), operators=("陈静",),
            ppe_mask=True, ppe_gloves=True, ppe_gown=True, started_at=clock.now() - timedelta(minutes=3),
            ended_at=clock.now(), slips=tuple(issued)))
    clock.advance(timedelta(minutes=31))
    window.show_page(window.page_index("handoff"))
    handoff_page = window.current_page()
    handoff_page.receiver.setText("王师傅")  # a release needs both by default
    handoff_page.destination.setEditText("一食堂")
    with qtbot.waitSignal(handoff_page.verdict_shown, timeout=5000) as got:
        handoff_page.scanned(issued[0])
    assert got.args[0].ok and handoff_page.panel.headline.text() == "放行"


def test_a_scanned_pass_is_looked_up_and_slip_codes_are_left_to_handoff(window, qtbot, approved):
    import random

    from desktop.domain import codes

    page = _gate_page(window, qtbot)
    slip = codes.new_code(window.ctx.site.code, random.Random(3).randrange)
    assert page.scanned(slip) is False
    assert page.scanned("BG-0001\r") is True
    qtbot.waitUntil(lambda: page.vehicle.text() == "苏N·12345")


def test_leaving_vehicle_is_looked_up_and_f10_logs_the_exit(window, qtbot, approved, db, clock):
    page = _gate_page(window, qtbot)
    qtbot.keyClicks(page.plate, "BG-0001")
    qtbot.keyClick(page.plate, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(page.cards) == 1)
    qtbot.keyClick(_focused(page), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.enter_button.isEnabled())
    _disinfect(db, clock, page)
    qtbot.keyClick(_focused(page), Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: page.inside_list.count() == 1)
    clock.advance(timedelta(minutes=40))
    qtbot.keyClicks(page.plate, "BG-0001")
    qtbot.keyClick(page.plate, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "已进入" in page.notice.text())
    assert page.exit_button.isEnabled() and page.exit_button.hasFocus()
    qtbot.keyClick(_focused(page), Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: "已出门" in page.verdict.text())
    qtbot.waitUntil(lambda: page.inside_list.count() == 0)
    assert [a.status for a in _arrivals(db, clock)] == ["exited"]


def test_shift_f9_opens_the_slips_of_the_vehicle_just_admitted(window, qtbot, approved, db, clock):
    from desktop.gui.slip_actions import IssueSlipsDialog
    from desktop.services.approvals import CargoLine

    with db.session() as s:
        made = approvals.add(s, actor=REVIEW, now=clock.now(), approve=True, draft=ApprovalDraft(
            plate="苏N77777", arrival_date=date(2026, 11, 29), supplier_name="宿迁市苏果超市配送中心", mode="handoff",
            cargo=(CargoLine("大米", 60, "袋"), CargoLine("食用油", 24, "桶")),
            occupants=(OccupantDraft("张建国", DRIVER_IDS[0], "13812345678",
                                     test_sampled_at=clock.now() - timedelta(hours=3)),)))
        with_materials(s, made, clock.now())
    page = _gate_page(window, qtbot)
    assert not page.slips_button.isEnabled()
    _type_chinese(page.plate, "苏N77777")
    qtbot.keyClick(page.plate, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(page.cards) == 1)
    qtbot.keyClick(_focused(page), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.arrival is not None and page.arrival.status == "checking")
    qtbot.waitUntil(page.handoff_button.hasFocus)  # approved for the handoff zone: Enter must not let it in
    _disinfect(db, clock, page)
    qtbot.keyClick(_focused(page), Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: "转接驳区" in page.verdict.text())
    assert page.slips_button.isEnabled()
    assert "苏N·77777" in page.slips_button.text()  # F9 outlives the next lookup: it names its vehicle
    shown = []

    def look_and_issue():
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, IssueSlipsDialog) and w.isVisible()),
                      None)
        if dialog is None:  # the goods are looked up first (a walk-in would be asked for them)
            QTimer.singleShot(20, look_and_issue)
            return
        assert "苏N·77777" in dialog.windowTitle()
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
        shown.append([dialog.table.item(r, 0).text() for r in range(2)])
        dialog.table.selectAll()
        qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: all(dialog.table.item(r, 3).text().startswith("GH-") for r in range(2)))
        dialog.accept()

    QTimer.singleShot(0, look_and_issue)
    qtbot.keyClick(_focused(page), Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)  # the dialog: F9 prints at once
    qtbot.waitUntil(lambda: shown == [["大米", "食用油"]])
    qtbot.waitUntil(lambda: not any(isinstance(w, IssueSlipsDialog) and w.isVisible()
                                    for w in QApplication.topLevelWidgets()))
    from desktop.services import slips

    with db.session(write=False) as s:
        [arrival] = [a for a in gate.today(s, now=clock.now()) if a.plate == "苏N77777"]
        goods = slips.goods_with_slips(s, arrival_id=arrival.id)
    assert [g.consignment.destination for g in goods] == ["接驳区", "接驳区"]
    assert all(g.slip is not None for g in goods)


def test_without_a_pledge_or_photo_on_file_nothing_is_ticked_for_the_guard(window, qtbot, approved, db, clock):
    with db.session() as s:
        approvals.add(s, actor=REVIEW, now=clock.now(), approve=True, draft=ApprovalDraft(
            plate="苏N88888", arrival_date=date(2026, 11, 29), supplier_name="宿迁市苏果超市配送中心", mode="handoff",
            occupants=(OccupantDraft("张建国", DRIVER_IDS[0], "13812345678",
                                     test_sampled_at=clock.now() - timedelta(hours=3)),)))
    page = _gate_page(window, qtbot)
    _type_chinese(page.plate, "苏N88888")
    qtbot.keyClick(page.plate, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(page.cards) == 1)
    card = page.cards[0]
    assert card.itinerary.isChecked() and card.rules.isChecked()
    assert not card.identity.isChecked() and not card.pledge.isChecked()
    qtbot.keyClick(_focused(page), Qt.Key.Key_Return)  # confirming as shown records what was not done
    qtbot.waitUntil(lambda: page.arrival is not None)
    assert page.arrival.open_failures
    assert not page.handoff_button.isEnabled()


def test_cancelling_a_vehicle_inside_names_what_was_released_and_its_other_slip_is_refused(window, qtbot, approved,
                                                                                             db, clock):
    from handoff_world import disinfect

    from desktop.services import consignments, handoff, slips
    from desktop.services.handoff import VerdictKind
    from tests.services.disinfection_helpers import add_arrival

    gate_actor, team = Actor("li.qiang", "gate"), Actor("liu.yang", "handoff")
    earlier = clock.read()
    with db.session() as s:  # inside with rice and oil; the rice already handed off
        aid = add_arrival(s, plate="苏N12345", at=clock.now())
        goods = [consignments.create(s, actor=gate_actor, now=clock.now(), category=c, quantity=q, unit=u,
                                     arrival_id=aid) for c, q, u in (("大米", 60, "袋"), ("食用油", 24, "桶"))]
        disinfect(s, earlier, [g.id for g in goods])
        rice, oil = (slips.issue_slip(s, actor=gate_actor, now=clock.now(), consignment_id=g.id).number for g in goods)
    clock.advance(timedelta(minutes=31))
    with db.session() as s:
        assert handoff.scan(s, code=rice, actor=team, clock=clock, receiver="王师傅", destination="一食堂").ok
    page = _gate_page(window, qtbot)
    qtbot.keyClicks(page.plate, "BG-0001")
    qtbot.keyClick(page.plate, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "已进入" in page.notice.text() and page.cancel_button.isEnabled())
    seen = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        seen.append(" ".join(label.text() for label in dialog.findChildren(QLabel)))
        dialog.reason.setEditText("车牌号录错")
        dialog.buttons.accepted.emit()

    QTimer.singleShot(20, answer)
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已撤销登记" in page.verdict.text())
    assert "已放行" in seen[0] and "大米 60袋" in seen[0] and rice in seen[0] and "作废" in seen[0]
    window.show_page(window.page_index("handoff"))
    handoff_page = window.current_page()
    with qtbot.waitSignal(handoff_page.verdict_shown, timeout=5000) as got:
        handoff_page.scanned(oil)
    assert got.args[0].kind is VerdictKind.WITHDRAWN and handoff_page.panel.headline.text() == "车辆已撤销"


def test_a_fever_and_a_cough_on_the_card_refuse_entry(window, qtbot, approved, db, clock):
    page = _gate_page(window, qtbot)
    qtbot.keyClicks(page.plate, "BG-0001")
    qtbot.keyClick(page.plate, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(page.cards) == 1)
    card = page.cards[0]
    assert card.temperature.text() == "" and "干咳" in card.symptoms
    assert not any(box.isChecked() for box in card.symptoms.values())
    qtbot.keyClicks(card.temperature, "38.6")
    card.symptoms["干咳"].click()
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.arrival is not None)
    assert "体温 38.6℃，超过 37.3℃" in card.result.text() and "有症状：干咳" in card.result.text()
    assert not page.enter_button.isEnabled() and page.override_button.isEnabled()
    assert "体温" in page.verdict.text()
    [arrival] = _arrivals(db, clock)
    assert arrival.checks[0].input.temperature_c == 38.6


def test_a_vehicle_refused_earlier_today_never_looks_green_again(window, qtbot, approved, db, clock):
    with db.session() as s:  # refused at 09:00 for its old sample
        found = gate.lookup(s, query="苏N60218", now=clock.now())
        refused = gate.check_in(s, actor=Actor("li.qiang", "gate"), now=clock.now(), plate=found.plate,
                                occupants=[p.confirmed() for p in found.prefill], approval_id=found.approval.id)
        gate.decide(s, actor=Actor("li.qiang", "gate"), now=clock.now(), arrival_id=refused.id, decision="refuse",
                    reason="核酸采样超过48小时")
    clock.advance(timedelta(minutes=45))
    page = _gate_page(window, qtbot)
    _type_chinese(page.plate, "苏N60218")
    qtbot.keyClick(page.plate, Qt.Key.Key_Return)  # before any decision key: what happened today
    qtbot.waitUntil(lambda: len(page.cards) == 1)
    assert "今天：09:00 劝返：核酸采样超过48小时" in page.details.text()
    assert "今天已劝返" in page.notice.text() and "已审批" not in page.notice.text()
    assert "#1a7f37" not in page.notice.styleSheet()  # not green
