"""The register of vehicle passes (保供/应急通行证) that the import and the gate consult."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, select

from desktop.domain import limits
from desktop.domain.identity import InputError, display_plate, normalize_plate
from desktop.domain.permissions import Permission
from desktop.domain.text import quote, too_long
from desktop.i18n import t
from desktop.services import audit
from desktop.services.authz import requires
from desktop.services.context import Actor, ServiceError
from desktop.store.models import VehiclePass


@dataclass(frozen=True)
class PassInfo:
    id: int
    number: str
    plate: str
    holder: str
    kind: str
    valid_from: date
    valid_to: date
    revoked: bool
    revoke_reason: str


def _info(p: VehiclePass) -> PassInfo:
    return PassInfo(p.id or 0, p.number, p.plate, p.holder, p.kind, p.valid_from, p.valid_to,
                    p.revoked_at is not None, p.revoke_reason)


def normalize_number(raw: str) -> str:
    """Pass numbers as printed: upper case ASCII, no spaces (full-width folded)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", raw or "")).upper()


def find(session: Session, number: str) -> PassInfo | None:
    row = session.exec(select(VehiclePass).where(VehiclePass.number == normalize_number(number))).first()
    return _info(row) if row else None


def for_plate(session: Session, plate: str) -> list[PassInfo]:
    rows = session.exec(select(VehiclePass).where(VehiclePass.plate == plate).order_by(VehiclePass.valid_to.desc())).all()  # type: ignore[attr-defined]
    return [_info(r) for r in rows]


def list_passes(session: Session) -> list[PassInfo]:
    return [_info(r) for r in session.exec(select(VehiclePass).order_by(VehiclePass.number)).all()]


def problem(p: PassInfo | None, *, plate: str, on: date, number: str = "") -> str | None:
    """Why this pass does not let `plate` through on `on`, or None."""
    if p is None:
        return t("通行证 {n} 未登记", "Pass {n} is not in the register", n=quote(number))
    if p.plate != plate:
        return t("通行证 {n} 登记的车牌是 {p}，不是本车", "Pass {n} belongs to {p}, not this vehicle",
                 n=quote(p.number), p=display_plate(p.plate))
    if p.revoked:
        return t("通行证 {n} 已注销：{r}", "Pass {n} was revoked: {r}", n=quote(p.number), r=quote(p.revoke_reason))
    if on > p.valid_to:
        return t("通行证 {n} 已于 {d} 过期", "Pass {n} expired on {d}", n=quote(p.number), d=p.valid_to.isoformat())
    if on < p.valid_from:
        return t("通行证 {n} 自 {d} 起才有效", "Pass {n} is valid only from {d}", n=quote(p.number), d=p.valid_from.isoformat())
    return None


def _bounded(field: str, what: str, value: str, limit: int) -> None:
    if (why := too_long(what, value, limit)) is not None:
        raise ServiceError(f"too_long_{field}", why)


@requires(Permission.APPROVALS_EDIT)
def add(session: Session, *, actor: Actor, now: datetime, number: str, plate: str, valid_from: date,
        valid_to: date, holder: str = "", kind: str = "supply") -> PassInfo:
    """Register a pass (audited)."""
    number = normalize_number(number)
    if not number:
        raise ServiceError("missing_pass_number", t("请填写通行证号。", "Enter the pass number."))
    _bounded("pass_number", t("通行证号", "The pass number"), number, limits.PASS_NUMBER_MAX)
    _bounded("holder", t("持证单位", "The holder"), holder.strip(), limits.NAME_MAX)
    try:
        plate = normalize_plate(plate)
    except InputError as exc:
        raise ServiceError("bad_plate", exc.message) from None
    if valid_to < valid_from:
        raise ServiceError("bad_validity", t("通行证有效期止早于起始日期。", "The pass ends before it starts."))
    if session.exec(select(VehiclePass).where(VehiclePass.number == number)).first():
        raise ServiceError("duplicate", t("通行证 {n} 已登记。", "Pass {n} is already registered.", n=quote(number)))
    row = VehiclePass(number=number, plate=plate, holder=holder.strip(), kind=kind, valid_from=valid_from,
                      valid_to=valid_to, created_at=now)
    session.add(row)
    session.flush()
    audit.record(session, actor=actor, action="pass.add", at=now, entity="vehicle_pass", entity_id=row.id,
                 data={"number": number, "plate": plate, "holder": row.holder, "kind": kind,
                       "valid_from": valid_from.isoformat(), "valid_to": valid_to.isoformat()})
    return _info(row)


@requires(Permission.APPROVALS_EDIT)
def revoke(session: Session, *, actor: Actor, now: datetime, number: str, reason: str) -> PassInfo:
    row = session.exec(select(VehiclePass).where(VehiclePass.number == normalize_number(number))).first()
    if row is None:
        raise ServiceError("unknown_pass", t("找不到通行证 {n}。", "No pass {n}.", n=quote(number)))
    if not reason.strip():
        raise ServiceError("missing_reason", t("请填写注销原因。", "Give the reason for revoking."))
    _bounded("reason", t("注销原因", "The reason"), reason.strip(), limits.TEXT_MAX)
    row.revoked_at, row.revoke_reason = now, reason.strip()
    session.add(row)
    audit.record(session, actor=actor, action="pass.revoke", at=now, entity="vehicle_pass", entity_id=row.id,
                 data={"number": row.number, "reason": row.revoke_reason})
    return _info(row)


@requires(Permission.APPROVALS_EDIT)
def extend(session: Session, *, actor: Actor, now: datetime, number: str, valid_to: date) -> PassInfo:
    """Move a pass's end later, as a newer approval sheet states it (audited)."""
    row = session.exec(select(VehiclePass).where(VehiclePass.number == normalize_number(number))).first()
    if row is None:
        raise ServiceError("unknown_pass", t("找不到通行证 {n}。", "No pass {n}.", n=quote(number)))
    if valid_to <= row.valid_to:
        return _info(row)
    old, row.valid_to = row.valid_to, valid_to
    session.add(row)
    audit.record(session, actor=actor, action="pass.extend", at=now, entity="vehicle_pass", entity_id=row.id,
                 data={"number": row.number, "from": old.isoformat(), "to": valid_to.isoformat()})
    return _info(row)
