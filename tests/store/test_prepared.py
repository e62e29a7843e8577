"""`Prepared`: the scan path's Core statements run on the driver's cursor read and write exactly what
`Connection.execute` would (types processed both ways), and fail with SQLAlchemy's errors."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import bindparam, event, select
from sqlalchemy.exc import IntegrityError

from desktop.store.models import CustodyEvent
from desktop.store.prepared import Prepared

_E = CustodyEvent.__table__  # type: ignore[attr-defined]
AT = datetime(2026, 11, 29, 1, 2, 3, 456789, tzinfo=UTC)
ROW = {"slip_id": None, "code_raw": "GH-X", "verdict": "unknown", "kind": "scan", "station": "handoff",
       "operator": "liu.yang", "at": AT, "holder": "", "location": "", "vehicle": "", "quantity": 2.5, "reason": ""}
INSERT = Prepared(_E.insert().returning(_E.c.id, _E.c.at))
READ = Prepared(select(_E.c.id, _E.c.at, _E.c.quantity, (_E.c.quantity > 1).label("many"))
                .where(_E.c.code_raw == bindparam("code")))


def test_rows_match_what_sqlalchemy_reads(db):
    with db.session() as s:
        conn = s.connection()
        new_id, at = INSERT.first(conn, ROW)
        assert at == AT and at.tzinfo is not None  # the UTC column's processors, in and out
        fast = READ.first(conn, {"code": "GH-X"})
        plain = conn.execute(READ.statement, {"code": "GH-X"}).first()
    assert tuple(fast) == tuple(plain) == (new_id, AT, 2.5, True)
    assert fast.at == AT and fast.many is True
    with db.engine.connect() as conn:
        assert READ.first(conn, {"code": "nothing"}) is None


def test_a_listener_sees_every_statement_and_the_rows_are_the_same(db):
    seen: list[str] = []

    def note(_conn, _cursor, statement, *_rest) -> None:  # type: ignore[no-untyped-def]
        seen.append(statement)

    with db.session() as s:
        INSERT.first(s.connection(), ROW)
    event.listen(db.engine, "before_cursor_execute", note)
    try:
        with db.session() as s:
            row = READ.first(s.connection(), {"code": "GH-X"})
    finally:
        event.remove(db.engine, "before_cursor_execute", note)
    assert row.at == AT and any("FROM custody_event" in q for q in seen)


def test_driver_errors_come_out_as_sqlalchemy_errors(db):
    with db.session() as s:
        new_id, _at = INSERT.first(s.connection(), ROW)
    with pytest.raises(IntegrityError), db.session() as s:
        Prepared(_E.insert()).run(s.connection(), {**ROW, "id": new_id})  # the same key again
