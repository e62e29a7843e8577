"""The day package (日数据包): a site's day in one signed file for the command centre (指挥部).

`export_day` gathers the day's approvals, arrivals (with their checks and decisions), overrides,
disinfections, slips, releases, custody events, violations and necessities — personal data masked
as on slips (desktop.domain.masking) — with the daily report as data, PDF and .xlsx, the audit
chain's head at the end of that day, and signs it with the site's Ed25519 key
(desktop.services.signing). The file format is desktop.documents.day_package; README.md documents
the schema ("Command centre").

"summary" in report.json is what the command centre adds up: vehicles by outcome, the report's
counts, and per necessity and unit what was received (the daily report's table) and handed on
(the goods of the slips released that day).
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Any

from sqlmodel import Session, SQLModel, col, select

from desktop import __version__, outfiles
from desktop.documents import day_package
from desktop.domain import masking, necessities
from desktop.domain.clock import utc
from desktop.domain.permissions import Permission
from desktop.i18n import t
from desktop.services import audit, reports, signing
from desktop.services.authz import requires
from desktop.services.context import Actor, ServiceError
from desktop.services.setup import require_site
from desktop.services.timeline import day_bounds
from desktop.store.models import (
    Approval,
    ApprovalCargo,
    ApprovalOccupant,
    Arrival,
    AuditEvent,
    Bag,
    Consignment,
    CustodyEvent,
    Disinfection,
    OccupantCheck,
    Override,
    Release,
    Site,
    Slip,
    Violation,
)

# Columns that are never sent: photos and pledges stay at the site.
_LEFT_OUT = {"photo_id", "pledge_id", "identity_photo_id", "pledge_photo_id"}


@dataclass(frozen=True)
class DayPackage:
    file_name: str
    data: bytes
    sha256: str
    site_code: str
    day: date
    fingerprint: str
    new_key: bool  # the site's key was made for this export: read its fingerprint to the centre
    summary: dict[str, Any]


def file_name(site_code: str, day: date) -> str:
    return f"gatehouse-day-{site_code}-{day.isoformat()}.zip"


def _row(obj: SQLModel) -> dict[str, Any]:
    """A row as JSON-ready data, masked as slips are: ID and phone numbers (in any text too)."""
    out: dict[str, Any] = {}
    for key, value in obj.model_dump().items():
        if key in _LEFT_OUT:
            continue
        if isinstance(value, datetime):
            value = utc(value).isoformat()
        elif isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, str) and value:
            if key == "id_number":
                value = masking.mask_id(value)
            elif key == "phone":
                value = masking.mask_phone(value)
            else:
                value = masking.mask_text(value)
        out[key] = value
    return out


def masked(value: Any) -> Any:
    """Every text in a JSON-ready structure with its ID and phone numbers masked."""
    if isinstance(value, str):
        return masking.mask_text(value)
    if isinstance(value, dict):
        return {k: masked(v) for k, v in value.items()}
    if isinstance(value, list):
        return [masked(v) for v in value]
    return value


def _rows(session: Session, query: Any) -> list[dict[str, Any]]:
    return [_row(r) for r in session.exec(query).all()]


def _between(column: Any, lo: datetime, hi: datetime) -> Any:
    return (column >= lo) & (column < hi)


def records(session: Session, *, day: date, lo: datetime, hi: datetime) -> dict[str, list[dict[str, Any]]]:
    """The day's rows by table, masked."""
    approvals = list(session.exec(select(Approval).where(Approval.arrival_date == day).order_by(col(Approval.id))))
    arrivals = list(session.exec(select(Arrival).where(_between(Arrival.arrived_at, lo, hi)).order_by(col(Arrival.id))))
    a_ids = [a.id for a in approvals]
    v_ids = [a.id for a in arrivals]
    return {
        "approvals": [_row(a) for a in approvals],
        "approval_occupants": _rows(session, select(ApprovalOccupant).where(col(ApprovalOccupant.approval_id).in_(a_ids))
                                    .order_by(col(ApprovalOccupant.id))),
        "approval_cargo": _rows(session, select(ApprovalCargo).where(col(ApprovalCargo.approval_id).in_(a_ids))
                                .order_by(col(ApprovalCargo.id))),
        "arrivals": [_row(a) for a in arrivals],
        "occupant_checks": _rows(session, select(OccupantCheck).where(col(OccupantCheck.arrival_id).in_(v_ids))
                                 .order_by(col(OccupantCheck.id))),
        "overrides": _rows(session, select(Override).where(_between(Override.at, lo, hi)).order_by(col(Override.id))),
        "consignments": _rows(session, select(Consignment).where(col(Consignment.arrival_id).in_(v_ids)
                                                                 | _between(Consignment.created_at, lo, hi))
                              .order_by(col(Consignment.id))),
        "disinfections": _rows(session, select(Disinfection).where(_between(Disinfection.ended_at, lo, hi))
                               .order_by(col(Disinfection.id))),
        "slips": _rows(session, select(Slip).where(_between(Slip.issued_at, lo, hi)).order_by(col(Slip.id))),
        "releases": _rows(session, select(Release).where(_between(Release.released_at, lo, hi))
                          .order_by(col(Release.id))),
        "custody_events": _rows(session, select(CustodyEvent).where(_between(CustodyEvent.at, lo, hi))
                                .order_by(col(CustodyEvent.id))),
        "violations": _rows(session, select(Violation).where(_between(Violation.at, lo, hi))
                            .order_by(col(Violation.id))),
        **_dispatches(session, lo, hi),
    }


def _dispatches(session: Session, lo: datetime, hi: datetime) -> dict[str, list[dict[str, Any]]]:
    """A transit station's onward dispatches of the day, their lines and destinations (added within
    version 1: a centre that does not know these tables reads the rest as before)."""
    from desktop.store.models import Destination, Dispatch, DispatchLine

    sent = list(session.exec(select(Dispatch).where(_between(Dispatch.dispatched_at, lo, hi)).order_by(col(Dispatch.id))))
    ids, places = [d.id for d in sent], sorted({d.destination_id for d in sent})
    return {
        "dispatches": [_row(d) for d in sent],
        "dispatch_lines": _rows(session, select(DispatchLine).where(col(DispatchLine.dispatch_id).in_(ids))
                                .order_by(col(DispatchLine.id))),
        "destinations": _rows(session, select(Destination).where(col(Destination.id).in_(places))
                              .order_by(col(Destination.id))),
    }


def handed_on(session: Session, lo: datetime, hi: datetime) -> dict[str, dict[str, float]]:
    """Per necessity and unit, the goods of the slips released in [lo, hi): a slip's consignment
    whole, a bag label's one household bag (its delivery's quantity over its number of bags)."""
    out: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    query = (select(Consignment, Slip.kind).join(Slip, col(Slip.consignment_id) == Consignment.id)
             .join(Release, col(Release.slip_id) == Slip.id).where(_between(Release.released_at, lo, hi)))
    bags: dict[int, int] = {}
    for c, kind in session.exec(query).all():
        quantity = c.quantity or 0
        if kind == "bag_label":
            if c.id not in bags:
                bags[c.id or 0] = len(session.exec(select(Bag.id).where(Bag.consignment_id == c.id)).all())
            quantity /= max(1, bags[c.id or 0])
        out[necessities.classify(c.category, c.description)][c.unit.strip()] += quantity
    return {k: dict(v) for k, v in out.items()}


def summary(report: dict[str, Any], handed: dict[str, dict[str, float]]) -> dict[str, Any]:
    """What the command centre adds up, from the report as data and what was handed on."""
    goods: dict[str, dict[str, dict[str, float]]] = {}
    for row in report["necessities"]:
        units = goods.setdefault(row["key"], {})
        for q in row["quantities"]:
            units.setdefault(q["unit"], {"received": 0.0, "handed_on": 0.0})["received"] += q["quantity"]
    for key, per_unit in handed.items():
        units = goods.setdefault(key, {})
        for unit, qty in per_unit.items():
            units.setdefault(unit, {"received": 0.0, "handed_on": 0.0})["handed_on"] += qty
    return {"outcomes": report["outcomes"], "counts": report["counts"],
            "necessities": {k: goods[k] for k in necessities.KEYS if goods.get(k)}}


def audit_head(session: Session, hi: datetime) -> dict[str, Any] | None:
    """The chain's last event before the end of the day."""
    event = session.exec(select(AuditEvent).where(AuditEvent.at < hi).order_by(col(AuditEvent.id).desc())).first()
    if event is None:
        return None
    return {"id": event.id, "at": utc(event.at).isoformat(), "hash": event.hash}


@requires(Permission.REPORTS)
def export_day(session: Session, *, actor: Actor, now: datetime, day: date, tz: tzinfo) -> DayPackage:
    """The signed package of the local `day`; audited with its hash (the key is made on first use)."""
    site = require_site(session)
    site_row = session.get(Site, site.id)
    key = signing.ensure_key(session, actor=actor, now=now, site_code=site.code)
    lo, hi = day_bounds(day, tz)
    from desktop.documents.daily_report import build_daily_report  # reportlab and openpyxl only when
    from desktop.documents.daily_xlsx import build_daily_xlsx  # a package is made (documents/views.py)

    view = reports.daily(session, day=day, tz=tz, now=now)
    report = masked(reports.as_dict(view))
    report["summary"] = summary(report, handed_on(session, lo, hi))
    files = {
        "records.json": day_package.canonical_json(records(session, day=day, lo=lo, hi=hi)),
        "report.json": day_package.canonical_json(report),
        "daily-report.pdf": build_daily_report(view),
        "daily-report.xlsx": build_daily_xlsx(view),
    }
    manifest = {
        "site": {"code": site.code, "name": site.name, "kind": site_row.kind if site_row else site.kind},
        "day": day.isoformat(), "time_zone": view.tz, "created_at": utc(now).isoformat(),
        "generator": f"Gatehouse {__version__}", "audit_head": audit_head(session, hi),
        "public_key": key.public_b64, "fingerprint": key.fingerprint,
    }
    data = day_package.pack(manifest, files, key.private.sign)
    digest = day_package.sha256(data)
    audit.record(session, actor=actor, action="package.export", at=now, entity="site_day",
                 entity_id=f"{site.code}/{day.isoformat()}",
                 data={"sha256": digest, "fingerprint": key.fingerprint, "audit_head": manifest["audit_head"]})
    return DayPackage(file_name(site.code, day), data, digest, site.code, day, key.fingerprint, key.new,
                      report["summary"])


def write_verified(folder: Path, package: DayPackage, *, protect: list[Path] | None = None) -> Path:
    """Write the package into `folder` (a removable drive, a shared folder) and read it back from
    the device: ServiceError("write_failed") when what is there is not what was written."""
    target = outfiles.write_file(folder / package.file_name, package.data, "zip", protect=protect or [])
    fd = os.open(target, os.O_RDONLY)
    try:
        if hasattr(os, "posix_fadvise"):  # drop the cached pages so the read comes from the device
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
    finally:
        os.close(fd)
    if day_package.sha256(b"".join(chunks)) != package.sha256:
        raise ServiceError("write_failed", t("写入 {p} 后读回的内容不一致：请换一个U盘或目录重试。",
                                             "What was read back from {p} differs from what was written: try "
                                             "another drive or folder.", p=target))
    return target
