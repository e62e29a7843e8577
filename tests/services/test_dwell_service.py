from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from desktop.domain.dwell import board_state
from desktop.services import audit, consignments, disinfection, dwell, setup
from desktop.services.context import Actor, ServiceError
from desktop.store.models import ClockMark, DwellTimer
from tests.services.disinfection_helpers import ACTOR, add_arrival, add_goods, form

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def started(db, clock):
    """One vehicle with one consignment, disinfected now: (timer_id, consignment_id)."""
    with db.session() as s:
        aid = add_arrival(s, plate="苏N12345", at=clock.now())
        good = add_goods(s, now=clock.now(), arrival_id=aid)
        done = disinfection.record(s, actor=ACTOR, clock=clock, form=form(clock, arrival_id=aid))
    return done.timer_id, good


def board_row(db, clock):
    with db.session() as s:
        b = dwell.board(s, actor=ACTOR, clock=clock)
    return b, b.rows[0]


def test_wall_clock_jump_is_audited_and_never_completes_a_timer(db, clock, started):
    _, good = started
    clock.advance(timedelta(minutes=5))
    with db.session() as s:
        dwell.board(s, actor=ACTOR, clock=clock)
    clock.set_wall(clock.now() + timedelta(hours=1))
    b, row = board_row(db, clock)
    assert b.jump_seconds == pytest.approx(3600)
    assert board_state(row.deadline_mono, clock.read().mono) == "running"
    with db.session(write=False) as s:
        status = dwell.release_status(s, consignment_id=good, clock=clock)
        jumps = audit.recent(s, action_prefix="clock.jump")
    assert status.state == "dwelling" and status.remaining == timedelta(minutes=25)
    assert len(jumps) == 1 and jumps[0]["data"]["jump_seconds"] == pytest.approx(3600)
    # the jump is reported once, not at every refresh
    board_row(db, clock)
    with db.session(write=False) as s:
        assert len(audit.recent(s, action_prefix="clock.jump")) == 1


def test_wall_clock_set_back_an_hour_keeps_the_right_time_left(db, clock, started):
    _, good = started
    clock.advance(timedelta(minutes=10))
    clock.set_wall(clock.now() - timedelta(hours=1))
    with db.session(write=False) as s:
        assert dwell.release_status(s, consignment_id=good, clock=clock).remaining == timedelta(minutes=20)


def test_reboot_resumes_with_clock_marks(db, clock, started):
    _, good = started
    clock.advance(timedelta(minutes=10))
    board_row(db, clock)  # the station saw 10 minutes pass in this boot
    clock.reboot(downtime=timedelta(minutes=3))
    _, row = board_row(db, clock)
    assert row.deadline_mono - clock.read().mono == pytest.approx(17 * 60)
    with db.session(write=False) as s:
        assert dwell.release_status(s, consignment_id=good, clock=clock).remaining == timedelta(minutes=17)
        assert len(s.exec(select(ClockMark)).all()) == 2


def test_reboot_with_clock_set_back_is_never_early(db, clock, started):
    _, good = started
    clock.advance(timedelta(minutes=10))
    board_row(db, clock)
    clock.reboot(downtime=timedelta(minutes=3))
    clock.set_wall(clock.now() - timedelta(hours=1))
    with db.session(write=False) as s:
        left = dwell.release_status(s, consignment_id=good, clock=clock).remaining
    assert left >= timedelta(minutes=19)


def test_completion_is_swept_and_acknowledged(db, clock, started):
    timer_id, good = started
    with pytest.raises(ServiceError) as err, db.session() as s:
        dwell.acknowledge(s, actor=ACTOR, clock=clock, timer_ids=[timer_id])
    assert err.value.code == "not_complete"
    clock.advance(timedelta(minutes=31))
    b, row = board_row(db, clock)
    assert board_state(row.deadline_mono, clock.read().mono, overdue_s=b.overdue_s) == "complete"
    assert not row.acknowledged
    with db.session() as s:
        timer = s.get(DwellTimer, timer_id)
        assert timer.state == "complete" and timer.completed_at == clock.now() - timedelta(minutes=1)
        assert consignments.get(s, good).state == "ready"
        assert dwell.acknowledge(s, actor=ACTOR, clock=clock, timer_ids=[timer_id]) == 1
    _, row = board_row(db, clock)
    assert row.acknowledged
    clock.advance(timedelta(minutes=30))
    b, row = board_row(db, clock)
    assert board_state(row.deadline_mono, clock.read().mono, overdue_s=b.overdue_s) == "overdue"


@pytest.mark.usefixtures("site_points")  # zhou.min, PIN 2468 (tests/services/conftest.py)
def test_early_completion_needs_a_supervisor_and_a_reason(db, clock, started):
    timer_id, good = started
    for who, pin, reason, code in [("zhou.min", "2468", "  ", "missing_reason"), ("zhou.min", "0000", "急需", "bad_pin"),
                                   ("li.qiang", "1", "急需", "bad_pin"), ("li.qiang", "1111", "急需", "not_supervisor"),
                                   (ACTOR.operator, "3333", "急需", "self_authorise")]:
        with pytest.raises(ServiceError) as err, db.session() as s:
            dwell.complete_early(s, actor=ACTOR, clock=clock, timer_id=timer_id, supervisor=who, pin=pin, reason=reason)
        assert err.value.code == code
    clock.advance(timedelta(minutes=10))
    with db.session() as s:
        dwell.complete_early(s, actor=ACTOR, clock=clock, timer_id=timer_id, supervisor="zhou.min", pin="2468",
                             reason="医疗物资急需")
    with db.session(write=False) as s:
        status = dwell.release_status(s, consignment_id=good, clock=clock)
        early_by = s.get(DwellTimer, timer_id).early_by
        event = audit.recent(s, action_prefix="dwell.complete_early")[0]
    assert status.state == "ready" and status.ready_at == clock.now()
    assert early_by == "zhou.min" and event["data"]["reason"] == "医疗物资急需"


def test_configured_minutes(db, clock):
    with db.session() as s:
        setup.set_setting(s, actor=Actor("admin", "admin"), now=clock.now(), key=dwell.MINUTES_KEY, value=45)
        aid = add_arrival(s, plate="苏N5", at=clock.now())
        done = disinfection.record(s, actor=ACTOR, clock=clock, form=form(clock, arrival_id=aid))
    assert done.minutes == 45


def test_board_is_soonest_first(db, clock):
    with db.session() as s:
        ids = []
        for i in range(3):
            aid = add_arrival(s, plate=f"苏N{i}", at=clock.now())
            ids.append(disinfection.record(s, actor=ACTOR, clock=clock, form=form(clock, arrival_id=aid)).timer_id)
            clock.advance(timedelta(minutes=3))
    b, _ = board_row(db, clock)
    assert [r.timer_id for r in b.rows] == ids
    assert [r.label for r in b.rows] == ["苏N0", "苏N1", "苏N2"]


CHILD = """
import sys, time
from datetime import timedelta
from desktop.domain.clock import SystemClock
from desktop.services import disinfection
from desktop.store.migrate import open_database
from tests.services.disinfection_helpers import ACTOR, add_arrival, add_goods, form
db = open_database(sys.argv[1])
clock = SystemClock()
goods = []
with db.session() as s:
    for i, ago in enumerate((0, 10, 25)):
        aid = add_arrival(s, plate=f"苏N0000{i}", at=clock.now() - timedelta(hours=1))
        goods.append(add_goods(s, now=clock.now(), arrival_id=aid))
        f = form(clock, arrival_id=aid, started_at=clock.now() - timedelta(minutes=ago + 3),
                 ended_at=clock.now() - timedelta(minutes=ago),
                 **({"late_reason": "纸质记录补录", "late_supervisor": "zhou.min", "late_pin": "2468"} if ago > 5 else {}))
        disinfection.record(s, actor=ACTOR, clock=clock, form=f)
print(repr(goods), time.time(), flush=True)
time.sleep(600)
"""

READER = """
import json, sys
from desktop.domain.clock import SystemClock
from desktop.services import dwell
from desktop.store.migrate import open_database
db = open_database(sys.argv[1])
with db.session(write=False) as s:
    out = {g: dwell.release_status(s, consignment_id=g, clock=SystemClock()).remaining.total_seconds()
           for g in json.loads(sys.argv[2])}
print(json.dumps(out))
"""


def test_timers_survive_a_killed_process(db, db_path):
    """A station process with running timers is killed (SIGKILL); a new process finds every timer
    with the right time left."""
    import time

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-c", textwrap.dedent(CHILD), str(db_path)], stdout=subprocess.PIPE,
                             text=True, cwd=ROOT, env=env)
    try:
        line = child.stdout.readline()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    goods_text, written_at = line.rsplit(" ", 1)
    goods = json.loads(goods_text)
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(READER), str(db_path), json.dumps(goods)],
                            capture_output=True, text=True, cwd=ROOT, env=env, timeout=60, check=True)
    since = time.time() - float(written_at)
    left = json.loads(result.stdout)
    for good, ago in zip(goods, (0, 10, 25), strict=True):
        expected = (30 - ago) * 60 - since
        assert left[str(good)] == pytest.approx(expected, abs=3.0)


def test_a_timer_seen_complete_stays_complete_after_a_reboot(db, clock, started):
    _, good = started
    clock.advance(timedelta(minutes=31))
    board_row(db, clock)  # completion recorded
    clock.reboot(downtime=timedelta(minutes=1))
    clock.set_wall(clock.now() - timedelta(hours=2))  # and the clock came back wrong
    with db.session(write=False) as s:
        assert dwell.release_status(s, consignment_id=good, clock=clock).state == "ready"
    _, row = board_row(db, clock)
    assert row.deadline_mono <= clock.read().mono
