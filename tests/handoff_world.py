"""Goods ready (or not) for the handoff, for the handoff tests (services, CLI, GUI, bench checks).

A disinfection is written as rows plus `dwell.start_timer` (the dwell service's own entry point);
the disinfection station's service records the same rows.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from sqlmodel import col, select

from desktop.domain.clock import ClockReading
from desktop.services import consignments, dwell, slips
from desktop.services.context import Actor
from desktop.services.setup import require_site
from desktop.store.models import Bag, Disinfection, DisinfectionItem, DwellTimer, HouseholdOrder

ISSUER = Actor("chen.jing", "disinfection")
GATE = Actor("li.qiang", "gate")  # slips are issued at the gate (门岗)


def goods(s, now, category="大米"):
    return consignments.create(s, actor=ISSUER, now=now, category=category, quantity=20, unit="袋",
                               recipient="一食堂", destination="①")


def disinfect(s, reading: ClockReading, consignment_ids: list[int], minutes: int = 30) -> int:
    site = require_site(s)
    d = Disinfection(site_id=site.id, target="consignment", location="handoff_zone", agent="84",
                     dilution="1:100", started_at=reading.wall, ended_at=reading.wall, station="disinfection",
                     recorded_by=ISSUER.operator)
    s.add(d)
    s.flush()
    for cid in consignment_ids:
        s.add(DisinfectionItem(disinfection_id=d.id, consignment_id=cid))
        consignments.set_state(s, actor=ISSUER, now=reading.wall, consignment_id=cid, state="dwelling")
    s.flush()
    dwell.start_timer(s, actor=ISSUER, reading=reading, disinfection_id=d.id, ended_at=reading.wall, minutes=minutes)
    return d.id


def slip_for(s, now, *, disinfected_reading: ClockReading | None = None) -> str:
    c = goods(s, now)
    if disinfected_reading is not None:
        disinfect(s, disinfected_reading, [c.id])
    return slips.issue_slip(s, actor=GATE, now=now, consignment_id=c.id).number


def ready_slip(s, reading: ClockReading) -> str:
    """A slip whose goods finished their 30-minute dwell a minute before `reading`."""
    earlier = replace(reading, wall=reading.wall - timedelta(minutes=31), mono=reading.mono - 31 * 60)
    number = slip_for(s, earlier.wall, disinfected_reading=earlier)
    for timer in s.exec(select(DwellTimer).where(col(DwellTimer.started_server).is_not(None))).all():
        # on a server database its clock witnesses the dwell too: let it have seen the 31 minutes
        if timer.started_mono == earlier.mono and timer.boot_id == earlier.boot_id:
            timer.started_server = timer.started_server - timedelta(minutes=31)
            s.add(timer)
    return number


def bag_labels(s, reading: ClockReading, n: int = 2, *, ready: bool = True) -> tuple[int, list[str]]:
    """A household delivery of `n` bags, one label each; disinfected (and dwelt when `ready`)."""
    site = require_site(s)
    at = replace(reading, wall=reading.wall - timedelta(minutes=31), mono=reading.mono - 31 * 60) if ready else reading
    c = consignments.create(s, actor=ISSUER, now=at.wall, category="团购")
    numbers = []
    for i in range(n):
        order = HouseholdOrder(site_id=site.id, batch="b1", building="3", room=f"10{i}", phone="138", created_at=at.wall)
        s.add(order)
        s.flush()
        bag = Bag(order_id=order.id, consignment_id=c.id, seq=1)
        s.add(bag)
        s.flush()
        numbers.append(slips.issue_slip(s, actor=GATE, now=at.wall, bag_id=bag.id, kind="bag_label").number)
    disinfect(s, at, [c.id])
    return c.id, numbers


# A `gatehouse` command that waits for a go-file before it runs, so two processes start together.
RACER = """
import os, sys, time
from desktop.cli import main
import desktop.cli.scan, desktop.services.handoff, desktop.store.migrate  # everything loaded before the start
go = sys.argv[1]
while not os.path.exists(go):
    time.sleep(0.0005)
sys.exit(main(sys.argv[2:]))
"""
