"""Demo step: disinfections and dwell timers in every state, timed against the real now so that
some are still running when the demo database is opened.

The readings are taken on a clock aligned with this machine's own boot (same boot id, monotonic
readings shifted back with the wall time), so the app opened on this machine shows exactly the
time left; opened after a reboot it falls back, as it would for real timers, to what it can know.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from desktop.services import consignments, disinfection, dwell
from desktop.services.context import Actor, ServiceError
from desktop.services.demo import AlignedClock, DemoDay, aligned_clock

TEAM = Actor("chen.jing", "disinfection")
OPERATORS = ("陈静", "赵磊")
# (minutes before the real now the disinfection ended, what, how many, unit, fate)
GOODS = [
    (300, "蔬菜", "青菜、土豆、西红柿", 40, "箱", "released"),
    (240, "肉蛋奶", "鸡蛋", 30, "箱", "recalled"),
    (180, "粮油", "大米 25kg", 60, "袋", "early"),
    (75, "防疫物资", "医用口罩", 20, "箱", "overdue"),
    (40, "粮油", "食用油 5L", 24, "桶", "acknowledged"),
    (33, "生鲜", "猪肉", 12, "箱", "complete"),
    (27, "肉蛋奶", "牛奶", 50, "箱", "due_soon"),
    (12, "蔬菜", "蔬菜包", 80, "份", "running"),
    (2, "生活用品", "折叠床", 15, "张", "running"),
]


def _form(at: datetime, *, location: str, agent: tuple[str, str], parts: tuple[str, ...], goods: tuple[int, ...] = (),
          arrival_id: int | None = None, round_: int = 1) -> disinfection.DisinfectionForm:
    return disinfection.DisinfectionForm(location=location, agent=agent[0], dilution=agent[1], parts=parts,
                                         operators=OPERATORS, ppe_mask=True, ppe_gloves=True, ppe_gown=True,
                                         started_at=at - timedelta(minutes=6), ended_at=at, consignment_ids=goods,
                                         arrival_id=arrival_id, round=round_)


def run(demo: DemoDay) -> dict[str, int]:
    real = demo.real_now
    clock = aligned_clock(demo)
    to_acknowledge = []
    wipe, spray = ("75%酒精擦拭", "75%"), ("84消毒液", "1:100")
    counts = {"disinfections": 0, "dwell_timers": 0}
    for ago, category, what, qty, unit, fate in GOODS:
        clock.wall = real - timedelta(minutes=ago + 8)
        with demo.db.session() as s:
            cid = consignments.create(s, actor=Actor("li.qiang", "gate"), now=clock.wall, category=category,
                                      description=what, quantity=qty, unit=unit, destination="接驳区货架")
        clock.wall = real - timedelta(minutes=ago)
        agent = wipe if category == "防疫物资" else spray
        with demo.db.session() as s:
            done = disinfection.record(s, actor=TEAM, clock=clock, form=_form(
                clock.wall, location="handoff_zone", agent=agent, parts=("外包装",), goods=(cid.id,)))
            counts["disinfections"] += 1
            counts["dwell_timers"] += 1
        if fate in ("acknowledged", "overdue"):
            to_acknowledge.append(done.timer_id)
        _fate(demo, clock, fate, done, cid.id)
    cars = _vehicles(demo, clock, real)
    counts["disinfections"] += cars
    counts["dwell_timers"] += cars
    clock.wall = real
    with demo.db.session() as s:
        dwell.board(s, actor=TEAM, clock=clock)  # records what is complete by now
        dwell.acknowledge(s, actor=TEAM, clock=clock, timer_ids=to_acknowledge)
    return counts


def _fate(demo: DemoDay, clock: AlignedClock, fate: str, done: disinfection.Recorded, cid: int) -> None:
    start = clock.wall
    if fate == "released":
        clock.wall = start + timedelta(minutes=45)
        with demo.db.session() as s:
            dwell.acknowledge(s, actor=TEAM, clock=clock, timer_ids=[done.timer_id])
            dwell.mark_released(s, consignment_id=cid, actor=Actor("liu.yang", "handoff"), now=clock.wall, clock=clock)
    elif fate == "recalled":
        clock.wall = start + timedelta(minutes=10)
        with demo.db.session() as s:
            disinfection.recall(s, actor=Actor("zhou.min", "supervision"), now=clock.wall,
                                disinfection_id=done.disinfection_id, reason="稀释比例错误（1:200）")
    elif fate == "early":
        clock.wall = start + timedelta(minutes=18)
        try:
            with demo.db.session() as s:
                dwell.complete_early(s, actor=TEAM, clock=clock, timer_id=done.timer_id, supervisor="zhou.min",
                                     pin="2468", reason="医院急需，督查现场确认外包装已擦拭")
        except ServiceError:  # no demo supervisor: leave it to run out
            pass


def _vehicles(demo: DemoDay, clock: AlignedClock, real: datetime) -> int:
    """Vehicles the gate admitted (when the gate's demo step ran first), disinfected at the gate before
    entry: their goods again where they are unloaded."""
    clock.wall = real - timedelta(minutes=5)
    with demo.db.session(write=False) as s:
        cars = [c for c in disinfection.vehicles(s, now=clock.wall) if c.arrived_at <= clock.wall - timedelta(minutes=3)][:2]
    done = 0
    for car in cars:
        try:
            with demo.db.session() as s:
                disinfection.record(s, actor=TEAM, clock=clock, form=_form(
                    clock.wall, location="unloading_point", agent=("84消毒液", "1:100"),
                    parts=("货厢门把手", "后备箱锁", "轮胎", "外包装"), arrival_id=car.arrival_id))
            done += 1
        except ServiceError:
            continue
    return done
