"""A day through the real services: goods arrive, a slip is issued, the disinfection team records a
disinfection (starting the dwell), the handoff team scans too early, on time, and a second time;
a recall sends released-but-not-yet-scanned goods back; the chain and the audit log agree."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import func, select

from desktop.services import audit, consignments, disinfection, handoff, slips, verify
from desktop.services.context import Actor
from desktop.services.handoff import VerdictKind as V
from desktop.store.models import Release

GATE = Actor("li.qiang", "gate")
TEAM = Actor("chen.jing", "disinfection")
HANDOFF = Actor("liu.yang", "handoff")
SECOND = Actor("sun.li", "handoff-2")


def spray(s, clock, *numbers):
    now = clock.now()
    return disinfection.record(s, actor=TEAM, clock=clock, form=disinfection.DisinfectionForm(
        location="handoff_zone", agent="84消毒液", dilution="1:100", parts=("外包装",), operators=("陈静",),
        ppe_mask=True, ppe_gloves=True, ppe_gown=True, started_at=now - timedelta(minutes=5), ended_at=now,
        slips=tuple(numbers)))


def test_a_day_at_the_handoff(db, clock):
    with db.session() as s:
        rice = consignments.create(s, actor=GATE, now=clock.now(), category="粮油", description="大米", quantity=20,
                                   unit="袋", destination="一食堂")
        milk = consignments.create(s, actor=GATE, now=clock.now(), category="肉蛋奶", description="牛奶", quantity=5,
                                   unit="箱", destination="京东超市")
        rice_slip = slips.issue_slip(s, actor=GATE, now=clock.now(), consignment_id=rice.id).number
        milk_slip = slips.issue_slip(s, actor=GATE, now=clock.now(), consignment_id=milk.id).number
    clock.advance(300)
    with db.session() as s:
        done = spray(s, clock, rice_slip, milk_slip)

    def scan(code, actor=HANDOFF):
        with db.session() as s:
            return handoff.scan(s, code=code, actor=actor, clock=clock, receiver="王师傅", destination="一食堂",
                                transfer_vehicle="接驳车1号")

    clock.advance(timedelta(minutes=20))
    early = scan(rice_slip)
    assert early.kind is V.NOT_YET and early.remaining_text == "10:00"
    clock.advance(timedelta(minutes=10))
    assert scan(rice_slip).kind is V.OK
    clock.advance(5)
    again = scan(rice_slip, SECOND)
    assert again.kind is V.ALREADY and "王师傅" in again.message
    with db.session() as s:  # the milk's disinfection turns out to have been wrong
        disinfection.recall(s, actor=Actor("zhou.min", "supervision"), now=clock.now(),
                            disinfection_id=done.disinfection_id, reason="稀释比例错误")
    assert scan(milk_slip).kind is V.RECALLED
    clock.advance(60)
    with db.session() as s:
        spray(s, clock, milk_slip)
    clock.advance(timedelta(minutes=29))
    assert scan(milk_slip).kind is V.NOT_YET
    clock.advance(timedelta(minutes=1, seconds=1))
    assert scan(milk_slip).kind is V.OK
    with db.session(write=False) as s:
        assert s.exec(select(func.count()).select_from(Release)).one() == 2
        assert [e.verdict for e in handoff.custody_chain(s, rice_slip)] == ["not_yet", "ok", "already"]
        assert [e.verdict for e in handoff.custody_chain(s, milk_slip)] == ["recalled", "not_yet", "ok"]
        actions = [e["action"] for e in audit.recent(s, action_prefix="handoff.")]
        assert actions.count("handoff.release") == 2 and actions.count("handoff.scan") == 4
        assert verify.verify(s, dialect=db.dialect).ok
