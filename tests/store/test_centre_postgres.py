"""A command centre on PostgreSQL (issue 15, item 8): 200 site-days — 20 sites × 10 days, each a
signed package — merge into a centre on a real server, a second pass changes nothing, and each
day's county totals are the sum of its packages (`export GATEHOUSE_TEST_PG=$(bash .ci/postgres.sh)`)."""

from __future__ import annotations

import os
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlmodel import select

from desktop.documents import day_package
from desktop.services import county_report, merge, signing
from desktop.services.context import SYSTEM, Actor
from desktop.store.migrate import open_database
from desktop.store.models import CentrePackage, CentreTotal

PG = os.environ.get("GATEHOUSE_TEST_PG")
pytestmark = pytest.mark.skipif(not PG, reason="no PostgreSQL server: export GATEHOUSE_TEST_PG=$(bash .ci/postgres.sh)")
SITES, DAYS = 20, 10
FIRST = date(2026, 11, 20)


@pytest.fixture
def pg_centre():
    base = make_url(PG)
    name = f"gh_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    db = open_database(base.set(database=name).render_as_string(hide_password=False))
    with db.session() as s:
        merge.set_up_centre(s, actor=SYSTEM, now=datetime(2026, 11, 19, tzinfo=UTC), code="ZH", name="县指挥部",
                            admin_pin="9753")
    yield db
    db.dispose()
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


def _package(key: Ed25519PrivateKey, code: str, day: date, n: int) -> bytes:
    import base64

    public = base64.b64encode(signing.raw_public(key.public_key())).decode()
    summary = {"outcomes": {"total": n, "admitted": n - 1, "handoff": 0, "refused": 1, "cancelled": 0,
                            "checking": 0, "inside": 0},
               "counts": {"violations": n % 3, "overrides": n % 2},
               "necessities": {"grain": {"袋": {"received": 10.0 * n, "handed_on": 5.0 * n}},
                               "bottled_water": {"箱": {"received": float(n), "handed_on": 0.0}}}}
    files = {"records.json": b"{}", "report.json": day_package.canonical_json({"summary": summary}),
             "daily-report.pdf": b"%PDF-1.4\n", "daily-report.xlsx": b"PK\x03\x04"}
    created = datetime.combine(day, datetime.min.time(), tzinfo=UTC) + timedelta(hours=13)
    manifest = {"site": {"code": code, "name": f"站点{code}", "kind": "campus"}, "day": day.isoformat(),
                "time_zone": "Asia/Shanghai", "created_at": created.isoformat(), "generator": "test",
                "audit_head": None, "public_key": public, "fingerprint": signing.fingerprint(public)}
    return day_package.pack(manifest, files, key.sign)


def test_two_hundred_site_days_merge_on_postgresql(pg_centre):
    keys = [Ed25519PrivateKey.generate() for _ in range(SITES)]
    packages = [_package(keys[i], f"S{chr(65 + i)}", FIRST + timedelta(days=d), i + d + 1)
                for i in range(SITES) for d in range(DAYS)]
    admin, now = Actor("admin", "admin"), datetime(2026, 12, 1, tzinfo=UTC)
    for data in packages:
        with pg_centre.session() as s:
            assert merge.merge_package(s, actor=admin, now=now, data=data).outcome == "merged"
    for data in packages[:20]:
        with pg_centre.session() as s:
            assert merge.merge_package(s, actor=admin, now=now, data=data).outcome == "same"
    with pg_centre.session(write=False) as s:
        assert len(s.exec(select(CentrePackage)).all()) == SITES * DAYS
        assert len(s.exec(select(CentreTotal)).all()) == SITES * DAYS * 2
        for d in (0, DAYS - 1):
            view = county_report.county(s, day=FIRST + timedelta(days=d), now=now)
            assert len(view.sites) == SITES and view.missing == ()
            assert view.total.vehicles == sum(i + d + 1 for i in range(SITES))
            assert view.total.goods["grain"]["袋"] == (sum(10.0 * (i + d + 1) for i in range(SITES)),
                                                      sum(5.0 * (i + d + 1) for i in range(SITES)))
