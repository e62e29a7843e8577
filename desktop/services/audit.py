"""The append-only, hash-chained audit log."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, update
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal
from sqlmodel import Session, select

from desktop.domain import audit_chain
from desktop.domain.clock import utc
from desktop.services import audit_rows
from desktop.services.authz import internal
from desktop.services.context import Actor
from desktop.store.models import AuditEvent, AuditHead
from desktop.store.prepared import Prepared, transient


def _fields(event: AuditEvent) -> dict[str, Any]:
    return {
        "id": event.id,
        "at": utc(event.at).isoformat(),
        "operator": event.operator,
        "station": event.station,
        "action": event.action,
        "entity": event.entity,
        "entity_id": event.entity_id,
        "data": event.data,
    }


@internal("the audit writer itself: every guarded use case calls it")
def record(
    session: Session,
    *,
    actor: Actor,
    action: str,
    at: datetime,
    entity: str = "",
    entity_id: object = "",
    data: Mapping[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the chain inside the caller's transaction.

    The event carries the digest of every guarded row the transaction wrote since the previous
    event (`desktop.services.audit_rows`), so `verify` can hold those rows to it.

    The head row is read FOR UPDATE, so appenders on a shared server take turns; the event's id
    is the head's last id plus one, which lets the hash (which covers the id) be written in the
    same INSERT. Core statements rather than ORM flushes: this runs in every write, scans included.
    """
    session.flush()  # the change being audited is written first (and callers get its ids)
    written = audit_rows.take(session)  # and the event holds each row it wrote to its digest
    if written:
        given = dict((data or {}).get(audit_rows.DATA_KEY) or {})
        for table, rows in written.items():
            given[table] = {**given.get(table, {}), **rows}
        data = {**(data or {}), audit_rows.DATA_KEY: given}
    conn = session.connection()
    head = _HEAD.first(conn)
    if head is None:
        last_id, prev_hash = 0, audit_chain.GENESIS
        conn.execute(insert(AuditHead).values(id=1, last_id=0, last_hash=prev_hash))
    else:
        last_id, prev_hash = head
    event = transient(AuditEvent, {  # as written below, not validated again: this runs in every write
        "id": last_id + 1, "at": at, "operator": actor.operator, "station": actor.station, "action": action,
        "entity": entity, "entity_id": str(entity_id), "data": audit_chain.canonical(dict(data or {})).decode(),
        "prev_hash": prev_hash, "hash": ""})
    event.hash = audit_chain.event_hash(prev_hash, _fields(event))
    _APPEND.run(conn, {"id": event.id, "at": at, "operator": event.operator, "station": event.station,
                           "action": action, "entity": entity, "entity_id": event.entity_id, "data": event.data,
                           "prev_hash": prev_hash, "hash": event.hash})
    _MOVE_HEAD.run(conn, {"last_id": event.id, "last_hash": event.hash})
    return event


# Built once: this runs in every write, and building a statement costs more than running it here.
_HEAD = Prepared(select(AuditHead.last_id, AuditHead.last_hash).where(AuditHead.id == 1).with_for_update())  # type: ignore[arg-type]
_APPEND = Prepared(insert(AuditEvent))
_MOVE_HEAD = Prepared(update(AuditHead).where(AuditHead.id == 1))  # type: ignore[arg-type]


def _walk(session: Session, batch: int = 2000) -> Iterator[tuple[int, str, str, dict[str, Any]]]:
    last = 0
    while True:
        rows = session.exec(
            select(AuditEvent).where(AuditEvent.id > last).order_by(AuditEvent.id).limit(batch)  # type: ignore[arg-type]
        ).all()
        if not rows:
            return
        for ev in rows:
            yield (ev.id or 0, ev.prev_hash, ev.hash, _fields(ev))
        last = rows[-1].id or 0


@dataclass(frozen=True)
class ChainReport:
    events: int
    broken: audit_chain.ChainBreak | None
    head_ok: bool


def verify_chain(session: Session) -> ChainReport:
    """Walk the chain from its first event; also check the head row agrees with the last event."""
    count = 0
    last_hash = audit_chain.GENESIS

    def counted() -> Iterator[tuple[int, str, str, dict[str, Any]]]:
        nonlocal count, last_hash
        for item in _walk(session):
            count += 1
            last_hash = item[2]
            yield item

    broken = audit_chain.first_break(counted())
    head = session.get(AuditHead, 1)
    head_ok = broken is not None or (head.last_hash if head else audit_chain.GENESIS) == last_hash
    return ChainReport(events=count, broken=broken, head_ok=head_ok)


class _without_digests(ColumnElement[str]):  # lower case: used like a SQL function
    """An event's data without its row digests, stripped by the database: an upgrade's adoption
    events carry ~90 KB of digests each, and the audit tab's 500 newest read as 44 MB of JSON parsed
    only to be thrown away (the memory stayed with the window). The chain is over the stored text;
    this is for showing only."""

    inherit_cache = True
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement)]

    def __init__(self, column: Any) -> None:
        self.column = column
        self.type = column.type


@compiles(_without_digests)
def _as_stored(element: _without_digests, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.column, **kw))


@compiles(_without_digests, "sqlite")
def _json_remove(element: _without_digests, compiler: Any, **kw: Any) -> str:
    return f"json_remove({compiler.process(element.column, **kw)}, '$.{audit_rows.DATA_KEY}')"


@compiles(_without_digests, "postgresql")
def _jsonb_minus(element: _without_digests, compiler: Any, **kw: Any) -> str:
    return f"(CAST({compiler.process(element.column, **kw)} AS jsonb) - '{audit_rows.DATA_KEY}')::text"


def recent(session: Session, *, limit: int = 200, action_prefix: str = "",
           before_id: int | None = None) -> list[dict[str, Any]]:
    """Newest first, as plain dicts for screens and reports (without the row digests).

    `before_id`: the page after one that ended at that event (keyset paging: a page deep in a long
    log costs what the first one does, and events appended meanwhile do not shift it)."""
    e = AuditEvent
    query = (select(e.id, e.at, e.operator, e.station, e.action, e.entity, e.entity_id,  # type: ignore[call-overload]
                    _without_digests(e.data).label("data"))
             .order_by(e.id.desc()).limit(limit))  # type: ignore[union-attr]
    if before_id is not None:
        query = query.where(e.id < before_id)  # type: ignore[operator]
    if action_prefix:
        query = query.where(e.action.startswith(action_prefix))  # type: ignore[attr-defined]
    return [{"id": r.id, "at": utc(r.at).isoformat(), "operator": r.operator, "station": r.station,
             "action": r.action, "entity": r.entity, "entity_id": r.entity_id, "data": _shown(r.data)}
            for r in session.exec(query).all()]


def _shown(data: str) -> dict[str, Any]:
    """An event's data for people: the row digests are for `verify`, not for reading."""
    out = json.loads(data)
    out.pop(audit_rows.DATA_KEY, None)
    return out
