"""What cancelling a vehicle that was let in (撤销登记) does to its goods: the slips not yet released
are voided, the dwell timers stop, the goods are marked withdrawn. What was already released stays
released, and is named (the dialog asks before, the result says after). The handoff then refuses
any slip of a cancelled or refused vehicle with its own verdict (`vehicle_of`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from desktop.domain.identity import display_plate
from desktop.i18n import t
from desktop.services import audit, consignments, dwell
from desktop.services.authz import internal
from desktop.services.context import Actor
from desktop.store.models import Arrival, Bag, Consignment, Disinfection, DisinfectionItem, DwellTimer, Slip

DONE = ("released", "delivered")
WITHDRAWN_STATUSES = ("cancelled", "refused")


@dataclass(frozen=True)
class Withdrawal:
    voided: tuple[str, ...]  # slip numbers voided
    withdrawn: tuple[int, ...]  # consignments marked withdrawn
    timers_stopped: int
    released: tuple[str, ...]  # goods already released, in words ("大米 60袋（GH-…）")


def _qty(c: Consignment) -> str:
    q = int(c.quantity) if float(c.quantity).is_integer() else c.quantity
    return f"{c.description or c.category} {q}{c.unit}".strip()


def _slips(session: Session, consignment_id: int) -> list[Slip]:
    return list(session.exec(select(Slip).where(Slip.consignment_id == consignment_id).order_by(col(Slip.id))).all())


def released_goods(session: Session, arrival_id: int) -> list[str]:
    """The goods of this vehicle already moved on (they stay so, whatever happens to the vehicle)."""
    out = []
    for c in session.exec(select(Consignment).where(Consignment.arrival_id == arrival_id).order_by(col(Consignment.id))):
        if c.state in DONE:
            numbers = "、".join(s.number for s in _slips(session, c.id or 0) if s.voided_at is None)
            out.append(f"{_qty(c)}（{numbers}）" if numbers else _qty(c))
    return out


@internal("part of gate.cancel, which checks GATE_CHECK")
def withdraw(session: Session, *, actor: Actor, now: datetime, arrival_id: int, reason: str) -> Withdrawal:
    """Void the unreleased slips, stop the timers and withdraw the goods of a cancelled vehicle."""
    arrival = session.get(Arrival, arrival_id)
    plate = display_plate(arrival.plate) if arrival else ""
    why = t("车辆 {p} 登记已撤销：{r}", "Vehicle {p} check-in cancelled: {r}", p=plate, r=reason)
    goods = list(session.exec(select(Consignment).where(Consignment.arrival_id == arrival_id)
                              .order_by(col(Consignment.id))).all())
    voided, withdrawn = [], []
    for c in goods:
        if c.state in DONE:
            continue
        for slip in _slips(session, c.id or 0):
            if slip.voided_at is None:
                slip.voided_at, slip.voided_by, slip.void_reason = now, actor.operator, why
                session.add(slip)
                session.flush()
                audit.record(session, actor=actor, action="slip.void", at=now, entity="slip", entity_id=slip.id,
                             data={"number": slip.number, "reason": why, "authoriser": None, "arrival_id": arrival_id})
                voided.append(slip.number)
        consignments.set_state(session, actor=actor, now=now, consignment_id=c.id or 0, state="withdrawn", reason=why)
        withdrawn.append(c.id or 0)
    stopped = 0
    ids = [c.id for c in goods]
    by_vehicle = select(Disinfection.id).where(Disinfection.arrival_id == arrival_id)
    by_goods = select(DisinfectionItem.disinfection_id).where(col(DisinfectionItem.consignment_id).in_(ids or [-1]))
    timers = session.exec(select(DwellTimer).where(col(DwellTimer.state).in_(("running", "complete")),
                                                   col(DwellTimer.disinfection_id).in_(by_vehicle.union(by_goods)))).all()
    for timer in timers:
        covered = [session.get(Consignment, cid) for cid in dwell.covered(session, timer.disinfection_id)]
        # a timer shared with other goods still waiting (another vehicle's) keeps counting for them
        if all(c is None or c.state in (*DONE, "withdrawn") for c in covered):
            dwell.stop(session, actor=actor, now=now, timer=timer, reason="vehicle cancelled")
            stopped += 1
    return Withdrawal(tuple(voided), tuple(withdrawn), stopped, tuple(released_goods(session, arrival_id)))


@dataclass(frozen=True)
class VehicleGone:
    plate: str
    status: str  # cancelled / refused
    reason: str


def vehicle_of(session: Session, slip: Slip) -> VehicleGone | None:
    """The vehicle whose goods a slip is for, when that vehicle was cancelled or refused."""
    cid = slip.consignment_id
    if cid is None and slip.bag_id is not None:
        bag = session.get(Bag, slip.bag_id)
        cid = bag.consignment_id if bag else None
    goods = session.get(Consignment, cid) if cid else None
    arrival = session.get(Arrival, goods.arrival_id) if goods is not None and goods.arrival_id else None
    if arrival is None or arrival.status not in WITHDRAWN_STATUSES:
        return None
    reason = arrival.cancel_reason if arrival.status == "cancelled" else arrival.decision_reason
    return VehicleGone(display_plate(arrival.plate), arrival.status, reason)
