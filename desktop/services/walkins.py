"""Walk-ins: a vehicle that came without an approval, let through by a supervisor at the gate.

The approval's cargo lines are what `consignments.from_arrival` turns into goods; a walk-in has
none, so the gate records its goods itself (category, quantity, unit — quick picks of the eight
necessities in desktop.domain.walkin_goods) once it has entered or gone to the handoff zone. From
then on they are goods like any other: disinfection, dwell, slips (F9), release.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from desktop.domain.clock import utc
from desktop.domain.dates import site_zone
from desktop.domain.identity import display_plate
from desktop.domain.permissions import Permission
from desktop.i18n import t
from desktop.services import consignments
from desktop.services.authz import requires
from desktop.services.consignments import ConsignmentInfo
from desktop.services.context import Actor, ServiceError
from desktop.services.setup import info_of
from desktop.store.models import Arrival, AuditEvent, UnloadingPoint

MAX_QUANTITY = 1_000_000


@dataclass(frozen=True)
class GoodsLine:
    category: str
    quantity: float
    unit: str
    description: str = ""


@requires(Permission.GATE_CHECK)
def record_goods(session: Session, *, actor: Actor, now: datetime, arrival_id: int,
                 lines: list[GoodsLine]) -> list[ConsignmentInfo]:
    """The goods a vehicle let in (or sent to the handoff zone) brings, as the gate counted them:
    one consignment per line, to the vehicle's unloading point or the handoff zone."""
    arrival = session.get(Arrival, arrival_id)
    if arrival is None:
        raise ServiceError("unknown_arrival", t("找不到该车辆登记。", "No such vehicle check-in."))
    if arrival.status not in ("admitted", "handoff"):
        raise ServiceError("not_let_in", t("{p} 尚未放行（F5）或转接驳（F6），不能登记物资。",
                                           "{p} has not been let in (F5) or sent to the handoff zone (F6): "
                                           "its goods cannot be recorded yet.", p=display_plate(arrival.plate)))
    if not lines:
        raise ServiceError("no_goods", t("请至少登记一项物资。", "Record at least one line of goods."))
    for i, line in enumerate(lines, 1):
        if not line.category.strip():
            raise ServiceError("missing_category", t("第{i}项：请填写物资类别。", "Line {i}: enter the category.", i=i))
        if not 0 < line.quantity <= MAX_QUANTITY:
            raise ServiceError("bad_quantity", t("第{i}项（{c}）：数量须大于0。", "Line {i} ({c}): the quantity must be "
                                                 "more than 0.", i=i, c=line.category.strip()))
        if not line.unit.strip():
            raise ServiceError("missing_unit", t("第{i}项（{c}）：请填写单位。", "Line {i} ({c}): enter the unit.",
                                                 i=i, c=line.category.strip()))
    point = session.get(UnloadingPoint, arrival.unloading_point_id) if arrival.unloading_point_id else None
    destination = f"{point.code} {point.name}" if point and arrival.status == "admitted" else t("接驳区", "handoff zone")
    return [consignments.create(session, actor=actor, now=now, category=line.category, description=line.description,
                                quantity=line.quantity, unit=line.unit, destination=destination, arrival_id=arrival_id)
            for line in lines]


@dataclass(frozen=True)
class WalkInApproval:
    supervisor: str  # display name
    at: datetime
    reason: str

    def words(self) -> str:
        return t("无审批来车，已由督查员 {s} 于 {h} 批准登记（{r}）", "No approval: let in by supervisor {s} at {h} ({r})",
                 s=self.supervisor, h=self.at.astimezone(site_zone()).strftime("%H:%M"), r=self.reason or "—")


def approval_of(session: Session, arrival_id: int) -> WalkInApproval | None:
    """Who let a vehicle without an approval be checked in, when and why (None: it had an approval)."""
    arrival = session.get(Arrival, arrival_id)
    if arrival is None or not arrival.needs_supervisor:
        return None
    event = session.exec(select(AuditEvent).where(AuditEvent.action == "gate.check_in", AuditEvent.entity == "arrival",
                                                  AuditEvent.entity_id == str(arrival_id))
                         .order_by(col(AuditEvent.id).desc())).first()
    data = json.loads(event.data) if event else {}
    username = str(data.get("supervisor") or "")
    try:
        name = info_of(session, username).display_name if username else "—"
    except ServiceError:
        name = username
    return WalkInApproval(name, utc(event.at) if event else utc(arrival.arrived_at), str(data.get("reason") or ""))
