from __future__ import annotations

import random
from datetime import timedelta

import pytest
from sqlmodel import select

from desktop.domain import codes
from desktop.services import audit, consignments, disinfection, dwell
from desktop.services.context import ServiceError
from desktop.store.models import Disinfection, DwellTimer
from tests.services.disinfection_helpers import ACTOR, add_arrival, add_goods, add_slip, form


def count(db, model) -> int:
    with db.session(write=False) as s:
        return len(s.exec(select(model)).all())


def test_vehicle_disinfection_starts_a_dwell_on_its_goods(db, clock):
    with db.session() as s:
        aid = add_arrival(s, plate="苏N12345", at=clock.now())
        goods = [add_goods(s, now=clock.now(), arrival_id=aid), add_goods(s, now=clock.now(), arrival_id=aid, what="面粉")]
    with db.session() as s:
        done = disinfection.record(s, actor=ACTOR, clock=clock, form=form(clock, arrival_id=aid))
    assert done.consignment_ids == goods
    assert done.minutes == 30 and done.ready_at == clock.now() + timedelta(minutes=30)
    with db.session(write=False) as s:
        assert {consignments.get(s, g).state for g in goods} == {"dwelling"}
        status = dwell.release_status(s, consignment_id=goods[0], clock=clock)
        assert status.state == "dwelling" and status.remaining == timedelta(minutes=30)
        assert status.timer_id == done.timer_id
        actions = [e["action"] for e in audit.recent(s, limit=10)]
    assert "disinfection.record" in actions and "dwell.start" in actions


def test_typing_a_plate_finds_the_vehicle(db, clock):
    with db.session() as s:
        aid = add_arrival(s, plate="苏N 12345", at=clock.now() - timedelta(hours=2), status="handoff")
    with db.session() as s:
        assert disinfection.find_vehicle(s, plate="苏n12345", now=clock.now()).arrival_id == aid
        done = disinfection.record(s, actor=ACTOR, clock=clock, form=form(clock, plate=" 苏N12345 "))
    with db.session(write=False) as s:
        assert s.get(Disinfection, done.disinfection_id).arrival_id == aid
        assert [v.plate for v in disinfection.vehicles(s, now=clock.now())] == ["苏N 12345"]


@pytest.mark.parametrize(("status", "code"), [("refused", "vehicle_refused"), ("exited", "vehicle_left"),
                                              ("cancelled", "vehicle_cancelled")])
def test_refused_or_departed_vehicles_are_refused_and_nothing_is_stored(db, clock, status, code):
    with db.session() as s:
        aid = add_arrival(s, plate="苏N99999", at=clock.now(), status=status)
    for kw in ({"arrival_id": aid}, {"plate": "苏N99999"}):
        with pytest.raises(ServiceError) as err, db.session() as s:
            disinfection.record(s, actor=ACTOR, clock=clock, form=form(clock, **kw))
        assert err.value.code == code
        assert "苏N99999" in err.value.message
    assert count(db, Disinfection) == 0 and count(db, DwellTimer) == 0


def test_end_before_start_is_refused(db, clock):
    with db.session() as s:
        aid = add_arrival(s, plate="苏N1", at=clock.now())
    with pytest.raises(ServiceError) as err, db.session() as s:
        disinfection.record(s, actor=ACTOR, clock=clock,
                            form=form(clock, arrival_id=aid, started_at=clock.now(),
                                      ended_at=clock.now() - timedelta(minutes=1)))
    assert err.value.code == "end_before_start"
    assert count(db, Disinfection) == 0


@pytest.mark.parametrize("raw", ["GH-XXXXXXXXX", "not a code", "GH-2345678"])
def test_unknown_or_garbled_slips_are_refused(db, clock, raw):
    with db.session() as s:
        good = add_goods(s, now=clock.now())
        add_slip(s, now=clock.now(), consignment_id=good)
    with pytest.raises(ServiceError) as err, db.session() as s:
        disinfection.record(s, actor=ACTOR, clock=clock, form=form(clock, slips=(raw,)))
    assert err.value.code in ("unknown_slip", "invalid_slip")
    assert count(db, Disinfection) == 0


def test_a_valid_but_unissued_slip_is_unknown(db, clock):
    with db.session() as s:
        good = add_goods(s, now=clock.now())
        add_slip(s, now=clock.now(), consignment_id=good, seed=1)
        other = codes.new_code("GH", random.Random(99).randrange)
    with pytest.raises(ServiceError) as err, db.session() as s:
        disinfection.resolve_slip(s, code=other)
    assert err.value.code == "unknown_slip"


def test_missing_ppe_or_parts_or_target_is_refused(db, clock):
    cases = [({"ppe_gown": False}, "ppe"), ({"parts": ()}, "missing_parts"), ({}, "no_target"),
             ({"agent": " "}, "missing_agent"), ({"ended_at": clock.now() + timedelta(hours=1)}, "end_in_future")]
    for kw, code in cases:
        with pytest.raises(ServiceError) as err, db.session() as s:
            disinfection.record(s, actor=ACTOR, clock=clock, form=form(clock, **kw))
        assert err.value.code == code


def test_slip_disinfection_then_dwell_then_release(db, clock):
    with db.session() as s:
        good = add_goods(s, now=clock.now())
        number = add_slip(s, now=clock.now(), consignment_id=good)
    with db.session() as s:
        done = disinfection.record(s, actor=ACTOR, clock=clock, form=form(clock, slips=(number.lower(),),
                                                                           location="handoff_zone"))
        assert s.get(Disinfection, done.disinfection_id).target == "consignment"
    clock.advance(timedelta(minutes=29))
    with db.session() as s:
        assert dwell.release_status(s, consignment_id=good, clock=clock).state == "dwelling"
        with pytest.raises(ServiceError) as err:
            dwell.mark_released(s, consignment_id=good, actor=ACTOR, now=clock.now(), clock=clock)
        assert err.value.code == "not_ready"
    clock.advance(timedelta(minutes=1))
    with db.session() as s:
        status = dwell.release_status(s, consignment_id=good, clock=clock)
        assert status.state == "ready" and status.remaining == timedelta(0)
        dwell.mark_released(s, consignment_id=good, actor=ACTOR, now=clock.now())
    with db.session(write=False) as s:
        assert dwell.release_status(s, consignment_id=good, clock=clock).state == "released"
        timer = s.get(DwellTimer, done.timer_id)
        assert timer.state == "released" and timer.released_by == ACTOR.operator
        assert consignments.get(s, good).state == "released"


def test_recall_sends_goods_back_and_stops_the_timer(db, clock):
    with db.session() as s:
        aid = add_arrival(s, plate="苏N2", at=clock.now())
        good = add_goods(s, now=clock.now(), arrival_id=aid)
        done = disinfection.record(s, actor=ACTOR, clock=clock, form=form(clock, arrival_id=aid))
    clock.advance(timedelta(minutes=40))
    with db.session() as s:
        with pytest.raises(ServiceError):
            disinfection.recall(s, actor=ACTOR, now=clock.now(), disinfection_id=done.disinfection_id, reason=" ")
        back = disinfection.recall(s, actor=ACTOR, now=clock.now(), disinfection_id=done.disinfection_id,
                                   reason="稀释比例错误", supervisor="zhou.min", pin="2468")
    assert back == [good]
    with db.session() as s:
        assert consignments.get(s, good).state == "needs_disinfection"
        assert dwell.release_status(s, consignment_id=good, clock=clock).state == "recalled"
        assert s.get(DwellTimer, done.timer_id).state == "stopped"
        with pytest.raises(ServiceError) as err:
            dwell.mark_released(s, consignment_id=good, actor=ACTOR, now=clock.now())
        assert err.value.code == "recalled"
        assert dwell.board(s, actor=ACTOR, clock=clock).rows == []
        assert audit.recent(s, action_prefix="disinfection.recall")[0]["data"]["reason"] == "稀释比例错误"
    with pytest.raises(ServiceError) as err, db.session() as s:
        disinfection.recall(s, actor=ACTOR, now=clock.now(), disinfection_id=done.disinfection_id, reason="x",
                            supervisor="zhou.min", pin="2468")
    assert err.value.code == "already_recalled"
    # disinfected again: a fresh dwell
    with db.session() as s:
        disinfection.record(s, actor=ACTOR, clock=clock, form=form(clock, arrival_id=aid, round=2))
        assert dwell.release_status(s, consignment_id=good, clock=clock).state == "dwelling"


def test_second_round_supersedes_the_first_timer(db, clock):
    with db.session() as s:
        aid = add_arrival(s, plate="苏N3", at=clock.now())
        add_goods(s, now=clock.now(), arrival_id=aid)
        first = disinfection.record(s, actor=ACTOR, clock=clock, form=form(clock, arrival_id=aid))
    clock.advance(timedelta(minutes=10))
    with db.session() as s:
        second = disinfection.record(s, actor=ACTOR, clock=clock,
                                     form=form(clock, arrival_id=aid, round=2, location="unloading_point"))
        assert s.get(DwellTimer, first.timer_id).state == "stopped"
        rows = dwell.board(s, actor=ACTOR, clock=clock).rows
    assert [r.timer_id for r in rows] == [second.timer_id]


def test_a_disinfection_before_the_vehicle_arrived_is_refused(db, clock):
    with db.session() as s:
        aid = add_arrival(s, plate="苏N7", at=clock.now())
    with pytest.raises(ServiceError) as err, db.session() as s:
        disinfection.record(s, actor=ACTOR, clock=clock, form=form(clock, arrival_id=aid,
                                                                    started_at=clock.now() - timedelta(minutes=20)))
    assert err.value.code == "before_arrival"
