"""Personal data that expires: names, ID numbers, phones and photos go after the retention period.

`retention.days` (default 30) after the day of an approval (the arrival's day for a check at the
gate, the import's day for a household's order, the day a register household was last imported or
edited, the day of a phone check for its note), the people in it are no longer kept: the rows
stay (every count, every report, the custody of the goods), their personal fields are emptied, and
the photos and pledges they point to are deleted. A supplier's contact (name and phone) goes when
its newest approval is past the same period. The audit chain is not touched: it never held
more than the masked forms and keyed hashes (`desktop.services.privacy`). The rows the purge
changes are re-stamped by its one audit event (their new digests), so `verify` finds them intact.

SQLite forgets for real only with help: the purge runs with `PRAGMA secure_delete=ON`, then
`compact` rewrites the file (VACUUM) and empties the WAL (`wal_checkpoint(TRUNCATE)`), so no old
page holding a number is left in the file or beside it. Backups get the same treatment in place
(`purge_file`), each one with its own audit event.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from desktop.domain import localtime
from desktop.domain.masking import mask_numbers, mask_text
from desktop.domain.permissions import Permission
from desktop.services import audit, settings
from desktop.services.authz import internal, requires
from desktop.services.context import Actor
from desktop.store.models import (
    Approval,
    ApprovalOccupant,
    Arrival,
    Attachment,
    Consignment,
    CustodyEvent,
    Household,
    HouseholdOrder,
    OccupantCheck,
    PhoneCheck,
    Release,
    StaffMember,
    Supplier,
)

RETENTION_KEY = "retention.days"


@dataclass
class PurgePlan:
    """What a purge takes (or took): rows per table, and the days they belong to."""

    before: date  # rows of days before this one go
    retention_days: int
    counts: dict[str, int] = field(default_factory=dict)
    oldest: date | None = None
    newest: date | None = None

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def as_dict(self) -> dict[str, Any]:
        return {"before": self.before.isoformat(), "retention_days": self.retention_days, "counts": dict(self.counts),
                "oldest": self.oldest.isoformat() if self.oldest else None,
                "newest": self.newest.isoformat() if self.newest else None}


def cutoff(session: Session, now: datetime) -> tuple[int, date, datetime]:
    """(retention days, first day kept, the UTC instant that day starts at the site)."""
    days = int(settings.value(session, RETENTION_KEY))
    before = localtime.site_today(now) - timedelta(days=days)
    start = datetime.combine(before, time(0), tzinfo=localtime.site_tz()).astimezone(UTC)
    return days, before, start


def _occupants(session: Session, before: date) -> list[tuple[ApprovalOccupant, date]]:
    query = (select(ApprovalOccupant, Approval.arrival_date)
             .join(Approval, col(Approval.id) == col(ApprovalOccupant.approval_id))
             .where(Approval.arrival_date < before)
             .where(or_(ApprovalOccupant.name != "", ApprovalOccupant.id_number != "", ApprovalOccupant.phone != "",
                        col(ApprovalOccupant.photo_id).is_not(None), col(ApprovalOccupant.pledge_id).is_not(None))))
    return [(o, d) for o, d in session.exec(query).all()]


def _checks(session: Session, start: datetime) -> list[tuple[OccupantCheck, date]]:
    query = (select(OccupantCheck, Arrival.arrived_at)
             .join(Arrival, col(Arrival.id) == col(OccupantCheck.arrival_id))
             .where(Arrival.arrived_at < start)
             .where(or_(OccupantCheck.name != "", OccupantCheck.id_number != "", OccupantCheck.phone != "",
                        col(OccupantCheck.identity_photo_id).is_not(None),
                        col(OccupantCheck.pledge_photo_id).is_not(None))))
    return [(c, localtime.site_today(at)) for c, at in session.exec(query).all()]


def _orders(session: Session, start: datetime) -> list[tuple[HouseholdOrder, date]]:
    query = (select(HouseholdOrder).where(HouseholdOrder.created_at < start)
             .where(or_(HouseholdOrder.phone != "", HouseholdOrder.contact_name != "")))
    return [(o, localtime.site_today(o.created_at)) for o in session.exec(query).all()]


def _register(session: Session, start: datetime) -> list[tuple[Household, date]]:
    """Register households not imported or edited since `start` (desktop.services.register)."""
    query = (select(Household).where(Household.updated_at < start)
             .where(or_(Household.phone != "", Household.contact_name != "", Household.special_note != "")))
    return [(h, localtime.site_today(h.updated_at)) for h in session.exec(query).all()]


def _calls(session: Session, start: datetime) -> list[tuple[PhoneCheck, date]]:
    """Phone checks whose note (what a household needed) is past the retention period."""
    query = select(PhoneCheck).where(PhoneCheck.called_at < start).where(PhoneCheck.note != "")
    return [(c, localtime.site_today(c.called_at)) for c in session.exec(query).all()]


def _staff(session: Session, start: datetime) -> list[tuple[StaffMember, date]]:
    """People taken off the roster (inactive) and not edited since `start`: their phone goes."""
    query = select(StaffMember).where(col(StaffMember.active).is_(False), StaffMember.updated_at < start,
                                      StaffMember.phone != "")
    return [(m, localtime.site_today(m.updated_at)) for m in session.exec(query).all()]


def _suppliers(session: Session, before: date, start: datetime) -> list[tuple[Supplier, date]]:
    """Suppliers whose contact (a person's name and phone) is past the retention: their newest
    approval is of a day before `before`, or they have none and were entered before `start`."""
    newest = (select(Approval.supplier_id, func.max(Approval.arrival_date))
              .where(col(Approval.supplier_id).is_not(None)).group_by(col(Approval.supplier_id)))
    last = {sid: day for sid, day in session.exec(newest).all()}
    out = []
    for row in session.exec(select(Supplier).where(or_(Supplier.phone != "", Supplier.contact_name != ""))).all():
        day = last.get(row.id)
        if day is not None and day < before:
            out.append((row, day))
        elif day is None and row.created_at < start:
            out.append((row, localtime.site_today(row.created_at)))
    return out


FREE_TEXT_BATCH = 5000  # rows read at a time by `_free_text`
# free text that may carry a phone or ID number (a recipient "校医院 王医生 138…", a receiver): masked
_FREE_TEXT: tuple[tuple[type, str, tuple[str, ...]], ...] = (
    (Consignment, "created_at", ("recipient", "destination")),
    (Release, "released_at", ("receiver", "destination")),
    (CustodyEvent, "at", ("holder", "location", "reason", "code_raw")),
)


def _free_text(session: Session, start: datetime) -> list[tuple[Any, dict[str, str], date]]:
    """Rows before `start` whose free text still shows a number in full, with the masked texts.

    Every release and custody event of the site's history is read each day, so they are read as
    plain columns a few thousand at a time, and only the rows that change are loaded as objects:
    on a million-slip station, loading them all took gigabytes (`gatehouse bench --only memory`)."""
    found = []
    for model, when, fields in _FREE_TEXT:
        query = (select(model.id, getattr(model, when), *(getattr(model, f) for f in fields))  # type: ignore[call-overload]
                 .where(getattr(model, when) < start).execution_options(yield_per=FREE_TEXT_BATCH))
        for row_id, at, *values in session.exec(query):
            masked = [mask_text(v) if f != "code_raw" else mask_numbers(v) for f, v in zip(fields, values, strict=True)]
            changed = {f: m for f, v, m in zip(fields, values, masked, strict=True) if m != v}
            if changed:
                found.append((model, row_id, changed, localtime.site_today(at)))
    return [(session.get(model, row_id), changed, day) for model, row_id, changed, day in found]


def _attachment_ids(occupants: list[ApprovalOccupant], checks: list[OccupantCheck]) -> set[int]:
    ids = {i for o in occupants for i in (o.photo_id, o.pledge_id) if i is not None}
    return ids | {i for c in checks for i in (c.identity_photo_id, c.pledge_photo_id) if i is not None}


def _still_used(session: Session, ids: set[int], dropping: set[int]) -> set[int]:
    """Attachments some row outside the purge still points to (kept)."""
    used: set[int] = set()
    for model, columns in ((ApprovalOccupant, ("photo_id", "pledge_id")),
                           (OccupantCheck, ("identity_photo_id", "pledge_photo_id"))):
        for name in columns:
            column = getattr(model, name)
            rows = session.exec(select(model.id, column).where(col(column).in_(ids))).all()  # type: ignore[attr-defined]
            used |= {ref for key, ref in rows if (model.__tablename__, key) not in dropping}  # type: ignore[attr-defined]
    return used


@dataclass
class _Found:
    plan: PurgePlan
    occupants: list[ApprovalOccupant]
    checks: list[OccupantCheck]
    orders: list[HouseholdOrder]
    attachments: list[int]
    texts: list[tuple[Any, dict[str, str], date]]
    register: list[Household] = field(default_factory=list)
    calls: list[PhoneCheck] = field(default_factory=list)
    suppliers: list[Supplier] = field(default_factory=list)
    staff: list[StaffMember] = field(default_factory=list)


def _gather(session: Session, now: datetime) -> _Found:
    days, before, start = cutoff(session, now)
    occupants, checks, orders = _occupants(session, before), _checks(session, start), _orders(session, start)
    texts, suppliers = _free_text(session, start), _suppliers(session, before, start)
    register, calls, staff = _register(session, start), _calls(session, start), _staff(session, start)
    found = PurgePlan(before=before, retention_days=days)
    days_seen = [d for _, d in occupants] + [d for _, d in checks] + [d for _, d in orders] + [d for *_, d in texts]
    days_seen += [d for _, d in register] + [d for _, d in calls] + [d for _, d in suppliers]
    days_seen += [d for _, d in staff]
    found.oldest, found.newest = (min(days_seen), max(days_seen)) if days_seen else (None, None)
    ids = _attachment_ids([o for o, _ in occupants], [c for c, _ in checks])
    dropping = {("approval_occupant", o.id) for o, _ in occupants} | {("occupant_check", c.id) for c, _ in checks}
    attachments = sorted(ids - _still_used(session, ids, dropping)) if ids else []
    found.counts = {"approval_occupant": len(occupants), "occupant_check": len(checks),
                    "household_order": len(orders), "attachment": len(attachments), "free_text": len(texts),
                    "household": len(register), "phone_check": len(calls), "supplier": len(suppliers),
                    "staff_member": len(staff)}
    return _Found(found, [o for o, _ in occupants], [c for c, _ in checks], [o for o, _ in orders], attachments,
                  texts, [h for h, _ in register], [c for c, _ in calls], [s for s, _ in suppliers],
                  [m for m, _ in staff])


def plan(session: Session, *, now: datetime) -> PurgePlan:
    """What a purge now would take (`gatehouse purge --dry-run`); reads only."""
    return _gather(session, now).plan


@requires(Permission.BACKUP)
def purge(session: Session, *, actor: Actor, now: datetime) -> PurgePlan:
    """Empty the personal fields of every row past the retention period, in one audited
    transaction (administrators). Follow with `compact` once it is committed."""
    return purge_rows(session, actor=actor, now=now)


@internal("the purge itself, also run on backup files whose operator table may predate the administrator")
def purge_rows(session: Session, *, actor: Actor, now: datetime) -> PurgePlan:
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA secure_delete = ON")  # freed cells and pages are zeroed, not left
    found = _gather(session, now)
    for o in found.occupants:
        o.name, o.id_number, o.phone, o.photo_id, o.pledge_id = "", "", "", None, None
        session.add(o)
    for c in found.checks:
        c.name, c.id_number, c.phone, c.identity_photo_id, c.pledge_photo_id = "", "", "", None, None
        session.add(c)
    for h in found.orders:
        h.phone, h.contact_name = "", ""
        session.add(h)
    for r in found.register:
        r.phone, r.contact_name, r.special_note = "", "", ""
        session.add(r)
    for call in found.calls:
        call.note = ""
        session.add(call)
    for member in found.staff:  # the name stays: disinfection records name the operator
        member.phone = ""
        session.add(member)
    for supplier in found.suppliers:  # the company's name stays: the reports need it
        supplier.phone, supplier.contact_name = "", ""
        session.add(supplier)
    for row, changed, _day in found.texts:
        for name, value in changed.items():
            setattr(row, name, value)
        session.add(row)
    session.flush()
    for att_id in found.attachments:
        att = session.get(Attachment, att_id)
        if att is not None:
            session.delete(att)
    session.flush()
    audit.record(session, actor=actor, action="privacy.purge", at=now, entity="retention",
                 entity_id=found.plan.before.isoformat(), data=found.plan.as_dict())
    return found.plan


def compact(path: Path) -> None:
    """Rewrite the SQLite file so nothing purged is left in free pages, then empty its WAL."""
    conn = sqlite3.connect(path, isolation_level=None, timeout=30)
    try:
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        conn.close()


# --- backups ----------------------------------------------------------------------------------


def backup_files(db_path: Path, second_folder: str = "") -> list[Path]:
    """Every backup copy we can find: *.sqlite3 in the backups folder beside the database and in
    the data folder, and in the second backup folder when one is set."""
    from desktop.paths import data_dir

    folders = [db_path.parent / "backups", data_dir() / "backups"]
    if second_folder:
        folders.append(Path(second_folder))
    seen: dict[Path, Path] = {}
    for folder in folders:
        if folder.is_dir():
            for p in sorted(folder.glob("*.sqlite3")):
                if p.is_file() and p.resolve() != db_path.resolve():
                    seen.setdefault(p.resolve(), p)
    return list(seen.values())


@internal("a backup copy, purged by the command after the administrator's own purge() of the database")
def purge_file(path: Path, *, actor: Actor, now: datetime, dry_run: bool = False) -> PurgePlan:
    """Purge one backup file in place, as the live database is purged (its own audit event, so
    the copy still verifies), then rewrite it and empty its WAL."""
    from desktop.services.audit_adopt import after_upgrade
    from desktop.store.migrate import open_database

    db = open_database(str(path), create=False, on_upgrade=after_upgrade)
    try:
        with db.session(write=not dry_run) as s:
            result = plan(s, now=now) if dry_run else purge_rows(s, actor=actor, now=now)
    finally:
        db.dispose()
    if not dry_run:
        compact(path)
    return result
