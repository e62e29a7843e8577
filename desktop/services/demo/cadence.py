"""Demo step: the community cadence (本轮) for 幸福里小区.

The households of the day's order batch go into the register (two of them special-needs), three
more households are typed in that have not ordered this round (one of them special-needs, so three
phone checks are due), and the information officer calls two: one reached, one not reached (it
stays due). Times are relative to the real now, after the order sheet was imported.
"""

from __future__ import annotations

from datetime import timedelta

from desktop.services import cadence, register
from desktop.services.context import Actor
from desktop.services.demo import DemoDay
from desktop.services.demo.households import COMMUNITY, OFFICER, batch_name

CALLER = Actor("wang.fang", "households")
NOT_ORDERED = (  # building, unit, room, contact, phone, special
    ("1号楼", "2单元", "601", "钱先生", "13812345601", ""),
    ("2号楼", "1单元", "602", "孙奶奶", "13812345602", "独居老人；慢病"),
    ("3号楼", "2单元", "603", "周女士", "13812345603", ""),
)


def run(demo: DemoDay) -> dict[str, int]:
    with demo.db.session(write=False) as s:
        if register.households(s):
            return {"register_households": 0}
    now = demo.real_now - timedelta(hours=2, minutes=50)
    with demo.db.session() as s:
        added = register.add_from_orders(s, actor=OFFICER, now=now, batch=batch_name(demo))
        for i, (building, unit, room, contact, phone, special) in enumerate(NOT_ORDERED):
            register.add(s, actor=OFFICER, now=now + timedelta(minutes=1 + i), community=COMMUNITY,
                         building=building, unit=unit, room=room, contact=contact, phone=phone, special=special)
    with demo.db.session(write=False) as s:
        due = cadence.due_checks(s, demo.real_now)
    outcomes = (cadence.REACHED_OK, cadence.NOT_REACHED)
    for i, (row, outcome) in enumerate(zip(due, outcomes, strict=False)):
        with demo.db.session() as s:
            cadence.record_check(s, actor=CALLER, now=demo.real_now - timedelta(minutes=40 - 5 * i),
                                 household_id=row.household_id, outcome=outcome)
    return {"register_households": added + len(NOT_ORDERED), "phone_checks": min(len(due), len(outcomes))}
