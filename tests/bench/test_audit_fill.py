"""The bench's audit filler writes a chain that `verify` accepts, continuing the site's own."""

from __future__ import annotations

from desktop.bench.audit_fill import describe, fill_audit
from desktop.services import setup, verify
from desktop.store.migrate import open_database


def test_filled_events_continue_the_chain_and_verify(tmp_path, clock):
    path = tmp_path / "fill.sqlite3"
    db = open_database(str(path))
    with db.session() as s:
        setup.ensure_initial(s, now=clock.now())  # writes real events: the filler continues after them
    db.dispose()
    before = describe(path)["audit_events"]
    head = fill_audit(path, 5_000)
    assert describe(path)["audit_events"] == before + 5_000
    db = open_database(str(path))
    try:
        with db.session(write=False) as s:
            report = verify.verify(s, dialect="sqlite")
        assert report.ok, report
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT last_hash FROM audit_head").scalar() == head
    finally:
        db.dispose()
