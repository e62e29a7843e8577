"""The attacks of issue #17, kept: whatever is done to the file outside the app, `verify` names it.

One demo day is built through the services once per module; every attack works on its own copy.
(a) sqlite3-shell edits of each guarded table; (b) 200 seeded byte flips in the middle pages;
(c) a malformed `at`; (d) a write on a damaged file stops with a StoreError and writes nothing.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from desktop.services import audit_rows, demo, setup, verify
from desktop.services.context import Actor
from desktop.store.engine import Database, make_engine
from desktop.store.errors import Problem, StoreError
from desktop.store.migrate import open_database

EVENING = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
ADMIN = Actor("admin", "admin")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("world") / "demo.sqlite3"
    db = open_database(str(path))
    try:
        demo.build(db, day=date(2026, 11, 28), now=EVENING)
    finally:
        db.dispose()  # the last connection checkpoints the WAL: the file alone is the database
    return path


@pytest.fixture
def copy(world: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy.sqlite3"
    with sqlite3.connect(world) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    return target


def check(path: Path) -> verify.VerifyReport:
    db = Database(make_engine(str(path)))  # as a station that had it open: no checks on the way in
    try:
        with db.session(write=False) as s:
            return verify.verify(s, dialect="sqlite")
    finally:
        db.dispose()


def shell(path: Path, *sql: str) -> None:
    con = sqlite3.connect(path)
    try:
        for statement in sql:
            con.execute(statement)
        con.commit()
    finally:
        con.close()


def one(path: Path, sql: str) -> object:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def named(report: verify.VerifyReport) -> set[tuple[str, str, str]]:
    return {(f.kind, f.table, f.row) for f in report.findings}


def test_the_demo_day_is_intact_and_every_guarded_row_is_covered(world: Path):
    report = check(world)
    assert report.ok, report.lines()
    assert report.rows_checked > 300
    assert {"dwell_timer", "release", "custody_event", "arrival", "vehicle_pass", "approval", "approval_occupant",
            "disinfection", "slip", "operator", "consignment", "attachment"} <= set(audit_rows.guarded_tables())


# --- (a) sqlite3-shell edits --------------------------------------------------------------------

EDITS = [  # (table, change, a row the change really changes)
    ("dwell_timer", "minutes = 1", "minutes != 1"),
    ("dwell_timer", "boot_id = CAST(boot_id AS BLOB)", "1"),  # the same bytes, another type
    ("dwell_timer", "started_wall = '2026-11-28 00:00:00.000000'", "1"),
    ("dwell_timer", "state = 'complete'", "state != 'complete'"),
    ("release", "receiver = 'mallory'", "1"),
    ("custody_event", "verdict = 'ok'", "verdict != 'ok'"),
    ("consignment", "state = 'ready'", "state != 'ready'"),
    ("arrival", "decision = 'enter', status = 'admitted'", "status = 'refused'"),
    ("vehicle_pass", "valid_to = '2099-12-31'", "1"),
    ("approval", "status = 'approved', reviewed_by = 'mallory'", "status = 'rejected'"),
    ("approval_occupant", "name = '张三'", "1"),
    ("disinfection", "agent = 'water'", "1"),
    ("slip", "voided_at = NULL, void_reason = ''", "voided_at IS NOT NULL"),
    ("operator", "role = 'supervisor'", "role != 'supervisor'"),
    ("attachment", "data = X'00'", "1"),
]


@pytest.mark.parametrize(("table", "change", "where"), EDITS, ids=[f"{t}:{c.split(' =')[0]}" for t, c, _ in EDITS])
def test_a_shell_edit_of_a_guarded_row_is_named(copy: Path, table: str, change: str, where: str):
    victim = one(copy, f"SELECT max(id) FROM {table} WHERE {where}")
    assert victim is not None, "the demo day has such a row"
    shell(copy, f"UPDATE {table} SET {change} WHERE id = {victim}")
    report = check(copy)
    assert not report.ok
    assert ("changed", table, str(victim)) in named(report), report.lines()


def test_a_forged_release_is_named(copy: Path):
    slip = one(copy, "SELECT min(id) FROM slip WHERE id NOT IN (SELECT slip_id FROM release)")
    shell(copy, f"INSERT INTO release (slip_id, released_at, released_by, station, receiver, destination, "
                f"transfer_vehicle) VALUES ({slip}, '2026-11-28 09:00:00.000000', 'mallory', 'handoff', '', '', '')")
    forged = one(copy, f"SELECT id FROM release WHERE slip_id = {slip}")
    assert ("no_event", "release", str(forged)) in named(check(copy))


def test_a_deleted_row_is_named(copy: Path):
    victim = one(copy, "SELECT max(id) FROM custody_event")
    shell(copy, f"DELETE FROM custody_event WHERE id = {victim}")
    assert ("missing_row", "custody_event", str(victim)) in named(check(copy))


def test_emptying_the_audit_log_is_not_intact(copy: Path):
    shell(copy, "DELETE FROM audit_event", "DELETE FROM audit_head")
    report = check(copy)
    assert not report.ok and report.audit_events == 0
    assert "no_audit" in {f.kind for f in report.findings}
    assert ("no_event", "dwell_timer", "1") in named(report)


def test_cutting_the_last_five_events_and_rewriting_the_head_is_named(copy: Path):
    last = one(copy, "SELECT max(id) FROM audit_event")
    keep = last - 5
    shell(copy, f"DELETE FROM audit_event WHERE id > {keep}",
          f"UPDATE audit_head SET last_id = {keep}, last_hash = (SELECT hash FROM audit_event WHERE id = {keep})")
    report = check(copy)
    assert report.first_broken_event is None and report.head_ok  # the chain itself is consistent
    assert not report.ok
    assert {f.kind for f in report.findings} & {"no_event", "changed"}, report.lines()


def test_removing_the_head_is_named(copy: Path):
    shell(copy, "DELETE FROM audit_head")
    report = check(copy)
    assert not report.ok and ("head", "audit_head", "1") in named(report)


def test_a_write_in_the_app_after_an_edit_does_not_hide_it(copy: Path, clock):
    victim = one(copy, "SELECT max(id) FROM dwell_timer")
    shell(copy, f"UPDATE dwell_timer SET minutes = 1 WHERE id = {victim}")
    db = open_database(str(copy))
    try:
        with db.session() as s:
            setup.set_setting(s, actor=ADMIN, now=clock.now(), key="after", value=1)
    finally:
        db.dispose()
    assert ("changed", "dwell_timer", str(victim)) in named(check(copy))


# --- (c) a time that is not a time --------------------------------------------------------------


def test_a_malformed_at_names_the_event(copy: Path):
    shell(copy, "UPDATE audit_event SET at = '2026-12-01 01:37:00.00000X' WHERE id = 7")
    report = check(copy)
    assert ("bad_timestamp", "audit_event", "7") in named(report)
    assert report.first_broken_event == 7


def test_bad_utf8_and_a_wrong_type_in_an_event_are_named(copy: Path):
    shell(copy, "UPDATE audit_event SET operator = CAST(X'ff6d616c' AS TEXT) WHERE id = 9",
          "UPDATE audit_event SET station = CAST(station AS BLOB) WHERE id = 11", "UPDATE dwell_timer SET boot_id = X'c3' WHERE id = 1")
    report = check(copy)
    assert {("unreadable", "audit_event", "9"), ("wrong_type", "audit_event", "11"),
            ("changed", "dwell_timer", "1")} <= named(report)


# --- (b) byte flips ----------------------------------------------------------------------------

def _dump(path: Path) -> dict[tuple[str, str], tuple] | None:
    """Every guarded and audit row as raw cells, or None when the file cannot be read whole."""
    con = sqlite3.connect(path)
    con.text_factory = bytes
    out: dict[tuple[str, str], tuple] = {}
    try:
        for name in [*audit_rows.guarded_tables(), "audit_event", "audit_head"]:
            cols = [r[1].decode("utf-8", "replace") for r in con.execute(f"PRAGMA table_info({name})")]
            cells = ", ".join(f'typeof("{c}"), CAST("{c}" AS BLOB)' for c in cols)
            for row in con.execute(f'SELECT CAST(rowid AS TEXT), {cells} FROM "{name}"'):
                out[(name, row[0].decode())] = row[1:]
    except (sqlite3.DatabaseError, UnicodeDecodeError):  # a flipped schema: even SQLite's error has bad bytes
        return None
    finally:
        con.close()
    return out


def _flips(world: Path, n: int, seed: int) -> Iterator[tuple[int, int]]:
    size = world.stat().st_size
    rng = random.Random(seed)
    for _ in range(n):
        yield rng.randrange(size // 4, size * 3 // 4), 1 << rng.randrange(8)


def test_seeded_byte_flips_never_crash_verify_and_every_changed_row_is_reported(world: Path, tmp_path: Path):
    before = _dump(world)
    assert before is not None
    data = world.read_bytes()
    missed, changed_flips = [], 0
    for i, (offset, bit) in enumerate(_flips(world, 200, seed=17)):
        path = tmp_path / f"flip{i}.sqlite3"
        flipped = bytearray(data)
        flipped[offset] ^= bit
        path.write_bytes(bytes(flipped))
        report = check(path)  # must not raise, whatever the flip did
        after = _dump(path)
        changed = None if after is None else {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
        if changed == set():
            path.unlink()
            continue
        changed_flips += 1
        found = named(report)
        kinds = {f.kind for f in report.findings}
        if changed is None:  # the flip made the file unreadable as a whole (its schema, say): verify must say so
            if report.ok:
                missed.append((offset, bit, ["the whole file"], report.lines()[-3:]))
        elif report.ok or not (kinds & {"integrity", "unreadable"} or all(
                any((table, key) == (f[1], f[2]) for f in found) for table, key in changed)):
            missed.append((offset, bit, sorted(changed or [])[:3], report.lines()[-3:]))
        path.unlink()
    assert changed_flips > 10  # the flips did reach rows
    assert not missed, missed


# --- (d) writing on a damaged file ------------------------------------------------------------


def _break_table(path: Path, table: str) -> None:
    """Make the b-tree root page of `table` unreadable (an invalid page type)."""
    root = one(path, f"SELECT rootpage FROM sqlite_master WHERE name = '{table}'")
    page = one(path, "PRAGMA page_size")
    data = bytearray(path.read_bytes())
    data[(root - 1) * page] = 0x55
    path.write_bytes(bytes(data))


def test_a_write_on_a_damaged_file_stops_with_a_store_error_and_writes_nothing(copy: Path, clock):
    settings = one(copy, "SELECT count(*) FROM setting")
    _break_table(copy, "audit_event")
    db = Database(make_engine(str(copy)))  # a station that opened the file before it was damaged
    try:
        with pytest.raises(StoreError) as raised, db.session() as s:
            setup.set_setting(s, actor=ADMIN, now=clock.now(), key="written.on", value=1)
        assert raised.value.problem is Problem.CORRUPT
        assert "malformed" in str(raised.value)
        with pytest.raises(StoreError), db.session() as s:  # once seen, no write is even begun
            raise AssertionError("a write session was opened on a damaged file")
    finally:
        db.dispose()
    assert one(copy, "SELECT count(*) FROM setting") == settings
    assert one(copy, "SELECT count(*) FROM setting WHERE key = 'written.on'") == 0
    report = check(copy)
    assert not report.ok and {"integrity", "unreadable"} <= {f.kind for f in report.findings}


def test_dropping_a_table_whose_rows_the_log_wrote_is_named(copy: Path):
    """verify passes over tables a file of an older version never had, but not over a table that
    was there: the audit log claims its rows."""
    shell(copy, "PRAGMA foreign_keys=OFF", "DROP TABLE violation")
    report = check(copy)
    assert not report.ok
    assert "violation" in {f.table for f in report.findings}, report.lines()
