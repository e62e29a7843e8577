"""A transit station with goods in stock, standing, and waiting (transit tests: services, report, GUI)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from handoff_world import GATE, ISSUER, disinfect, ready_slip

from desktop.services import consignments, handoff, setup, site, slips
from desktop.services.context import Actor
from desktop.store.models import Consignment

ADMIN = Actor("admin", "admin")
HANDOFF = Actor("liu.yang", "handoff")


def make_transit(s, now) -> None:
    current = setup.require_site(s)
    site.update_site(s, actor=ADMIN, now=now, name="城北中转站", code=current.code, kind="transit")


def receive(s, clock, category="大米", quantity=20, unit="袋") -> str:
    """Goods that dwelt and were released into the station's stock; the slip's number."""
    number = ready_slip(s, clock.read())
    slip = slips.get_slip(s, number)
    row = s.get(Consignment, slip.consignment_id)
    row.category, row.description, row.quantity, row.unit = category, "", quantity, unit
    s.add(row)
    s.flush()
    handoff.scan(s, code=number, actor=HANDOFF, clock=clock, receiver="库管", destination="中转库")
    return number


def standing(s, clock, category="大米", quantity=30, unit="袋") -> int:
    """Goods disinfected a minute ago: still standing."""
    reading = clock.read()
    earlier = replace(reading, wall=reading.wall - timedelta(minutes=1), mono=reading.mono - 60)
    c = consignments.create(s, actor=ISSUER, now=earlier.wall, category=category, quantity=quantity, unit=unit)
    disinfect(s, earlier, [c.id])
    slips.issue_slip(s, actor=GATE, now=earlier.wall, consignment_id=c.id)
    return c.id
