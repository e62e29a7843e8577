"""The order of the day at the gate: with `gate.disinfect_before_entry` on (the default), a vehicle
is disinfected at the gate before it enters (F5) or goes on to the handoff zone (F6); its goods are
disinfected again where they are unloaded."""

from __future__ import annotations

from sqlmodel import Session, col, select

from desktop.domain.identity import display_plate
from desktop.i18n import t
from desktop.services import settings
from desktop.services.context import ServiceError
from desktop.store.models import Arrival, Disinfection

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
