from sqlmodel import func, select

from desktop.services import demo, handoff
from desktop.store.migrate import open_database
from desktop.store.models import Release, Slip


def test_demo_scans_give_every_kind_of_verdict(tmp_path, clock):
    db = open_database(str(tmp_path / "demo.sqlite3"))
    now = clock.now()
    summary = demo.build(db, day=demo.today(clock), clock=clock)
    with db.session(write=False) as s:
        releases = s.exec(select(func.count()).select_from(Release).join(Slip, Slip.id == Release.slip_id)
                          .where(Slip.kind == "slip")).one()  # bag labels picked up are the households step's
        recent = handoff.recent_scans(s, limit=500)
    db.dispose()
    for kind in ("ok", "not_yet", "already", "voided", "recalled", "unknown", "invalid"):
        assert summary.get(f"scans_{kind}", 0) >= 1, (kind, summary)
    assert releases == summary["releases"] >= 3
    assert {"transfer", "receive", "partial"} <= {e.kind for e in recent}
    assert all(e.at <= now for e in recent)
