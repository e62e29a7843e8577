"""Unloading points as the settings screen keeps them: edit, put in order, retire, bring back.

A point is never deleted once anything names it (an approval, an arrival, a disinfection): it is
retired — kept for the records, no longer offered at the gate or in new sheets. One that nothing
names yet (a typing mistake) may be removed. Administrators only; every change is audited.
`setup.add_unloading_point` adds them and `setup.list_unloading_points` lists the active ones in
this order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, func, select

from desktop.domain.permissions import Permission
from desktop.i18n import t
from desktop.services import audit
from desktop.services.authz import requires
from desktop.services.context import Actor, ServiceError
from desktop.store.models import Approval, Arrival, Disinfection, UnloadingPoint


@dataclass(frozen=True)
class PointRow:
    id: int
    code: str
    name: str
    route: str
    active: bool
    position: int
    uses: int  # approvals, arrivals and disinfections that name it


def _uses(session: Session, point_id: int) -> int:
    total = 0
    for model in (Approval, Arrival, Disinfection):
        column = model.unloading_point_id  # type: ignore[attr-defined]
        total += session.exec(select(func.count()).select_from(model).where(column == point_id)).one()
    return int(total)


def _ordered(session: Session) -> list[UnloadingPoint]:
    return list(session.exec(select(UnloadingPoint).order_by(UnloadingPoint.position, UnloadingPoint.code,  # type: ignore[arg-type]
                                                             UnloadingPoint.id)).all())


def list_all(session: Session) -> list[PointRow]:
    """Every point, retired ones too, in the order lists show them."""
    return [PointRow(p.id or 0, p.code, p.name, p.route, p.active, p.position, _uses(session, p.id or 0))
            for p in _ordered(session)]


def _point(session: Session, point_id: int) -> UnloadingPoint:
    point = session.get(UnloadingPoint, point_id)
    if point is None:
        raise ServiceError("unknown_point", t("没有这个卸货点。", "No such unloading point."))
    return point


def _row(session: Session, p: UnloadingPoint) -> PointRow:
    return PointRow(p.id or 0, p.code, p.name, p.route, p.active, p.position, _uses(session, p.id or 0))


@requires(Permission.SETTINGS)
def edit(session: Session, *, actor: Actor, now: datetime, point_id: int, code: str, name: str,
         route: str = "") -> PointRow:
    """New code, name or route (records that name the point show the new name from now on)."""
    point = _point(session, point_id)
    code, name, route = code.strip(), name.strip(), route.strip()
    if not code or not name:
        raise ServiceError("missing", t("请填写卸货点编号和名称。", "Give the point a code and a name."))
    other = session.exec(select(UnloadingPoint).where(UnloadingPoint.code == code, UnloadingPoint.id != point_id)).first()
    if other is not None:
        raise ServiceError("duplicate", t("卸货点编号 {c} 已被使用。", "Point code {c} is taken.", c=code))
    old = {"code": point.code, "name": point.name, "route": point.route}
    new = {"code": code, "name": name, "route": route}
    if old == new:
        return _row(session, point)
    point.code, point.name, point.route = code, name, route
    session.add(point)
    audit.record(session, actor=actor, action="unloading_point.edit", at=now, entity="unloading_point",
                 entity_id=point.id, data={"old": old, "new": new})
    return _row(session, point)


@requires(Permission.SETTINGS)
def move(session: Session, *, actor: Actor, now: datetime, point_id: int, step: int) -> list[PointRow]:
    """Move a point up (step -1) or down (+1) in the list; positions are renumbered 1, 2, 3…"""
    points = _ordered(session)
    index = next((i for i, p in enumerate(points) if p.id == point_id), None)
    if index is None:
        raise ServiceError("unknown_point", t("没有这个卸货点。", "No such unloading point."))
    target = max(0, min(len(points) - 1, index + step))
    if target != index:
        points.insert(target, points.pop(index))
        for position, p in enumerate(points, start=1):
            p.position = position
            session.add(p)
        session.flush()
        audit.record(session, actor=actor, action="unloading_point.move", at=now, entity="unloading_point",
                     entity_id=point_id, data={"from": index + 1, "to": target + 1,
                                               "order": [p.code for p in points]})
    return list_all(session)


@requires(Permission.SETTINGS)
def retire(session: Session, *, actor: Actor, now: datetime, point_id: int, retired: bool = True) -> PointRow:
    """Retire a point (no longer offered; records keep naming it), or bring it back."""
    point = _point(session, point_id)
    if point.active == (not retired):
        return _row(session, point)
    point.active = not retired
    session.add(point)
    audit.record(session, actor=actor, action="unloading_point.retire" if retired else "unloading_point.restore",
                 at=now, entity="unloading_point", entity_id=point.id, data={"code": point.code, "name": point.name})
    return _row(session, point)


@requires(Permission.SETTINGS)
def remove(session: Session, *, actor: Actor, now: datetime, point_id: int) -> None:
    """Delete a point nothing names yet; one in use is refused (retire it instead)."""
    point = _point(session, point_id)
    uses = _uses(session, point_id)
    if uses:
        raise ServiceError("in_use", t("卸货点 {c} 已有 {n} 条记录使用，不能删除，只能停用。",
                                       "Point {c} is named by {n} records: retire it instead of deleting it.",
                                       c=point.code, n=uses))
    audit.record(session, actor=actor, action="unloading_point.remove", at=now, entity="unloading_point",
                 entity_id=point.id, data={"code": point.code, "name": point.name, "route": point.route})
    session.delete(point)
    session.flush()
