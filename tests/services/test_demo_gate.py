from datetime import UTC, date, datetime

import pytest

from desktop.services import audit, demo, gate, verify
from desktop.store.migrate import open_database

pytestmark = pytest.mark.usefixtures("site_points")


def test_demo_day_has_every_gate_outcome(tmp_path):
    db = open_database(str(tmp_path / "demo.sqlite3"))
    evening = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)  # 20:00 in Suqian
    try:
        counts = demo.build(db, day=date(2026, 11, 30), now=evening)
        assert counts["arrivals"] == 8
        with db.session(write=False) as s:
            arrivals = gate.today(s, now=evening)
            statuses = {a.status for a in arrivals}
            inside = gate.inside(s, now=evening)
            actions = {e["action"] for e in audit.recent(s, limit=500)}
            report = verify.verify(s, dialect=db.dialect)
        assert statuses == {"exited", "admitted", "refused", "cancelled", "handoff"}
        assert [i.arrival.plate for i in inside if i.overdue] == ["苏N35791"]
        assert any(a.needs_supervisor and a.status == "handoff" for a in arrivals)
        assert {"gate.override", "gate.cancel", "gate.exit", "policy.level", "approval.import",
                "approval.reject"} <= actions
        assert report.ok
        assert demo.build(db, day=date(2026, 11, 30), now=evening)["arrivals"] == 0  # a second run adds nothing
    finally:
        db.dispose()
