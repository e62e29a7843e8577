"""The gate's day without dead ends (issue 13): walk-ins get their goods and slips, a cancelled
vehicle's goods are withdrawn and its slips refused at the handoff, the gate disinfection comes before
entry, late entries need a supervisor, and the lookup tells what already happened today."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from handoff_world import GATE, disinfect
from sqlmodel import select

from desktop.domain import necessities
from desktop.domain.walkin_goods import QUICK_PICKS
from desktop.services import consignments, gate, handoff, plate_day, settings, slips, timeline, walkins
from desktop.services.context import Actor, ServiceError
from desktop.services.handoff import VerdictKind
from desktop.store.models import DwellTimer, Slip
from tests.services.disinfection_helpers import ACTOR as TEAM
from tests.services.disinfection_helpers import add_arrival, disinfect_at_gate, form
from tests.services.sheets import DRIVER_IDS

pytestmark = pytest.mark.usefixtures("site_points")
HANDOFF = Actor("liu.yang", "handoff")


def walk_in(db, clock, plate="皖L52013"):
    person = [gate.CheckInput(name="朱永刚", id_number=DRIVER_IDS[5],
                              test_sampled_at=clock.now() - timedelta(hours=5)).confirmed()]
    with db.session() as s:
        return gate.check_in(s, actor=GATE, now=clock.now(), plate=plate, occupants=person, supervisor="zhou.min",
                             supervisor_pin="2468", reason="零星自采：临时采购药品")


def test_quick_picks_are_the_eight_necessities_and_count_as_them():
    assert [p.key for p in QUICK_PICKS] == [k for k in necessities.KEYS if k != "other"]
    assert all(necessities.classify(p.category) == p.key for p in QUICK_PICKS)


def test_a_walk_in_records_its_goods_at_the_gate_and_gets_slips(db, clock):
    arrival = walk_in(db, clock)
    lines = [walkins.GoodsLine("大米", 20, "袋"), walkins.GoodsLine("瓶装水", 10, "箱")]
    with db.session() as s, pytest.raises(ServiceError) as err:  # not before it was let through
        walkins.record_goods(s, actor=GATE, now=clock.now(), arrival_id=arrival.id, lines=lines)
    assert err.value.code == "not_let_in"
    with db.session() as s:
        approval = walkins.approval_of(s, arrival.id)
    assert approval.supervisor == "周敏" and "临时采购药品" in approval.words() and "周敏" in approval.words()
    disinfect_at_gate(db, arrival_id=arrival.id, at=clock.now())
    with db.session() as s:
        gate.decide(s, actor=GATE, now=clock.now(), arrival_id=arrival.id, decision="handoff")
        assert consignments.for_arrival(s, arrival.id) == []  # no approval: no goods on file
        for bad, code in (([], "no_goods"), ([walkins.GoodsLine(" ", 1, "袋")], "missing_category"),
                          ([walkins.GoodsLine("大米", 0, "袋")], "bad_quantity"),
                          ([walkins.GoodsLine("大米", 3, "")], "missing_unit")):
            with pytest.raises(ServiceError) as err:
                walkins.record_goods(s, actor=GATE, now=clock.now(), arrival_id=arrival.id, lines=bad)
            assert err.value.code == code
    with db.session() as s:
        goods = walkins.record_goods(s, actor=GATE, now=clock.now(), arrival_id=arrival.id, lines=lines)
        issued = [slips.issue_slip(s, actor=GATE, now=clock.now(), consignment_id=g.id) for g in goods]
    assert [(g.category, g.quantity, g.unit, g.destination, g.state) for g in goods] == [
        ("大米", 20, "袋", "接驳区", "needs_disinfection"), ("瓶装水", 10, "箱", "接驳区", "needs_disinfection")]
    assert all(i.number for i in issued)


def _let_in_with_two_slips(db, clock):
    """An approved-looking vehicle let in with two lines of goods, both ready, one slip released."""
    earlier = clock.read()
    with db.session() as s:
        aid = add_arrival(s, plate="苏N12345", at=clock.now())
        rice = consignments.create(s, actor=GATE, now=clock.now(), category="大米", quantity=60, unit="袋", arrival_id=aid)
        oil = consignments.create(s, actor=GATE, now=clock.now(), category="食用油", quantity=24, unit="桶",
                                  arrival_id=aid)
        disinfect(s, earlier, [rice.id, oil.id])
        numbers = [slips.issue_slip(s, actor=GATE, now=clock.now(), consignment_id=c.id).number for c in (rice, oil)]
    clock.advance(timedelta(minutes=31))
    with db.session() as s:
        assert handoff.scan(s, code=numbers[0], actor=HANDOFF, clock=clock, receiver="王师傅", destination="一食堂").ok
    return aid, numbers


def test_cancelling_a_vehicle_withdraws_its_goods_and_the_handoff_refuses_its_slips(db, clock):
    aid, (released, waiting) = _let_in_with_two_slips(db, clock)
    with db.session() as s:
        assert cancellation_preview(s, aid) == ["大米 60袋（" + released + "）"]
        done = gate.cancel(s, actor=GATE, now=clock.now(), arrival_id=aid, reason="车牌号录错")
    assert done.status == "cancelled"
    with db.session(write=False) as s:
        states = [c.state for c in consignments.for_arrival(s, aid)]
        slip = s.exec(select(Slip).where(Slip.number == waiting)).one()
        voided = (slip.voided_at is not None, slip.void_reason)
        timers = [t.state for t in s.exec(select(DwellTimer)).all()]
    assert states == ["released", "withdrawn"]  # what was released stays released
    assert voided[0] and "车牌号录错" in voided[1]
    assert timers == ["stopped"]  # nothing left waiting on it
    clock.advance(timedelta(seconds=5))
    with db.session() as s:
        refused = handoff.scan(s, code=waiting, actor=HANDOFF, clock=clock)
        again = handoff.scan(s, code=released, actor=HANDOFF, clock=clock)
    assert refused.kind is VerdictKind.WITHDRAWN and refused.headline == "车辆已撤销"
    assert "苏N·12345" in refused.message and "已撤销登记" in refused.message and "车牌号录错" in refused.message
    assert again.kind is VerdictKind.ALREADY
    with db.session() as s, pytest.raises(ServiceError) as err:  # and no new slip for withdrawn goods
        slips.issue_slip(s, actor=GATE, now=clock.now(), consignment_id=consignments.for_arrival(s, aid)[1].id)
    assert err.value.code == "goods_withdrawn"


def cancellation_preview(s, aid):
    from desktop.services import cancellation

    return cancellation.released_goods(s, aid)


def test_a_refused_vehicles_slip_is_refused_with_the_same_verdict(db, clock):
    with db.session() as s:
        aid = add_arrival(s, plate="苏N60218", at=clock.now(), status="refused")
        goods = consignments.create(s, actor=GATE, now=clock.now(), category="方便面", quantity=80, unit="箱",
                                    arrival_id=aid)
        number = slips.issue_slip(s, actor=GATE, now=clock.now(), consignment_id=goods.id).number
        verdict = handoff.scan(s, code=number, actor=HANDOFF, clock=clock)
    assert verdict.kind is VerdictKind.WITHDRAWN and "已被劝返" in verdict.message


def test_entry_and_handoff_wait_for_the_gate_disinfection(db, clock):
    arrival = walk_in(db, clock)
    for decision in ("enter", "handoff"):
        with db.session() as s, pytest.raises(ServiceError) as err:
            gate.decide(s, actor=GATE, now=clock.now(), arrival_id=arrival.id, decision=decision,
                        unloading_point_id=1)
        assert err.value.code == "not_disinfected" and "尚未在门岗消杀" in err.value.message
    with db.session() as s:  # refusing never waits
        assert gate_order_ok(s, arrival.id) is False
    disinfect_at_gate(db, arrival_id=arrival.id, at=clock.now())
    with db.session() as s:
        assert gate.decide(s, actor=GATE, now=clock.now(), arrival_id=arrival.id, decision="enter",
                           unloading_point_id=1).status == "admitted"
        # the vehicle's own gate timer has done its work: it does not wait on the board
        assert [(t.state, t.stopped_reason) for t in s.exec(select(DwellTimer)).all()] == [("stopped", "let_in")]


def gate_order_ok(s, arrival_id):
    from desktop.services import gate_order

    return gate_order.gate_disinfected(s, arrival_id)


def test_the_site_can_turn_the_order_off(db, clock):
    arrival = walk_in(db, clock)
    with db.session() as s:
        settings.change(s, actor=Actor("admin", "admin"), now=clock.now(), key="gate.disinfect_before_entry", raw="否")
    with db.session() as s:
        assert gate.decide(s, actor=GATE, now=clock.now(), arrival_id=arrival.id, decision="handoff").status == "handoff"


def test_disinfection_times_in_the_future_or_past_the_grace_need_a_supervisor(db, clock):
    from desktop.services import disinfection

    with db.session() as s:
        aid = add_arrival(s, plate="苏N12345", at=clock.now() - timedelta(hours=2))
    with db.session() as s, pytest.raises(ServiceError) as err:
        disinfection.record(s, actor=TEAM, clock=clock, form=form(clock, arrival_id=aid,
                                                                   ended_at=clock.now() + timedelta(minutes=3)))
    assert err.value.code == "end_in_future"
    late = form(clock, arrival_id=aid, started_at=clock.now() - timedelta(minutes=50),
                ended_at=clock.now() - timedelta(minutes=40))
    with db.session() as s, pytest.raises(ServiceError) as err:
        disinfection.record(s, actor=TEAM, clock=clock, form=late)
    assert err.value.code == "late_entry" and "40分钟" in err.value.message and "督查员" in err.value.message
    with db.session() as s, pytest.raises(ServiceError):  # a reason alone is not enough for the team
        disinfection.record(s, actor=TEAM, clock=clock, form=replace(late, late_reason="停电，纸质记录补录"))
    with db.session() as s, pytest.raises(ServiceError) as err:
        disinfection.record(s, actor=TEAM, clock=clock, form=replace(late, late_reason="停电，纸质记录补录",
                                                                      late_supervisor="zhou.min", late_pin="0000"))
    assert err.value.code != "late_entry"
    with db.session() as s:
        done = disinfection.record(s, actor=TEAM, clock=clock, form=replace(
            late, late_reason="停电，纸质记录补录", late_supervisor="zhou.min", late_pin="2468"))
        within = disinfection.record(s, actor=TEAM, clock=clock, form=form(
            clock, arrival_id=aid, ended_at=clock.now() - timedelta(minutes=4)))
        supervisor_own = disinfection.record(s, actor=Actor("duty", "supervision"), clock=clock, form=replace(
            late, late_reason="督查补录"))
    assert done.disinfection_id and within.disinfection_id and supervisor_own.disinfection_id
    with db.session(write=False) as s:
        entries = [e for e in timeline.vehicle_timeline(s, arrival_id=aid) if e.kind == "disinfection"]
    late_ones = [e for e in entries if "补录" in e.title]
    assert len(late_ones) == 2 and all(e.severity == "warn" for e in late_ones)
    assert any("周敏" in e.detail and "停电" in e.detail for e in late_ones)


def test_the_lookup_tells_what_happened_today_to_the_plate(db, clock):
    with db.session() as s:
        empty = plate_day.for_plate(s, plate="苏N60218", now=clock.now())
    assert empty.events == () and empty.refused is None
    with db.session() as s:
        aid = add_arrival(s, plate="苏N60218", at=clock.now(), status="checking")
        gate.decide(s, actor=GATE, now=clock.now(), arrival_id=aid, decision="refuse", reason="核酸采样超过48小时")
    clock.advance(timedelta(minutes=30))
    with db.session() as s:
        day = plate_day.for_plate(s, plate="苏n 60218", now=clock.now())
    assert day.refused is not None and "劝返：核酸采样超过48小时" in day.text()
    other = walk_in(db, clock, plate="苏N12345")
    disinfect_at_gate(db, arrival_id=other.id, at=clock.now())
    with db.session() as s:
        gate.decide(s, actor=GATE, now=clock.now(), arrival_id=other.id, decision="enter", unloading_point_id=1)
        inside = plate_day.for_plate(s, plate="苏N12345", now=clock.now())
        clock.advance(timedelta(minutes=40))
        gate.log_exit(s, actor=GATE, now=clock.now(), arrival_id=other.id)
        left = plate_day.for_plate(s, plate="苏N12345", now=clock.now())
    assert "起在场（①" in inside.text() and inside.refused is None
    assert "进入" in left.text() and "离开" in left.text()


def test_a_refusal_just_before_the_site_midnight_is_still_shown_just_after_it(db):
    from desktop.domain.clock import ManualClock
    from desktop.domain.localtime import site_tz

    clock = ManualClock(start=datetime(2026, 11, 29, 23, 50, tzinfo=site_tz()).astimezone(UTC))
    with db.session() as s:
        aid = add_arrival(s, plate="苏N60218", at=clock.now(), status="checking")
        gate.decide(s, actor=GATE, now=clock.now(), arrival_id=aid, decision="refuse", reason="健康码黄码")
    clock.advance(timedelta(minutes=30))  # 00:20 on the 30th at the site
    with db.session() as s:
        day = plate_day.for_plate(s, plate="苏N60218", now=clock.now())
    assert day.refused is not None and day.text() == "昨日 23:50 劝返：健康码黄码"
    clock.advance(timedelta(hours=13))  # 13:20: yesterday's night is no longer "today at the gate"
    with db.session() as s:
        assert plate_day.for_plate(s, plate="苏N60218", now=clock.now()).events == ()


def test_a_fever_or_a_symptom_fails_like_any_check_and_a_supervisor_may_override(db, clock):
    from desktop.domain.health import HealthRule, failures

    assert failures(None, (), HealthRule()) == ()
    assert failures(37.3, (), HealthRule()) == ()
    assert [f.check for f in failures(37.4, ("干咳",), HealthRule())] == ["temperature", "symptoms"]
    assert "不可能" in failures(3.65, (), HealthRule())[0].message
    hot = gate.CheckInput(name="朱永刚", id_number=DRIVER_IDS[5], temperature_c=38.2, symptoms=("干咳",),
                          test_sampled_at=clock.now() - timedelta(hours=5)).confirmed()
    with db.session() as s:
        arrival = gate.check_in(s, actor=GATE, now=clock.now(), plate="皖L52013", occupants=[hot],
                                supervisor="zhou.min", supervisor_pin="2468", reason="临时调运")
    check = arrival.checks[0]
    assert check.input.temperature_c == 38.2 and check.input.symptoms == ("干咳",)
    assert [f.message for f in check.failures] == ["体温 38.2℃，超过 37.3℃：不得放行", "有症状：干咳，不得放行"]
    with db.session() as s:
        settings.change(s, actor=Actor("admin", "admin"), now=clock.now(), key="health.temperature_limit_c", raw="38.5")
        again = gate.recheck(s, actor=GATE, now=clock.now(), arrival_id=arrival.id,
                             occupants=[replace(hot, symptoms=())])
    assert again.cleared  # the site's limit, read now
    with db.session() as s:
        bad = gate.recheck(s, actor=GATE, now=clock.now(), arrival_id=arrival.id, occupants=[replace(hot, temperature_c=39.0)])
        done = gate.override(s, actor=GATE, now=clock.now(), arrival_id=arrival.id, check_id=bad.checks[0].id,
                             check="temperature", supervisor="zhou.min", pin="2468", reason="刚下车，复测")
    assert [f.check for _, f in done.open_failures] == ["symptoms"]
