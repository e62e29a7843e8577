"""The release scan at the speed of one commit: SQLAlchemy Core on the scan's own connection.

`state` reads everything a verdict needs about one slip in ONE joined SELECT — its release, bag,
goods, the vehicle they came with, and the latest disinfection with its dwell timer — so the rules
in `handoff` judge from one row instead of a dozen ORM round trips. `write_release` then writes a
release without the ORM's unit of work: the INSERT of the Release row (its UNIQUE slip_id decides
a race between stations: ON CONFLICT DO NOTHING, no savepoint), the bag picked up, the goods and
their timer marked released, the custody event, and ONE audit event that carries what the three
events of the ORM path carried (`consignment_state` and `dwell_release` beside the release's own
fields) and the digests of every row written (`audit_rows.note`), so `verify` holds them as before.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NamedTuple

from sqlalchemy import Connection, bindparam, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from desktop.i18n import t
from desktop.services import audit, audit_rows, authz, privacy
from desktop.services.authz import internal
from desktop.services.context import Actor, ServiceError
from desktop.store.models import (
    Arrival,
    Bag,
    Consignment,
    CustodyEvent,
    Disinfection,
    DisinfectionItem,
    DwellTimer,
    Operator,
    Release,
    Site,
    Slip,
)
from desktop.store.prepared import Prepared, transient
from desktop.store.sqlhints import not_by_index

_S, _R, _B, _C, _A = (Slip.__table__, Release.__table__, Bag.__table__,  # type: ignore[attr-defined]
                      Consignment.__table__, Arrival.__table__)  # type: ignore[attr-defined]
_D, _DI, _T = Disinfection.__table__, DisinfectionItem.__table__, DwellTimer.__table__  # type: ignore[attr-defined]
_E, _O = CustodyEvent.__table__, Operator.__table__  # type: ignore[attr-defined]
_GONE = ("released", "delivered")


@dataclass(frozen=True)
class SlipState:
    """One slip and everything its verdict depends on, as of this transaction."""

    release: Release | None  # transient rows (never added to the session)
    bag: Bag | None
    consignment_id: int | None  # the slip's own, else its bag's
    goods_found: bool
    goods_state: str | None
    arrival_status: str | None
    plate: str
    cancel_reason: str
    decision_reason: str
    disinfection_id: int | None
    recalled_at: datetime | None
    timer: DwellTimer | None
    other_bags_waiting: bool = False  # another bag of these goods still waits (a bag delivery goes as a whole)
    others_pending: bool = False  # other goods of the same disinfection not gone yet (its timer stays)
    recent: Recent | None = None  # the latest scan or release of this slip at the station in the window
    goods: tuple[str, str, float | None, str] = ("", "", None, "")  # category, description, quantity, unit


class Recent(NamedTuple):
    """A scan or release of the same slip at the same station within the repeat window."""

    id: int
    verdict: str


_SITE_CODE = Prepared(select(Site.__table__.c.code).order_by(Site.__table__.c.id).limit(1))  # type: ignore[attr-defined]
_SLIP = Prepared(select(*_S.c).where(_S.c.number == bindparam("number")))


def site_code(session: Session) -> str | None:
    """The site's code (None before set-up)."""
    return _SITE_CODE.scalar(session.connection())  # type: ignore[no-any-return]


def slip(session: Session, number: str) -> Slip | None:
    """The slip of this number, as a transient row (never added to the session)."""
    row = _SLIP.first(session.connection(), {"number": number})
    return None if row is None else transient(Slip, row._asdict())


def _query(slip_id: Any) -> Any:
    cid = func.coalesce(_S.c.consignment_id, _B.c.consignment_id)
    latest = (select(_D.c.id).join(_DI, _DI.c.disinfection_id == _D.c.id).where(_DI.c.consignment_id == _C.c.id)
              # found through the consignment's items, not by walking every disinfection newest first
              .order_by(not_by_index(_D.c.ended_at).desc(), _D.c.id.desc()).limit(1).correlate(_C).scalar_subquery())
    b2, c2 = _B.alias("b2"), _C.alias("c2")
    other_bags = (select(b2.c.id).where(b2.c.consignment_id == _C.c.id, b2.c.state == "waiting",
                                        b2.c.id != _S.c.bag_id).correlate(_C, _S).exists())
    others = (select(_DI.c.consignment_id).join(c2, c2.c.id == _DI.c.consignment_id)
              .where(_DI.c.disinfection_id == _D.c.id, c2.c.id != _C.c.id, *(c2.c.state != g for g in _GONE))
              .correlate(_D, _C).exists())
    latest_scan = _recent(True).with_only_columns(_E.c.id).correlate(_S).scalar_subquery()
    e2 = _E.alias("e2")
    latest_verdict = select(e2.c.verdict).where(e2.c.id == latest_scan).scalar_subquery()
    cols = ([c.label(f"r_{c.name}") for c in _R.c] + [c.label(f"b_{c.name}") for c in _B.c]
            + [c.label(f"t_{c.name}") for c in _T.c]
            + [cid.label("cid"), _C.c.id.label("c_id"), _C.c.state.label("c_state"), _A.c.status.label("a_status"),
               _A.c.plate.label("a_plate"), _A.c.cancel_reason.label("a_cancel"),
               _A.c.decision_reason.label("a_decision"), _D.c.id.label("d_id"), _D.c.recalled_at.label("d_recalled"),
               _O.c.display_name.label("r_who"), _C.c.category.label("c_category"), _C.c.description.label("c_description"),
               _C.c.quantity.label("c_quantity"), _C.c.unit.label("c_unit"),
               other_bags.label("other_bags"), others.label("others"), latest_scan.label("rs_id"),
               latest_verdict.label("rs_verdict")])
    return (select(*cols).select_from(_S)
            .outerjoin(_R, _R.c.slip_id == _S.c.id)
            .outerjoin(_O, _O.c.username == _R.c.released_by)
            .outerjoin(_B, _B.c.id == _S.c.bag_id)
            .outerjoin(_C, _C.c.id == cid)
            .outerjoin(_A, _A.c.id == _C.c.arrival_id)
            .outerjoin(_D, _D.c.id == latest)
            .outerjoin(_T, _T.c.disinfection_id == _D.c.id)
            .where(_S.c.id == slip_id))


def _row_of(model: type, table: Any, row: Any, prefix: str) -> Any:
    values = {c.name: row[f"{prefix}{c.name}"] for c in table.c}
    return None if values["id"] is None else transient(model, values)




_NO_STATION = "\x00"  # no station is named so: no scan is recent


def state(session: Session, slip_id: int, *, station: str = _NO_STATION, since: datetime | None = None,
          now: datetime | None = None) -> SlipState:
    """The one joined read of a scan (reads only); given the station and the window [since, now],
    also the latest scan or release of this slip there (`recent`, the repeat check)."""
    conn = session.connection()
    edge = now or datetime(1970, 1, 1, tzinfo=UTC)
    row = _JOINED.first(conn, {"slip_id": slip_id, "station": station, "since": since or edge, "now": edge})._asdict()
    if row["r_who"]:  # who released it, as a refusal names them (`handoff._who` looks here first)
        session.info.setdefault(authz.NAMES, {})[row["r_released_by"]] = row["r_who"]
    return SlipState(
        release=_row_of(Release, _R, row, "r_"), bag=_row_of(Bag, _B, row, "b_"), consignment_id=row["cid"],
        goods_found=row["c_id"] is not None, goods_state=row["c_state"], arrival_status=row["a_status"],
        plate=row["a_plate"] or "", cancel_reason=row["a_cancel"] or "", decision_reason=row["a_decision"] or "",
        disinfection_id=row["d_id"], recalled_at=row["d_recalled"], timer=_row_of(DwellTimer, _T, row, "t_"),
        other_bags_waiting=bool(row["other_bags"]), others_pending=bool(row["others"]),
        recent=None if row["rs_id"] is None else Recent(row["rs_id"], row["rs_verdict"]),
        goods=(row["c_category"] or "", row["c_description"] or "", row["c_quantity"], row["c_unit"] or ""))


# --- writing ----------------------------------------------------------------------------------------


@functools.cache
def _writes(dialect: str) -> dict[str, Any]:
    """The statements a scan writes, built once per dialect. Each returns the digest cells of the
    row it wrote (`audit_rows.returning`), so the audit event that follows reads nothing back."""
    ins = postgresql.insert if dialect == "postgresql" else sqlite.insert
    cells = functools.partial(audit_rows.returning, dialect=dialect)
    return {name: Prepared(stmt) for name, stmt in {
        "release": ins(_R).on_conflict_do_nothing(index_elements=["slip_id"]).returning(_R.c.id, *cells("release")),
        "bag": update(_B).where(_B.c.id == bindparam("key")).returning(*cells("bag")),
        "consignment": update(_C).where(_C.c.id == bindparam("key")).returning(*cells("consignment")),
        "dwell_timer": update(_T).where(_T.c.id == bindparam("key")).returning(*cells("dwell_timer")),
        "custody_event": _E.insert().returning(_E.c.id, *cells("custody_event")),
    }.items()}


def _write(session: Session, conn: Connection, table: str, values: dict[str, Any]) -> Any:
    """Run the scan's statement for `table`; note the row written with its digest. The row, or None
    (an INSERT that did nothing)."""
    row = _writes(conn.dialect.name)[table].first(conn, values)
    if row is not None:
        audit_rows.note_returned(session, table, row[1:] if table in ("release", "custody_event") else row)
    return row


@internal("called by handoff.scan, which checks RELEASE")
def custody(session: Session, *, actor: Actor, now: datetime, slip_id: int | None, code: str, verdict: str, kind: str,
            holder: str = "", location: str = "", vehicle: str = "") -> int:
    """One custody event (a Core INSERT, noted for the next audit event); its id."""
    conn = session.connection()
    row = _write(session, conn, "custody_event", {
        "slip_id": slip_id, "code_raw": privacy.scrub(code), "verdict": verdict, "kind": kind,
        "station": actor.station, "operator": actor.operator, "at": now, "holder": privacy.scrub_free_text(holder),
        "location": privacy.scrub_free_text(location), "vehicle": vehicle, "quantity": None, "reason": "",
    })
    return int(row[0])


def _recent(by_slip: bool) -> Any:
    query = select(_E.c.id, _E.c.verdict).where(
        _E.c.station == bindparam("station"), or_(_E.c.kind == "scan", _E.c.kind == "release"),
        _E.c.at >= bindparam("since", type_=_E.c.at.type), _E.c.at <= bindparam("now", type_=_E.c.at.type))
    if by_slip:
        query = query.where(_E.c.slip_id == bindparam("slip_id"))
    else:
        query = query.where(_E.c.slip_id.is_(None), _E.c.code_raw == bindparam("code"))
    return query.order_by(_E.c.id.desc()).limit(1)


_RECENT_BY_SLIP, _RECENT_BY_CODE = Prepared(_recent(True)), Prepared(_recent(False))
_JOINED = Prepared(_query(bindparam("slip_id")))


def recent_scan(session: Session, *, slip_id: int | None, code: str, station: str, since: datetime,
                now: datetime) -> Any:
    """The latest scan or release of this slip (or of this code, naming no slip) at `station` in
    [since, now]: a row with .id and .verdict, or None."""
    params: dict[str, Any] = {"station": station, "since": since, "now": now}
    if slip_id is not None:
        return _RECENT_BY_SLIP.first(session.connection(), {**params, "slip_id": slip_id})
    return _RECENT_BY_CODE.first(session.connection(), {**params, "code": privacy.scrub(code)})


@dataclass(frozen=True)
class Written:
    release: Release
    event_id: int


@internal("called by handoff.scan, which checks RELEASE")
def write_release(session: Session, st: SlipState, *, actor: Actor, now: datetime, slip_id: int, number: str,
                  code: str, receiver: str, destination: str, transfer_vehicle: str) -> Written | None:
    """Release the goods of a slip judged ready; None when another station's release won the race."""
    conn = session.connection()
    values = {"slip_id": slip_id, "released_at": now, "released_by": actor.operator, "station": actor.station,
              "receiver": receiver, "destination": destination, "transfer_vehicle": transfer_vehicle}
    inserted = _write(session, conn, "release", values)  # the UNIQUE slip_id decides a race
    if inserted is None:
        return None
    release_id = inserted[0]
    data: dict[str, Any] = {"number": number, "release_id": release_id,
                            "receiver": privacy.scrub_free_text(receiver),
                            "destination": privacy.scrub_free_text(destination),
                            "transfer_vehicle": transfer_vehicle, "bag_id": st.bag.id if st.bag else None}
    bag = st.bag
    if bag is not None:
        _write(session, conn, "bag", {"key": bag.id, "state": "picked_up", "picked_up_at": now,
                                      "picked_up_by": receiver or actor.operator})
    # a bag delivery is released as a whole once its last bag has been picked up
    all_out = bag is None or (not st.other_bags_waiting and st.goods_state is not None
                              and st.goods_state not in _GONE)
    if st.consignment_id is not None and all_out:
        data.update(_goods_released(session, conn, st, actor=actor, now=now))
    event_id = custody(session, actor=actor, now=now, slip_id=slip_id, code=code, verdict="ok", kind="release",
                       holder=receiver, location=destination, vehicle=transfer_vehicle)
    audit.record(session, actor=actor, action="handoff.release", at=now, entity="slip", entity_id=slip_id, data=data)
    return Written(Release(id=release_id, **values), event_id)


def _goods_released(session: Session, conn: Connection, st: SlipState, *, actor: Actor,
                    now: datetime) -> dict[str, Any]:
    """What `dwell.mark_released` does (the goods released, their timer complete or released), as
    Core UPDATEs; returns what its two audit events carried."""
    cid = st.consignment_id
    timer = st.timer
    if st.disinfection_id is None or timer is None:
        raise ServiceError("not_disinfected", t("该批物资尚未消杀，不能放行。", "These goods have not been disinfected."))
    if st.recalled_at is not None or timer.state == "stopped":
        raise ServiceError("recalled", t("该批物资的消杀已被召回，须重新消杀。",
                                         "The disinfection of these goods was recalled; disinfect them again."))
    old = st.goods_state
    _write(session, conn, "consignment", {"key": cid, "state": "released"})
    changes: dict[str, Any] = {}
    if timer.state == "running":  # complete by time but not yet swept
        changes.update(state="complete", completed_at=timer.completed_at or now)
    pending = st.others_pending  # read with the slip, in this transaction: these goods are not among them
    if not pending:
        changes.update(state="released", released_at=now, released_by=actor.operator)
    if changes:
        _write(session, conn, "dwell_timer", {"key": timer.id, **changes})
    else:
        audit_rows.note(session, "dwell_timer", [timer.id])
    return {"consignment_state": {"consignment_id": cid, "from": old, "to": "released", "reason": "handoff release"},
            "dwell_release": {"timer_id": timer.id, "consignment_id": cid, "timer_released": not pending}}
