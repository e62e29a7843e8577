"""`verify` reads the audit log raw: whatever a shell edit leaves in it — a time that is not a time,
NULLs, JSON that is not JSON, ids missing or out of order — is a finding naming the event, never
an exception."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.i18n import set_language
from desktop.store.engine import Database
from tests.services.db_files import verify_file


def _shell(path: Path, *sql: str) -> None:
    con = sqlite3.connect(path)
    try:
        if "NULL" in " ".join(sql):  # NOT NULL taken out of the schema first, as an attacker could
            con.execute("PRAGMA writable_schema = ON")
            con.execute("UPDATE sqlite_master SET sql = replace(sql, 'NOT NULL', '') WHERE name = 'audit_event'")
            con.commit()
            con.close()
            con = sqlite3.connect(path)
        for statement in sql:
            con.execute(statement)
        con.commit()
    finally:
        con.close()


@pytest.mark.parametrize(("sql", "finding", "words"), [
    ("UPDATE audit_event SET at = '2026-12-01 01:37:00.00000X' WHERE id = 3",
     ("bad_timestamp", "audit_event", "3"), "at is not a time: '2026-12-01 01:37:00.00000X'"),
    ("UPDATE audit_event SET at = '2026-13-01 01:37:00.000000' WHERE id = 3",
     ("bad_timestamp", "audit_event", "3"), "at is not a time"),
    ("UPDATE audit_event SET at = NULL WHERE id = 4", ("wrong_type", "audit_event", "4"), "at is null, not text"),
    ("UPDATE audit_event SET at = 20261201 WHERE id = 4", ("wrong_type", "audit_event", "4"), "at is integer, not text"),
    ("UPDATE audit_event SET hash = NULL WHERE id = 5", ("wrong_type", "audit_event", "5"), "hash is null"),
    ("UPDATE audit_event SET data = '{' WHERE id = 6", ("unreadable", "audit_event", "6"), "data is not JSON"),
    ("UPDATE audit_event SET data = '[1,2]' WHERE id = 6", ("chain", "audit_event", "6"), "changed"),
    ("DELETE FROM audit_event WHERE id = 7", ("out_of_order", "audit_event", "8"), "expected event 7"),
    ("UPDATE audit_event SET id = 1000 WHERE id = 2", ("out_of_order", "audit_event", "3"), "expected event 2"),
    ("UPDATE audit_event SET operator = X'ff00' WHERE id = 2", ("wrong_type", "audit_event", "2"), "operator is blob"),
])
def test_a_malformed_event_is_a_named_finding(db: Database, db_path: Path, sql: str, finding: tuple, words: str):
    set_language("en")
    db.dispose()
    _shell(db_path, sql)
    report = verify_file(db_path)
    assert not report.ok
    found = {(f.kind, f.table, f.row): f.detail for f in report.findings}
    assert finding in found, report.lines()
    assert words in found[finding] or any(words in line for line in report.lines()), report.lines()


def test_a_missing_audit_table_is_a_finding(db: Database, db_path: Path):
    db.dispose()
    _shell(db_path, "DROP TABLE audit_event")
    report = verify_file(db_path)
    assert not report.ok and any(f.kind == "unreadable" and f.table == "audit_event" for f in report.findings)


def test_the_cli_names_the_event_and_exits_1_without_a_traceback(db: Database, db_path: Path):
    import os
    import subprocess
    import sys

    db.dispose()
    _shell(db_path, "UPDATE audit_event SET at = NULL, data = '{' WHERE id = 3", "DELETE FROM audit_event WHERE id = 5")
    out = subprocess.run([sys.executable, "-m", "desktop", "--db", str(db_path), "--lang", "en", "verify"],
                         capture_output=True, text=True, timeout=180, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 1, out.stderr
    assert "Traceback" not in out.stderr
    assert "[wrong_type] audit_event 3: at is null, not text" in out.stdout
    assert "[out_of_order] audit_event 6" in out.stdout
