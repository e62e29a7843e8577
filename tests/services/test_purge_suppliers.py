"""A supplier's contact (a person's name and phone) is personal data: it goes with the same
retention as the drivers, once the supplier's newest approval is past it; the company's name stays.
Grepped in the file's bytes, as the other purge tests do."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from sqlmodel import select

from desktop.services import audit, demo, purge, verify
from desktop.services.context import SYSTEM, Actor
from desktop.store.migrate import open_database
from desktop.store.models import Approval, Supplier

ADMIN = Actor("admin", "admin")
DAY = date(2026, 10, 1)
LATER = datetime(2026, 11, 12, 2, 0, tzinfo=UTC)  # 41 days on: past the 30 days kept
KEPT_DAY = date(2026, 11, 11)  # an approval inside the 30 days


def _bytes(db_file: Path) -> bytes:
    return b"".join(p.read_bytes() for p in (db_file, Path(f"{db_file}-wal")) if p.exists())


def test_an_old_suppliers_phone_is_purged_a_recent_ones_is_kept(tmp_path):
    path = tmp_path / "demo.sqlite3"
    db = open_database(str(path))
    try:
        demo.build(db, day=DAY, now=datetime(2026, 10, 1, 12, 0, tzinfo=UTC))
        with db.session() as s:
            suppliers = s.exec(select(Supplier).order_by(Supplier.id)).all()
            assert len(suppliers) >= 2
            old, recent = suppliers[0], suppliers[1]
            phones = {}
            for n, row in enumerate(suppliers):
                row.phone, row.contact_name = f"1390000{n:04d}", f"联系人{n}"
                phones[row.id] = row.phone
                s.add(row)
            newest = s.exec(select(Approval).where(Approval.supplier_id == recent.id)).first()
            assert newest is not None
            newest.arrival_date = KEPT_DAY  # this supplier came again lately: its contact is still needed
            s.add(newest)
            # a supplier entered long ago with no approval at all goes too
            s.add(Supplier(name="旧供货单位", contact_name="李四", phone="13911112222",
                           created_at=datetime(2026, 9, 1, tzinfo=UTC)))
            audit.record(s, actor=SYSTEM, action="test.suppliers", at=datetime(2026, 10, 1, 12, 5, tzinfo=UTC))
            old_id, recent_id = old.id, recent.id
        with db.session(write=False) as s:
            due = purge.plan(s, now=LATER)
        assert due.counts["supplier"] == len(phones)  # every one but the recent one, plus the one without approvals
        with db.session() as s:
            assert purge.purge(s, actor=ADMIN, now=LATER).counts["supplier"] == due.counts["supplier"]
        with db.session(write=False) as s:
            rows = {r.id: (r.name, r.contact_name, r.phone) for r in s.exec(select(Supplier)).all()}
            report = verify.verify(s, dialect=db.dialect)
    finally:
        db.dispose()
    purge.compact(path)
    assert rows[old_id][0] and rows[old_id][1:] == ("", "")  # the company's name stays, its contact goes
    assert rows[recent_id][2] == phones[recent_id] and rows[recent_id][1]
    assert report.ok, report.findings
    data = _bytes(path)
    gone = [p for i, p in phones.items() if i != recent_id] + ["13911112222"]
    assert not [p for p in gone if p.encode() in data]
    assert phones[recent_id].encode() in data
