"""Several stations of one site share a PostgreSQL server: the same schema, one audit chain, and
one release per slip, on a real server (`export GATEHOUSE_TEST_PG=$(bash .ci/postgres.sh)`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlmodel import SQLModel, func, select
from team import add_team

from desktop.domain.clock import SystemClock
from desktop.services import setup, verify
from desktop.services.context import Actor
from desktop.store.migrate import head_revision, open_database
from desktop.store.models import AuditEvent, Release

PG = os.environ.get("GATEHOUSE_TEST_PG")
pytestmark = pytest.mark.skipif(not PG, reason="no PostgreSQL server: export GATEHOUSE_TEST_PG=$(bash .ci/postgres.sh)")
ROOT = Path(__file__).resolve().parents[2]


def gatehouse(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.fixture
def pg_url():
    """A fresh database on the test server for each test."""
    base = make_url(PG)
    name = f"gh_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    yield base.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


@pytest.fixture
def pg_db(pg_url):
    db = open_database(pg_url)
    with db.session() as s:
        setup.ensure_initial(s, now=SystemClock().now())
        add_team(s, now=SystemClock().now())
    yield db
    db.dispose()


def test_upgrades_to_head_without_drift(pg_db):
    assert pg_db.dialect == "postgresql"
    with pg_db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        assert ctx.get_current_revision() == head_revision()
        assert compare_metadata(ctx, SQLModel.metadata) == []


def test_demo_then_verify_then_tamper_on_a_shared_server(pg_url):
    assert gatehouse("demo", "--db", pg_url, "--date", "2026-11-28").returncode == 0
    out = gatehouse("verify", "--db", pg_url, "--json")
    assert out.returncode == 0, out.stdout + out.stderr
    assert json.loads(out.stdout)["audit_events"] > 20
    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE audit_event SET operator = 'mallory' WHERE id = 12")
    engine.dispose()
    out = gatehouse("verify", "--db", pg_url, "--json")
    assert out.returncode == 1
    assert json.loads(out.stdout)["first_broken_event"] == 12


_WRITER = """
import sys
from desktop.domain.clock import SystemClock
from desktop.services import setup
from desktop.services.context import Actor
from desktop.store.migrate import open_database
db = open_database(sys.argv[1])
station = sys.argv[2]
for i in range(15):
    with db.session() as s:
        setup.set_setting(s, actor=Actor("admin", station), now=SystemClock().now(), key=f"{station}.{i}", value=i)
db.dispose()
"""


def test_four_stations_writing_at_once_keep_one_unbroken_audit_chain(pg_db, pg_url):
    with pg_db.session(write=False) as s:
        before = s.exec(select(func.count()).select_from(AuditEvent)).one()
    procs = [subprocess.Popen([sys.executable, "-c", _WRITER, pg_url, f"s{n}"], cwd=ROOT,
                              stderr=subprocess.PIPE, text=True) for n in range(4)]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert all(p.returncode == 0 for p in procs), errors
    with pg_db.session(write=False) as s:
        report = verify.verify(s, dialect=pg_db.dialect)
        assert report.ok, report.lines()
        assert report.audit_events == before + 60




def test_two_stations_scanning_one_slip_release_it_exactly_once(pg_db, pg_url, tmp_path):
    from handoff_world import RACER, ready_slip

    with pg_db.session() as s:
        number = ready_slip(s, SystemClock().read())
    go = tmp_path / "go"
    procs = [subprocess.Popen([sys.executable, "-c", RACER, str(go), "scan", number, "--db", pg_url,
                               "--station", station, "--receiver", "王师傅", "--destination", "一食堂", "--json"], cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT),  # the handoff team's 刘洋 scans
                                   "GATEHOUSE_OPERATOR": "liu.yang", "GATEHOUSE_PIN": "5555"})
             for station in ("east", "west")]
    time.sleep(3)
    go.touch()
    results = [(*p.communicate(timeout=120), p.returncode) for p in procs]
    assert sorted(rc for _, _, rc in results) == [0, 1], results
    assert sorted(json.loads(out)["kind"] for out, _, _ in results) == ["already", "ok"]
    with pg_db.session(write=False) as s:
        assert s.exec(select(func.count()).select_from(Release)).one() == 1


def test_a_row_edited_on_the_server_is_named_by_verify(pg_db):
    with pg_db.session() as s:
        setup.set_setting(s, actor=Actor("admin", "admin"), now=SystemClock().now(), key="edited", value=1)
    with pg_db.session(write=False) as s:
        assert verify.verify(s, dialect=pg_db.dialect).ok
    with pg_db.engine.begin() as conn:  # a shift of the time only: the digest reads it in UTC text
        conn.exec_driver_sql("UPDATE setting SET updated_at = updated_at - interval '1 minute' WHERE key = 'edited'")
    with pg_db.session(write=False) as s:
        report = verify.verify(s, dialect=pg_db.dialect)
    assert ("changed", "setting", "edited") in {(f.kind, f.table, f.row) for f in report.findings}


def test_the_audit_tab_s_events_come_without_row_digests_on_the_server(pg_db):
    from desktop.domain.clock import SystemClock
    from tests.services.test_audit import shown_without_digests

    shown_without_digests(pg_db, SystemClock().now())


def test_the_audit_tab_pages_back_through_the_log_on_the_server(pg_db):
    from desktop.domain.clock import SystemClock
    from tests.services.test_audit import pages_back

    pages_back(pg_db, SystemClock().now())
