"""When opening a database checks it: after an unclean shutdown, or when the last check is old.

`PRAGMA quick_check` reads every page, so its time grows with the file (1.5–3 s at a million
slips) — too much for every start of every station. It runs instead when it can find something:

* after an unclean shutdown: SQLite removes the -wal (or -journal) file when the last connection
  closes cleanly, so one found before we connect means a process died with the file open (a power
  cut, a kill) — or another process has it open right now, where a check is merely early;
* when the last check that found the file sound is `CHECK_EVERY_DAYS` or more ago (and on the
  first open after the file was made): a disk that rots quietly is still found within a week.

The day of the last sound check is kept in the file itself, in SQLite's `user_version` header
field (Alembic keeps its revision in a table and leaves that field alone), so a copy or a restored
backup carries its own.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from desktop.store.engine import READONLY, Database

CHECK_EVERY_DAYS = 7
_LEFT_BY_A_CRASH = ("-wal", "-journal")


def today() -> int:
    """Days since 1970-01-01 (UTC): what `user_version` holds after a sound check."""
    return int(time.time() // 86_400)


def unclean(path: Path) -> bool:
    """A -wal or -journal beside the file: its last user did not close it (or is still using it)."""
    return any(Path(f"{path}{suffix}").exists() for suffix in _LEFT_BY_A_CRASH)


def _reader(db: Database):  # type: ignore[no-untyped-def]
    """A plain BEGIN: reading the header or checking pages needs no write lock."""
    return db.engine.execution_options(**{READONLY: True}).connect()


def last_checked(db: Database) -> int:
    with _reader(db) as conn:
        day = conn.exec_driver_sql("PRAGMA user_version").scalar()
        conn.rollback()
    return int(day or 0)


def due(db: Database, *, after_crash: bool, day: int | None = None) -> bool:
    """Whether opening should run quick_check now."""
    if after_crash:
        return True
    day = today() if day is None else day
    last = last_checked(db)
    return last > day or day - last >= CHECK_EVERY_DAYS  # a stamp from the future: a clock gone wrong


def quick_check(db: Database) -> str:
    """`ok`, or what SQLite found wrong."""
    with _reader(db) as conn:
        rows = conn.exec_driver_sql("PRAGMA quick_check").fetchall()
        conn.rollback()
    return "; ".join(str(r[0]) for r in rows[:5])


def stamp(db: Database, day: int | None = None) -> None:
    """Note a sound check in the file; skipped (the next open checks again) when another station
    holds the write lock or the file cannot be written."""
    day = today() if day is None else day
    path = db.path
    if path is None:
        return
    try:
        con = sqlite3.connect(path, timeout=0.2, isolation_level=None)  # a start does not wait on a busy station
        try:
            con.execute(f"PRAGMA user_version = {int(day)}")
        finally:
            con.close()
    except sqlite3.Error:
        pass
