"""The transit station (中转站): goods come in from outside through the same gate, disinfection and
dwell as anywhere, are released into the station's stock at the handoff, and leave on onward
vehicles to named destinations (supply points, communities), each dispatch with its own slip.

Stock on hand, per necessity and unit, at a moment: the goods released from the dwell area by then
(a `Release` of their slip; goods recalled or withdrawn afterwards do not count) minus what was
dispatched by then (a `Dispatch` whose slip was not voided by then: voiding a dispatch slip puts
its goods back). Goods still waiting for disinfection or standing are not stock; a dispatch that
would need them is refused and says so.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from desktop.documents.views import SlipView
from desktop.domain import necessities
from desktop.domain.clock import utc
from desktop.domain.enums import display
from desktop.domain.identity import InputError, display_plate, normalize_plate
from desktop.domain.permissions import Permission
from desktop.i18n import language, t
from desktop.services import audit, slips
from desktop.services.authz import requires
from desktop.services.context import Actor, ServiceError
from desktop.services.setup import require_site
from desktop.store.models import (
    Consignment,
    Destination,
    Dispatch,
    DispatchLine,
    Operator,
    Release,
    Site,
    Slip,
)

KIND = "transit"
WAITING = ("needs_disinfection", "dwelling", "ready")  # registered here, not yet released into stock
GONE = ("recalled", "withdrawn")
MAX_NAME = 80

Key = tuple[str, str]  # (necessity, unit)


def is_transit(session: Session) -> bool:
    """Is this site a transit station (its kind set under 设置 → 站点)?"""
    return require_site(session).kind == KIND


@dataclass(frozen=True)
class StockLine:
    necessity: str
    name: str
    unit: str
    on_hand: float
    waiting: float  # registered here but still needing disinfection, standing, or not released yet


@dataclass(frozen=True)
class DispatchInfo:
    id: int
    number: str
    destination: str
    plate: str
    dispatched_at: datetime
    dispatched_by: str
    lines: tuple[tuple[str, float, str], ...]  # (necessity, quantity, unit)
    voided: bool


def _received(session: Session, at: datetime | None) -> dict[Key, float]:
    query = (select(Consignment.category, Consignment.description, Consignment.quantity, Consignment.unit)
             .join(Slip, col(Slip.consignment_id) == col(Consignment.id))
             .join(Release, col(Release.slip_id) == col(Slip.id))
             .where(col(Slip.bag_id).is_(None), col(Consignment.state).not_in(GONE)))
    if at is not None:
        query = query.where(col(Release.released_at) < at)
    out: dict[Key, float] = defaultdict(float)
    for category, description, quantity, unit in session.exec(query).all():
        out[(necessities.classify(category, description), unit.strip())] += quantity or 0
    return out


def _waiting(session: Session) -> dict[Key, float]:
    query = select(Consignment).where(col(Consignment.state).in_(WAITING), col(Consignment.order_id).is_(None))
    out: dict[Key, float] = defaultdict(float)
    for c in session.exec(query).all():
        out[(necessities.classify(c.category, c.description), c.unit.strip())] += c.quantity or 0
    return out


def _dispatched(session: Session, *, since: datetime | None = None, until: datetime | None = None) -> dict[Key, float]:
    """Dispatched in [since, until) and not voided by `until` (ever, when None)."""
    query = (select(DispatchLine.necessity, DispatchLine.unit, DispatchLine.quantity)
             .join(Dispatch, col(Dispatch.id) == col(DispatchLine.dispatch_id))
             .join(Slip, col(Slip.id) == col(Dispatch.slip_id)))
    if since is not None:
        query = query.where(col(Dispatch.dispatched_at) >= since)
    if until is not None:
        query = query.where(col(Dispatch.dispatched_at) < until,
                            col(Slip.voided_at).is_(None) | (col(Slip.voided_at) >= until))
    else:
        query = query.where(col(Slip.voided_at).is_(None))
    out: dict[Key, float] = defaultdict(float)
    for necessity, unit, quantity in session.exec(query).all():
        out[(necessity, unit)] += quantity
    return out


def _order(keys: Iterable[Key]) -> list[Key]:
    rank = {k: i for i, k in enumerate(necessities.KEYS)}
    return sorted(set(keys), key=lambda k: (rank.get(k[0], 99), k[1]))


def stock_at(session: Session, at: datetime | None = None) -> dict[Key, float]:
    """On hand per (necessity, unit) at a moment (now when None); zero lines left out."""
    received, sent = _received(session, at), _dispatched(session, until=at)
    out = {k: round(received.get(k, 0) - sent.get(k, 0), 6) for k in _order([*received, *sent])}
    return {k: v for k, v in out.items() if v}


def stock(session: Session) -> list[StockLine]:
    """Stock on hand now: one line per necessity (the eight, then other) and unit; a necessity with
    nothing on hand or waiting still has one zero line, so the screen lists all nine."""
    on_hand, waiting = stock_at(session), _waiting(session)
    keys = _order([*on_hand, *waiting])
    out = [StockLine(k[0], necessities.name(k[0]), k[1], on_hand.get(k, 0), waiting.get(k, 0)) for k in keys]
    listed = {line.necessity for line in out}
    out += [StockLine(k, necessities.name(k), "", 0, 0) for k in necessities.KEYS if k not in listed]
    rank = {k: i for i, k in enumerate(necessities.KEYS)}
    return sorted(out, key=lambda line: (rank.get(line.necessity, 99), line.unit))


def dispatched_between(session: Session, since: datetime, until: datetime) -> dict[Key, float]:
    """What left on dispatches in [since, until) (those not voided by `until`)."""
    return _dispatched(session, since=since, until=until)


def destinations(session: Session) -> list[str]:
    """The destinations used before, by name (for the form's completion)."""
    return list(session.exec(select(Destination.name).order_by(col(Destination.name))).all())


def _clean_lines(lines: Sequence[tuple[str, float, str]]) -> dict[Key, float]:
    wanted: dict[Key, float] = defaultdict(float)
    for necessity, quantity, unit in lines:
        if necessity not in necessities.KEYS:
            raise ServiceError("bad_necessity", t("未知物资品类：{k}", "Unknown necessity: {k}", k=necessity))
        try:
            amount = float(quantity)
        except (TypeError, ValueError):
            amount = -1
        if not amount > 0:
            raise ServiceError("bad_quantity", t("{n} 的数量应大于0。", "The quantity of {n} must be more than 0.",
                                                 n=necessities.name(necessity)))
        wanted[(necessity, (unit or "").strip())] += amount
    if not wanted:
        raise ServiceError("no_lines", t("请至少填写一种外发物资。", "Enter at least one line of goods to dispatch."))
    return wanted


def _check_stock(session: Session, wanted: dict[Key, float]) -> None:
    on_hand, waiting = stock_at(session), _waiting(session)
    for key, amount in wanted.items():
        have = on_hand.get(key, 0)
        if amount <= have + 1e-9:
            continue
        name, unit = necessities.name(key[0]), key[1]
        pending = waiting.get(key, 0)
        if pending and amount <= have + pending + 1e-9:
            raise ServiceError("still_dwelling", t(
                "{n}库存只有 {have}{u}，另有 {p}{u} 尚在消杀、静置或未放行入库，不能外发 {want}{u}。",
                "Only {have} {u} of {n} is in stock; {p} {u} more is still being disinfected, standing or not "
                "released into stock, so {want} {u} cannot be dispatched.",
                n=name, have=f"{have:g}", p=f"{pending:g}", want=f"{amount:g}", u=unit))
        raise ServiceError("over_stock", t(
            "{n}库存只有 {have}{u}，不能外发 {want}{u}。",
            "Only {have} {u} of {n} is in stock; {want} {u} cannot be dispatched.",
            n=name, have=f"{have:g}", want=f"{amount:g}", u=unit))


def _destination(session: Session, *, actor: Actor, now: datetime, name: str) -> Destination:
    name = " ".join(name.split())
    if not name:
        raise ServiceError("missing_destination", t("请填写外发去向（供应点、小区）。",
                                                    "Enter where the goods go (supply point, community)."))
    if len(name) > MAX_NAME:
        raise ServiceError("too_long", t("去向名称太长。", "The destination's name is too long."))
    row = session.exec(select(Destination).where(Destination.name == name)).first()
    if row is None:
        row = Destination(name=name, created_at=now, created_by=actor.operator)
        session.add(row)
        session.flush()
    return row


@requires(Permission.RELEASE)
def dispatch(session: Session, *, actor: Actor, now: datetime, destination: str = "", plate: str = "",
             lines: Sequence[tuple[str, float, str]] = ()) -> DispatchInfo:
    """Send goods from the station's stock to a named destination on an onward vehicle: writes the
    dispatch, its lines and its slip (kind "dispatch"); audited as `transit.dispatch`. Refused when
    the site is not a transit station, when a line is more than is on hand (naming what is still
    standing), or without a destination or plate."""
    if not is_transit(session):
        raise ServiceError("not_transit", t("本站点不是中转站，不能外发。",
                                            "This site is not a transit station; nothing is dispatched from it."))
    # Two stations dispatching the same stock at once: on PostgreSQL the second waits here until the
    # first has committed, then sees its dispatch (SQLite's write transactions are serial already).
    session.exec(select(Site.id).where(Site.id == require_site(session).id).with_for_update()).first()
    wanted = _clean_lines(lines)
    try:
        vehicle = normalize_plate(plate)
    except InputError as exc:
        raise ServiceError("bad_plate", exc.message) from None
    place = _destination(session, actor=actor, now=now, name=destination)
    _check_stock(session, wanted)
    slip = slips.insert_numbered(session, actor=actor, now=now, kind=slips.DISPATCH)
    row = Dispatch(site_id=slip.site_id, slip_id=slip.id or 0, destination_id=place.id or 0, plate=vehicle,
                   dispatched_at=now, dispatched_by=actor.operator, station=actor.station)
    session.add(row)
    session.flush()
    for (necessity, unit), quantity in wanted.items():
        session.add(DispatchLine(dispatch_id=row.id or 0, necessity=necessity, quantity=quantity, unit=unit))
    session.flush()
    audit.record(session, actor=actor, action="transit.dispatch", at=now, entity="dispatch", entity_id=row.id,
                 data={"number": slip.number, "destination": place.name, "plate": vehicle,
                       "lines": [[n, q, u] for (n, u), q in wanted.items()]})
    return _info(session, row)


def _info(session: Session, row: Dispatch) -> DispatchInfo:
    slip = session.get(Slip, row.slip_id)
    place = session.get(Destination, row.destination_id)
    lines = session.exec(select(DispatchLine).where(DispatchLine.dispatch_id == row.id)
                         .order_by(col(DispatchLine.id))).all()
    return DispatchInfo(row.id or 0, slip.number if slip else "", place.name if place else "", row.plate,
                        utc(row.dispatched_at), row.dispatched_by, tuple((x.necessity, x.quantity, x.unit) for x in lines),
                        bool(slip and slip.voided_at is not None))


def dispatches(session: Session, *, since: datetime | None = None, until: datetime | None = None) -> list[DispatchInfo]:
    """Dispatches in [since, until), oldest first (voided ones included, marked)."""
    query = select(Dispatch).order_by(col(Dispatch.dispatched_at), col(Dispatch.id))
    if since is not None:
        query = query.where(col(Dispatch.dispatched_at) >= since)
    if until is not None:
        query = query.where(col(Dispatch.dispatched_at) < until)
    return [_info(session, r) for r in session.exec(query).all()]


def line_text(necessity: str, quantity: float, unit: str) -> str:
    return f"{necessities.name(necessity)} {quantity:g} {unit}".strip()


def dispatch_view(session: Session, slip: Slip, *, printed_at: datetime | None = None,
                  reprint_no: int | None = None) -> SlipView:
    """What a dispatch slip prints: the site, number, barcode, destination, vehicle and lines."""
    row = session.exec(select(Dispatch).where(Dispatch.slip_id == slip.id)).first()
    site = session.get(Site, slip.site_id)
    info = _info(session, row) if row is not None else None
    who = session.exec(select(Operator).where(Operator.username == slip.issued_by)).first()
    return SlipView(
        site_name=site.name if site else "", number=slip.number, kind=slips.DISPATCH,
        plate=display_plate(info.plate) if info else "", destination=info.destination if info else "",
        lines=tuple(line_text(*x) for x in info.lines) if info else (),
        issued_by=who.display_name if who else slip.issued_by, issued_at=utc(slip.issued_at),
        station=display(slip.station, language()), printed_at=printed_at,
        reprint_no=slip.print_count if reprint_no is None else reprint_no,
        voided=slip.voided_at is not None, void_reason=slip.void_reason,
    )


def dispatched_message(session: Session, slip: Slip) -> str:
    """What a scan of a dispatch slip at the handoff says: it is not released, it already left."""
    from desktop.services.handoff import local_time

    row = session.exec(select(Dispatch).where(Dispatch.slip_id == slip.id)).first()
    info = _info(session, row) if row is not None else None
    return t("这是外发单：物资已于 {at} 装车 {p} 发往 {d}，无需放行。",
             "This is a dispatch slip: its goods left at {at} on {p} for {d}; there is nothing to release.",
             at=local_time(info.dispatched_at) if info else "—", p=display_plate(info.plate) if info else "—",
             d=info.destination if info else "—")
