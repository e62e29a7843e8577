"""The handoff scan: every verdict, exactly once, the repeat window, bags and the custody chain."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest
from handoff_world import bag_labels, disinfect, goods, ready_slip, slip_for
from sqlmodel import func, select

from desktop.domain import codes
from desktop.domain.localtime import hhmmss
from desktop.services import audit, consignments, handoff, slips
from desktop.services.context import Actor, ServiceError
from desktop.services.handoff import VerdictKind as V
from desktop.store.models import Bag, CustodyEvent, Disinfection, Release

A = Actor("liu.yang", "handoff")
B = Actor("sun.li", "handoff-2")


TO = {"receiver": "王师傅", "destination": "一食堂"}  # a release needs both by default


def scan(db, clock, code, actor=A, **kw):
    kw = {**TO, **kw}
    with db.session() as s:
        return handoff.scan(s, code=code, actor=actor, clock=clock, **kw)


def count(db, model):
    with db.session(write=False) as s:
        return s.exec(select(func.count()).select_from(model)).one()


def test_ok_releases_records_custody_and_audit(db, clock):
    with db.session() as s:
        number = ready_slip(s, clock.read())
    v = scan(db, clock, number, receiver="王师傅", destination="一食堂", transfer_vehicle="接驳车1")
    assert v.kind is V.OK and v.ok and v.slip_number == number and v.custody_kind == "release"
    assert (v.receiver, v.destination, v.transfer_vehicle) == ("王师傅", "一食堂", "接驳车1")
    assert "王师傅" in v.message and "一食堂" in v.message and "接驳车1" in v.message
    with db.session(write=False) as s:
        rel = s.exec(select(Release)).one()
        assert rel.released_by == "liu.yang" and rel.station == "handoff"
        slip = slips.get_slip(s, number)
        assert consignments.get(s, slip.consignment_id).state == "released"
        chain = handoff.custody_chain(s, number)
        assert [(e.kind, e.verdict) for e in chain] == [("release", "ok")]
        assert audit.recent(s, action_prefix="handoff.")[0]["action"] == "handoff.release"


def test_not_yet_gives_time_left_as_mm_ss_and_releases_nothing(db, clock):
    with db.session() as s:
        number = slip_for(s, clock.now(), disinfected_reading=clock.read())
    clock.advance(timedelta(minutes=12, seconds=30))
    v = scan(db, clock, number)
    assert v.kind is V.NOT_YET and v.remaining_s == 17 * 60 + 30 and v.remaining_text == "17:30"
    assert "17:30" in v.headline and "17:30" in v.message
    assert count(db, Release) == 0
    clock.advance(timedelta(minutes=18))
    assert scan(db, clock, number).kind is V.OK


def test_not_yet_when_never_disinfected(db, clock):
    with db.session() as s:
        number = slip_for(s, clock.now())
    v = scan(db, clock, number)
    assert v.kind is V.NOT_YET and v.remaining_s is None and "消杀" in v.message
    assert count(db, Release) == 0


def test_already_names_who_when_where(db, clock):
    with db.session() as s:
        number = ready_slip(s, clock.read())
    scan(db, clock, number, receiver="王师傅", destination="一食堂")
    clock.advance(5)
    v = scan(db, clock, number, actor=B)
    assert v.kind is V.ALREADY and not v.ok
    assert v.released_by == "刘洋" and v.released_station == "handoff" and v.destination == "一食堂"
    assert hhmmss(clock.now() - timedelta(seconds=5)) in v.message and "王师傅" in v.message  # the site's time
    assert "在 接驳组 交接" in v.message  # the station as people call it, not its key "handoff"
    assert count(db, Release) == 1
    with db.session(write=False) as s:
        assert [e.verdict for e in handoff.custody_chain(s, number)] == ["ok", "already"]


def test_same_slip_twice_within_two_seconds_at_one_station_is_one_scan(db, clock):
    with db.session() as s:
        number = ready_slip(s, clock.read())
    first = scan(db, clock, number)
    clock.advance(1.5)
    again = scan(db, clock, number.lower())
    assert again.kind is V.OK and again.repeat and again.event_id == first.event_id
    assert count(db, CustodyEvent) == 1
    clock.advance(1.0)  # now 2.5 s after the release: a real second scan
    assert scan(db, clock, number).kind is V.ALREADY
    assert count(db, CustodyEvent) == 2


def test_a_refusal_repeated_within_two_seconds_is_not_recorded_twice(db, clock):
    with db.session() as s:
        number = slip_for(s, clock.now(), disinfected_reading=clock.read())
    first = scan(db, clock, number)
    clock.advance(1)
    again = scan(db, clock, number)
    assert again.kind is V.NOT_YET and again.repeat and again.remaining_text == "29:59"
    assert first.remaining_text == "30:00" and count(db, CustodyEvent) == 1


def test_another_station_within_two_seconds_still_gets_already(db, clock):
    with db.session() as s:
        number = ready_slip(s, clock.read())
    scan(db, clock, number)
    clock.advance(0.5)
    assert scan(db, clock, number, actor=B).kind is V.ALREADY


def test_voided(db, clock):
    with db.session() as s:
        number = ready_slip(s, clock.read())
        slips.void_slip(s, actor=A, now=clock.now(), number=number, reason="重复开单", supervisor="zhou.min", pin="2468")
    v = scan(db, clock, number)
    assert v.kind is V.VOIDED and "重复开单" in v.message and count(db, Release) == 0


def test_recalled_needs_disinfection_again(db, clock):
    with db.session() as s:
        number = ready_slip(s, clock.read())
        d = s.exec(select(Disinfection)).one()
        d.recalled_at, d.recall_reason = clock.now(), "稀释比例错误"
        s.add(d)
    v = scan(db, clock, number)
    assert v.kind is V.RECALLED and "重新消杀" in v.message and count(db, Release) == 0


@pytest.mark.parametrize("raw, words", [
    ("XY-" + "22222222" + codes.check_symbol("XY", "22222222"), "不是本站点"),
    ("GH-" + "33333333" + codes.check_symbol("GH", "33333333"), "找不到"),
    ("\x02hello\r", "无法识别"),
    ("", "无法识别"),
])
def test_unknown(db, clock, raw, words):
    v = scan(db, clock, raw)
    assert v.kind is V.UNKNOWN and words in v.message and v.slip_number is None
    with db.session(write=False) as s:
        ev = s.exec(select(CustodyEvent)).one()
        assert ev.verdict == "unknown" and ev.slip_id is None


def test_wrong_check_character_is_invalid(db, clock):
    with db.session() as s:
        number = ready_slip(s, clock.read())
    last = number[-1]
    typo = number[:-1] + codes.ALPHABET[(codes.ALPHABET.index(last) + 1) % codes.MODULUS]
    v = scan(db, clock, typo)
    assert v.kind is V.INVALID and "校验" in v.message and count(db, Release) == 0


def test_english_messages(db, clock):
    from desktop.i18n import set_language

    with db.session() as s:
        number = slip_for(s, clock.now(), disinfected_reading=clock.read())
    set_language("en")
    v = scan(db, clock, number)
    assert v.headline == "NOT YET 30:00" and "to go" in v.message


def test_the_database_decides_a_race_the_reads_missed(db, clock, monkeypatch):
    """Two stations read "ready" at the same moment (possible on PostgreSQL): the UNIQUE slip_id
    lets one insert win; the other scan becomes ALREADY in its own transaction, without an error."""
    with db.session() as s:
        number = ready_slip(s, clock.read())
    scan(db, clock, number)
    real_judge = handoff._judge

    def stale(session, slip, clk):  # what the other station read before the first release committed
        j = real_judge(session, slip, clk)
        return handoff._Judgement(None, consignment_id=slip.consignment_id) if j.kind is V.ALREADY else j

    monkeypatch.setattr(handoff, "_judge", stale)
    clock.advance(3)
    v = scan(db, clock, number, actor=B)
    assert v.kind is V.ALREADY and v.released_by == "刘洋"
    assert count(db, Release) == 1
    with db.session(write=False) as s:
        assert [e.verdict for e in handoff.custody_chain(s, number)] == ["ok", "already"]


def test_bags_are_marked_picked_up_and_the_delivery_released_with_the_last(db, clock):
    with db.session() as s:
        cid, (one, two) = bag_labels(s, clock.read(), 2)
    assert scan(db, clock, one, receiver="3-101").kind is V.OK
    with db.session(write=False) as s:
        assert consignments.get(s, cid).state != "released"  # one bag is still waiting
        states = {b.id: (b.state, b.picked_up_by) for b in s.exec(select(Bag)).all()}
    assert sorted(states.values()) == [("picked_up", "3-101"), ("waiting", None)]
    clock.advance(3)
    assert scan(db, clock, two).kind is V.OK
    clock.advance(3)
    assert scan(db, clock, one).kind is V.ALREADY
    with db.session(write=False) as s:
        assert consignments.get(s, cid).state == "released"


def test_bag_not_yet_dwelt(db, clock):
    with db.session() as s:
        _, (one,) = bag_labels(s, clock.read(), 1, ready=False)
    clock.advance(60)
    v = scan(db, clock, one)
    assert v.kind is V.NOT_YET and v.remaining_text == "29:00"


def test_custody_chain_after_the_release(db, clock):
    with db.session() as s:
        number = ready_slip(s, clock.read())
    scan(db, clock, number, receiver="接驳组", transfer_vehicle="苏N-12345")
    clock.advance(60)
    with db.session() as s:
        v = handoff.hand_over(s, code=number, actor=A, now=clock.now(), kind="transfer", holder="司机老李",
                              vehicle="苏N-12345")
        assert v.ok and v.custody_kind == "transfer"
        with pytest.raises(ServiceError) as err:
            handoff.hand_over(s, code=number, actor=A, now=clock.now(), kind="partial", quantity=18, reason=" ")
        assert err.value.code == "missing_reason"
    clock.advance(600)
    canteen = Actor("zhang.shifu", "一食堂")
    with db.session() as s:
        handoff.hand_over(s, code=number, actor=canteen, now=clock.now(), kind="receive", holder="张师傅", location="一食堂")
        p = handoff.hand_over(s, code=number, actor=canteen, now=clock.now(), kind="partial", quantity=18,
                              reason="少两袋")
        assert "少两袋" in p.message
    with db.session(write=False) as s:
        chain = handoff.custody_chain(s, number)
        recent = handoff.recent_scans(s, station="一食堂")
    assert [e.kind for e in chain] == ["release", "transfer", "receive", "partial"]
    assert chain[1].vehicle == "苏N-12345" and chain[3].quantity == 18 and chain[3].reason == "少两袋"
    assert chain[2].station == "一食堂" and chain[2].operator == "zhang.shifu"
    assert [e.kind for e in recent] == ["partial", "receive"] and recent[0].slip_number == number


def test_no_hand_over_before_release(db, clock):
    with db.session() as s:
        number = slip_for(s, clock.now(), disinfected_reading=clock.read())
        v = handoff.hand_over(s, code=number, actor=A, now=clock.now(), kind="transfer", vehicle="1")
    assert v.kind is V.NOT_YET and "尚未放行" in v.message


def test_a_busy_database_gives_a_clear_verdict_and_releases_nothing(db, db_path, clock, monkeypatch):
    from desktop.store import engine as store_engine
    from desktop.store.engine import Database, make_engine

    with db.session() as s:
        number = ready_slip(s, clock.read())
    monkeypatch.setattr(store_engine, "BUSY_TIMEOUT_MS", 200)
    impatient = Database(make_engine(str(db_path)))
    blocker = sqlite3.connect(db_path, isolation_level=None)
    try:
        blocker.execute("BEGIN IMMEDIATE")
        v = handoff.scan_in(impatient, code=number, actor=A, clock=clock, **TO)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
        impatient.dispose()
    assert v.kind is V.BUSY and not v.ok and "未放行" in v.message
    assert count(db, Release) == 0 and count(db, CustodyEvent) == 0
    assert handoff.scan_in(db, code=number, actor=A, clock=clock, **TO).kind is V.OK


def test_goods_with_a_disinfection_but_no_dwell_yet_over_are_refused_even_at_29_59(db, clock):
    with db.session() as s:
        c = goods(s, clock.now())
        disinfect(s, clock.read(), [c.id])
        number = slips.issue_slip(s, actor=Actor("li.qiang", "gate"), now=clock.now(), consignment_id=c.id).number
    clock.advance(timedelta(minutes=29, seconds=59))
    assert scan(db, clock, number).kind is V.NOT_YET
    clock.advance(1)
    assert scan(db, clock, number).kind is V.OK


def test_waiting_lists_what_is_still_to_go_ready_first(db, clock):
    with db.session() as s:
        standing = slip_for(s, clock.now(), disinfected_reading=clock.read())
        ready = ready_slip(s, clock.read())
        gone = ready_slip(s, clock.read())
        never = slip_for(s, clock.now())
    scan(db, clock, gone)
    clock.advance(60)
    with db.session(write=False) as s:
        rows = handoff.waiting(s, clock=clock)
    assert [(w.number, w.state) for w in rows] == [(ready, "ready"), (standing, "dwelling"),
                                                  (never, "needs_disinfection")]
    assert rows[1].remaining_s == 29 * 60


def test_a_hand_over_read_twice_by_the_scanner_is_one_link(db, clock):
    with db.session() as s:
        number = ready_slip(s, clock.read())
    scan(db, clock, number)
    clock.advance(30)
    with db.session() as s:
        first = handoff.hand_over(s, code=number, actor=A, now=clock.now(), kind="transfer", vehicle="1号车")
    clock.advance(1)
    with db.session() as s:
        again = handoff.hand_over(s, code=number, actor=A, now=clock.now(), kind="transfer", vehicle="1号车")
    assert again.repeat and again.event_id == first.event_id and "1号车" in again.message
    with db.session(write=False) as s:
        assert [e.kind for e in handoff.custody_chain(s, number)] == ["release", "transfer"]


# --- who took the goods, and where: required by default ------------------------------------------


@pytest.mark.parametrize(("given", "missing"), [({"destination": "一食堂"}, "missing_receiver"),
                                                ({"receiver": "王师傅"}, "missing_destination"),
                                                ({"receiver": "  ", "destination": "一食堂"}, "missing_receiver")])
def test_a_release_without_receiver_or_destination_is_refused_naming_the_field(db, clock, given, missing):
    with db.session() as s:
        number = ready_slip(s, clock.read())
    with db.session() as s, pytest.raises(ServiceError) as err:
        handoff.scan(s, code=number, actor=A, clock=clock, **given)
    assert err.value.code == missing
    assert ("接收人" if missing == "missing_receiver" else "去向") in err.value.message
    assert count(db, Release) == 0
    assert scan(db, clock, number).ok  # given both, the same slip goes


def test_a_refusal_needs_no_receiver(db, clock):
    with db.session() as s:
        number = slip_for(s, clock.now(), disinfected_reading=clock.read())
    with db.session() as s:
        assert handoff.scan(s, code=number, actor=A, clock=clock).kind is V.NOT_YET


def test_a_site_may_turn_the_rule_off(db, clock):
    from desktop.services import settings

    admin = Actor("admin", "admin")
    with db.session() as s:
        settings.change(s, actor=admin, now=clock.now(), key="handoff.require_receiver", raw="否")
        settings.change(s, actor=admin, now=clock.now(), key="handoff.require_destination", raw="否")
        number = ready_slip(s, clock.read())
    with db.session() as s:
        assert handoff.scan(s, code=number, actor=A, clock=clock).ok


def test_a_bag_label_goes_to_its_household_when_nobody_is_named(db, clock):
    with db.session() as s:
        _cid, labels = bag_labels(s, clock.read(), n=1)
    with db.session() as s:
        v = handoff.scan(s, code=labels[0], actor=A, clock=clock)
    assert v.ok and v.receiver == "138" and v.destination == "3 100"
