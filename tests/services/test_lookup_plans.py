"""The lookups that grow with the database are answered from an index (issue #16 item 3).

The daily report (and the dashboard, which reads it for eight days), the day package, the
supervision pages (a vehicle's timeline, the day's vehicles, the day's violations), the slips
page and the handoff page's last release ask for a day's rows by a time column, or for a
station's latest row. The SQL those services actually send is caught on its way to SQLite
(`before_cursor_execute`) and asked EXPLAIN QUERY PLAN with its own parameters:

* at the head, no statement reads a growing table whole (`SCAN t`, with or without an index:
  a scan of a whole index grows as well);
* on the same file taken back to revision 0018 (before the lookup indexes), the same statements
  do read those tables whole: the indexes, not the data, make the difference.

The plans do not depend on the number of rows: there are no statistics (ANALYZE) in the file.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert
from sqlmodel import Session, select

from desktop.domain.localtime import local
from desktop.services import cadence, dashboard, daypackage, handoff, reports, slips, timeline
from desktop.services.setup import require_site
from desktop.services.timeline import day_bounds
from desktop.store.engine import Database
from desktop.store.models import Consignment
from tests.services.db_files import downgrade_file
from tests.services.test_scan_path_plans import (  # VM steps of one statement, to the nearest 100
    sql_sent,
    steps,
)
from tests.supervision_world import HANDOFF, SUPERVISOR, journey

LOCAL = ZoneInfo("Asia/Shanghai")
# Configuration tables: a handful of rows each, read whole on purpose.
SMALL_TABLES = frozenset({"site", "setting", "operator", "station", "unloading_point", "clock_mark", "audit_head",
                          "policy", "staff_member", "destination"})
# The tables revision 0019 indexes for these lookups.
INDEXED_BY_0019 = {"release", "disinfection", "dwell_timer", "override", "violation", "consignment",
                   "household_order", "arrival"}
MAX_STEPS = 20_000  # a day's lookup here takes a few thousand; a walk over the filler, 100,000s
_SCAN = re.compile(r"^SCAN (\w+)\b(?! ROW)")  # not "SCAN CONSTANT ROW"


def whole_reads(path: Path, sent: list[tuple[str, str, Any]]) -> dict[str, set[str]]:
    """For each service, the growing tables some statement of it reads whole (a SCAN of the table
    or of all of one of its indexes)."""
    out: dict[str, set[str]] = {}
    raw = sqlite3.connect(path)
    try:
        for what, statement, parameters in sent:
            for row in raw.execute("EXPLAIN QUERY PLAN " + statement, parameters):
                m = _SCAN.match(row[3])
                if m and m[1] not in SMALL_TABLES:
                    out.setdefault(what, set()).add(m[1])
    finally:
        raw.close()
    return out


def heavy(path: Path, sent: list[tuple[str, str, Any]]) -> dict[str, int]:
    """For each service, the most SQLite virtual-machine steps one of its statements takes (to the
    nearest 100), when it is over MAX_STEPS: an index that answers only part of the question (the
    goods with no vehicle, over every such goods ever registered) shows up here though its plan
    says SEARCH."""
    out: dict[str, int] = {}
    raw = sqlite3.connect(path)
    try:
        for what, statement, parameters in sent:
            count = steps(raw, statement, parameters)
            if count > MAX_STEPS:
                out[what] = max(out.get(what, 0), count)
    finally:
        raw.close()
    return out


def loose_goods(s: Session, n: int, *, at: datetime) -> None:
    """Goods that came with no vehicle and no order, registered on the days before `at`."""
    site = require_site(s)
    s.connection().execute(insert(Consignment), [
        {"site_id": site.id, "arrival_id": None, "order_id": None, "category": "蔬菜", "description": "", "quantity": 1,
         "unit": "箱", "recipient": "", "destination": "", "state": "released",
         "created_at": at - timedelta(days=2, minutes=i), "created_by": "filler"} for i in range(n)])


def _lookups(db: Database, clock, arrival_id: int) -> list[tuple[str, str, Any]]:
    """The SQL of each lookup, as the services send it, tagged with the service's name."""
    now = clock.now()
    day = local(now).date()
    lo, hi = day_bounds(day, LOCAL)
    calls: list[tuple[str, Callable[[Any], object]]] = [
        ("timeline", lambda s: timeline.vehicle_timeline(s, arrival_id=arrival_id)),
        ("day's vehicles", lambda s: timeline.day_arrivals(s, day=day, tz=LOCAL)),
        ("day's violations", lambda s: timeline.violations(s, day=day, tz=LOCAL)),
        ("daily report", lambda s: reports.daily(s, day=day, tz=LOCAL, now=now)),
        ("dashboard", lambda s: dashboard.figures(s, now=now, tz=LOCAL, day=day, history=False)),
        ("day package", lambda s: daypackage.records(s, day=day, lo=lo, hi=hi)),
        ("handed on", lambda s: daypackage.handed_on(s, lo, hi)),
        ("last release", lambda s: handoff.last_release_fields(s, station=HANDOFF.station)),
        ("slips page", lambda s: (slips.rows_for_day(s, day), slips.unslipped_on(s, day))),
        ("call round", lambda s: cadence._ordered(s, cadence.current_round(s, now))),
    ]
    out: list[tuple[str, str, Any]] = []
    for what, call in calls:
        with db.session(write=False) as s, sql_sent(db, ("SELECT", "WITH")) as sent:
            call(s)
        assert sent, what
        out += [(what, statement, parameters) for statement, parameters in sent]
    return out


def _at_0018(path: Path, tmp: Path) -> Path:
    """A copy of the file taken back to revision 0018 (before the lookup indexes)."""
    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    older = tmp / "at-0018.sqlite3"
    shutil.copyfile(path, older)
    downgrade_file(older, "0018")
    return older


def test_the_day_lookups_and_the_timeline_read_no_growing_table_whole(db, db_path, clock, tmp_path):
    j = journey(db, clock)
    with db.session() as s:
        timeline.record_violation(s, actor=SUPERVISOR, now=clock.now(), arrival_id=j.arrival_id, kind="window_open",
                                  description="车窗未关")
        loose_goods(s, 5_000, at=clock.now())
    sent = _lookups(db, clock, j.arrival_id)
    db.dispose()
    assert whole_reads(db_path, sent) == {}
    assert heavy(db_path, sent) == {}
    older = _at_0018(db_path, tmp_path)
    # what each index answers: without them, the same statements read the tables whole...
    before = whole_reads(older, sent)
    assert before == {
        "day's violations": {"violation"},
        "daily report": {"override", "dwell_timer", "disinfection", "violation", "release"},
        "dashboard": {"arrival", "release", "dwell_timer", "override", "disinfection", "violation"},
        "day package": {"override", "consignment", "disinfection", "release", "violation"},
        "handed on": {"release"},
        "last release": {"release"},
        "call round": {"household_order"},
    }
    assert set().union(*before.values()) == INDEXED_BY_0019
    # ... or walk every goods that came with no vehicle (or no order), whatever its day
    assert set(heavy(older, sent)) == {"daily report", "dashboard", "day package", "slips page"}


def test_a_release_finds_the_latest_disinfection_through_its_goods_whatever_the_statistics(db, db_path, clock):
    """An index on disinfection.ended_at (for the day's counts) must not become the release's way to
    the latest disinfection of its goods: with statistics that make the table look small (the
    bench's file: 100,000s of slips, a few hundred disinfections), SQLite walked that index newest
    first, probing each disinfection, instead of reading the goods' few items."""
    from handoff_world import ready_slip

    from desktop.services import dwell
    from desktop.services.handoff import VerdictKind
    from desktop.store.models import Slip

    with db.session() as s:
        numbers = [ready_slip(s, clock.read()) for _ in range(3)]
        goods = s.exec(select(Slip.consignment_id).where(Slip.number == numbers[0])).one()
    with sqlite3.connect(db_path) as raw:
        raw.execute("ANALYZE")  # as `desktop.bench.scan.fill` does, on a file of a few disinfections
    db.engine.dispose()  # connections read the statistics when they open
    with db.session() as s, sql_sent(db, ("SELECT", "WITH")) as sent:
        verdict = handoff.scan(s, code=numbers[0], actor=HANDOFF, clock=clock, receiver="一食堂",
                               destination="①")
        assert dwell.latest_disinfection(s, goods) is not None
    assert verdict.kind is VerdictKind.OK
    raw = sqlite3.connect(db_path)
    try:
        walks = [line for statement, parameters in sent
                 for (*_, line) in raw.execute("EXPLAIN QUERY PLAN " + statement, parameters)
                 if "ix_disinfection_ended_at" in line]
    finally:
        raw.close()
    assert len(sent) > 5 and walks == []
