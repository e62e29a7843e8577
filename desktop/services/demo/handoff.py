"""Demo step: the handoff team scans the day's slips in the last minutes before now.

Goods whose dwell is over go (OK) onto the transfer vehicle and are signed for at their
destination, one with a partial receipt; goods still standing are refused with the time left;
the recalled disinfection, the voided slip, a second scan at another station, a mistyped number
and a slip of another site each get their own verdict. The scans read a clock aligned with this
machine's boot, as the disinfection step's timers were, so what they say matches the board.
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from desktop.domain import codes
from desktop.domain import dwell as maths
from desktop.services import consignments, disinfection, dwell, handoff, slips
from desktop.services.context import Actor
from desktop.services.demo import AlignedClock, DemoDay, aligned_clock

TEAM = Actor("liu.yang", "handoff")
SPRAYER = Actor("chen.jing", "disinfection")
SECOND = Actor("sun.li", "handoff-2")
VEHICLE = "接驳车1号（苏N·D2022）"


def run(demo: DemoDay) -> dict[str, int]:
    clock = aligned_clock(demo)
    with demo.db.session(write=False) as s:
        day_slips = [x for x in slips.list_slips(s, day=demo.day) if x.kind == "slip"]
        goods = {x.number: consignments.get(s, x.consignment_id) for x in day_slips if x.consignment_id}
    if not day_slips:
        return {"scans": 0}
    mine = _disinfect_ad_hoc(demo, clock, day_slips)
    left_alone = _left_alone(demo, clock) - mine
    clock.wall = demo.real_now - timedelta(seconds=90)
    step = timedelta(seconds=min(3.0, 80.0 / (len(day_slips) + 12)))  # everything happens before now
    verdicts: Counter[str] = Counter()
    released: list[str] = []

    def scan(code: str, actor: Actor = TEAM, **kw: str) -> handoff.Verdict:
        clock.wall += step
        with demo.db.session() as s:
            v = handoff.scan(s, code=code, actor=actor, clock=clock, **kw)
        verdicts[v.kind.value] += 1
        return v

    for slip in day_slips:
        c = goods.get(slip.number)
        if c is not None and _timer_of(demo, clock, c.id) in left_alone:
            continue
        v = scan(slip.number, receiver=(c.recipient if c else "") or "接驳组",
                 destination=(c.destination if c else "") or "接驳区",
                 transfer_vehicle=VEHICLE)
        if v.ok:
            released.append(slip.number)
    if released:
        scan(released[0], SECOND)  # a second scanning point: already handed off
        _custody(demo, clock, released, step)
    site = day_slips[0].number.split("-")[0]
    good = day_slips[0].number
    typo = good[:-1] + codes.ALPHABET[(codes.ALPHABET.index(good[-1]) + 1) % codes.MODULUS]
    scan(typo)  # a finger slipped typing it in
    other = "XZ" if site != "XZ" else "QA"
    scan(codes.new_code(other, demo.rng.randrange))  # a slip from another checkpoint
    return {"scans": sum(verdicts.values()), "releases": len(released), "disinfections_handoff_zone": len(mine),
            **{f"scans_{k}": n for k, n in sorted(verdicts.items())}}


def _left_alone(demo: DemoDay, clock: AlignedClock) -> set[int]:
    """Timers the team has not got to: an alarm nobody acknowledged, goods standing overdue. They
    stay on the board (that is what the supervisors look for)."""
    clock.wall = demo.real_now - timedelta(minutes=2)
    with demo.db.session() as s:
        board = dwell.board(s, actor=TEAM, clock=clock)
    mono = clock.read().mono
    return {r.timer_id for r in board.rows
            if maths.board_state(r.deadline_mono, mono, overdue_s=board.overdue_s) == maths.OVERDUE
            or (r.deadline_mono <= mono and not r.acknowledged)}


def _timer_of(demo: DemoDay, clock: AlignedClock, consignment_id: int) -> int | None:
    with demo.db.session(write=False) as s:
        return dwell.release_status(s, consignment_id=consignment_id, clock=clock).timer_id


def _disinfect_ad_hoc(demo: DemoDay, clock: AlignedClock, day_slips: list[slips.SlipInfo]) -> set[int]:
    """Small deliveries handed off at the gate are sprayed in the handoff zone; the latest one is
    still waiting for it."""
    with demo.db.session(write=False) as s:
        waiting = [x for x in day_slips if not x.voided and x.consignment_id is not None
                   and dwell.release_status(s, consignment_id=x.consignment_id, clock=clock).state
                   == "needs_disinfection"]
    timers = set()
    for i, slip in enumerate(waiting[:-1]):
        at = demo.real_now - timedelta(minutes=50 - 4 * i)
        if at - timedelta(minutes=5) < slip.issued_at:
            continue  # not here yet at that time
        clock.wall = at
        with demo.db.session() as s:
            done = disinfection.record(s, actor=SPRAYER, clock=clock, form=disinfection.DisinfectionForm(
                location="handoff_zone", agent="84消毒液", dilution="1:100", parts=("外包装",), operators=("陈静",),
                ppe_mask=True, ppe_gloves=True, ppe_gown=True, started_at=at - timedelta(minutes=5), ended_at=at,
                slips=(slip.number,)))
        timers.add(done.timer_id)
    return timers


def _custody(demo: DemoDay, clock: AlignedClock, released: list[str], step: timedelta) -> None:
    """Onto the transfer vehicle, then signed for; the second delivery arrives two short."""
    for i, number in enumerate(released[:3]):
        clock.wall += step
        with demo.db.session() as s:
            handoff.hand_over(s, code=number, actor=TEAM, now=clock.wall, kind="transfer", holder="司机 老马",
                              vehicle=VEHICLE)
            receiver = Actor("canteen", "一食堂")
            handoff.hand_over(s, code=number, actor=receiver, now=clock.wall + step / 2, kind="receive",
                              holder="食堂 张师傅", location="一食堂")
            if i == 1:
                handoff.hand_over(s, code=number, actor=receiver, now=clock.wall + step / 2,
                                  kind="partial", quantity=None, reason="外箱破损两箱，已拍照退回")
