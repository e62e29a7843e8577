"""Rows from before row digests: held to the audit log once, when the database is upgraded.

A database written by an earlier Gatehouse has audit events that carry no row digests, so
`verify` would name every one of its rows as written outside the app. Inside the upgrade's own
transaction (`desktop.store.migrate.open_database(on_upgrade=...)`), every guarded row that no
event covers yet is stamped with its digest by `audit.adopt_rows` events, a few thousand rows
each. From then on, any change to those rows outside the app is named like any other.

What this cannot do: prove that a row was not already changed before the upgrade. The earlier
version could not tell either; the adoption events say which rows they took as found.
"""

from __future__ import annotations

from collections import deque
from datetime import UTC, datetime
from itertools import islice

from sqlalchemy import Connection
from sqlmodel import Session

from desktop.services import audit, audit_rows
from desktop.services.context import SYSTEM
from desktop.services.verify_read import events, raw_text

BATCH = 2000  # rows per adoption event: keeps each event's data a few hundred kilobytes


def _covered(conn: Connection, dialect: str) -> set[tuple[str, str]]:
    seen: set[tuple[str, str]] = set()
    for ev in events(conn, dialect, deque(maxlen=0)):  # what is wrong with the log is verify's to say, not kept here
        for table, rows in ev.digests.items():
            seen.update((table, key) for key in rows)
    return seen


def hold_existing_rows(session: Session, *, now: datetime) -> int:
    """Stamp every guarded row no audit event covers with its digest. Returns how many."""
    conn = session.connection()
    dialect = conn.dialect.name
    with raw_text(conn):
        covered = _covered(conn, dialect)
    pending: dict[str, dict[str, str | None]] = {}
    count = held = 0
    for name, table in audit_rows.guarded_tables().items():
        rows = audit_rows.walk(conn, dialect, table)
        while True:
            with raw_text(conn):  # rows are read raw, as verify reads them; events are written normally
                chunk = list(islice(rows, 500))
            if not chunk:
                break
            for row in chunk:
                key = audit_rows.key_text(row[0])
                if (name, key) not in covered:
                    pending.setdefault(name, {})[key] = audit_rows.digest_of(table, row)
                    count += 1
            if count >= BATCH:
                held += _stamp(session, pending, count, now)
                pending, count = {}, 0
    if count:
        held += _stamp(session, pending, count, now)
    return held


def _stamp(session: Session, rows: dict[str, dict[str, str | None]], count: int, now: datetime) -> int:
    audit.record(session, actor=SYSTEM, action="audit.adopt_rows", at=now,
                 data={"rows": count, "why": "written before row digests", audit_rows.DATA_KEY: rows})
    return count


def after_upgrade(conn: Connection, old_revision: str) -> None:
    """`open_database(on_upgrade=...)`: hold the rows of a database from before row digests."""
    if old_revision not in PRE_DIGEST_REVISIONS:
        return
    with Session(bind=conn) as session:
        hold_existing_rows(session, now=datetime.now(UTC))
        session.flush()


# Schema revisions written by versions that kept no row digests in their audit events.
PRE_DIGEST_REVISIONS = frozenset({"0001"})
