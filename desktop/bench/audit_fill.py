"""Millions of audit events for the large-database benches, with a chain that verifies.

A site that has run for months has far more audit events than slips (every scan, decision and
setting writes one), and every audit lookup, append and verify pays for them. The events are
written straight in SQL, continuing the chain from the database's head, each hashed exactly as
`desktop.services.audit.record` hashes it, so `gatehouse verify` walks them as it walks real ones.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop.domain import audit_chain

BATCH = 20_000
# What a long emergency's log is mostly made of: scans, then custody, then the rest.
_ACTIONS = [("handoff.scan", "slip"), ("handoff.scan", "slip"), ("custody.event", "slip"),
            ("gate.decide", "arrival"), ("disinfection.record", "disinfection"), ("slip.issue", "slip")]


def _events(first_id: int, prev_hash: str, count: int, start: datetime) -> Iterator[tuple]:  # type: ignore[type-arg]
    for n in range(count):
        event_id = first_id + n
        action, entity = _ACTIONS[n % len(_ACTIONS)]
        at = start + timedelta(milliseconds=n * 250)
        entity_id = str(n // 3 + 1)
        data = audit_chain.canonical({"code": f"GH-F{n // 3 + 1:08d}", "verdict": "ok"}).decode()
        fields = {"id": event_id, "at": at.isoformat(), "operator": "filler", "station": "handoff", "action": action,
                  "entity": entity, "entity_id": entity_id, "data": data}
        digest = audit_chain.event_hash(prev_hash, fields)
        yield (event_id, at.strftime("%Y-%m-%d %H:%M:%S.%f"), "filler", "handoff", action, entity, entity_id, data,
               prev_hash, digest)
        prev_hash = digest


def fill_audit(path: str | Path, count: int, *, start: datetime = datetime(2026, 10, 1, tzinfo=UTC)) -> str:
    """Append `count` events after the chain's head (made if missing); return the new head hash."""
    con = sqlite3.connect(str(path), isolation_level=None)
    try:
        con.execute("PRAGMA synchronous = OFF")
        con.execute("BEGIN")
        head = con.execute("SELECT last_id, last_hash FROM audit_head WHERE id = 1").fetchone()
        if head is None:
            con.execute("INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, 0, ?)", (audit_chain.GENESIS,))
            head = (0, audit_chain.GENESIS)
        last_id, last_hash = head
        rows = _events(last_id + 1, last_hash, count, start)
        done = 0
        while done < count:
            batch = [row for _, row in zip(range(BATCH), rows, strict=False)]
            con.executemany("INSERT INTO audit_event (id, at, operator, station, action, entity, entity_id, data,"
                            " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch)
            done += len(batch)
            last_id, last_hash = batch[-1][0], batch[-1][-1]
        con.execute("UPDATE audit_head SET last_id = ?, last_hash = ? WHERE id = 1", (last_id, last_hash))
        con.execute("COMMIT")
        return str(last_hash)
    finally:
        con.close()


def describe(path: str | Path) -> dict[str, int]:
    """How many events the file holds (for a figure's extra fields)."""
    con = sqlite3.connect(str(path))
    try:
        return {"audit_events": con.execute("SELECT count(*) FROM audit_event").fetchone()[0]}
    finally:
        con.close()

