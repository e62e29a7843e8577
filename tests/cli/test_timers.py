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
