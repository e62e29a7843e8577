"""Rows other stations write (gate arrivals, slips), made directly for disinfection tests."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from desktop.domain import codes
from desktop.domain.clock import Clock
from desktop.services import consignments, disinfection
from desktop.services.context import Actor
from desktop.store.models import Arrival, Slip

ACTOR = Actor("chen.jing", "disinfection")


def add_arrival(session, *, plate: str, at: datetime, status: str = "admitted") -> int:
    row = Arrival(site_id=1, plate=plate, arrived_at=at, status=status, created_by="li.qiang")
    session.add(row)
    session.flush()
    return row.id or 0


def add_goods(session, *, now: datetime, arrival_id: int | None = None, what: str = "大米") -> int:
    return consignments.create(session, actor=ACTOR, now=now, category="粮油", description=what, quantity=10,
                               unit="袋", arrival_id=arrival_id).id


def add_slip(session, *, now: datetime, consignment_id: int, seed: int = 1, site: str = "GH") -> str:
    number = codes.new_code(site, random.Random(seed).randrange)
    session.add(Slip(number=number, site_id=1, consignment_id=consignment_id, issued_at=now, issued_by="li.qiang"))
    session.flush()
    return number


def form(clock: Clock, **kw) -> disinfection.DisinfectionForm:
    now = clock.now()
    base = dict(location="gate", agent="84消毒液", dilution="1:100", parts=("轮胎", "外包装"),
                operators=("陈静",), ppe_mask=True, ppe_gloves=True, ppe_gown=True,
                started_at=now - timedelta(minutes=4), ended_at=now)
    base.update(kw)
    return disinfection.DisinfectionForm(**base)


def disinfect_at_gate(db, *, arrival_id: int, at: datetime, actor: Actor = ACTOR) -> int:
    """The vehicle's disinfection at the gate, which must come before it enters or goes to the handoff
    zone (`gate.disinfect_before_entry`). Returns the disinfection's id."""
    from desktop.domain.clock import ManualClock

    with db.session() as s:
        return disinfection.record(s, actor=actor, clock=ManualClock(start=at),
                                   form=form(ManualClock(start=at), arrival_id=arrival_id)).disinfection_id
