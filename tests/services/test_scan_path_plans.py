"""Every query a scan makes is answered from an index, whatever the tables hold.

The SQL a release, a repeat, a refused (unknown or invalid) scan, a bag pickup and the gate's
plate/pass lookup actually send is caught on its way to SQLite (`before_cursor_execute`), then
asked two things on the same file, with its own parameters:

* EXPLAIN QUERY PLAN: no full scan (`SCAN t` without an index) of a table that grows;
* how much work it does (SQLite virtual-machine steps, counted by a progress handler) with
  thousands of earlier scans, bags, approvals and visits of the same plate in the tables: an
  index that answers only part of the question (slip_id IS NULL over every unknown scan ever
  recorded) still shows up here, though its plan says SEARCH.

The refusal time at 0 and at 50,000 earlier unknown scans is printed (run with -s to see it).
"""

from __future__ import annotations

import re
import sqlite3
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from handoff_world import bag_labels, ready_slip
from sqlalchemy import event, insert
from sqlmodel import Session

from desktop.services import gate, handoff, households, passes
from desktop.services.context import Actor
from desktop.services.handoff import VerdictKind as V
from desktop.services.setup import require_site
from desktop.store.models import Approval, Arrival, Bag, CustodyEvent, HouseholdOrder

pytestmark = pytest.mark.usefixtures("site_points")

A = Actor("liu.yang", "handoff")
REVIEW = Actor("wang.fang", "review")  # passes are the review group's
# Configuration tables: a handful of rows each, read whole on purpose.
SMALL_TABLES = frozenset({"site", "setting", "operator", "station", "unloading_point", "clock_mark", "audit_head",
                          "policy"})
MAX_STEPS = 20_000  # an indexed lookup here takes a few hundred; a walk over the filler, 100,000s
PLATE, PASS = "苏N12345", "BG-0001"
_SCAN = re.compile(r"^SCAN (\w+)")
_INDEXED = ("USING INDEX", "USING COVERING INDEX", "USING INTEGER PRIMARY KEY")


@contextmanager
def sql_sent(db, kinds: tuple[str, ...] = ("SELECT", "UPDATE", "DELETE")) -> Iterator[list[tuple[str, Any]]]:
    """Every statement of these `kinds` the engine sends while the block runs, with its parameters."""
    sent: list[tuple[str, Any]] = []

    def catch(_conn, _cursor, statement, parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().split(None, 1)[0].upper() in kinds:
            sent.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", catch)
    try:
        yield sent
    finally:
        event.remove(db.engine, "before_cursor_execute", catch)


def full_scans(raw: sqlite3.Connection, statement: str, parameters: Any) -> list[str]:
    plan = [row[3] for row in raw.execute("EXPLAIN QUERY PLAN " + statement, parameters)]
    out = []
    for line in plan:
        m = _SCAN.match(line)
        if m and m[1] not in SMALL_TABLES and not any(w in line for w in _INDEXED):
            out.append(line)
    return out


def steps(raw: sqlite3.Connection, statement: str, parameters: Any) -> int:
    """Virtual-machine instructions the statement takes (to the nearest 100)."""
    count = 0

    def tick() -> int:
        nonlocal count
        count += 100
        return 0

    raw.set_progress_handler(tick, 100)
    try:
        raw.execute(statement, parameters).fetchall()
    finally:
        raw.set_progress_handler(None, 100)
    return count


def check(db_path, sent: list[tuple[str, Any]], what: str) -> None:
    assert sent, what
    raw = sqlite3.connect(db_path)
    try:
        problems = []
        for statement, parameters in sent:
            short = " ".join(statement.split())[:160]
            problems += [f"{what}: {line}  <- {short}" for line in full_scans(raw, statement, parameters)]
            if statement.lstrip().upper().startswith("SELECT"):
                n = steps(raw, statement, parameters)
                if n > MAX_STEPS:
                    problems.append(f"{what}: {n} steps  <- {short}")
    finally:
        raw.close()
    assert problems == []


# --- a site that has been busy for a long time -------------------------------------------------


def earlier_unknown_scans(s: Session, n: int, *, at: datetime, station: str = A.station) -> None:
    rows = [{"slip_id": None, "code_raw": f"JUNK{i:07d}", "verdict": "unknown", "kind": "scan", "station": station,
             "operator": A.operator, "at": at - timedelta(seconds=10 + i), "holder": "", "location": "", "vehicle": "",
             "reason": ""} for i in range(n)]
    s.connection().execute(insert(CustodyEvent), rows)


def waiting_bags(s: Session, consignment_id: int, n: int, *, at: datetime) -> None:
    site = require_site(s)
    conn = s.connection()
    conn.execute(insert(HouseholdOrder), [{"site_id": site.id, "batch": "filler", "community": "", "building": "9",
                                           "unit": "", "room": f"{i}", "phone": "", "contact_name": "", "items": "",
                                           "special_needs": False, "delivery": "pickup", "created_at": at}
                                          for i in range(n)])
    first = conn.exec_driver_sql("SELECT min(id) FROM household_order WHERE batch = 'filler'").scalar()
    conn.execute(insert(Bag), [{"order_id": first + i, "consignment_id": consignment_id, "seq": 1,
                                "state": "waiting"} for i in range(n)])


def visits_of_the_plate(s: Session, n: int, *, day: date, at: datetime) -> None:
    site = require_site(s)
    conn = s.connection()
    conn.execute(insert(Approval), [{"site_id": site.id, "arrival_date": day - timedelta(days=1 + i), "plate": PLATE,
                                     "supplier_name": "宿迁市苏果超市配送中心", "mode": "enter", "cargo_summary": "",
                                     "status": "approved", "review_reason": "", "source": "manual", "note": "",
                                     "created_at": at, "created_by": ""} for i in range(n)])
    conn.execute(insert(Arrival), [{"site_id": site.id, "plate": PLATE, "station": "gate",
                                    "arrived_at": at - timedelta(days=1 + i), "status": "exited",
                                    "management_level": "prevention", "risk_level": "low", "needs_supervisor": False,
                                    "decision_reason": "", "route": "", "cancel_reason": "", "created_by": "",
                                    "exited_at": at - timedelta(days=1 + i)} for i in range(n)])


def test_every_query_of_a_scan_is_answered_from_an_index(db, db_path, clock):
    now = clock.now()
    with db.session() as s:
        number = ready_slip(s, clock.read())
        consignment_id, (bag_one, _bag_two) = bag_labels(s, clock.read(), 2)
        earlier_unknown_scans(s, 20_000, at=now)
        earlier_unknown_scans(s, 5_000, at=now, station="handoff-2")
        waiting_bags(s, consignment_id, 2_000, at=now)
        visits_of_the_plate(s, 1_000, day=now.date(), at=now)
        passes.add(s, actor=REVIEW, now=now, number=PASS, plate=PLATE, valid_from=date(2026, 11, 1),
                   valid_to=date(2026, 12, 31))

    def scan(code: str) -> handoff.Verdict:
        with db.session() as s:
            return handoff.scan(s, code=code, actor=A, clock=clock, receiver="王师傅", destination="一食堂")

    def caught(what: str, work: Callable[[], object]) -> object:
        with sql_sent(db) as sent:
            result = work()
        check(db_path, sent, what)
        return result

    assert caught("release", lambda: scan(number)).kind is V.OK  # type: ignore[attr-defined]
    clock.advance(1)
    assert caught("repeat", lambda: scan(number)).repeat  # type: ignore[attr-defined]
    assert caught("unknown", lambda: scan("NOT-A-SLIP-42")).kind is V.UNKNOWN  # type: ignore[attr-defined]
    clock.advance(1)
    assert caught("unknown repeat", lambda: scan("NOT-A-SLIP-42")).repeat  # type: ignore[attr-defined]
    site = number.split("-")[0]
    assert caught("unknown number", lambda: scan(f"{site}-2222222222")).kind in (V.UNKNOWN, V.INVALID)  # type: ignore[attr-defined]
    assert caught("bag pickup", lambda: scan(bag_one)).kind is V.OK  # type: ignore[attr-defined]
    with db.session(write=False) as s:
        caught("the handoff list", lambda: handoff.recent_scans(s, station=A.station))
        caught("the batch after a pickup", lambda: (households.batch_info(s, "b1"), households.buildings(s, "b1")))
    gate_now = datetime.combine(now.date(), datetime.min.time(), tzinfo=UTC) + timedelta(hours=1)
    with db.session(write=False) as s:
        assert caught("gate by plate", lambda: gate.lookup(s, query="苏N·12345", now=gate_now)).plate == PLATE  # type: ignore[attr-defined]
        assert caught("gate by pass", lambda: gate.lookup(s, query=PASS, now=gate_now)).plate == PLATE  # type: ignore[attr-defined]


def _refusal_ms(db, clock, rounds: int = 15) -> tuple[float, float]:
    """Median ms of refusing an unknown scan: the scan's own work, and with its commit (an fsync)."""
    work, whole = [], []
    for i in range(rounds):
        clock.advance(3)
        started = time.perf_counter()
        with db.session() as s:
            assert handoff.scan(s, code=f"NOPE{i:04d}XYZ", actor=A, clock=clock).kind is V.UNKNOWN
            work.append((time.perf_counter() - started) * 1000)
        whole.append((time.perf_counter() - started) * 1000)
    return statistics.median(work), statistics.median(whole)


def test_a_refusal_costs_the_same_after_fifty_thousand_unknown_scans(db, clock):
    empty = _refusal_ms(db, clock)
    with db.session() as s:
        earlier_unknown_scans(s, 50_000, at=clock.now())
    full = _refusal_ms(db, clock)
    print(f"\nrefusing an unknown scan (median of 15): {empty[0]:.2f} ms of work ({empty[1]:.2f} ms with its commit) "
          f"after 0 earlier unknown scans; {full[0]:.2f} ms ({full[1]:.2f} ms) after 50,000")


def test_a_vehicles_timeline_reads_the_audit_log_from_an_index(db, db_path, clock):
    """The supervisor's timeline asks for the events of the vehicle's rows; with thousands of other
    events of the same actions in the log it still reads only its own."""
    from sqlalchemy import text
    from supervision_world import journey

    from desktop.services import timeline

    j = journey(db, clock)
    with db.session() as s:
        s.execute(text("CREATE TEMP TABLE n(i)"))
        s.execute(text("WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 30000) "
                       "INSERT INTO n SELECT i FROM c"))
        # filler written straight into the table (the chain is not the point here): other vehicles' events
        s.execute(text("INSERT INTO audit_event (at, operator, station, action, entity, entity_id, data, "
                       "prev_hash, hash) SELECT :at, 'li.qiang', 'gate-1', 'gate.exit', 'arrival', "
                       "CAST(i + 100000 AS TEXT), '{}', '', 'filler' || i FROM n"), {"at": clock.now()})
    with db.session(write=False) as s, sql_sent(db) as sent:
        entries = timeline.vehicle_timeline(s, arrival_id=j.arrival_id)
    assert entries
    check(db_path, [(st, p) for st, p in sent if "audit_event" in st], "timeline")
