"""The headless commands, run as a person would run them: in a real process."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import __version__


def gatehouse(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True, timeout=180,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})})


def test_version():
    out = gatehouse("--version")
    assert out.returncode == 0
    assert __version__ in out.stdout


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    out = gatehouse("demo", "--db", str(path), "--date", "2026-11-28")
    assert out.returncode == 0, out.stderr
    return path


def test_demo_then_verify_passes(demo_db: Path):
    out = gatehouse("verify", "--db", str(demo_db), "--json")
    assert out.returncode == 0, out.stdout + out.stderr
    report = json.loads(out.stdout)
    assert report["ok"] is True and report["audit_events"] > 10


def test_changing_one_audit_field_makes_verify_fail_and_name_the_event(demo_db: Path, tmp_path: Path):
    tampered = tmp_path / "tampered.sqlite3"
    with sqlite3.connect(demo_db) as src, sqlite3.connect(tampered) as dst:
        src.backup(dst)
    with sqlite3.connect(tampered) as raw:
        victim = raw.execute("SELECT id FROM audit_event ORDER BY id LIMIT 1 OFFSET 7").fetchone()[0]
        raw.execute("UPDATE audit_event SET station = 'elsewhere' WHERE id = ?", (victim,))
    out = gatehouse("verify", "--db", str(tampered))
    assert out.returncode == 1
    assert f"第 {victim} 条" in out.stdout
    out = gatehouse("verify", "--db", str(tampered), "--json", "--lang", "en")
    assert json.loads(out.stdout)["first_broken_event"] == victim


def test_env_var_chooses_the_database(demo_db: Path, tmp_path: Path):
    out = gatehouse("verify", "--json", env={"GATEHOUSE_DB": str(demo_db)})
    assert out.returncode == 0, out.stderr
    assert str(demo_db) in json.loads(out.stdout)["database"]
    mistyped = tmp_path / "from-env.sqlite3"
    out = gatehouse("verify", env={"GATEHOUSE_DB": str(mistyped)})
    assert out.returncode == 2 and str(mistyped) in out.stderr
    assert not mistyped.exists()


def test_bad_date_is_bad_usage(tmp_path: Path):
    out = gatehouse("demo", "--db", str(tmp_path / "x.sqlite3"), "--date", "29/11/2026")
    assert out.returncode == 2
    assert "YYYY-MM-DD" in out.stderr


def test_not_a_database_exits_2_with_plain_words_and_keeps_the_file(tmp_path: Path):
    path = tmp_path / "report.xlsx"
    path.write_bytes(b"PK\x03\x04 not sqlite" * 50)
    before = path.read_bytes()
    out = gatehouse("verify", "--db", str(path))
    assert out.returncode == 2
    assert "不是 Gatehouse 数据库" in out.stderr
    assert "Traceback" not in out.stderr
    assert path.read_bytes() == before


def test_unknown_command_is_bad_usage():
    assert gatehouse("launch-rockets").returncode == 2
