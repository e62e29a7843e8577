"""`gatehouse scan`: same verdicts and events as the screen; two processes, one release."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from handoff_world import RACER, ready_slip, slip_for
from sqlmodel import func, select

from desktop.cli import main
from desktop.domain.clock import SystemClock
from desktop.store.models import CustodyEvent, Release

ROOT = Path(__file__).resolve().parents[2]


def _env() -> dict[str, str]:
    return {**os.environ, "GATEHOUSE_LANG": "zh", "PYTHONPATH": str(ROOT)}


def count(db, model):
    with db.session(write=False) as s:
        return s.exec(select(func.count()).select_from(model)).one()


def test_ok_then_already_with_exit_codes_and_json(db, db_path, capsys):
    with db.session() as s:
        number = ready_slip(s, SystemClock().read())
    assert main(["scan", number, "--db", str(db_path), "--station", "east", "--receiver", "王师傅",
                 "--destination", "一食堂", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["kind"] == "ok" and out["ok"] and out["receiver"] == "王师傅" and out["slip_number"] == number
    time.sleep(0)  # the repeat window is per station: another station gets the alarm at once
    assert main(["scan", number, "--db", str(db_path), "--station", "west"]) == 1
    text = capsys.readouterr().out
    assert "已交接" in text and "east" in text
    with db.session(write=False) as s:
        events = s.exec(select(CustodyEvent.station, CustodyEvent.verdict).order_by(CustodyEvent.id)).all()
    assert events == [("east", "ok"), ("west", "already")]


def test_refusals_exit_1_and_bad_usage_exits_2(db, db_path, capsys):
    with db.session() as s:
        number = slip_for(s, SystemClock().now(), disinfected_reading=SystemClock().read())
    assert main(["scan", number, "--db", str(db_path), "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["kind"] == "not_yet" and out["remaining"].startswith(("29:", "30:"))
    assert main(["scan", "garbage", "--db", str(db_path)]) == 1
    assert main(["scan", "  ", "--db", str(db_path)]) == 2
    done = subprocess.run([sys.executable, "-m", "desktop", "scan", "--db", str(db_path)], env=_env(),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "code" in done.stderr
    assert count(db, Release) == 0


def test_a_release_without_receiver_or_destination_is_refused_naming_the_field(db, db_path, capsys):
    with db.session() as s:
        number = ready_slip(s, SystemClock().read())
    assert main(["scan", number, "--db", str(db_path), "--destination", "一食堂"]) == 1
    assert "接收人" in capsys.readouterr().err
    assert main(["scan", number, "--db", str(db_path), "--receiver", "王师傅"]) == 1
    assert "去向" in capsys.readouterr().err
    assert count(db, Release) == 0
    assert main(["scan", number, "--db", str(db_path), "--receiver", "王师傅", "--destination", "一食堂"]) == 0
    assert count(db, Release) == 1


def test_two_processes_scanning_the_same_slip_at_once_release_it_exactly_once(db, db_path, tmp_path):
    with db.session() as s:
        number = ready_slip(s, SystemClock().read())
    go = tmp_path / "go"
    procs = [subprocess.Popen([sys.executable, "-c", RACER, str(go), "scan", number, "--db", str(db_path),
                               "--station", station, "--receiver", "王师傅", "--destination", "一食堂", "--json"],
                              env=_env(), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
             for station in ("east", "west")]
    time.sleep(2.5)  # both have imported everything and are waiting for the signal
    go.touch()
    results = [(*p.communicate(timeout=60), p.returncode) for p in procs]
    codes = sorted(rc for _, _, rc in results)
    kinds = sorted(json.loads(out)["kind"] for out, _, _ in results)
    assert codes == [0, 1], results
    assert kinds == ["already", "ok"]
    assert count(db, Release) == 1
    assert count(db, CustodyEvent) == 2
