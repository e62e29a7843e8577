from datetime import timedelta

from sqlmodel import func, select

from desktop.domain.localtime import local
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
    # In the site's first hour no slip of today can have stood its 30 minutes: nothing is released yet.
    young = local(now) - local(now).replace(hour=0, minute=0, second=0, microsecond=0) < timedelta(hours=1)
    kinds = ("not_yet", "voided", "unknown", "invalid") + (() if young else ("ok", "already", "recalled"))
    for kind in kinds:
        assert summary.get(f"scans_{kind}", 0) >= 1, (kind, summary)
    assert releases == summary.get("releases", 0) >= (0 if young else 3)
    if not young:
        assert {"transfer", "receive", "partial"} <= {e.kind for e in recent}
    assert all(e.at <= now for e in recent)
