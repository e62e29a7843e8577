"""One vehicle's whole journey written through the stations' own services, for the supervision
tests (services, CLI, GUI): approved the day before, checked in, admitted, its goods registered,
disinfected at the gate, a slip issued and printed, scanned too early, released after the dwell,
carried and signed for, and the vehicle out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from desktop.domain.clock import ManualClock
from desktop.services import approvals, consignments, disinfection, gate, handoff, setup, slips
from desktop.services.approvals import ApprovalDraft, CargoLine, OccupantDraft
from desktop.services.context import Actor

DAY_START = datetime(2026, 11, 29, 23, 30, tzinfo=UTC)  # 07:30 on 2026-11-30 in Suqian
REVIEW = Actor("wang.fang", "review")
GUARD = Actor("li.qiang", "gate")
TEAM = Actor("chen.jing", "disinfection")
HANDOFF = Actor("liu.yang", "handoff")
SUPERVISOR = Actor("zhou.min", "supervision")


@dataclass
class Journey:
    arrival_id: int
    slip: str
    refused_id: int


def _id(body: str) -> str:
    from desktop.domain.identity import id_check_digit

    return body + id_check_digit(body)


def site(db, clock: ManualClock) -> None:
    admin = Actor("admin", "admin")
    with db.session() as s:
        setup.add_unloading_point(s, actor=admin, now=clock.now(), code="①", name="食堂1-2连廊西侧",
                                  route="东门→东环路→一食堂西侧")


def journey(db, clock: ManualClock) -> Journey:
    """Moves `clock` through the day (to about 09:00 local) and returns the ids to look at."""
    site(db, clock)
    clock.set_wall(DAY_START - timedelta(hours=20))
    day = (DAY_START + timedelta(hours=8)).date()
    driver = OccupantDraft("张建国", _id("32131119780312031"), "13805271234", test_sampled_at=DAY_START - timedelta(hours=10))
    with db.session() as s:
        point = next(iter(approvals._point_names(s)))
        approvals.add(s, actor=REVIEW, now=clock.now(), approve=True, draft=ApprovalDraft(
            plate="苏N12345", arrival_date=day, supplier_name="宿迁市苏果超市配送中心", occupants=(driver,),
            unloading_point_id=point, cargo=(CargoLine("大米", 60, "袋"), CargoLine("食用油", 24, "桶"))))
        approvals.add(s, actor=REVIEW, now=clock.now(), approve=True, draft=ApprovalDraft(
            plate="苏N60218", arrival_date=day, supplier_name="宿迁京东物流配送站", occupants=(
                OccupantDraft("周海涛", _id("32130219910630041"), "18752710088",
                              test_sampled_at=DAY_START - timedelta(hours=60)),),
            unloading_point_id=point, cargo=(CargoLine("方便面", 80, "箱"),)))
    clock.set_wall(DAY_START + timedelta(minutes=10))  # 07:40
    with db.session() as s:
        found = gate.lookup(s, query="苏N12345", now=clock.now())
        a = gate.check_in(s, actor=GUARD, now=clock.now(), plate=found.plate,
                          occupants=[p.confirmed() for p in found.prefill], approval_id=found.approval.id)
    clock.advance(timedelta(minutes=1))
    with db.session() as s:  # the vehicle is disinfected at the gate before it may enter
        disinfection.record(s, actor=TEAM, clock=clock, form=disinfection.DisinfectionForm(
            location="gate", agent="84消毒液", dilution="1:100", parts=("轮胎", "货厢门把手"), operators=("陈静",),
            ppe_mask=True, ppe_gloves=True, ppe_gown=True, started_at=clock.now() - timedelta(minutes=1),
            ended_at=clock.now(), arrival_id=a.id))
    clock.advance(timedelta(minutes=1))
    with db.session() as s:
        gate.decide(s, actor=GUARD, now=clock.now(), arrival_id=a.id, decision="enter")
        rice = consignments.for_arrival(s, a.id)[0]  # the gate registered the approved cargo as goods
    clock.advance(timedelta(minutes=5))
    with db.session() as s:  # and its goods again where they are unloaded
        disinfection.record(s, actor=TEAM, clock=clock, form=disinfection.DisinfectionForm(
            location="unloading_point", agent="84消毒液", dilution="1:100", parts=("外包装",), operators=("陈静",),
            ppe_mask=True, ppe_gloves=True, ppe_gown=True, started_at=clock.now() - timedelta(minutes=4),
            ended_at=clock.now(), arrival_id=a.id))
    clock.advance(timedelta(minutes=1))
    with db.session() as s:
        slip = slips.issue_slip(s, actor=GUARD, now=clock.now(), consignment_id=rice.id)
        slips.record_print(s, actor=GUARD, now=clock.now(), number=slip.number, printer="XP-80C", paper="80mm")
    clock.advance(timedelta(minutes=10))
    with db.session() as s:  # too early: refused with the time left
        handoff.scan(s, code=slip.number, actor=HANDOFF, clock=clock)
    clock.advance(timedelta(minutes=21))
    with db.session() as s:
        handoff.scan(s, code=slip.number, actor=HANDOFF, clock=clock, receiver="一食堂", destination="①",
                     transfer_vehicle="接驳车1号")
    clock.advance(timedelta(minutes=2))
    with db.session() as s:
        handoff.hand_over(s, code=slip.number, actor=HANDOFF, now=clock.now(), kind="receive", holder="张师傅",
                          location="一食堂")
        found = gate.lookup(s, query="苏N60218", now=clock.now())
        refused = gate.check_in(s, actor=GUARD, now=clock.now(), plate=found.plate,
                                occupants=[p.confirmed() for p in found.prefill], approval_id=found.approval.id)
        gate.decide(s, actor=GUARD, now=clock.now(), arrival_id=refused.id, decision="refuse",
                    reason="核酸采样超过48小时")
    clock.advance(timedelta(minutes=3))
    with db.session() as s:
        gate.log_exit(s, actor=GUARD, now=clock.now(), arrival_id=a.id)
    return Journey(a.id, slip.number, refused.id)
