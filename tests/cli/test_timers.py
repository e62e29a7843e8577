import json
import os
import subprocess
import sys


def gatehouse(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True, timeout=180,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def test_timers_lists_the_demo_board_in_every_state(tmp_path):
    db = str(tmp_path / "demo.sqlite3")
    # Live timers run on this machine's clocks, so the demo does too: the site's today, at any hour.
    assert gatehouse("demo", "--db", db).returncode == 0
    out = gatehouse("timers", "--db", db, "--json")
    assert out.returncode == 0, out.stderr
    timers = json.loads(out.stdout)["timers"]
    assert {t["state"] for t in timers} == {"running", "due_soon", "complete", "overdue"}
    lefts = [t["remaining_seconds"] for t in timers]
    assert lefts == sorted(lefts)  # soonest first
    running = [t for t in timers if t["state"] == "running"]
    assert all(0 < t["remaining_seconds"] <= 30 * 60 for t in running)


def test_a_second_demo_on_one_file_is_refused_unless_asked(tmp_path):
    db = str(tmp_path / "demo.sqlite3")
    assert gatehouse("demo", "--db", db, "--now", "2026-11-29T09:30").returncode == 0
    again = gatehouse("demo", "--db", db, "--now", "2026-11-29T10:00")
    assert again.returncode == 2 and "--again" in again.stderr and "2026-11-29" in again.stderr
    assert gatehouse("demo", "--db", db, "--date", "2026-11-29", "--now", "2026-11-29T10:00").returncode == 2
    assert gatehouse("demo", "--db", db, "--again", "--now", "2026-11-29T10:00").returncode == 0


def test_the_demo_day_is_the_sites_today_whatever_the_machines_date(tmp_path):
    db = str(tmp_path / "demo.sqlite3")
    # 17:00 UTC on the 29th is already the 30th at the site (Asia/Shanghai)
    out = gatehouse("demo", "--db", db, "--json", "--now", "2026-11-29T17:00:00+00:00")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["date"] == "2026-11-30"
    report = gatehouse("report", "daily", "--db", db, "--date", "2026-11-30", "--json")
    assert report.returncode == 0, report.stderr
