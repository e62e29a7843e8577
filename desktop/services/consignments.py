"""Consignments: the goods a slip travels with (one per cargo line, or one per household bag)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from desktop.domain.permissions import Permission
from desktop.i18n import t
from desktop.services import audit, privacy
from desktop.services.authz import internal, requires
from desktop.services.context import Actor, ServiceError
from desktop.services.setup import require_site
from desktop.store.models import Arrival, Consignment

STATES = ("needs_disinfection", "dwelling", "ready", "released", "delivered", "recalled",
          "withdrawn")  # withdrawn: its vehicle's check-in was cancelled (desktop.services.cancellation)


@dataclass(frozen=True)
class ConsignmentInfo:
    id: int
    arrival_id: int | None
    order_id: int | None
    category: str
    description: str
    quantity: float
    unit: str
    recipient: str
    destination: str
    state: str
    created_at: datetime


def info(c: Consignment) -> ConsignmentInfo:
    return ConsignmentInfo(c.id or 0, c.arrival_id, c.order_id, c.category, c.description, c.quantity, c.unit,
                           c.recipient, c.destination, c.state, c.created_at)


@internal("goods are registered inside a checked use case: gate decision, order import, demo")
def create(session: Session, *, actor: Actor, now: datetime, category: str, description: str = "",
           quantity: float = 0, unit: str = "", recipient: str = "", destination: str = "",
           arrival_id: int | None = None, order_id: int | None = None) -> ConsignmentInfo:
    """Register goods that arrived; they start as needing disinfection."""
    if not category.strip():
        raise ServiceError("missing_category", t("请填写物资类别。", "Enter the category of the goods."))
    if quantity < 0:
        raise ServiceError("bad_quantity", t("数量不能为负数。", "The quantity cannot be negative."))
    if arrival_id is not None and session.get(Arrival, arrival_id) is None:
        raise ServiceError("unknown_arrival", t("找不到该车辆登记。", "No such vehicle arrival."))
    site = require_site(session)
    row = Consignment(site_id=site.id, arrival_id=arrival_id, order_id=order_id, category=category.strip(),
                      description=description.strip(), quantity=quantity, unit=unit.strip(),
                      recipient=recipient.strip(), destination=destination.strip(), created_at=now,
                      created_by=actor.operator)
    session.add(row)
    session.flush()
    audit.record(session, actor=actor, action="consignment.create", at=now, entity="consignment",
                 entity_id=row.id, data={"arrival_id": arrival_id, "order_id": order_id, "category": row.category,
                                         "description": row.description, "quantity": quantity, "unit": row.unit,
                                         "recipient": privacy.scrub_free_text(row.recipient),
                                         "destination": privacy.scrub_free_text(row.destination)})
    return info(row)


def get(session: Session, consignment_id: int) -> ConsignmentInfo | None:
    row = session.get(Consignment, consignment_id)
    return info(row) if row else None


def for_arrival(session: Session, arrival_id: int) -> list[ConsignmentInfo]:
    rows = session.exec(select(Consignment).where(Consignment.arrival_id == arrival_id).order_by(Consignment.id)).all()  # type: ignore[arg-type]
    return [info(r) for r in rows]


@internal("state changes follow a checked use case: disinfection, dwell, release")
def set_state(session: Session, *, actor: Actor, now: datetime, consignment_id: int, state: str, reason: str = "") -> None:
    """Move goods to another state (used by disinfection, dwell and handoff services)."""
    if state not in STATES:
        raise ValueError(state)
    row = session.get(Consignment, consignment_id)
    if row is None:
        raise ServiceError("unknown_consignment", t("找不到该批物资。", "No such consignment."))
    old, row.state = row.state, state
    session.add(row)
    audit.record(session, actor=actor, action="consignment.state", at=now, entity="consignment",
                 entity_id=consignment_id, data={"from": old, "to": state, "reason": reason})


@requires(Permission.GATE_CHECK)
def from_arrival(session: Session, *, actor: Actor, now: datetime, arrival_id: int) -> list[ConsignmentInfo]:
    """The goods an admitted (or handed-off) vehicle brings: one consignment per approved cargo
    line, going to the unloading point (entering) or the handoff zone. Idempotent: a vehicle
    that already has consignments keeps them."""
    from desktop.store.models import ApprovalCargo, UnloadingPoint

    existing = for_arrival(session, arrival_id)
    arrival = session.get(Arrival, arrival_id)
    if existing or arrival is None or arrival.approval_id is None:
        return existing
    point = session.get(UnloadingPoint, arrival.unloading_point_id) if arrival.unloading_point_id else None
    destination = f"{point.code} {point.name}" if point else t("接驳区", "handoff zone")
    lines = session.exec(select(ApprovalCargo).where(ApprovalCargo.approval_id == arrival.approval_id)
                         .order_by(ApprovalCargo.id)).all()  # type: ignore[arg-type]
    return [create(session, actor=actor, now=now, category=line.category, description=line.description,
                   quantity=line.quantity, unit=line.unit, destination=destination, arrival_id=arrival_id)
            for line in lines if line.category.strip()]
