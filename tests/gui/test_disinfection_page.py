"""The disinfection screen, driven like a person: click a vehicle, tick boxes, press finish; the
board's colours and its alarm as a ManualClock moves."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QPushButton
from sqlmodel import select

from desktop.app import build_context
from desktop.gui.stations.disinfection import DisinfectionPage
from desktop.gui.stations.disinfection.board import PALETTE, ROW_HEIGHT
from desktop.services import disinfection, dwell, setup
from desktop.services.context import Actor
from desktop.store.models import Disinfection, DwellTimer
from tests.services.disinfection_helpers import ACTOR, add_arrival, add_goods, add_slip, form


class FakeChime:
    def __init__(self, fail: bool = False) -> None:
        self.calls = 0
        self.fail = fail

    def __call__(self) -> None:
        self.calls += 1
        if self.fail:
            raise OSError("no audio device")


@pytest.fixture
def chime(monkeypatch):
    fake = FakeChime()
    monkeypatch.setattr(DisinfectionPage, "sound_factory", staticmethod(lambda: fake))
    return fake


@pytest.fixture
def page(qtbot, db, clock, chime):
    ctx = build_context(db, clock, operator="chen.jing", station="disinfection")
    widget = DisinfectionPage(ctx)
    widget.board.stop()  # tests tick by hand
    qtbot.addWidget(widget)
    widget.resize(1366, 720)
    widget.show()
    yield widget
    ctx.ops.wait_idle()


def settle(qtbot, page, until=None):
    page.ctx.ops.wait_idle()
    if until is not None:
        qtbot.waitUntil(lambda: bool(until()), timeout=5000)
    else:
        qtbot.wait(20)
    page.ctx.ops.wait_idle()


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_record_a_vehicle_disinfection_in_a_few_actions(qtbot, db, clock, page):
    with db.session() as s:
        aid = add_arrival(s, plate="苏N12345", at=clock.now())
        add_goods(s, now=clock.now(), arrival_id=aid)
    page.activated()
    settle(qtbot, page, lambda: page.form.vehicles.count() == 1 and page.form.part_boxes)
    rect = page.form.vehicles.visualItemRect(page.form.vehicles.item(0))
    qtbot.mouseClick(page.form.vehicles.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert "苏N12345" in page.form.target.text()
    for name in ("part_0", "part_2", "ppeMask", "ppeGloves", "ppeGown"):
        click(qtbot, page.findChild(QCheckBox, name))
    clock.advance(timedelta(minutes=4))
    click(qtbot, page.findChild(QPushButton, "finishButton"))
    settle(qtbot, page, lambda: "已登记" in page.form.message.text())
    settle(qtbot, page, lambda: len(page.board.rows) == 1)
    assert page.board.states() == [(page.board.rows[0].timer_id, "running", "30:00")]
    with db.session(write=False) as s:
        d = s.exec(select(Disinfection)).one()
        assert (d.arrival_id, d.agent, d.dilution, d.location) == (aid, "84消毒液", "1:100", "gate")
        assert d.ended_at - d.started_at == timedelta(minutes=4)
        assert "货厢门把手" in d.parts and d.ppe_gown
    assert not page.findChild(QCheckBox, "ppeMask").isChecked()  # confirmed afresh next time


def test_missing_ppe_is_refused_with_a_message_and_nothing_stored(qtbot, db, clock, page):
    with db.session() as s:
        add_arrival(s, plate="N12345", at=clock.now())
    page.activated()
    settle(qtbot, page, lambda: bool(page.form.part_boxes))
    qtbot.keyClicks(page.form.scan, "N12345")
    qtbot.keyClick(page.form.scan, Qt.Key.Key_Return)
    settle(qtbot, page, lambda: "N12345" in page.form.target.text())
    click(qtbot, page.findChild(QCheckBox, "part_0"))
    click(qtbot, page.findChild(QPushButton, "finishButton"))
    settle(qtbot, page, lambda: "隔离衣" in page.form.message.text())
    with db.session(write=False) as s:
        assert dwell.board(s, actor=ACTOR, clock=clock).rows == []


def test_scanning_a_slip_and_a_refused_vehicle(qtbot, db, clock, page):
    with db.session() as s:
        number = add_slip(s, now=clock.now(), consignment_id=add_goods(s, now=clock.now(), what="鸡蛋"))
        add_arrival(s, plate="N66666", at=clock.now(), status="refused")
    page.activated()
    qtbot.keyClicks(page.form.scan, number)
    qtbot.keyClick(page.form.scan, Qt.Key.Key_Return)
    settle(qtbot, page, lambda: number in page.form.target.text())
    assert "鸡蛋" in page.form.target.text()
    assert page.scanned("GH-123")
    settle(qtbot, page, lambda: "无法识别" in page.form.message.text())
    qtbot.keyClicks(page.form.scan, "N66666")
    qtbot.keyClick(page.form.scan, Qt.Key.Key_Return)
    settle(qtbot, page, lambda: "拒绝" in page.form.message.text())


def _timers(db, clock, lefts_min):
    """Timers that have `left` minutes to go now (negative: complete that long ago)."""
    start = clock.now()
    order = sorted(range(len(lefts_min)), key=lambda i: lefts_min[i])
    with db.session() as s:
        for i in order:
            aid = add_arrival(s, plate=f"N{i}", at=clock.now())
            disinfection.record(s, actor=ACTOR, clock=clock, form=form(clock, arrival_id=aid))
    # rewind: each timer started (30 - left) minutes before "now"
    with db.session() as s:
        for timer, i in zip(s.exec(select(DwellTimer).order_by(DwellTimer.id)).all(), order,
                            strict=True):
            ago = (30 - lefts_min[i]) * 60
            timer.started_mono -= ago
            timer.started_wall -= timedelta(seconds=ago)
            s.add(timer)
    assert clock.now() == start


def pixel(page, index) -> str:
    image = page.board.canvas.grab().toImage()
    return QColor(image.pixel(QPoint(9, index * ROW_HEIGHT + ROW_HEIGHT // 2))).name()


def test_board_colours_alarm_and_acknowledgement(qtbot, db, clock, page, chime):
    _timers(db, clock, [20, 3, 0.5, -40])
    page.activated()
    settle(qtbot, page, lambda: len(page.board.rows) == 4)
    states = [s for _, s, _ in page.board.states()]
    assert states == ["overdue", "due_soon", "due_soon", "running"]
    assert [pixel(page, i) for i in range(4)] == [PALETTE[s].background for s in states]
    # the overdue one completed long ago and was never acknowledged: the notice is up
    assert page.board.notice.isVisible() and chime.calls == 1
    clock.advance(timedelta(seconds=31))
    page.board.tick()
    # grouped by what needs attention: the one just completed waits below the running ones
    assert [s for _, s, _ in page.board.states()] == ["overdue", "due_soon", "running", "complete"]
    assert pixel(page, 3) == PALETTE["complete"].background
    assert chime.calls == 2 and "N2" in page.board.notice_label.text()
    page.board.tick()
    assert chime.calls == 2  # one sound per completion, not per tick
    click(qtbot, page.board.ack_button)
    settle(qtbot, page, lambda: not page.board.notice.isVisible())
    settle(qtbot, page, lambda: all(r.acknowledged for r in page.board.rows if r.deadline_mono <= clock.read().mono))
    with db.session(write=False) as s:
        acked = [t.acknowledged_by for t in s.exec(select(DwellTimer)).all()]
    assert sorted(a or "" for a in acked) == ["", "", "chen.jing", "chen.jing"]


def test_alarm_shows_even_when_the_sound_device_fails(qtbot, db, clock, page, chime):
    chime.fail = True
    _timers(db, clock, [0.1])
    page.activated()
    settle(qtbot, page, lambda: len(page.board.rows) == 1)
    assert not page.board.notice.isVisible()
    clock.advance(10)
    page.board.tick()
    assert chime.calls == 1
    assert page.board.notice.isVisible() and "N0" in page.board.notice_label.text()


def test_moving_the_wall_clock_does_not_move_the_board(qtbot, db, clock, page):
    _timers(db, clock, [10])
    page.activated()
    settle(qtbot, page, lambda: len(page.board.rows) == 1)
    clock.set_wall(clock.now() + timedelta(hours=1))
    page.board.tick()
    assert page.board.states()[0][1:] == ("running", "10:00")
    page.refresh_board()
    settle(qtbot, page, lambda: "系统时间" in page.board_message.text())
    assert page.board.states()[0][1:] == ("running", "10:00")


def test_reboot_makes_the_board_reload_with_the_right_time(qtbot, db, clock, page):
    _timers(db, clock, [10])
    page.activated()
    settle(qtbot, page, lambda: len(page.board.rows) == 1)
    clock.advance(60)
    page.refresh_board()  # the station notes the time seen in this boot
    settle(qtbot, page)
    clock.reboot(downtime=timedelta(minutes=2))
    page.board.tick()
    assert page.board.states()[0][2] == "—"  # stale until the new snapshot arrives
    settle(qtbot, page, lambda: page.board.states()[0][2] != "—")
    assert page.board.states()[0][2] == "7:00"


def test_supervisor_completes_early_and_recall(qtbot, db, clock, page):
    _timers(db, clock, [20, 25])
    page.activated()
    settle(qtbot, page, lambda: len(page.board.rows) == 2)
    first = page.board.rows[0]
    qtbot.mouseClick(page.board.canvas, Qt.MouseButton.LeftButton, pos=QPoint(50, ROW_HEIGHT // 2))
    assert page.board.selected_id == first.timer_id and page.early_button.isEnabled()
    click(qtbot, page.early_button)
    dialog = page.dialog
    qtbot.keyClicks(dialog.supervisor, "zhou.min")
    qtbot.keyClicks(dialog.pin, "2468")
    qtbot.keyClicks(dialog.reason, "urgent medicine")
    dialog.accept()
    settle(qtbot, page, lambda: page.board.states() and page.board.states()[-1][1] == "complete")
    second = next(r for r in page.board.rows if r.timer_id != first.timer_id)
    page.board.select(second.timer_id)
    click(qtbot, page.recall_button)
    dialog = page.dialog
    qtbot.keyClicks(dialog.reason, "wrong dilution")
    qtbot.keyClicks(dialog.supervisor, "zhou.min")  # 陈静 asks; the supervisor signs it now
    qtbot.keyClicks(dialog.pin, "2468")
    dialog.accept()
    settle(qtbot, page, lambda: len(page.board.rows) == 1)
    assert "召回" in page.board_message.text()
    with db.session(write=False) as s:
        assert s.get(Disinfection, second.disinfection_id).recall_reason == "wrong dilution"
        assert s.get(DwellTimer, first.timer_id).early_by == "zhou.min"


def test_a_hidden_board_on_another_station_stays_quiet(qtbot, db, clock, page, chime):
    _timers(db, clock, [0.1])
    page.activated()
    settle(qtbot, page, lambda: len(page.board.rows) == 1)
    page.hide()
    page.ctx.user.sign_in(Actor("li.qiang", "gate"), "李强", "gate")
    clock.advance(10)
    page.board.tick()
    assert chime.calls == 0 and page.board.alarm_ids  # the visual state is kept for when it is shown


def test_keyboard_only_slip_then_ctrl_enter(qtbot, db, clock, page):
    with db.session() as s:
        number = add_slip(s, now=clock.now(), consignment_id=add_goods(s, now=clock.now(), what="milk"))
        setup.set_setting(s, actor=Actor("admin", "admin"), now=clock.now(), key="disinfection.parts", value=["outer packaging"])
    page.activated()
    settle(qtbot, page, lambda: bool(page.form.part_boxes))
    qtbot.keyClicks(page.form.scan, number)
    qtbot.keyClick(page.form.scan, Qt.Key.Key_Return)
    settle(qtbot, page, lambda: number in page.form.target.text())
    for box in (*page.form.part_boxes, page.form.ppe_mask, page.form.ppe_gloves, page.form.ppe_gown):
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Space)
    qtbot.keyClick(page.form.scan, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, page, lambda: "已登记" in page.form.message.text())
    with db.session(write=False) as s:
        d = s.exec(select(Disinfection)).one()
        assert d.target == "consignment" and d.location == "gate" and "outer packaging" in d.parts


def test_a_wrong_supervisor_pin_is_refused_on_the_board(qtbot, db, clock, page):
    _timers(db, clock, [20])
    page.activated()
    settle(qtbot, page, lambda: len(page.board.rows) == 1)
    page.board.select(page.board.rows[0].timer_id)
    click(qtbot, page.early_button)
    qtbot.keyClicks(page.dialog.supervisor, "zhou.min")
    qtbot.keyClicks(page.dialog.pin, "0000")
    qtbot.keyClicks(page.dialog.reason, "hurry")
    page.dialog.accept()
    settle(qtbot, page, lambda: "密码不正确" in page.board_message.text())
    page.refresh_board()
    page.refresh_board()  # a second request while one runs is folded into one more
    settle(qtbot, page)
    assert page.board.states()[0][1] == "running"
