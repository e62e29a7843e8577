"""The order of the day at the gate: with `gate.disinfect_before_entry` on (the default), a vehicle
is disinfected at the gate before it enters (F5) or goes on to the handoff zone (F6); its goods are
disinfected again where they are unloaded."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from desktop.domain.identity import display_plate
from desktop.i18n import t
from desktop.services import dwell, settings
from desktop.services.authz import internal
from desktop.services.context import Actor, ServiceError
from desktop.store.models import Arrival, Disinfection, DisinfectionItem, DwellTimer

KEY = "gate.disinfect_before_entry"


def gate_disinfected(session: Session, arrival_id: int) -> bool:
    """A gate disinfection of this vehicle is on record (and was not recalled)."""
    return session.exec(select(Disinfection.id).where(Disinfection.arrival_id == arrival_id,
                                                      Disinfection.location == "gate",
                                                      col(Disinfection.recalled_at).is_(None))).first() is not None


def require_gate_disinfection(session: Session, arrival: Arrival, decision: str) -> None:
    """Refuse `enter` / `handoff` until the vehicle was disinfected at the gate, when the site says so."""
    if decision == "refuse" or not settings.value(session, KEY) or gate_disinfected(session, arrival.id or 0):
        return
    raise ServiceError("not_disinfected", t(
        "{p} 尚未在门岗消杀：请消杀组先登记车辆消杀（地点：卡口），再放行进入或转接驳区。",
        "{p} has not been disinfected at the gate: the disinfection team records the vehicle's disinfection "
        "(place: gate) first, then it may enter or go to the handoff zone.", p=display_plate(arrival.plate)))


@internal("part of gate.decide, which checks GATE_CHECK")
def let_in(session: Session, *, actor: Actor, now: datetime, arrival: Arrival, decision: str) -> None:
    """Before F5 / F6: the gate disinfection must be on record (when the site says so); once the vehicle
    goes, the timers of its gate disinfections that covered no goods have done their work (the goods
    are disinfected and stand where they are unloaded) and stop, instead of waiting on the board."""
    require_gate_disinfection(session, arrival, decision)
    if decision == "refuse":
        return
    covering = select(DisinfectionItem.disinfection_id)
    mine = select(Disinfection.id).where(Disinfection.arrival_id == arrival.id, Disinfection.location == "gate",
                                         col(Disinfection.id).not_in(covering))
    for timer in session.exec(select(DwellTimer).where(col(DwellTimer.state).in_(("running", "complete")),
                                                       col(DwellTimer.disinfection_id).in_(mine))).all():
        dwell.stop(session, actor=actor, now=now, timer=timer, reason="let_in")
