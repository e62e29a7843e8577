"""`gatehouse verify` on files damaged or edited outside the app: exit 1 with findings, never a traceback."""

import json
import os
import sqlite3
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from desktop.services import demo
from desktop.store.migrate import open_database


def gatehouse(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True, timeout=180,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("world") / "demo.sqlite3"
    db = open_database(str(path))
    demo.build(db, day=date(2026, 11, 28), now=datetime(2026, 11, 28, 12, tzinfo=UTC))
    db.dispose()
    return path


@pytest.fixture
def copy(world: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy.sqlite3"
    target.write_bytes(world.read_bytes())
    return target


def test_a_malformed_time_names_the_event_and_exits_1(copy: Path):
    with sqlite3.connect(copy) as con:
        con.execute("UPDATE audit_event SET at = '2026-12-01 01:37:00.00000X' WHERE id = 12")
        con.execute("UPDATE dwell_timer SET minutes = 1 WHERE id = 1")
    con.close()
    out = gatehouse("verify", "--db", str(copy), "--lang", "en")
    assert out.returncode == 1 and "Traceback" not in out.stderr, out.stderr
    assert "audit chain: event 12 is broken" in out.stdout
    assert "[bad_timestamp] audit_event 12: at is not a time: '2026-12-01 01:37:00.00000X'" in out.stdout
    assert "[changed] dwell_timer 1: differs from audit event" in out.stdout


def test_a_damaged_file_the_other_commands_refuse_is_reported_not_refused(copy: Path):
    with sqlite3.connect(copy) as con:
        root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'dwell_timer'").fetchone()[0]
        page = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    data = bytearray(copy.read_bytes())
    data[(root - 1) * page] = 0x55
    copy.write_bytes(bytes(data))
    out = gatehouse("verify", "--db", str(copy), "--json", "--lang", "en")
    assert out.returncode == 1 and "Traceback" not in out.stderr, out.stderr
    kinds = {f["kind"] for f in json.loads(out.stdout)["findings"]}
    assert "integrity" in kinds
    refused = gatehouse("timers", "--db", str(copy))
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
