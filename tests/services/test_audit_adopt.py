"""A database from before row digests is held to the audit log by its upgrade, so `verify` passes
on it afterwards and still names any later edit made outside the app."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

from desktop.domain import audit_chain
from desktop.services import audit_adopt, audit_rows, demo
from desktop.store import migrate
from tests.services.db_files import downgrade_file, verify_file

EVENING = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def _as_an_older_version_left_it(path: Path) -> None:
    """The demo day's events without row digests (re-chained), and the schema of revision 0001."""
    con = sqlite3.connect(path)
    rows = con.execute("SELECT id, at, operator, station, action, entity, entity_id, data FROM audit_event"
                       " ORDER BY id").fetchall()
    prev = audit_chain.GENESIS
    for ev_id, at, operator, station, action, entity, entity_id, data in rows:
        plain = {k: v for k, v in json.loads(data).items() if k != audit_rows.DATA_KEY}
        text = audit_chain.canonical(plain).decode()
        fields = {"id": ev_id, "at": datetime.fromisoformat(at).replace(tzinfo=UTC).isoformat(),
                  "operator": operator, "station": station, "action": action, "entity": entity,
                  "entity_id": entity_id, "data": text}
        digest = audit_chain.event_hash(prev, fields)
        con.execute("UPDATE audit_event SET data=?, prev_hash=?, hash=? WHERE id=?", (text, prev, digest, ev_id))
        prev = digest
    con.execute("UPDATE audit_head SET last_hash=? WHERE id=1", (prev,))
    con.commit()
    con.close()
    downgrade_file(path, "0001")


def test_an_upgraded_database_is_held_to_its_audit_log(tmp_path: Path):
    path = tmp_path / "old.sqlite3"
    db = migrate.open_database(str(path))
    demo.build(db, day=date(2026, 11, 28), now=EVENING)
    db.dispose()
    _as_an_older_version_left_it(path)
    before = verify_file(path)
    assert {f.kind for f in before.findings} == {"no_event"}  # what verify would say without the adoption

    migrate.open_database(str(path), on_upgrade=audit_adopt.after_upgrade).dispose()
    after = verify_file(path)
    assert after.ok, [f.line() for f in after.findings[:5]]
    assert after.rows_checked == len(before.findings)

    con = sqlite3.connect(path)
    con.execute("UPDATE dwell_timer SET minutes = 1 WHERE id = (SELECT min(id) FROM dwell_timer)")
    con.commit()
    con.close()
    tampered = verify_file(path)
    assert [(f.kind, f.table) for f in tampered.findings] == [("changed", "dwell_timer")]


def test_a_new_database_needs_no_adoption(tmp_path: Path):
    path = tmp_path / "new.sqlite3"
    db = migrate.open_database(str(path), on_upgrade=audit_adopt.after_upgrade)
    demo.build(db, day=date(2026, 11, 28), now=EVENING)
    with db.engine.connect() as conn:
        adopted = conn.exec_driver_sql("SELECT count(*) FROM audit_event WHERE action='audit.adopt_rows'").scalar()
    db.dispose()
    assert adopted == 0
    assert verify_file(path).ok
