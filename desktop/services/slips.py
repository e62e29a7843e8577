"""Handoff slips (交接单) and bag labels: issue, look up, void, record prints.

A slip's number comes from `desktop.domain.codes.new_code` (random, with a check symbol). One live
slip per consignment (or bag): issuing again while one exists is refused and names the existing
number; voiding it lets a new one be issued. A voided slip stays in the table so a scan of it
says "voided" rather than "unknown".

Printing is recorded after the printer has taken the job (`record_print`): the first print has
reprint_no 0, every later one is reprint n (the slip then shows "补打 / REPRINT n"). A failed
print is recorded with ok=False and does not count, so the same reprint number is used again.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import bindparam
from sqlalchemy import select as sa_select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from desktop.documents.views import Disinfected, SlipView
from desktop.domain import codes
from desktop.domain.clock import utc
from desktop.domain.enums import display
from desktop.domain.localtime import site_tz
from desktop.domain.permissions import Permission
from desktop.i18n import language, t
from desktop.services import audit, consignments
from desktop.services.authz import authoriser_of, internal, requires, requires_or_authorised
from desktop.services.consignments import ConsignmentInfo
from desktop.services.context import Actor, ServiceError
from desktop.services.setup import require_site, station_settings, update_station_settings
from desktop.store.models import (
    Approval,
    Arrival,
    Bag,
    Consignment,
    Disinfection,
    DisinfectionItem,
    DwellTimer,
    HouseholdOrder,
    Operator,
    Site,
    Slip,
    SlipPrint,
    Supplier,
    UnloadingPoint,
)
from desktop.store.prepared import Prepared

KINDS = ("slip", "bag_label")
DISPATCH = "dispatch"  # a transit station's onward dispatch (desktop.services.transit), not issued here
_MAX_ATTEMPTS = 8


@dataclass(frozen=True)
class SlipInfo:
    id: int
    number: str
    kind: str
    consignment_id: int | None
    bag_id: int | None
    issued_at: datetime
    issued_by: str
    station: str
    print_count: int
    voided_at: datetime | None
    voided_by: str | None
    void_reason: str

    @property
    def voided(self) -> bool:
        return self.voided_at is not None

    @property
    def next_reprint_no(self) -> int:
        """The reprint number the next successful print will carry (0 = first print)."""
        return self.print_count


@dataclass(frozen=True)
class PrintInfo:
    id: int
    slip_id: int
    printed_at: datetime
    printed_by: str
    station: str
    printer: str
    paper: str
    reprint_no: int
    ok: bool
    error: str


def info(row: Slip) -> SlipInfo:
    return SlipInfo(
        id=row.id or 0, number=row.number, kind=row.kind, consignment_id=row.consignment_id,
        bag_id=row.bag_id, issued_at=utc(row.issued_at), issued_by=row.issued_by, station=row.station,
        print_count=row.print_count, voided_at=utc(row.voided_at) if row.voided_at else None,
        voided_by=row.voided_by, void_reason=row.void_reason,
    )


def _row(session: Session, number: str) -> Slip | None:
    text = number.strip().upper()
    row = session.exec(select(Slip).where(Slip.number == text)).first()
    if row is None:  # typed without the dash, or with scanner noise
        try:
            text = codes.parse(number).text
        except codes.CodeError:
            return None
        row = session.exec(select(Slip).where(Slip.number == text)).first()
    return row


def _require(session: Session, number: str) -> Slip:
    row = _row(session, number)
    if row is None:
        raise ServiceError("unknown_slip", t("找不到交接单 {n}。", "No slip numbered {n}.", n=number))
    return row


def _live_for(session: Session, *, consignment_id: int | None, bag_id: int | None) -> Slip | None:
    query = select(Slip).where(Slip.voided_at.is_(None))  # type: ignore[union-attr]
    if bag_id is not None:
        query = query.where(Slip.bag_id == bag_id)
    else:
        query = query.where(Slip.consignment_id == consignment_id, Slip.bag_id.is_(None))  # type: ignore[union-attr]
    return session.exec(query).first()


@requires(Permission.SLIP_ISSUE)
def issue_slip(session: Session, *, actor: Actor, now: datetime, consignment_id: int | None = None,
               bag_id: int | None = None, kind: str = "slip",
               randbelow: Callable[[int], int] | None = None) -> SlipInfo:
    """Issue a new slip for a consignment (or a label for a bag); audited as `slip.issue`."""
    if kind not in KINDS:
        raise ValueError(kind)
    if consignment_id is None and bag_id is None:
        raise ServiceError("nothing_to_slip", t("交接单须对应一批物资或一个袋子。",
                                                "A slip must be for a consignment or a bag."))
    if consignment_id is not None and session.get(Consignment, consignment_id) is None:
        raise ServiceError("unknown_consignment", t("找不到该批物资。", "No such consignment."))
    if consignment_id is not None and session.get(Consignment, consignment_id).state == "withdrawn":  # type: ignore[union-attr]
        raise ServiceError("goods_withdrawn", t("该批物资所属车辆的登记已撤销，不能开单。",
                                                "The check-in of the vehicle these goods came with was cancelled."))
    if bag_id is not None:
        bag = session.get(Bag, bag_id)
        if bag is None:
            raise ServiceError("unknown_bag", t("找不到该袋物资。", "No such bag."))
        consignment_id = consignment_id if consignment_id is not None else bag.consignment_id
    existing = _live_for(session, consignment_id=consignment_id, bag_id=bag_id)
    if existing is not None:
        raise ServiceError("slip_exists", t("该批物资已有交接单 {n}；如需重开请先作废。",
                                            "This already has slip {n}; void it first to issue a new one.",
                                            n=existing.number))
    row = insert_numbered(session, actor=actor, now=now, kind=kind, consignment_id=consignment_id, bag_id=bag_id,
                          randbelow=randbelow)
    audit.record(session, actor=actor, action="slip.issue", at=now, entity="slip", entity_id=row.id,
                 data={"number": row.number, "kind": kind, "consignment_id": consignment_id, "bag_id": bag_id})
    return info(row)


@internal("a slip row is written inside a checked use case (issue_slip, transit.dispatch), which audits it")
def insert_numbered(session: Session, *, actor: Actor, now: datetime, kind: str, consignment_id: int | None = None,
                    bag_id: int | None = None, randbelow: Callable[[int], int] | None = None) -> Slip:
    """Add a slip row under a fresh random number (drawn again on the rare collision)."""
    site = require_site(session)
    draw = randbelow or secrets.randbelow
    for _ in range(_MAX_ATTEMPTS):
        number = codes.new_code(site.code, draw)
        if session.exec(select(Slip.id).where(Slip.number == number)).first() is not None:
            continue  # the rare collision: draw again
        row = Slip(number=number, site_id=site.id, kind=kind, consignment_id=consignment_id, bag_id=bag_id,
                   issued_at=now, issued_by=actor.operator, station=actor.station)
        try:
            with session.begin_nested():  # another station may have taken the number a moment ago
                session.add(row)
                session.flush()
        except IntegrityError:
            continue
        return row
    raise ServiceError("no_number", t("无法生成不重复的单号，请重试。", "Could not draw an unused slip number; try again."))


def get_slip(session: Session, number: str) -> SlipInfo | None:
    """The slip with this number (scanner noise and a missing dash tolerated), or None."""
    row = _row(session, number)
    return info(row) if row else None


def kind_of(session: Session, number: str) -> str | None:
    """The kind of the slip with this number (tolerant as `get_slip`), or None: one Core read, for
    the handoff screen, which asks before every scan whether a bag label was scanned."""
    conn = session.connection()
    text = number.strip().upper()
    kind = _KIND.scalar(conn, {"number": text})
    if kind is None:
        try:
            text = codes.parse(number).text
        except codes.CodeError:
            return None
        kind = _KIND.scalar(conn, {"number": text})
    return kind  # type: ignore[no-any-return]


_KIND = Prepared(sa_select(Slip.__table__.c.kind).where(Slip.__table__.c.number == bindparam("number")))  # type: ignore[attr-defined]


def get_slip_by_id(session: Session, slip_id: int) -> SlipInfo | None:
    row = session.get(Slip, slip_id)
    return info(row) if row else None


def slip_for_consignment(session: Session, consignment_id: int) -> SlipInfo | None:
    """The live (not voided) slip of a consignment, if any."""
    row = _live_for(session, consignment_id=consignment_id, bag_id=None)
    return info(row) if row else None


def slips_for_consignments(session: Session, consignment_ids: list[int]) -> dict[int, SlipInfo]:
    """Live slips keyed by consignment id (for screens listing an arrival's goods)."""
    if not consignment_ids:
        return {}
    rows = session.exec(select(Slip).where(Slip.consignment_id.in_(consignment_ids),  # type: ignore[union-attr]
                                           Slip.bag_id.is_(None), Slip.voided_at.is_(None))).all()  # type: ignore[union-attr]
    return {r.consignment_id: info(r) for r in rows if r.consignment_id is not None}


@requires_or_authorised(Permission.VOID)
def void_slip(session: Session, *, actor: Actor, now: datetime, number: str, reason: str, supervisor: str = "",
              pin: str = "") -> SlipInfo:
    """Void a slip with a reason; audited as `slip.void`. A voided slip never scans valid.
    A supervisor voids; anyone else needs a supervisor's account and PIN (`supervisor`, `pin`)."""
    if not reason.strip():
        raise ServiceError("missing_reason", t("请填写作废原因。", "Enter the reason for voiding."))
    row = _require(session, number)
    if row.voided_at is not None:
        raise ServiceError("already_voided", t("交接单 {n} 已作废。", "Slip {n} is already voided.", n=row.number))
    row.voided_at, row.voided_by, row.void_reason = now, actor.operator, reason.strip()
    session.add(row)
    session.flush()
    audit.record(session, actor=actor, action="slip.void", at=now, entity="slip", entity_id=row.id,
                 data={"number": row.number, "reason": row.void_reason, "authoriser": authoriser_of(session)})
    return info(row)


@requires(Permission.PRINT)
def record_print(session: Session, *, actor: Actor, now: datetime, number: str, printer: str = "",
                 paper: str = "", ok: bool = True, error: str = "",
                 reprint_no: int | None = None) -> SlipInfo:
    """Record a print after the printer took it (ok) or refused it (not ok, not counted).

    `reprint_no` is what the printed slip showed; by default the slip's print_count.
    """
    row = _require(session, number)
    shown = row.print_count if reprint_no is None else reprint_no
    session.add(SlipPrint(slip_id=row.id or 0, printed_at=now, printed_by=actor.operator, station=actor.station,
                          printer=printer, paper=paper, reprint_no=shown, ok=ok, error=error[:500]))
    if ok:
        row.print_count += 1
        session.add(row)
    session.flush()
    audit.record(session, actor=actor, action="slip.print" if ok else "slip.print_failed", at=now, entity="slip",
                 entity_id=row.id, data={"number": row.number, "printer": printer, "paper": paper,
                                         "reprint_no": shown, "ok": ok, "error": error[:200]})
    return info(row)


def prints(session: Session, number: str) -> list[PrintInfo]:
    row = _require(session, number)
    rows = session.exec(select(SlipPrint).where(SlipPrint.slip_id == row.id).order_by(SlipPrint.id)).all()  # type: ignore[arg-type]
    return [PrintInfo(p.id or 0, p.slip_id, utc(p.printed_at), p.printed_by, p.station, p.printer, p.paper,
                      p.reprint_no, p.ok, p.error) for p in rows]


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """A local day as a UTC half-open interval."""
    start = datetime.combine(day, time(0, 0), tzinfo=site_tz())
    return utc(start), utc(start + timedelta(days=1))


def list_slips(session: Session, *, day: date | None = None, include_voided: bool = True,
               kind: str | None = None) -> list[SlipInfo]:
    """Slips in issue order, optionally only those issued on one local day."""
    query = select(Slip).order_by(Slip.issued_at, Slip.id)  # type: ignore[arg-type]
    if day is not None:
        lo, hi = day_bounds(day)
        query = query.where(Slip.issued_at >= lo, Slip.issued_at < hi)
    if not include_voided:
        query = query.where(Slip.voided_at.is_(None))  # type: ignore[union-attr]
    if kind:
        query = query.where(Slip.kind == kind)
    return [info(r) for r in session.exec(query).all()]


# --- what a slip shows ---------------------------------------------------------------------


def _disinfections(session: Session, consignment: Consignment) -> list[Disinfection]:
    """Disinfections of these goods and of the vehicle they came in, oldest first, not recalled."""
    covering = select(DisinfectionItem.disinfection_id).where(DisinfectionItem.consignment_id == consignment.id)
    query = select(Disinfection).where(Disinfection.recalled_at.is_(None))  # type: ignore[union-attr]
    if consignment.arrival_id is not None:
        query = query.where(Disinfection.id.in_(covering)  # type: ignore[union-attr]
                            | ((Disinfection.arrival_id == consignment.arrival_id) & (Disinfection.target == "vehicle")))
    else:
        query = query.where(Disinfection.id.in_(covering))  # type: ignore[union-attr]
    return list(session.exec(query.order_by(Disinfection.ended_at, Disinfection.id)).all())  # type: ignore[arg-type]


def _dwell_end(session: Session, disinfections: list[Disinfection]) -> datetime | None:
    ends = []
    for d in disinfections:
        timer = session.exec(select(DwellTimer).where(DwellTimer.disinfection_id == d.id)).first()
        if timer is not None and timer.state != "stopped":
            ends.append(utc(timer.started_wall) + timedelta(minutes=timer.minutes))
    return max(ends) if ends else None


def _display_name(session: Session, username: str) -> str:
    op = session.exec(select(Operator).where(Operator.username == username)).first()
    return op.display_name if op else username


def slip_view(session: Session, number: str, *, printed_at: datetime | None = None,
              reprint_no: int | None = None) -> SlipView:
    """Everything the printed slip shows, read from the database. `reprint_no` defaults to the
    number the next print will carry (0 on the first print)."""
    row = _require(session, number)
    if row.kind == DISPATCH:
        from desktop.services.transit import dispatch_view  # the onward dispatch's own slip

        return dispatch_view(session, row, printed_at=printed_at, reprint_no=reprint_no)
    site = session.get(Site, row.site_id)
    consignment = session.get(Consignment, row.consignment_id) if row.consignment_id else None
    arrival = session.get(Arrival, consignment.arrival_id) if consignment and consignment.arrival_id else None
    approval = session.get(Approval, arrival.approval_id) if arrival and arrival.approval_id else None
    order = session.get(HouseholdOrder, consignment.order_id) if consignment and consignment.order_id else None
    supplier = ""
    if approval is not None:
        named = session.get(Supplier, approval.supplier_id) if approval.supplier_id else None
        supplier = approval.supplier_name or (named.name if named else "")
    done = _disinfections(session, consignment) if consignment else []
    point = session.get(UnloadingPoint, arrival.unloading_point_id) if arrival and arrival.unloading_point_id else None
    destination = consignment.destination if consignment else ""
    if not destination and point is not None:
        destination = f"{point.code} {point.name}"
    recipient = consignment.recipient if consignment else ""
    if not recipient and order is not None:
        recipient = " ".join(x for x in (order.community, order.building, order.unit, order.room, order.contact_name) if x)
    return SlipView(
        site_name=site.name if site else "", number=row.number, kind=row.kind,
        plate=arrival.plate if arrival else "", supplier=supplier,
        category=consignment.category if consignment else "", description=consignment.description if consignment else "",
        quantity=consignment.quantity if consignment else None, unit=consignment.unit if consignment else "",
        recipient=recipient, destination=destination, contact_phone=order.phone if order else "",
        disinfections=tuple(Disinfected(at=utc(d.ended_at), agent=d.agent, dilution=d.dilution,
                                        place=_PLACES.get(d.location, d.location)) for d in done),
        dwell_end=_dwell_end(session, done), issued_by=_display_name(session, row.issued_by),
        issued_at=utc(row.issued_at), station=display(row.station, language()), printed_at=printed_at,
        reprint_no=row.print_count if reprint_no is None else reprint_no,
        voided=row.voided_at is not None, void_reason=row.void_reason,
    )


_PLACES = {"gate": "卡口", "unloading_point": "卸货点", "handoff_zone": "接驳区", "transit": "中转站"}


def render_pdf(session: Session, numbers: list[str], *, size: str, printed_at: datetime | None = None,
               reprint_no: int | None = None) -> bytes:
    """The PDF of existing slips (one page each; six to an A4 sheet). Reprint marks follow each
    slip's print count, as the next print would show them, unless `reprint_no` is given."""
    views = [slip_view(session, n, printed_at=printed_at, reprint_no=reprint_no) for n in numbers]
    from desktop.documents.slip import build_slips  # reportlab only when printing (views.py)

    return build_slips(views, size)


def unslipped_consignments(session: Session, *, since: datetime, until: datetime) -> list[tuple[int, datetime]]:
    """(id, created_at) of consignments registered in [since, until) that have no live slip."""
    # asked per consignment of the range (correlated), not as the list of every live slip and bag
    live = select(Slip.id).where(col(Slip.consignment_id) == col(Consignment.id), col(Slip.voided_at).is_(None))
    bagged = select(Bag.id).where(col(Bag.consignment_id) == col(Consignment.id))  # one label per bag instead
    rows = session.exec(select(Consignment.id, Consignment.created_at)
                        .where(col(Consignment.order_id).is_(None), col(Consignment.created_at) >= since,
                               col(Consignment.created_at) < until, ~live.exists(), ~bagged.exists())
                        .order_by(col(Consignment.created_at), col(Consignment.id))).all()
    return [(cid or 0, utc(created_at)) for cid, created_at in rows]


# --- for screens: an arrival's goods with their slips, and the station's printer ---------------


@dataclass(frozen=True)
class GoodsSlip:
    consignment: ConsignmentInfo
    slip: SlipInfo | None


def goods_with_slips(session: Session, *, arrival_id: int | None = None,
                     consignment_ids: list[int] | None = None) -> list[GoodsSlip]:
    """An arrival's consignments (or the given ones), each with its live slip or None."""
    if arrival_id is not None:
        goods = consignments.for_arrival(session, arrival_id)
    else:
        goods = [g for g in (consignments.get(session, cid) for cid in consignment_ids or []) if g]
    live = slips_for_consignments(session, [g.id for g in goods])
    return [GoodsSlip(g, live.get(g.id)) for g in goods]


PAPERS = ("58mm", "80mm", "a6", "a4")


@dataclass(frozen=True)
class PrintSettings:
    """A station's printer and paper ("" printer: the system default) and whether to print on issue."""

    printer: str = ""
    paper: str = "80mm"
    auto_print: bool = False


def print_settings(session: Session, station: str) -> PrintSettings:
    raw = station_settings(session, station)
    paper = raw.get("slip_paper", "80mm")
    return PrintSettings(printer=str(raw.get("slip_printer", "")), paper=paper if paper in PAPERS else "80mm",
                         auto_print=bool(raw.get("slip_auto_print", False)))


@requires(Permission.PRINT)
def save_print_settings(session: Session, *, actor: Actor, now: datetime, printer: str | None = None,
                        paper: str | None = None, auto_print: bool | None = None) -> PrintSettings:
    """Remember the printer/paper for the actor's station (only what changed is written)."""
    current = print_settings(session, actor.station)
    changes: dict[str, object] = {}
    if printer is not None and printer != current.printer:
        changes["slip_printer"] = printer
    if paper is not None and paper != current.paper:
        if paper not in PAPERS:
            raise ServiceError("bad_paper", t("未知纸张：{p}", "Unknown paper: {p}", p=paper))
        changes["slip_paper"] = paper
    if auto_print is not None and auto_print != current.auto_print:
        changes["slip_auto_print"] = auto_print
    if changes:
        update_station_settings(session, actor=actor, now=now, name=actor.station, **changes)
    return print_settings(session, actor.station)


@dataclass(frozen=True)
class SlipRow:
    """A slip with a one-line account of its goods, for lists."""

    slip: SlipInfo
    goods: str
    quantity: str
    destination: str


def rows_for_day(session: Session, day: date, *, kind: str | None = "slip") -> list[SlipRow]:
    """The slips issued on a local day, newest first, with their goods. Bag labels are listed on the
    group-buying page, so by default only handoff slips (`kind=None`: both). One statement, whatever
    the number of slips (the goods joined, not read slip by slip)."""
    lo, hi = day_bounds(day)
    query = (select(Slip, Consignment.id, Consignment.category, Consignment.description, Consignment.quantity,
                    Consignment.unit, Consignment.destination, Consignment.recipient)
             .outerjoin(Consignment, col(Consignment.id) == col(Slip.consignment_id))
             .where(col(Slip.issued_at) >= lo, col(Slip.issued_at) < hi)
             .order_by(col(Slip.issued_at).desc(), col(Slip.id).desc()))
    if kind is not None:
        query = query.where(Slip.kind == kind)
    out = []
    for slip, goods_id, category, description, quantity, unit, destination, recipient in session.exec(query).all():
        if goods_id is None:
            out.append(SlipRow(info(slip), "", "", ""))
            continue
        qty = f"{quantity:g}{unit}" if quantity else ""
        out.append(SlipRow(info(slip), " · ".join(x for x in (category, description) if x), qty,
                           destination or recipient))
    return out


def unslipped_on(session: Session, day: date) -> list[int]:
    """Consignments registered on a local day that have no live slip."""
    lo, hi = day_bounds(day)
    return [cid for cid, _ in unslipped_consignments(session, since=lo, until=hi)]
