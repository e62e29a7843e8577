"""Demo step: handoff slips for the demo day.

Every consignment of the day that an earlier step registered and that has no slip gets one; a few
small ad-hoc deliveries handed off at the east gate are added with their own slips. One slip is
voided (wrong goods count) and re-issued, one is printed and then reprinted, so screens, lists and
PDFs show every state.
"""

from __future__ import annotations

from desktop.services import consignments, slips
from desktop.services.context import Actor
from desktop.services.demo import DemoDay

GATE = Actor("li.qiang", "gate")
HANDOFF = Actor("liu.yang", "handoff")

AD_HOC = [  # (local time, category, description, quantity, unit, recipient, destination)
    (11, 10, "快递", "学生个人快递（零星自采）", 36, "件", "东门快递架", "接驳区 A 架"),
    (11, 40, "药品", "校医院常用药品", 4, "箱", "校医院 王医生 13851234567", "校医院"),
    (13, 15, "蔬菜", "青菜、土豆、西红柿", 60, "箱", "七食堂", "② 7食堂北门"),
    (14, 5, "口罩", "医用外科口罩", 20, "箱", "后勤处", "物资仓库"),
    (15, 30, "牛奶", "纯牛奶 250ml×24", 80, "箱", "京东超市", "③ 校园京东超市西入口"),
]


def run(demo: DemoDay) -> dict[str, int]:
    draw = demo.rng.randrange
    with demo.db.session() as s:
        if _already_written(s, demo):
            return {"slips": 0}
        count = 0
        for i, (hh, mm, category, description, qty, unit, recipient, destination) in enumerate(AD_HOC):
            now = demo.move_to(hh, mm)
            c = consignments.create(s, actor=GATE, now=now, category=category, description=description,
                                    quantity=qty, unit=unit, recipient=recipient, destination=destination)
            slip = slips.issue_slip(s, actor=GATE, now=now, consignment_id=c.id, randbelow=draw)
            slips.record_print(s, actor=GATE, now=now, number=slip.number, printer="XP-80C", paper="80mm")
            count += 1
            if i == 2:  # the vegetables were counted wrong: void, and issue a new slip for the same goods
                now = demo.move_to(hh, mm + 10)
                slips.void_slip(s, actor=GATE, now=now, number=slip.number, reason="数量登记错误，重新开单",
                                supervisor="zhou.min", pin="2468")  # the gate asks; the supervisor authorises
                again = slips.issue_slip(s, actor=GATE, now=now, consignment_id=c.id, randbelow=draw)
                slips.record_print(s, actor=GATE, now=now, number=again.number, printer="XP-80C", paper="80mm")
                count += 1
            if i == 4:  # the milk slip got wet in the rain: printed again
                now = demo.move_to(hh, mm + 20)
                slips.record_print(s, actor=GATE, now=now, number=slip.number, printer="XP-80C", paper="80mm")
        for slip in _for_earlier_consignments(s, demo, draw):
            slips.record_print(s, actor=slip_actor(slip), now=slip.issued_at, number=slip.number,
                               printer="XP-80C", paper="80mm")
            count += 1
    return {"slips": count, "slips_voided": 1, "slips_reprinted": 1}


def _already_written(s, demo: DemoDay) -> bool:  # type: ignore[no-untyped-def]
    """This step ran for the day before (its first ad-hoc delivery has a slip)."""
    first = AD_HOC[0][3]
    for slip in slips.list_slips(s, day=demo.day):
        goods = consignments.get(s, slip.consignment_id) if slip.consignment_id else None
        if goods is not None and goods.description == first:
            return True
    return False


def slip_actor(slip: slips.SlipInfo) -> Actor:
    return Actor(slip.issued_by, slip.station)


def _for_earlier_consignments(s, demo: DemoDay, draw) -> list[slips.SlipInfo]:  # type: ignore[no-untyped-def]
    """Slips for goods the gate/disinfection steps registered (if those steps ran), issued a minute
    after the goods were registered. Those steps time some goods against the real now, so the
    window runs from the demo day's start to the real now."""
    from datetime import timedelta

    from desktop.services.slips import day_bounds, unslipped_consignments

    lo, _hi = day_bounds(demo.day)
    out = []
    for cid, created_at in unslipped_consignments(s, since=lo, until=demo.real_now + timedelta(seconds=1)):
        out.append(slips.issue_slip(s, actor=GATE, now=created_at + timedelta(minutes=1), consignment_id=cid,
                                    randbelow=draw))
    return out
